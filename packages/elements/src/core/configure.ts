import { PortalRuntime, type PortalSettings } from './portal-runtime.ts';
import { attachContextRoot } from './page-root.ts';
import { lightTokens, presets, referenceTokens } from './theme/tokens.ts';
import { themeTokens, type ThemeInput } from './theme/theme.ts';
import type { PresetName } from './theme/tokens.ts';

/** Page-wide defaults for components placed outside any `<pk-portal>`. */
export interface PartnerkitConfiguration extends PortalSettings {
  /** A preset or a theme object, applied to the whole page's Partnerkit components. */
  theme?: PresetName | 'auto' | ThemeInput;
}

let runtime: PortalRuntime | undefined;
let themeSheet: CSSStyleSheet | undefined;

/** The tokens a page-wide theme sets on `:root`, and those for a dark system setting (`auto`). */
function pageTokens(theme: PresetName | 'auto' | ThemeInput): { root: Record<string, string>; dark: Record<string, string> } {
  const object = typeof theme === 'object' ? theme : undefined;
  const preset = object ? (object.colorScheme ?? 'light') : (theme as PresetName | 'auto');
  const root: Record<string, string> = { ...referenceTokens, ...lightTokens, ...(preset === 'auto' ? {} : presets[preset]), ...(object ? themeTokens(object) : {}) };
  return { root, dark: preset === 'auto' ? { ...presets.dark } : {} };
}

/** Sets tokens through the CSSOM, which parses each value on its own: a value cannot open another rule. */
function setTokens(rule: CSSStyleRule, tokens: Record<string, string>): void {
  for (const [name, value] of Object.entries(tokens)) rule.style.setProperty(`--pk-${name}`, value);
}

/**
 * `Partnerkit.configure({ baseUrl, getToken, locale, theme })`: page-wide defaults for
 * standalone components (an intranet page with a lone `<pk-deal-list>`). A `<pk-portal>`
 * still wins for the components inside it. This is the only call that writes to the page:
 * context providers on `<html>` and, when a theme is given, one adopted stylesheet.
 * Calling it again replaces the settings.
 */
export function configure(configuration: PartnerkitConfiguration): void {
  attachContextRoot();
  const { theme, ...settings } = configuration;
  if (!runtime) {
    runtime = new PortalRuntime(document.documentElement);
  }
  runtime.update(settings);
  if (theme !== undefined) {
    themeSheet ??= new CSSStyleSheet();
    themeSheet.replaceSync(':root {} @media (prefers-color-scheme: dark) { :root {} }');
    const tokens = pageTokens(theme);
    setTokens(themeSheet.cssRules[0] as CSSStyleRule, tokens.root);
    setTokens((themeSheet.cssRules[1] as CSSMediaRule).cssRules[0] as CSSStyleRule, tokens.dark);
    if (!document.adoptedStyleSheets.includes(themeSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeSheet];
  }
}

export const Partnerkit = { configure };

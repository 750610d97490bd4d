import { css, unsafeCSS } from 'lit';
import { declarations, lightTokens, presets, referenceTokens, type PresetName } from './tokens.ts';

/** A brand in a few values, mapped onto the tokens (see docs/theming.md). */
export interface ThemeInput {
  colorPrimary?: string;
  colorBackground?: string;
  colorText?: string;
  fontFamily?: string;
  /** Any CSS length, e.g. `0` for square corners or `12px`. */
  borderRadius?: string;
  density?: 'compact' | 'comfortable' | 'spacious';
  /** A preset; `auto` follows the operating system's light or dark setting. */
  colorScheme?: PresetName | 'auto';
}

const DENSITY = { compact: '0.75', comfortable: '1', spacious: '1.25' } as const;

/** The token values a theme object sets (tokens it leaves out keep their preset's value). */
export function themeTokens(theme: ThemeInput): Record<string, string> {
  const tokens: Record<string, string> = {};
  if (theme.colorPrimary) tokens['color-primary'] = tokens['color-focus'] = theme.colorPrimary;
  if (theme.colorBackground) tokens['color-background'] = tokens['color-surface'] = theme.colorBackground;
  if (theme.colorText) tokens['color-text'] = theme.colorText;
  if (theme.fontFamily) tokens['ref-font-sans'] = theme.fontFamily;
  if (theme.borderRadius) tokens['ref-radius'] = theme.borderRadius;
  if (theme.density) tokens.density = DENSITY[theme.density];
  return tokens;
}

/**
 * Sets a theme object's tokens on an element through the CSSOM, which parses each value on
 * its own (a value cannot break out into other rules; an invalid one is dropped) and is
 * allowed under a strict CSP. The previous theme's tokens are removed first.
 */
export function applyThemeTokens(style: CSSStyleDeclaration, theme: ThemeInput | undefined, previous: ThemeInput | undefined): void {
  for (const name of Object.keys(previous ? themeTokens(previous) : {})) style.removeProperty(`--pk-${name}`);
  for (const [name, value] of Object.entries(theme ? themeTokens(theme) : {})) style.setProperty(`--pk-${name}`, value);
}

/**
 * The preset rules of an element that carries a `theme` attribute: light by default,
 * `dark`, `high-contrast`, or `auto` (light or dark as the operating system says).
 */
export const presetStyles = css`
  :host {
    ${unsafeCSS(declarations(referenceTokens))}
    ${unsafeCSS(declarations(lightTokens))}
    color-scheme: var(--pk-color-scheme);
    background: var(--pk-color-background);
    color: var(--pk-color-text);
    font-family: var(--pk-font-body);
  }
  :host([theme='dark']) {
    ${unsafeCSS(declarations(presets.dark))}
  }
  :host([theme='high-contrast']) {
    ${unsafeCSS(declarations(presets['high-contrast']))}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${unsafeCSS(declarations(presets.dark))}
    }
  }
`;

export function isPreset(value: unknown): value is PresetName | 'auto' {
  return value === 'auto' || (typeof value === 'string' && value in presets);
}

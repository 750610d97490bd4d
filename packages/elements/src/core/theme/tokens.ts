import { unsafeCSS, type CSSResult } from 'lit';

// The design tokens, in one place. Three layers, all CSS custom properties:
// - reference (`--pk-ref-*`): the palette, font families, radius, spacing unit and shadows;
// - system (`--pk-color-primary`, `--pk-font-body`…): roles, defined from reference tokens per preset;
// - component (`--pk-deal-list-*`…): declared by each component, defaulting to system tokens.
// A vendor overrides any layer from its own stylesheet (`pk-portal { --pk-ref-color-brand: #c2185b }`)
// or through the portal's `theme` object. docs/theming.md lists every token.

/** Reference tokens and their default values. */
export const referenceTokens = {
  'ref-color-brand': '#0a58ca',
  'ref-color-brand-strong': '#084298',
  'ref-color-brand-soft': '#9ec5fe',
  'ref-color-neutral-0': '#ffffff',
  'ref-color-neutral-50': '#f6f8fa',
  'ref-color-neutral-100': '#eaeef2',
  'ref-color-neutral-300': '#d0d7de',
  'ref-color-neutral-600': '#57606a',
  'ref-color-neutral-800': '#24292f',
  'ref-color-neutral-900': '#1f2328',
  'ref-color-neutral-950': '#0d1117',
  'ref-color-dark-surface': '#161b22',
  'ref-color-dark-surface-variant': '#21262d',
  'ref-color-dark-border': '#30363d',
  'ref-color-dark-text': '#e6edf3',
  'ref-color-dark-text-muted': '#9198a1',
  'ref-color-red': '#a40e26',
  'ref-color-red-soft': '#ffebe9',
  'ref-color-red-dark': '#ff7b72',
  'ref-color-green': '#116329',
  'ref-color-green-soft': '#dafbe1',
  'ref-color-green-dark': '#56d364',
  'ref-color-amber': '#6f4400',
  'ref-color-amber-soft': '#fff8c5',
  'ref-color-amber-dark': '#e3b341',
  'ref-font-sans': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  'ref-font-mono': 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  'ref-radius': '6px',
  'ref-space-unit': '0.25rem',
  'ref-shadow-1': '0 1px 2px rgb(0 0 0 / 0.12)',
  'ref-shadow-2': '0 4px 12px rgb(0 0 0 / 0.16)',
} as const;

export type ReferenceToken = keyof typeof referenceTokens;

const ref = (name: ReferenceToken) => `var(--pk-${name})`;

/** System tokens of the default (light) preset. */
export const lightTokens = {
  'color-primary': ref('ref-color-brand'),
  'color-primary-strong': ref('ref-color-brand-strong'),
  'color-on-primary': ref('ref-color-neutral-0'),
  'color-background': ref('ref-color-neutral-0'),
  'color-surface': ref('ref-color-neutral-0'),
  'color-surface-variant': ref('ref-color-neutral-50'),
  'color-text': ref('ref-color-neutral-900'),
  'color-text-muted': ref('ref-color-neutral-600'),
  'color-border': ref('ref-color-neutral-300'),
  'color-focus': ref('ref-color-brand'),
  'color-neutral-surface': ref('ref-color-neutral-100'),
  'color-neutral-text': ref('ref-color-neutral-800'),
  'color-danger-surface': ref('ref-color-red-soft'),
  'color-danger-text': ref('ref-color-red'),
  'color-success-surface': ref('ref-color-green-soft'),
  'color-success-text': ref('ref-color-green'),
  'color-warning-surface': ref('ref-color-amber-soft'),
  'color-warning-text': ref('ref-color-amber'),
  'color-skeleton': ref('ref-color-neutral-100'),
  'font-body': ref('ref-font-sans'),
  'font-heading': ref('ref-font-sans'),
  'font-mono': ref('ref-font-mono'),
  'font-size-body': '0.9375rem',
  'font-size-small': '0.8125rem',
  'font-size-title': '1.25rem',
  radius: ref('ref-radius'),
  'radius-pill': '999px',
  density: '1',
  'space-1': `calc(${ref('ref-space-unit')} * var(--pk-density, 1))`,
  'space-2': `calc(${ref('ref-space-unit')} * 2 * var(--pk-density, 1))`,
  'space-3': `calc(${ref('ref-space-unit')} * 3 * var(--pk-density, 1))`,
  'space-4': `calc(${ref('ref-space-unit')} * 4 * var(--pk-density, 1))`,
  'space-6': `calc(${ref('ref-space-unit')} * 6 * var(--pk-density, 1))`,
  'shadow-1': ref('ref-shadow-1'),
  'shadow-2': ref('ref-shadow-2'),
  'focus-ring-width': '3px',
  'target-size': '2.75rem',
  'color-scheme': 'light',
} as const;

export type SystemToken = keyof typeof lightTokens;
export type TokenSet = Partial<Record<SystemToken, string>>;

/** Dark: surfaces and text flip; brand and status colours lighten to keep 4.5:1 contrast. */
export const darkTokens: TokenSet = {
  'color-primary': ref('ref-color-brand-soft'),
  'color-primary-strong': ref('ref-color-neutral-0'),
  'color-on-primary': ref('ref-color-neutral-950'),
  'color-background': ref('ref-color-neutral-950'),
  'color-surface': ref('ref-color-dark-surface'),
  'color-surface-variant': ref('ref-color-dark-surface-variant'),
  'color-text': ref('ref-color-dark-text'),
  'color-text-muted': ref('ref-color-dark-text-muted'),
  'color-border': ref('ref-color-dark-border'),
  'color-focus': ref('ref-color-brand-soft'),
  'color-neutral-surface': ref('ref-color-dark-surface-variant'),
  'color-neutral-text': ref('ref-color-dark-text'),
  'color-danger-surface': ref('ref-color-dark-surface-variant'),
  'color-danger-text': ref('ref-color-red-dark'),
  'color-success-surface': ref('ref-color-dark-surface-variant'),
  'color-success-text': ref('ref-color-green-dark'),
  'color-warning-surface': ref('ref-color-dark-surface-variant'),
  'color-warning-text': ref('ref-color-amber-dark'),
  'color-skeleton': ref('ref-color-dark-surface-variant'),
  'color-scheme': 'dark',
};

/** High contrast: black on white, no tinted surfaces, thicker focus rings. */
export const highContrastTokens: TokenSet = {
  'color-primary': '#000000',
  'color-primary-strong': '#000000',
  'color-on-primary': '#ffffff',
  'color-background': '#ffffff',
  'color-surface': '#ffffff',
  'color-surface-variant': '#ffffff',
  'color-text': '#000000',
  'color-text-muted': '#000000',
  'color-border': '#000000',
  'color-focus': '#0000ee',
  'color-neutral-surface': '#ffffff',
  'color-neutral-text': '#000000',
  'color-danger-surface': '#ffffff',
  'color-danger-text': '#8b0000',
  'color-success-surface': '#ffffff',
  'color-success-text': '#004d00',
  'color-warning-surface': '#ffffff',
  'color-warning-text': '#5c3900',
  'color-skeleton': '#d0d0d0',
  'focus-ring-width': '4px',
};

export const presets = { light: lightTokens as TokenSet, dark: darkTokens, 'high-contrast': highContrastTokens } as const;
export type PresetName = keyof typeof presets;

/**
 * A system token with its light default as fallback, for component styles: components work
 * standalone (no portal) and pick up any portal or page override.
 */
export function token(name: SystemToken): CSSResult {
  return unsafeCSS(`var(--pk-${name}, ${withReferenceFallbacks(lightTokens[name])})`);
}

/** `var(--pk-ref-x)` → `var(--pk-ref-x, <default>)`, so tokens resolve without any provider. */
function withReferenceFallbacks(value: string): string {
  return value.replace(/var\(--pk-(ref-[a-z0-9-]+)\)/g, (_, name: ReferenceToken) => `var(--pk-${name}, ${referenceTokens[name]})`);
}

/** CSS declarations (`--pk-x: value;`) of a token set. */
export function declarations(tokens: Record<string, string>): string {
  return Object.entries(tokens)
    .map(([name, value]) => `--pk-${name}: ${value};`)
    .join('\n');
}

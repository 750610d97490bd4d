import { LitElement, css, svg, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localizationContext } from '../core/contexts.ts';
import type { Localization } from '../core/i18n.ts';
import { token } from '../core/theme/tokens.ts';

// Shared by the display and overlay primitives (badge, alert, toast, progress, tabs, dialog…).

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';
export const TONES: readonly Tone[] = ['neutral', 'info', 'success', 'warning', 'danger'];

/** An attribute value as a tone, `fallback` when it is not one. */
export function toTone(value: string | null | undefined, fallback: Tone = 'neutral'): Tone {
  return (TONES as readonly string[]).includes(value ?? '') ? (value as Tone) : fallback;
}

/** A primitive that speaks the user's language through the nearest portal (or `Partnerkit.configure`). */
export class LocalizedElement extends LitElement {
  @consume({ context: localizationContext, subscribe: true })
  @state()
  protected l10n: Localization | undefined;

  /** A string of the `ui` namespace; empty until translations arrive. */
  protected ui(key: string, variables: Record<string, unknown> = {}): string {
    return this.l10n ? this.l10n.t(key, { ns: 'ui', ...variables }) : '';
  }

  /** The BCP 47 locale for Intl; the document's language until a portal says otherwise. */
  protected get locale(): string {
    return this.l10n?.locale ?? (document.documentElement.lang || 'en');
  }
}

/** Focused element, looking into open shadow roots. */
export function deepActiveElement(root: Document | ShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether the element lays out right to left (from `dir` anywhere above it, across shadow roots). */
export function isRtl(element: Element): boolean {
  return getComputedStyle(element).direction === 'rtl';
}


/**
 * A shape per tone, so colour is never the only cue: a dot (neutral), "i" (info), a tick
 * (success), "!" (warning), a cross (danger). Decorative: the text says the rest.
 */
export function toneIcon(tone: Tone): TemplateResult {
  const shapes: Record<Tone, TemplateResult> = {
    neutral: svg`<circle cx="8" cy="8" r="4" fill="currentColor" />`,
    info: svg`<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5" /><rect x="7.25" y="7" width="1.5" height="5" fill="currentColor" /><circle cx="8" cy="4.75" r="1" fill="currentColor" />`,
    success: svg`<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5" /><path d="M4.75 8.25 7 10.5l4.25-4.75" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />`,
    warning: svg`<path d="M8 1.5 15 14H1Z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" /><rect x="7.25" y="5.5" width="1.5" height="4.5" fill="currentColor" /><circle cx="8" cy="11.9" r="0.95" fill="currentColor" />`,
    danger: svg`<circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.5" /><path d="m5.5 5.5 5 5m0-5-5 5" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" />`,
  };
  return svg`<svg class="icon" part="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${shapes[tone]}</svg>`;
}

/** The cross of close buttons. */
export const closeIcon = svg`<svg class="close-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="m3.5 3.5 9 9m0-9-9 9" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" /></svg>`;

/** Colours per tone, on `.tone-<name>` (or `:host([variant=…])` through the custom properties). */
export const toneStyles = css`
  .tone-neutral {
    --_tone-surface: ${token('color-neutral-surface')};
    --_tone-text: ${token('color-neutral-text')};
  }
  .tone-info {
    --_tone-surface: ${token('color-surface-variant')};
    --_tone-text: ${token('color-primary')};
  }
  .tone-success {
    --_tone-surface: ${token('color-success-surface')};
    --_tone-text: ${token('color-success-text')};
  }
  .tone-warning {
    --_tone-surface: ${token('color-warning-surface')};
    --_tone-text: ${token('color-warning-text')};
  }
  .tone-danger {
    --_tone-surface: ${token('color-danger-surface')};
    --_tone-text: ${token('color-danger-text')};
  }
`;

export { visuallyHidden, visuallyHiddenRules } from '../core/shared-styles.ts';

/** An icon-only close button: a visible focus ring and a large enough target. */
export const closeButtonStyles = css`
  .close {
    display: inline-grid;
    place-items: center;
    flex: none;
    min-inline-size: 24px;
    min-block-size: 24px;
    padding: ${token('space-1')};
    border: 0;
    border-radius: ${token('radius')};
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .close:hover {
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  .close:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: 1px;
  }
  .close-icon {
    inline-size: 1rem;
    block-size: 1rem;
  }
  @media (pointer: coarse) {
    .close {
      min-inline-size: ${token('target-size')};
      min-block-size: ${token('target-size')};
    }
  }
  @media (forced-colors: active) {
    .close {
      border: 1px solid ButtonText;
    }
  }
`;

/** Styles of the buttons the display primitives draw themselves (retry…). */
export const actionButtonStyles = css`
  .action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 2rem;
    min-inline-size: 24px;
    box-sizing: border-box;
    padding-block: ${token('space-1')};
    padding-inline: ${token('space-3')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
    background: ${token('color-surface')};
    color: ${token('color-text')};
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .action:hover {
    background: ${token('color-surface-variant')};
  }
  .action:focus-visible {
    outline: ${token('focus-ring-width')} solid ${token('color-focus')};
    outline-offset: 2px;
  }
  @media (pointer: coarse) {
    .action {
      min-block-size: ${token('target-size')};
    }
  }
  @media (forced-colors: active) {
    .action {
      border-color: ButtonText;
    }
  }
`;

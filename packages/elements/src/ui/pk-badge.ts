import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { token } from '../core/theme/tokens.ts';
import { toTone, toneStyles, type Tone } from './display-shared.ts';

export const badgeStyles = [
  toneStyles,
  css`
    :host {
      display: inline-block;
      vertical-align: middle;
      max-inline-size: 100%;
    }
    [part~='base'] {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-1')};
      max-inline-size: 100%;
      box-sizing: border-box;
      padding-block: 0.125rem;
      padding-inline: var(--pk-badge-padding-inline, ${token('space-2')});
      border: 1px solid transparent;
      border-radius: var(--pk-badge-radius, ${token('radius-pill')});
      background: var(--_tone-surface);
      color: var(--_tone-text);
      font-family: ${token('font-body')};
      font-size: var(--pk-badge-font-size, ${token('font-size-small')});
      font-weight: 600;
      line-height: 1.25;
      white-space: nowrap;
    }
    .label {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .icon {
      flex: none;
      inline-size: 0.875em;
      block-size: 0.875em;
    }
    @media (forced-colors: active) {
      [part~='base'] {
        border-color: CanvasText;
      }
    }
  `,
];

/**
 * A short label that counts or classifies something ("3 new", "Beta", "Gold partner").
 *
 * @tag pk-badge
 * @summary Small label in a neutral, info, success, warning or danger tone.
 * @slot - The badge text.
 * @csspart base - The pill around the text.
 * @cssprop --pk-badge-radius - Corner radius; defaults to `--pk-radius-pill`.
 * @cssprop --pk-badge-font-size - Text size; defaults to `--pk-font-size-small`.
 * @cssprop --pk-badge-padding-inline - Space before and after the text; defaults to `--pk-space-2`.
 */
export class PkBadge extends LitElement {
  static override styles = badgeStyles;

  /** Tone: `neutral`, `info`, `success`, `warning` or `danger`. Colour only: say what matters in the text too. */
  @property({ reflect: true }) variant: Tone = 'neutral';

  protected get tone(): Tone {
    return toTone(this.variant);
  }

  protected override render() {
    return html`<span part="base" class="tone-${this.tone}"><span class="label"><slot></slot></span></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-badge': PkBadge;
  }
}

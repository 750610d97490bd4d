import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { token } from '../core/theme/tokens.ts';
import { LocalizedElement, visuallyHidden } from './display-shared.ts';
import { formatPercent } from '../core/format.ts';

/**
 * How far a task has got. Determinate with `value` (of `max`), indeterminate with
 * `indeterminate` or without a `value`. The bar is `role="progressbar"` with
 * aria-valuemin/max/now, named by `label` (shown above it unless `hide-label`); the
 * percentage is formatted for the user's locale and is also the bar's aria-valuetext.
 * Without a `label`, the bar is called "Progress" ("Loading" when indeterminate), localized.
 *
 * @tag pk-progress-bar
 * @summary Linear progress bar, determinate or indeterminate, with a localized percentage.
 * @csspart label - The label above the bar.
 * @csspart value - The formatted percentage beside the label.
 * @csspart track - The bar's track (`role="progressbar"`).
 * @csspart indicator - The filled part of the track.
 * @cssprop --pk-progress-height - Thickness of the bar; defaults to 0.5rem.
 * @cssprop --pk-progress-color - Colour of the indicator; defaults to `--pk-color-primary`.
 * @cssprop --pk-progress-track-color - Colour of the track; defaults to `--pk-color-neutral-surface`.
 */
export class PkProgressBar extends LocalizedElement {
  static override styles = [
    visuallyHidden,
    css`
      :host {
        display: block;
        color: ${token('color-text')};
        font-family: ${token('font-body')};
        font-size: ${token('font-size-small')};
        --_color: var(--pk-progress-color, ${token('color-primary')});
        --_track: var(--pk-progress-track-color, ${token('color-neutral-surface')});
      }
      .header {
        display: flex;
        justify-content: space-between;
        gap: ${token('space-2')};
        margin-block-end: ${token('space-1')};
      }
      [part='value'] {
        font-variant-numeric: tabular-nums;
        color: ${token('color-text-muted')};
      }
      [part='track'] {
        position: relative;
        overflow: hidden;
        block-size: var(--pk-progress-height, 0.5rem);
        border-radius: ${token('radius-pill')};
        background: var(--_track);
        /* Keeps the track visible against the page in high contrast and dark themes. */
        outline: 1px solid color-mix(in srgb, ${token('color-text')} 25%, transparent);
        outline-offset: -1px;
      }
      [part='indicator'] {
        position: absolute;
        inset-block: 0;
        inset-inline-start: 0;
        inline-size: calc(var(--_fraction, 0) * 100%);
        border-radius: inherit;
        background: var(--_color);
        transition: inline-size 0.2s ease-out;
      }
      .indeterminate [part='indicator'] {
        inline-size: 40%;
        animation: slide 1.4s ease-in-out infinite;
      }
      @keyframes slide {
        from {
          inset-inline-start: -40%;
        }
        to {
          inset-inline-start: 100%;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        [part='indicator'] {
          transition: none;
        }
        /* No movement: a still, striped bar across the track says "working, amount unknown". */
        .indeterminate [part='indicator'] {
          animation: none;
          inline-size: 100%;
          background: repeating-linear-gradient(135deg, var(--_color) 0 0.5rem, transparent 0.5rem 1rem);
        }
      }
      @media (forced-colors: active) {
        [part='track'] {
          outline-color: CanvasText;
        }
        [part='indicator'] {
          background: Highlight;
        }
      }
    `,
  ];

  /** Current value, from 0 to `max`; leave unset (or set `indeterminate`) when unknown. */
  @property({ type: Number }) value: number | undefined;

  /** The value that means done. */
  @property({ type: Number }) max = 100;

  /** The amount of work is unknown: an animated bar without a value. */
  @property({ type: Boolean, reflect: true }) indeterminate = false;

  /** What is in progress ("Uploading contract.pdf"): the accessible name, shown unless `hide-label`. */
  @property() label = '';

  /** Keeps the label for screen readers only. */
  @property({ type: Boolean, attribute: 'hide-label' }) hideLabel = false;

  /** Hides the percentage text (it stays the bar's aria-valuetext). */
  @property({ type: Boolean, attribute: 'hide-value' }) hideValue = false;

  /** Whether a value is known and shown. */
  get determinate(): boolean {
    return !this.indeterminate && typeof this.value === 'number' && Number.isFinite(this.value);
  }

  /** The completed fraction, 0–1 (0 when indeterminate). */
  get fraction(): number {
    if (!this.determinate) return 0;
    const max = this.max > 0 ? this.max : 100;
    return Math.min(1, Math.max(0, (this.value ?? 0) / max));
  }

  protected get clampedValue(): number {
    return Math.min(this.max > 0 ? this.max : 100, Math.max(0, this.value ?? 0));
  }

  /** The label, or the localized default. */
  protected get name(): string {
    return this.label || this.ui(this.determinate ? 'progress.label' : 'loading');
  }

  protected get percent(): string {
    return formatPercent(this.fraction, this.locale);
  }

  /** ARIA attributes of the progressbar. */
  protected progressbar(content: unknown, part = 'track') {
    const determinate = this.determinate;
    return html`<div
      part=${part}
      role="progressbar"
      aria-labelledby="label"
      aria-valuemin="0"
      aria-valuemax=${determinate ? String(this.max > 0 ? this.max : 100) : nothing}
      aria-valuenow=${determinate ? String(this.clampedValue) : nothing}
      aria-valuetext=${determinate ? this.percent : nothing}
      class=${determinate ? '' : 'indeterminate'}
    >
      ${content}
    </div>`;
  }

  protected override updated(): void {
    // Through the CSSOM, which a strict CSP allows (no style attribute in the markup).
    (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('[role="progressbar"]')?.style.setProperty('--_fraction', String(this.fraction));
  }

  protected override render() {
    const showValue = this.determinate && !this.hideValue;
    return html`
      <div class="header ${this.hideLabel ? 'visually-hidden' : ''}">
        <span part="label" id="label">${this.name}</span>
        ${showValue ? html`<span part="value" aria-hidden="true">${this.percent}</span>` : nothing}
      </div>
      ${this.progressbar(html`<div part="indicator"></div>`)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-progress-bar': PkProgressBar;
  }
}

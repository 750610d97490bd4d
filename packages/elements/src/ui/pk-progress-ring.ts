import { css, html, nothing, svg } from 'lit';
import { token } from '../core/theme/tokens.ts';
import { PkProgressBar } from './pk-progress-bar.ts';
import { visuallyHidden } from './display-shared.ts';

/**
 * Circular progress, for tight spaces (a card, a button). Same attributes and ARIA as
 * `<pk-progress-bar>`: `role="progressbar"` with aria-valuemin/max/now and a localized
 * percentage as aria-valuetext, named by `label`. The label is never shown (there is no room);
 * the percentage is shown in the middle unless `hide-value`. Indeterminate, it spins, and
 * stands still when the user prefers reduced motion.
 *
 * @tag pk-progress-ring
 * @summary Circular progress indicator, determinate or indeterminate.
 * @csspart ring - The progressbar (the SVG's box).
 * @csspart track - The full circle behind the indicator.
 * @csspart indicator - The arc of the completed part.
 * @csspart value - The formatted percentage in the middle.
 * @cssprop --pk-progress-ring-size - Diameter; defaults to 3rem.
 * @cssprop --pk-progress-ring-width - Stroke width in SVG units of a 40-unit box; defaults to 4.
 * @cssprop --pk-progress-color - Colour of the arc; defaults to `--pk-color-primary`.
 * @cssprop --pk-progress-track-color - Colour of the track; defaults to `--pk-color-neutral-surface`.
 */
export class PkProgressRing extends PkProgressBar {
  static override styles = [
    visuallyHidden,
    css`
      :host {
        display: inline-block;
        vertical-align: middle;
        color: ${token('color-text')};
        font-family: ${token('font-body')};
        --_size: var(--pk-progress-ring-size, 3rem);
        --_color: var(--pk-progress-color, ${token('color-primary')});
        --_track: var(--pk-progress-track-color, ${token('color-neutral-surface')});
      }
      [part='ring'] {
        position: relative;
        display: grid;
        place-items: center;
        inline-size: var(--_size);
        block-size: var(--_size);
      }
      svg {
        position: absolute;
        inset: 0;
        inline-size: 100%;
        block-size: 100%;
        transform: rotate(-90deg);
      }
      circle {
        fill: none;
        stroke-width: var(--pk-progress-ring-width, 4);
      }
      [part='track'] {
        stroke: var(--_track);
      }
      [part='indicator'] {
        stroke: var(--_color);
        stroke-linecap: round;
        stroke-dasharray: calc(var(--_fraction, 0) * 100) 100;
        transition: stroke-dasharray 0.2s ease-out;
      }
      .indeterminate svg {
        animation: spin 1s linear infinite;
      }
      .indeterminate [part='indicator'] {
        stroke-dasharray: 30 100;
      }
      @keyframes spin {
        from {
          transform: rotate(-90deg);
        }
        to {
          transform: rotate(270deg);
        }
      }
      [part='value'] {
        position: relative;
        font-size: calc(var(--_size) * 0.26);
        font-variant-numeric: tabular-nums;
        line-height: 1;
      }
      @media (prefers-reduced-motion: reduce) {
        [part='indicator'] {
          transition: none;
        }
        .indeterminate svg {
          animation: none;
        }
        .indeterminate [part='indicator'] {
          stroke-dasharray: 6 6;
        }
      }
      @media (forced-colors: active) {
        [part='track'] {
          stroke: GrayText;
        }
        [part='indicator'] {
          stroke: Highlight;
        }
      }
    `,
  ];

  protected override render() {
    const showValue = this.determinate && !this.hideValue;
    return html`
      <span class="visually-hidden" id="label">${this.name}</span>
      ${this.progressbar(
        html`${svg`<svg viewBox="0 0 40 40" aria-hidden="true" focusable="false"><circle part="track" cx="20" cy="20" r="16" pathLength="100" /><circle part="indicator" cx="20" cy="20" r="16" pathLength="100" /></svg>`}
          ${showValue ? html`<span part="value" aria-hidden="true">${this.percent}</span>` : nothing}`,
        'ring',
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-progress-ring': PkProgressRing;
  }
}

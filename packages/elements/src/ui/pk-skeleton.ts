import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { token } from '../core/theme/tokens.ts';

/**
 * A placeholder in the shape of content that is still loading. Hidden from assistive
 * technology: say "loading" once elsewhere (e.g. `aria-busy` on the region plus a status message).
 * The shimmer stops when the user prefers reduced motion. Sizes come from custom properties,
 * so no inline styles are needed under a strict CSP.
 *
 * @tag pk-skeleton
 * @summary Loading placeholder: lines of text, a rectangle or a circle.
 * @csspart line - One bar (each line of `text`, or the single `rect`/`circle`).
 * @cssprop --pk-skeleton-width - Width of the placeholder (default: 100% for text and rect, 2.5rem for circle).
 * @cssprop --pk-skeleton-height - Height of a rect (default 6rem) or of each line (default 0.875rem); a circle's diameter follows its width.
 * @cssprop --pk-skeleton-color - Colour of the bars; defaults to `--pk-color-skeleton`.
 * @cssprop --pk-skeleton-radius - Corner radius of text and rect; defaults to `--pk-radius`.
 */
export class PkSkeleton extends LitElement {
  static override styles = css`
    :host {
      display: block;
      inline-size: var(--pk-skeleton-width, 100%);
      --_color: var(--pk-skeleton-color, ${token('color-skeleton')});
    }
    :host([shape='circle']) {
      display: inline-block;
      inline-size: var(--pk-skeleton-width, 2.5rem);
    }
    .lines {
      display: grid;
      gap: 0.5rem;
    }
    [part='line'] {
      display: block;
      block-size: var(--pk-skeleton-height, 0.875rem);
      border-radius: var(--pk-skeleton-radius, ${token('radius')});
      background: var(--_color) linear-gradient(90deg, transparent 0, color-mix(in srgb, ${token('color-surface')} 45%, transparent) 50%, transparent 100%) no-repeat;
      background-size: 50% 100%;
      animation: shimmer 1.6s ease-in-out infinite;
    }
    .lines [part='line']:last-child:not(:first-child) {
      inline-size: 60%;
    }
    :host([shape='rect']) [part='line'] {
      block-size: var(--pk-skeleton-height, 6rem);
    }
    :host([shape='circle']) [part='line'] {
      block-size: auto;
      aspect-ratio: 1;
      border-radius: 50%;
    }
    @keyframes shimmer {
      from {
        background-position: -150% 0;
      }
      to {
        background-position: 250% 0;
      }
    }
    :host(:dir(rtl)) [part='line'] {
      animation-direction: reverse;
    }
    @media (prefers-reduced-motion: reduce) {
      [part='line'] {
        animation: none;
        background-image: none;
      }
    }
    @media (forced-colors: active) {
      [part='line'] {
        background: GrayText;
      }
    }
  `;

  /** `text` (one or more lines), `rect` or `circle`. */
  @property({ reflect: true }) shape: 'text' | 'rect' | 'circle' = 'text';

  /** Number of lines of a `text` skeleton; the last of several is shorter. */
  @property({ type: Number }) lines = 1;

  override connectedCallback(): void {
    super.connectedCallback();
    // Purely visual: never read out, never focused.
    this.setAttribute('aria-hidden', 'true');
  }

  protected override render() {
    const count = this.shape === 'text' ? Math.max(1, Math.floor(this.lines) || 1) : 1;
    return html`<span class="lines">${Array.from({ length: count }, () => html`<span part="line"></span>`)}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-skeleton': PkSkeleton;
  }
}

import { css, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { token } from '../core/theme/tokens.ts';
import { LocalizedElement, visuallyHidden, visuallyHiddenRules } from './display-shared.ts';

const tick = svg`<svg class="tick" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3.5 8.5 6.5 11.5 12.5 4.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" /></svg>`;

/**
 * The steps of a multi-step task (a deal registration wizard) and where the user is: an
 * ordered list whose current step has `aria-current="step"`; steps before it are complete
 * (a tick, and "completed" for screen readers). A localized "Step 2 of 4" line sits above it.
 * In narrow containers only the current step's label is shown. Step labels come from the
 * host: `steps` as a property, or as a JSON array in the attribute.
 *
 * @tag pk-stepper
 * @summary Ordered steps with complete and current states and a localized "Step n of m".
 * @csspart position - The "Step n of m" line.
 * @csspart list - The ordered list.
 * @csspart step - Each step; also `step-complete`, `step-current` or `step-upcoming`.
 * @csspart marker - A step's number or tick.
 * @csspart step-label - A step's label.
 * @cssprop --pk-stepper-marker-size - Diameter of the markers; defaults to 1.75rem.
 * @cssprop --pk-stepper-color - Colour of current and complete steps; defaults to `--pk-color-primary`.
 */
export class PkStepper extends LocalizedElement {
  static override styles = [
    visuallyHidden,
    css`
      :host {
        display: block;
        container-type: inline-size;
        color: ${token('color-text')};
        font-family: ${token('font-body')};
        font-size: ${token('font-size-small')};
        --_size: var(--pk-stepper-marker-size, 1.75rem);
        --_accent: var(--pk-stepper-color, ${token('color-primary')});
        --_line: ${token('color-border')};
      }
      [part='position'] {
        margin-block: 0 ${token('space-2')};
        color: ${token('color-text-muted')};
      }
      ol {
        display: flex;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        position: relative;
        flex: 1 1 0;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: ${token('space-1')};
        min-inline-size: 0;
        text-align: center;
      }
      /* The line to the previous step, from its marker to this one. */
      li + li::before {
        content: '';
        position: absolute;
        inset-block-start: calc(var(--_size) / 2 - 1px);
        inset-inline-end: calc(50% + var(--_size) / 2 + 0.25rem);
        inline-size: calc(100% - var(--_size) - 0.5rem);
        block-size: 2px;
        background: var(--_line);
      }
      li.complete + li::before {
        background: var(--_accent);
      }
      [part~='marker'] {
        display: inline-grid;
        place-items: center;
        box-sizing: border-box;
        inline-size: var(--_size);
        block-size: var(--_size);
        border: 2px solid var(--_line);
        border-radius: 50%;
        background: ${token('color-surface')};
        color: ${token('color-text-muted')};
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .current [part~='marker'] {
        border-color: var(--_accent);
        color: var(--_accent);
        box-shadow: 0 0 0 2px ${token('color-surface')}, 0 0 0 4px var(--_accent);
      }
      .complete [part~='marker'] {
        border-color: var(--_accent);
        background: var(--_accent);
        color: ${token('color-on-primary')};
      }
      .tick {
        inline-size: 1rem;
        block-size: 1rem;
      }
      [part~='step-label'] {
        max-inline-size: 100%;
        padding-inline: ${token('space-1')};
        overflow-wrap: anywhere;
      }
      .upcoming [part~='step-label'] {
        color: ${token('color-text-muted')};
      }
      .current [part~='step-label'] {
        font-weight: 600;
      }
      @container (max-width: 30rem) {
        li:not(.current) [part~='step-label'] {
          ${visuallyHiddenRules}
          padding: 0;
        }
      }
      @media (forced-colors: active) {
        .complete [part~='marker'] {
          background: Highlight;
          color: HighlightText;
        }
      }
    `,
  ];

  /** The steps' labels, in order. As an attribute, a JSON array: `steps='["Company","Deal","Review"]'`. */
  @property({ type: Array }) steps: string[] = [];

  /** The current step, counted from 1; steps before it are complete. Past the last step, all are complete. */
  @property({ type: Number, reflect: true }) current = 1;

  /** Accessible name of the list; "Steps", localized, by default. */
  @property() label = '';

  protected override render() {
    const steps = Array.isArray(this.steps) ? this.steps : [];
    const total = steps.length;
    const current = Math.max(1, Math.floor(this.current) || 1);
    return html`
      ${total && this.l10n
        ? html`<p part="position">${this.ui('stepper.position', { current: Math.min(current, total), total })}</p>`
        : nothing}
      <ol part="list" aria-label=${this.label || this.ui('stepper.label') || nothing}>
        ${steps.map((label, index) => {
          const number = index + 1;
          const state = number < current ? 'complete' : number === current ? 'current' : 'upcoming';
          return html`<li part="step step-${state}" class=${state} aria-current=${state === 'current' ? 'step' : nothing}>
            <span part="marker" aria-hidden="true">${state === 'complete' ? tick : number}</span>
            <span part="step-label"
              >${label}${state === 'complete' && this.l10n
                ? html`<span class="visually-hidden">, ${this.ui('stepper.complete')}</span>`
                : nothing}</span
            >
          </li>`;
        })}
      </ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-stepper': PkStepper;
  }
}

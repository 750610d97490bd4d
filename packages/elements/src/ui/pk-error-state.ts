import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { token } from '../core/theme/tokens.ts';
import { LocalizedElement, actionButtonStyles, toneIcon, toneStyles } from './display-shared.ts';
import { PkRetryEvent } from './events.ts';

/**
 * A problem that stopped a view from loading, with a way to try again. Announced as an alert.
 * The message comes from the host (already translated, e.g. from the error's problem details);
 * the "Try again" button and the "Reference: …" line are the component's own, localized.
 *
 * @tag pk-error-state
 * @summary Alert with the host's problem message, a localized "Try again" button and an optional request id.
 * @slot heading - Optional heading element, e.g. `<h2 slot="heading">Deals could not be loaded</h2>`.
 * @slot - The problem, in one or two sentences.
 * @slot actions - More actions beside "Try again" (a link to support…).
 * @csspart base - The alert box.
 * @csspart icon - The warning icon.
 * @csspart message - The message's wrapper.
 * @csspart reference - The "Reference: …" line.
 * @csspart retry - The "Try again" button.
 * @csspart actions - The row of buttons.
 * @cssprop --pk-error-state-radius - Corner radius of the box; defaults to `--pk-radius`.
 * @fires pk-retry - The user asked to try again. Bubbles and crosses shadow roots.
 */
export class PkErrorState extends LocalizedElement {
  static override styles = [
    toneStyles,
    actionButtonStyles,
    css`
      :host {
        display: block;
        font-family: ${token('font-body')};
        font-size: ${token('font-size-body')};
      }
      [part='base'] {
        display: flex;
        align-items: flex-start;
        gap: ${token('space-3')};
        padding: ${token('space-4')};
        border: 1px solid var(--_tone-text);
        border-inline-start-width: 4px;
        border-radius: var(--pk-error-state-radius, ${token('radius')});
        background: ${token('color-surface')};
        color: ${token('color-text')};
      }
      .icon {
        flex: none;
        inline-size: 1.25rem;
        block-size: 1.25rem;
        margin-block-start: 0.125rem;
        color: var(--_tone-text);
      }
      .body {
        display: grid;
        gap: ${token('space-2')};
        min-inline-size: 0;
      }
      ::slotted([slot='heading']) {
        margin: 0;
        font-size: ${token('font-size-title')};
      }
      [part='message'] ::slotted(*) {
        margin: 0;
      }
      [part='reference'] {
        margin: 0;
        color: ${token('color-text-muted')};
        font-size: ${token('font-size-small')};
        overflow-wrap: anywhere;
      }
      [part='actions'] {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-2')};
      }
    `,
  ];

  /** The failed request's id (`X-Request-Id`), shown so support can find it in the logs. */
  @property({ attribute: 'request-id' }) requestId = '';

  /** Hides "Try again", for problems retrying cannot fix. */
  @property({ type: Boolean, attribute: 'no-retry' }) noRetry = false;

  #retry(): void {
    this.dispatchEvent(new PkRetryEvent());
  }

  /** Moves focus to "Try again" (e.g. after a failed retry). */
  override focus(options?: FocusOptions): void {
    const retry = this.renderRoot.querySelector<HTMLButtonElement>('[part="retry"]');
    if (retry) retry.focus(options);
    else super.focus(options);
  }

  protected override render() {
    const localized = Boolean(this.l10n);
    return html`<div part="base" role="alert" class="tone-danger">
      ${toneIcon('danger')}
      <div class="body">
        <slot name="heading"></slot>
        <div part="message"><slot></slot></div>
        ${this.requestId && localized ? html`<p part="reference">${this.ui('reference', { id: this.requestId })}</p>` : nothing}
        <div part="actions">
          ${this.noRetry || !localized ? nothing : html`<button part="retry" class="action" type="button" @click=${this.#retry}>${this.ui('retry')}</button>`}
          <slot name="actions"></slot>
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-error-state': PkErrorState;
  }
}

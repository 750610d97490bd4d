import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { token } from '../core/theme/tokens.ts';
import { LocalizedElement, closeButtonStyles, closeIcon, toTone, toneIcon, toneStyles, visuallyHidden, type Tone } from './display-shared.ts';
import { PkDismissEvent } from './events.ts';

export type AlertVariant = Exclude<Tone, 'neutral'>;

/** Box, icon and text of inline alerts and toasts. */
export const alertBoxStyles = css`
  .box {
    display: flex;
    align-items: flex-start;
    gap: ${token('space-3')};
    padding-block: ${token('space-3')};
    padding-inline: ${token('space-4')};
    border: 1px solid var(--_tone-text);
    border-inline-start-width: 4px;
    border-radius: ${token('radius')};
    background: var(--_tone-surface);
    color: ${token('color-text')};
    font-family: ${token('font-body')};
    font-size: ${token('font-size-body')};
    line-height: 1.4;
  }
  .box .icon {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    color: var(--_tone-text);
  }
  .content {
    flex: 1;
    min-inline-size: 0;
    display: grid;
    gap: ${token('space-1')};
    overflow-wrap: anywhere;
  }
  .box .close {
    margin-block: calc(-1 * ${token('space-1')});
    margin-inline-end: calc(-1 * ${token('space-2')});
  }
`;

/**
 * A message inside the page: information, a success, a warning or an error. Warnings and
 * errors are `role="alert"` (announced when they appear), information and successes
 * `role="status"`. The tone is also given in words to screen readers and by an icon on
 * screen, not by colour alone. With `dismissible`, a localized close button hides the alert
 * (unless the `pk-dismiss` event is cancelled); move focus somewhere sensible when you handle it.
 *
 * @tag pk-alert
 * @summary Inline info, success, warning or danger message, optionally dismissible.
 * @slot heading - Optional heading, e.g. `<strong slot="heading">Saved</strong>`.
 * @slot - The message.
 * @slot actions - Links or buttons under the message.
 * @csspart base - The box.
 * @csspart icon - The tone's icon.
 * @csspart close - The dismiss button.
 * @cssprop --pk-alert-radius - Corner radius; defaults to `--pk-radius`.
 * @fires pk-dismiss - The user pressed the close button; cancel it to keep the alert shown.
 */
export class PkAlert extends LocalizedElement {
  static override styles = [
    toneStyles,
    closeButtonStyles,
    visuallyHidden,
    alertBoxStyles,
    css`
      :host {
        display: block;
      }
      [part='base'] {
        border-radius: var(--pk-alert-radius, ${token('radius')});
      }
      ::slotted([slot='heading']) {
        margin: 0;
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-2')};
      }
    `,
  ];

  /** `info`, `success`, `warning` or `danger`. */
  @property({ reflect: true }) variant: AlertVariant = 'info';

  /** Shows a close button. */
  @property({ type: Boolean, reflect: true }) dismissible = false;

  #dismiss(): void {
    const event = new PkDismissEvent();
    if (this.dispatchEvent(event)) this.hidden = true;
  }

  protected override render() {
    const tone = toTone(this.variant, 'info');
    const urgent = tone === 'danger' || tone === 'warning';
    return html`<div part="base" class="box tone-${tone}" role=${urgent ? 'alert' : 'status'}>
      ${toneIcon(tone)}
      <div class="content">
        ${this.l10n ? html`<span class="visually-hidden">${this.ui('variantPrefix', { variant: this.ui(`variant.${tone}`) })}</span>` : nothing}
        <slot name="heading"></slot>
        <div><slot></slot></div>
        <div class="actions"><slot name="actions"></slot></div>
      </div>
      ${this.dismissible && this.l10n
        ? html`<button part="close" class="close" type="button" aria-label=${this.ui('dismiss')} @click=${this.#dismiss}>${closeIcon}</button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-alert': PkAlert;
  }
}

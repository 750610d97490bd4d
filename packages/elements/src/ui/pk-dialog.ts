import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocalizedElement, closeButtonStyles, closeIcon, deepActiveElement } from './display-shared.ts';
import { dialogStyles } from './pk-dialog.styles.ts';
import { PkCloseEvent, PkRequestCloseEvent, type CloseReason } from './events.ts';

/** Why a dialog closed: Escape, its close button, a click on the backdrop (`light-dismiss`), or `close()`/`open = false`. */
export type { CloseReason } from './events.ts';

/**
 * A modal dialog on the native `<dialog>` and `showModal()`: the browser traps focus, makes
 * the rest of the page inert and puts the dialog in the top layer. It is named by its
 * `heading` slot (or `label`), closes on Escape and with its localized close button, and
 * gives focus back to the element that had it before opening.
 * Before the user closes it, a cancelable `pk-request-close` fires (cancel it to keep the
 * dialog open, e.g. for unsaved changes); once closed, `pk-close` fires with the reason.
 * Put `autofocus` on the element that should get focus first; otherwise the browser picks
 * the first focusable element (the close button). `<form method="dialog">` in the light DOM
 * does not reach the shadow `<dialog>`: call `close()` from your buttons instead.
 *
 * @tag pk-dialog
 * @summary Modal dialog with focus trap, Escape, focus return and a localized close button.
 * @slot heading - The title, e.g. `<h2 slot="heading">Withdraw registration?</h2>`; it names the dialog.
 * @slot - The content.
 * @slot footer - The actions, e.g. Cancel and Confirm buttons.
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The heading and close button row.
 * @csspart heading - The heading's wrapper.
 * @csspart close - The close button.
 * @csspart body - The scrollable content area.
 * @csspart footer - The actions' row (hidden when empty).
 * @cssprop --pk-dialog-width - Width (default 36rem; 24rem for `small`, 56rem for `large`).
 * @cssprop --pk-dialog-radius - Corner radius; defaults to `--pk-radius`.
 * @cssprop --pk-dialog-backdrop - The backdrop; defaults to 50% black.
 * @fires pk-request-close - The user is closing the dialog (`detail.reason`); cancel it to keep it open.
 * @fires pk-close - The dialog closed; `detail.reason` is `escape`, `close-button`, `backdrop` or `api`.
 */
export class PkDialog extends LocalizedElement {
  static override styles = [closeButtonStyles, dialogStyles];

  /** Whether the dialog is shown. Setting it opens or closes the dialog (closing with reason `api`). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Accessible name when there is no heading. */
  @property() label = '';

  /** `small`, `medium` or `large`. */
  @property({ reflect: true }) size: 'small' | 'medium' | 'large' = 'medium';

  /** A click on the backdrop closes the dialog (reason `backdrop`). */
  @property({ type: Boolean, attribute: 'light-dismiss' }) lightDismiss = false;

  @query('dialog') protected dialog!: HTMLDialogElement;
  @state() private hasHeading = false;
  @state() private hasFooter = false;

  #opener: HTMLElement | null = null;
  #reason: CloseReason = 'api';

  // A body that scrolls must be reachable by keyboard to scroll it (when nothing in it is focusable).
  readonly #resize = new ResizeObserver(() => this.#updateScrollable());

  #updateScrollable(): void {
    const body = this.renderRoot.querySelector<HTMLElement>('[part="body"]');
    if (!body) return;
    if (body.scrollHeight > body.clientHeight + 1) body.tabIndex = 0;
    else body.removeAttribute('tabindex');
  }

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog; `pk-close` says `api` unless another reason is given. */
  close(reason: CloseReason = 'api'): void {
    this.#reason = reason;
    this.open = false;
  }

  /** Asks listeners, then closes for a user action. */
  #requestClose(reason: CloseReason): boolean {
    const request = new PkRequestCloseEvent({ reason });
    if (!this.dispatchEvent(request)) return false;
    this.close(reason);
    return true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.dialog;
    if (this.open && !dialog.open) {
      const active = deepActiveElement();
      this.#opener = active instanceof HTMLElement && active !== document.body ? active : null;
      this.#reason = 'api';
      dialog.showModal();
      this.#updateScrollable();
      this.querySelector<HTMLElement>('[autofocus]')?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  /** The native dialog closed, whatever the cause. */
  readonly #onClose = () => {
    const reason = this.#reason;
    this.#reason = 'api';
    this.open = false;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus({ preventScroll: true });
    this.dispatchEvent(new PkCloseEvent({ reason }));
  };

  /** Escape (or the platform's back gesture). */
  readonly #onCancel = (event: Event) => {
    event.preventDefault();
    // Without recent user activation the browser may close anyway: the reason stays right.
    this.#reason = 'escape';
    this.#requestClose('escape');
  };

  readonly #onDialogClick = (event: MouseEvent) => {
    // Only a click on the ::backdrop lands on the <dialog> itself: the panel fills it.
    if (this.lightDismiss && event.target === this.dialog) this.#requestClose('backdrop');
  };

  readonly #onSlotChange = () => {
    this.hasHeading = Boolean(this.querySelector(':scope > [slot="heading"]'));
    this.hasFooter = Boolean(this.querySelector(':scope > [slot="footer"]'));
    if (this.hasUpdated) this.#updateScrollable();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.#onSlotChange();
    if (this.hasUpdated) this.#resize.observe(this.renderRoot.querySelector('[part="body"]')!);
  }

  protected override firstUpdated(): void {
    this.#resize.observe(this.renderRoot.querySelector('[part="body"]')!);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    // Removed while open: the native dialog is gone with it; give focus back all the same.
    if (this.open) {
      this.open = false;
      this.#opener?.focus({ preventScroll: true });
      this.#opener = null;
    }
  }

  protected override render() {
    const labelled = this.hasHeading || !this.label;
    return html`<dialog
      part="dialog"
      aria-labelledby=${labelled ? 'heading' : nothing}
      aria-label=${labelled ? nothing : this.label}
      @close=${this.#onClose}
      @cancel=${this.#onCancel}
      @click=${this.#onDialogClick}
    >
      <div class="panel">
        <div part="header">
          <div part="heading" id="heading"><slot name="heading" @slotchange=${this.#onSlotChange}></slot></div>
          ${this.l10n
            ? html`<button part="close" class="close" type="button" aria-label=${this.ui('close')} @click=${() => this.#requestClose('close-button')}>
                ${closeIcon}
              </button>`
            : nothing}
        </div>
        <div part="body"><slot @slotchange=${this.#onSlotChange}></slot></div>
        <div part="footer" class=${this.hasFooter ? '' : 'empty'}><slot name="footer" @slotchange=${this.#onSlotChange}></slot></div>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-dialog': PkDialog;
  }
}

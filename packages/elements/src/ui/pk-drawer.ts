import { PkDialog } from './pk-dialog.ts';
import { closeButtonStyles } from './display-shared.ts';
import { dialogStyles, drawerStyles } from './pk-dialog.styles.ts';

/**
 * A modal panel that slides in from the inline-end edge (the right in left-to-right text, the
 * left in right-to-left text), for details and secondary tasks beside the page. It behaves
 * exactly like `<pk-dialog>`: native `showModal()` (focus trapped, page inert), named by its
 * heading, Escape and a localized close button close it, focus returns to the opener, and
 * `pk-request-close`/`pk-close` fire with the reason. It appears without sliding when the user
 * prefers reduced motion.
 *
 * @tag pk-drawer
 * @summary Modal side panel from the inline-end edge, with the behaviour of `<pk-dialog>`.
 * @slot heading - The title, e.g. `<h2 slot="heading">Deal details</h2>`; it names the drawer.
 * @slot - The content.
 * @slot footer - The actions.
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - The heading and close button row.
 * @csspart heading - The heading's wrapper.
 * @csspart close - The close button.
 * @csspart body - The scrollable content area.
 * @csspart footer - The actions' row (hidden when empty).
 * @cssprop --pk-drawer-width - Width (default 28rem; 20rem for `small`, 44rem for `large`); never wider than the viewport.
 * @cssprop --pk-dialog-backdrop - The backdrop; defaults to 50% black.
 * @fires pk-request-close - The user is closing the drawer (`detail.reason`); cancel it to keep it open.
 * @fires pk-close - The drawer closed; `detail.reason` is `escape`, `close-button`, `backdrop` or `api`.
 */
export class PkDrawer extends PkDialog {
  static override styles = [closeButtonStyles, dialogStyles, drawerStyles];
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-drawer': PkDrawer;
  }
}

import { LitElement, css, html } from 'lit';
import { token } from '../core/theme/tokens.ts';

/**
 * The content of one tab of a `<pk-tabs>`, paired with the tab at the same position.
 * Its `role`, `aria-labelledby`, `tabindex` and `hidden` are managed by the `<pk-tabs>`.
 *
 * @tag pk-tab-panel
 * @summary A panel of `<pk-tabs>`.
 * @slot - The panel's content.
 */
export class PkTabPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding-block: ${token('space-4')};
    }
    :host(:focus-visible) {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
      border-radius: ${token('radius')};
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'tabpanel');
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-tab-panel': PkTabPanel;
  }
}

import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { token } from '../core/theme/tokens.ts';

/**
 * One tab of a `<pk-tabs>`; it puts itself in the tab slot. Its `role`, `aria-selected`,
 * `aria-controls` and `tabindex` are managed by the `<pk-tabs>` around it.
 *
 * @tag pk-tab
 * @summary A tab of `<pk-tabs>`.
 * @slot - The tab's label (text, optionally with an icon or a `<pk-badge>`).
 * @cssprop --pk-tabs-accent - Colour of the selected tab's text and underline; defaults to `--pk-color-primary`.
 */
export class PkTab extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: ${token('space-2')};
      flex: none;
      box-sizing: border-box;
      min-block-size: max(24px, 2.25rem);
      min-inline-size: 24px;
      padding-block: ${token('space-2')};
      padding-inline: ${token('space-3')};
      border-block-end: 3px solid transparent;
      margin-block-end: -1px;
      color: ${token('color-text-muted')};
      font-family: ${token('font-body')};
      font-size: ${token('font-size-body')};
      font-weight: 500;
      white-space: nowrap;
      cursor: pointer;
      user-select: none;
    }
    :host(:hover) {
      color: ${token('color-text')};
      border-block-end-color: ${token('color-border')};
    }
    :host([aria-selected='true']) {
      color: var(--pk-tabs-accent, ${token('color-primary')});
      border-block-end-color: currentColor;
      font-weight: 600;
    }
    :host(:focus-visible) {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: -${token('focus-ring-width')};
      border-radius: ${token('radius')} ${token('radius')} 0 0;
    }
    :host([disabled]) {
      cursor: not-allowed;
      opacity: 0.6;
    }
    @media (pointer: coarse) {
      :host {
        min-block-size: ${token('target-size')};
      }
    }
    @media (forced-colors: active) {
      :host([aria-selected='true']) {
        border-block-end-color: Highlight;
      }
    }
  `;

  /** Cannot be selected; skipped by the arrow keys. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Selected when the tabs first render (otherwise the first tab is). */
  @property({ type: Boolean }) selected = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('slot')) this.slot = 'tab';
    if (!this.hasAttribute('role')) this.setAttribute('role', 'tab');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('disabled')) {
      if (this.disabled) this.setAttribute('aria-disabled', 'true');
      else this.removeAttribute('aria-disabled');
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-tab': PkTab;
  }
}

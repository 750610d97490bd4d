import { LitElement, css, html } from 'lit';
import { token } from '../core/theme/tokens.ts';

/**
 * What to show where a list or page has nothing yet, with a way forward. All text comes from
 * the host: use a real heading element in the `heading` slot at the right level for the page.
 *
 * @tag pk-empty-state
 * @summary Centered "nothing here yet" message with illustration, heading, description and actions.
 * @slot illustration - An image or icon; give it `alt=""` when it is decorative.
 * @slot heading - A heading element, e.g. `<h2 slot="heading">No deals yet</h2>`.
 * @slot description - One or two sentences on why it is empty and what to do.
 * @slot actions - Buttons or links, e.g. "Register a deal".
 * @slot - Anything else, shown after the description.
 * @csspart base - The centered column.
 * @csspart illustration - The illustration's wrapper.
 * @csspart heading - The heading's wrapper.
 * @csspart description - The description's wrapper.
 * @csspart actions - The actions' row.
 * @cssprop --pk-empty-state-max-width - Widest the text column gets; defaults to 32rem.
 * @cssprop --pk-empty-state-illustration-size - Height of the illustration; defaults to 6rem.
 */
export class PkEmptyState extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: ${token('color-text')};
      font-family: ${token('font-body')};
      font-size: ${token('font-size-body')};
    }
    [part='base'] {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: ${token('space-2')};
      max-inline-size: var(--pk-empty-state-max-width, 32rem);
      margin-inline: auto;
      padding-block: ${token('space-6')};
      padding-inline: ${token('space-4')};
      text-align: center;
    }
    [part='illustration'] ::slotted(*) {
      display: block;
      max-block-size: var(--pk-empty-state-illustration-size, 6rem);
      max-inline-size: 100%;
      color: ${token('color-text-muted')};
    }
    [part='heading'] ::slotted(*) {
      margin: 0;
      font-family: ${token('font-heading')};
      font-size: ${token('font-size-title')};
      font-weight: 600;
    }
    [part='description'] {
      color: ${token('color-text-muted')};
    }
    [part='description'] ::slotted(*) {
      margin: 0;
    }
    [part='actions'] {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: ${token('space-2')};
      margin-block-start: ${token('space-2')};
    }
    .empty {
      display: none;
    }
  `;

  #hasSlot(name: string): boolean {
    return [...this.children].some((child) => child.getAttribute('slot') === name);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer.observe(this, { childList: true, subtree: false, attributes: true, attributeFilter: ['slot'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer.disconnect();
  }

  // Empty wrappers would still take a gap's space.
  readonly #observer = new MutationObserver(() => this.requestUpdate());

  protected override render() {
    const part = (name: string) => html`<div part=${name} class=${this.#hasSlot(name) ? '' : 'empty'}><slot name=${name}></slot></div>`;
    return html`<div part="base">
      ${part('illustration')} ${part('heading')} ${part('description')}
      <slot></slot>
      ${part('actions')}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-empty-state': PkEmptyState;
  }
}

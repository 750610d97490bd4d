import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { token } from '../core/theme/tokens.ts';
import { isRtl } from './display-shared.ts';
import { PkTabChangeEvent } from './events.ts';
import type { ElementDependencies } from '../core/define.ts';
import { PkTab } from './pk-tab.ts';
import { PkTabPanel } from './pk-tab-panel.ts';

let nextId = 0;

// A <pk-tab> counts even before it upgrades and moves itself into the tab slot.
const isTab = (element: Element) => element.slot === 'tab' || element.localName === 'pk-tab';

/**
 * Tabs per the ARIA Authoring Practices: a `tablist` of tabs, each controlling a `tabpanel`.
 * Tabs are the children in the `tab` slot (`<pk-tab>` puts itself there; any element with
 * `slot="tab"` works too), panels the other element children (`<pk-tab-panel>`, or any element),
 * paired by position. Activation is automatic: ←/→ move to the previous/next tab and show
 * its panel (mirrored in right-to-left text), Home/End go to the first/last tab, disabled tabs
 * are skipped. Only the selected tab is in the Tab order; Tab from it goes to the panel.
 *
 * ```html
 * <pk-tabs label="Deal">
 *   <pk-tab>Overview</pk-tab>
 *   <pk-tab>Contacts</pk-tab>
 *   <pk-tab-panel>…</pk-tab-panel>
 *   <pk-tab-panel>…</pk-tab-panel>
 * </pk-tabs>
 * ```
 *
 * @tag pk-tabs
 * @summary Tabbed panels with APG keyboard support, mirrored in RTL.
 * @slot tab - The tabs, in order.
 * @slot - The panels, in the same order.
 * @csspart tablist - The row of tabs (`role="tablist"`), scrollable when they do not fit.
 * @csspart panels - The wrapper of the panels.
 * @cssprop --pk-tabs-accent - Colour of the selected tab; defaults to `--pk-color-primary`.
 * @cssprop --pk-tabs-border - The line under the tabs; defaults to `--pk-color-border`.
 * @fires pk-tab-change - The user selected another tab; `detail` has `index`, `tab` and `panel`.
 */
export class PkTabs extends LitElement {
  /** The tab and panel elements it arranges, registered with it. @internal */
  static dependencies: ElementDependencies = { 'pk-tab': PkTab, 'pk-tab-panel': PkTabPanel };
  static override styles = css`
    :host {
      display: block;
      color: ${token('color-text')};
      font-family: ${token('font-body')};
    }
    [part='tablist'] {
      display: flex;
      gap: ${token('space-1')};
      overflow-x: auto;
      overflow-y: hidden;
      border-block-end: 1px solid var(--pk-tabs-border, ${token('color-border')});
      scrollbar-width: thin;
    }
  `;

  /** The selected tab's position, from 0. Reflected; set it to select a tab. */
  @property({ type: Number, attribute: 'selected-index', reflect: true }) selectedIndex = -1;

  /** Accessible name of the tab list (e.g. "Deal details"). */
  @property() label = '';

  /** The tabs, in order. */
  get tabs(): HTMLElement[] {
    return [...this.children].filter((child): child is HTMLElement => child instanceof HTMLElement && isTab(child));
  }

  /** The panels, in order. */
  get panels(): HTMLElement[] {
    return [...this.children].filter((child): child is HTMLElement => child instanceof HTMLElement && !child.slot && !isTab(child));
  }

  /** Selects a tab by position or element, as if the user had (but without an event). */
  select(tab: number | HTMLElement): void {
    const index = typeof tab === 'number' ? tab : this.tabs.indexOf(tab);
    if (index >= 0 && index < this.tabs.length) this.selectedIndex = index;
  }

  #isDisabled(tab: HTMLElement): boolean {
    return tab.hasAttribute('disabled') || tab.getAttribute('aria-disabled') === 'true';
  }

  /** The selected index made valid: a preselected tab, else the first enabled one. */
  #resolveIndex(): number {
    const tabs = this.tabs;
    const current = this.selectedIndex;
    if (tabs.length === 0 || (current >= 0 && current < tabs.length && !this.#isDisabled(tabs[current]!))) return current;
    const preset = tabs.findIndex((tab) => (tab as HTMLElement & { selected?: boolean }).selected === true || tab.getAttribute('aria-selected') === 'true');
    if (preset >= 0 && !this.#isDisabled(tabs[preset]!)) return preset;
    return Math.max(0, tabs.findIndex((tab) => !this.#isDisabled(tab)));
  }

  /** Gives tabs and panels their roles, ids, relations and states. */
  #sync(): void {
    const tabs = this.tabs;
    const panels = this.panels;
    const selected = this.selectedIndex;
    tabs.forEach((tab, index) => {
      const panel = panels[index];
      tab.id ||= `pk-tab-${(nextId += 1)}`;
      if (panel) panel.id ||= `pk-tab-panel-${(nextId += 1)}`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(index === selected));
      tab.tabIndex = index === selected ? 0 : -1;
      if (panel) tab.setAttribute('aria-controls', panel.id);
      else tab.removeAttribute('aria-controls');
    });
    panels.forEach((panel, index) => {
      panel.setAttribute('role', 'tabpanel');
      const tab = tabs[index];
      if (tab) panel.setAttribute('aria-labelledby', tab.id);
      panel.hidden = index !== selected;
      // In the Tab order, so keyboard users reach panels that start with text.
      if (!panel.hasAttribute('tabindex')) panel.tabIndex = 0;
    });
  }

  #userSelect(index: number, focus: boolean): void {
    const tab = this.tabs[index];
    if (!tab || this.#isDisabled(tab)) return;
    const changed = index !== this.selectedIndex;
    this.selectedIndex = index;
    this.#sync();
    if (focus) tab.focus();
    tab.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (changed) {
      this.dispatchEvent(new PkTabChangeEvent({ index, tab, panel: this.panels[index] }));
    }
  }

  #tabOf(event: Event): number {
    const tabs = this.tabs;
    return tabs.findIndex((tab) => event.composedPath().includes(tab));
  }

  readonly #onKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = this.#tabOf(event);
    if (current < 0) return;
    const tabs = this.tabs;
    const enabled = tabs.map((tab, index) => (this.#isDisabled(tab) ? -1 : index)).filter((index) => index >= 0);
    if (enabled.length === 0) return;
    const position = enabled.indexOf(current);
    const step = (delta: number) => enabled[(((position < 0 ? 0 : position) + delta) % enabled.length + enabled.length) % enabled.length]!;
    const forward = isRtl(this) ? 'ArrowLeft' : 'ArrowRight';
    const backward = isRtl(this) ? 'ArrowRight' : 'ArrowLeft';
    let target: number | undefined;
    if (event.key === forward) target = step(1);
    else if (event.key === backward) target = step(-1);
    else if (event.key === 'Home') target = enabled[0];
    else if (event.key === 'End') target = enabled[enabled.length - 1];
    else if (event.key === 'Enter' || event.key === ' ') target = current;
    if (target === undefined) return;
    event.preventDefault();
    this.#userSelect(target, true);
  };

  readonly #onClick = (event: MouseEvent) => {
    const index = this.#tabOf(event);
    if (index >= 0) this.#userSelect(index, true);
  };

  readonly #onSlotChange = () => {
    const index = this.#resolveIndex();
    if (index !== this.selectedIndex) this.selectedIndex = index; // updated() syncs.
    else this.#sync();
  };

  protected override willUpdate(): void {
    this.selectedIndex = this.#resolveIndex();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selectedIndex')) this.#sync();
  }

  protected override render() {
    return html`
      <div part="tablist" role="tablist" aria-label=${this.label || nothing} @keydown=${this.#onKeydown} @click=${this.#onClick}>
        <slot name="tab" @slotchange=${this.#onSlotChange}></slot>
      </div>
      <div part="panels"><slot @slotchange=${this.#onSlotChange}></slot></div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-tabs': PkTabs;
  }
}

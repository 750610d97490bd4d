import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define/all.ts';
import '../../src/define/pk-tabs.ts';
import '../../src/define/pk-badge.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import type { PkTabs } from '../../src/ui/pk-tabs.ts';
import { expectFocusOn, press } from './ui-commands.ts';

async function inPortal(content: TemplateResult, { locale = 'en-GB', theme = 'light', dir = '' } = {}) {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} theme=${theme} dir=${dir || 'ltr'}>${content}</pk-portal>`);
  await waitUntil(() => portal.hasAttribute('lang'), 'the portal localized');
  const tabs = portal.querySelector('pk-tabs') as PkTabs;
  await tabs.updateComplete;
  return { portal, tabs };
}

const dealTabs = html`<pk-tabs label="Deal">
  <pk-tab>Overview</pk-tab>
  <pk-tab>Contacts <pk-badge variant="info">3</pk-badge></pk-tab>
  <pk-tab disabled>Documents</pk-tab>
  <pk-tab>History</pk-tab>
  <pk-tab-panel><p>Overview content</p></pk-tab-panel>
  <pk-tab-panel><p>Contacts content</p></pk-tab-panel>
  <pk-tab-panel><p>Documents content</p></pk-tab-panel>
  <pk-tab-panel><p>History content</p></pk-tab-panel>
</pk-tabs>`;

const selected = (tabs: PkTabs) => tabs.tabs.findIndex((tab) => tab.getAttribute('aria-selected') === 'true');
const visiblePanel = (tabs: PkTabs) => tabs.panels.findIndex((panel) => !panel.hidden);

describe('<pk-tabs>', () => {
  it('wires tablist, tabs and panels per the ARIA Authoring Practices', async () => {
    const { portal, tabs } = await inPortal(dealTabs);
    const tablist = tabs.shadowRoot!.querySelector('[part="tablist"]')!;
    expect(tablist.getAttribute('role')).to.equal('tablist');
    expect(tablist.getAttribute('aria-label')).to.equal('Deal');
    expect([...tablist.querySelector('slot')!.assignedElements()]).to.deep.equal(tabs.tabs, 'the tabs sit in the tablist');
    tabs.tabs.forEach((tab, index) => {
      const panel = tabs.panels[index]!;
      expect(tab.getAttribute('role')).to.equal('tab');
      expect(panel.getAttribute('role')).to.equal('tabpanel');
      expect(tab.getAttribute('aria-controls')).to.equal(panel.id);
      expect(panel.getAttribute('aria-labelledby')).to.equal(tab.id);
      expect(tab.getAttribute('aria-selected')).to.equal(String(index === 0));
      expect(tab.tabIndex).to.equal(index === 0 ? 0 : -1, 'roving tabindex');
      expect(panel.hidden).to.equal(index !== 0);
    });
    expect(tabs.tabs[2]!.getAttribute('aria-disabled')).to.equal('true');
    expect(tabs.selectedIndex).to.equal(0);
    await expect(portal).to.be.accessible();
  });

  it('moves with the arrow keys and activates automatically, skipping disabled tabs and wrapping', async () => {
    const { tabs } = await inPortal(dealTabs);
    tabs.tabs[0]!.focus();
    const changed = oneEvent(tabs, 'pk-tab-change');
    await press('ArrowRight');
    expect((await changed).detail.index).to.equal(1);
    expectFocusOn(tabs.tabs[1]);
    expect(selected(tabs)).to.equal(1);
    expect(visiblePanel(tabs)).to.equal(1);
    await press('ArrowRight');
    expectFocusOn(tabs.tabs[3], 'Documents is disabled');
    await press('ArrowRight');
    expectFocusOn(tabs.tabs[0], 'wraps to the first');
    await press('ArrowLeft');
    expectFocusOn(tabs.tabs[3], 'wraps to the last');
    expect(visiblePanel(tabs)).to.equal(3);
  });

  it('goes to the first and last tab with Home and End, and Tab leaves for the panel', async () => {
    const { tabs } = await inPortal(dealTabs);
    tabs.tabs[0]!.focus();
    await press('End');
    expectFocusOn(tabs.tabs[3]);
    expect(selected(tabs)).to.equal(3);
    await press('Home');
    expectFocusOn(tabs.tabs[0]);
    expect(selected(tabs)).to.equal(0);
    await press('Tab');
    expectFocusOn(tabs.panels[0], 'the only tab stop after the selected tab is its panel');
    await press('Shift+Tab');
    expectFocusOn(tabs.tabs[0]);
  });

  it('mirrors the arrow keys in right-to-left text', async () => {
    const { tabs } = await inPortal(dealTabs, { dir: 'rtl' });
    const [first, second] = tabs.tabs;
    expect(second!.getBoundingClientRect().right).to.be.lessThan(first!.getBoundingClientRect().right, 'laid out right to left');
    first!.focus();
    await press('ArrowLeft');
    expectFocusOn(second, 'left is forward in RTL');
    await press('ArrowRight');
    expectFocusOn(first);
    await press('ArrowRight');
    expectFocusOn(tabs.tabs[3], 'right from the first wraps to the last');
  });

  it('selects on click, honours a preselected tab, selectedIndex and plain slot="tab" elements', async () => {
    const { tabs } = await inPortal(html`<pk-tabs label="Plain">
      <span slot="tab">One</span>
      <span slot="tab" aria-selected="true">Two</span>
      <div>Panel one</div>
      <div>Panel two</div>
    </pk-tabs>`);
    expect(selected(tabs)).to.equal(1);
    expect(tabs.tabs[0]!.getAttribute('role')).to.equal('tab');
    expect(tabs.panels[1]!.getAttribute('role')).to.equal('tabpanel');
    expect(visiblePanel(tabs)).to.equal(1);
    tabs.tabs[0]!.click();
    expect(selected(tabs)).to.equal(0);
    expectFocusOn(tabs.tabs[0]);
    tabs.selectedIndex = 1;
    await tabs.updateComplete;
    expect(visiblePanel(tabs)).to.equal(1);
    expect(tabs.getAttribute('selected-index')).to.equal('1');
  });

  it('shows a focus ring and which tab is selected by more than colour, and passes axe in dark', async () => {
    const { portal, tabs } = await inPortal(dealTabs, { theme: 'dark' });
    tabs.tabs[0]!.focus();
    await press('ArrowRight');
    const tab = tabs.tabs[1]!;
    const style = getComputedStyle(tab);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.borderBottomWidth).to.equal('3px');
    expect(style.borderBottomColor).to.not.equal(getComputedStyle(tabs.tabs[0]!).borderBottomColor);
    expect(style.fontWeight).to.equal('600');
    await expect(portal).to.be.accessible();
  });
});

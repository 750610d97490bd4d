import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import '../../src/define/all.ts';
import { PkPortal } from '../../src/portal/pk-portal.ts';
import type { PkDealList } from '../../src/deals/pk-deal-list.ts';
import { fakeClient } from '../../../../test/fixtures/fake-client.ts';

/** The list's rows, inside its data table. */
const tableRoot = (root: ShadowRoot) => root.querySelector('pk-data-table')?.shadowRoot ?? null;
const bodyRows = (root: ShadowRoot) => [...(tableRoot(root)?.querySelectorAll('tbody tr[part~="row"]') ?? [])];
const heading = (list: Element) => list.shadowRoot!.querySelector('h2')?.textContent ?? '';
const colorOf = (element: Element) => getComputedStyle(element).color;

/** A host page widget with its own shadow root, which a deal list sits inside. */
class HostWidget extends LitElement {
  protected override render() {
    return litHtml`<section><pk-deal-list page-size="5"></pk-deal-list></section>`;
  }
}
customElements.define('host-widget', HostWidget);

async function mountPortal(template = html`<pk-portal locale="en-GB" .client=${fakeClient().client}><pk-deal-list page-size="5"></pk-deal-list></pk-portal>`) {
  const portal = await fixture<PkPortal>(template);
  const list = portal.querySelector('pk-deal-list') as PkDealList;
  await waitUntil(() => list.shadowRoot && bodyRows(list.shadowRoot).length > 0, 'deals render');
  return { portal, list };
}

describe('<pk-portal> contexts', () => {
  it('reaches components inside other shadow roots', async () => {
    const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${fakeClient().client}><host-widget></host-widget></pk-portal>`);
    const list = portal.querySelector('host-widget')!.shadowRoot!.querySelector('pk-deal-list') as PkDealList;
    await waitUntil(() => bodyRows(list.shadowRoot!).length === 5, 'the nested list loads through the portal\'s client');
  });

  it('connects components to a portal whose definition arrives after them', async () => {
    const container = await fixture<HTMLDivElement>(html`<div><pk-late-portal locale="en-GB"><pk-deal-list page-size="5"></pk-deal-list></pk-late-portal></div>`);
    const list = container.querySelector('pk-deal-list') as PkDealList;
    // Connected and rendered, with no provider defined yet.
    await list.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(bodyRows(list.shadowRoot!)).to.have.length(0);
    customElements.define('pk-late-portal', class extends PkPortal {});
    (container.querySelector('pk-late-portal') as PkPortal).client = fakeClient().client;
    await waitUntil(() => bodyRows(list.shadowRoot!).length === 5, 'the list found the late provider');
  });

  it('fires pk-session-expired when no new token can be had', async () => {
    const portal = document.createElement('pk-portal');
    portal.baseUrl = 'http://127.0.0.1:9/api';
    portal.getToken = () => Promise.reject(new Error('signed out'));
    const expired = new Promise((resolve) => portal.addEventListener('pk-session-expired', resolve, { once: true }));
    document.body.append(portal);
    await expired;
    portal.remove();
  });
});

describe('<pk-portal> themes', () => {
  it('switches between the light, dark and high-contrast presets', async () => {
    const { portal, list } = await mountPortal();
    const cell = tableRoot(list.shadowRoot!)!.querySelector('td')!;
    const light = colorOf(cell);
    portal.setAttribute('theme', 'dark');
    await portal.updateComplete;
    const dark = colorOf(cell);
    expect(dark).to.not.equal(light);
    expect(getComputedStyle(portal).colorScheme).to.equal('dark');
    portal.theme = 'high-contrast';
    await portal.updateComplete;
    expect(colorOf(cell)).to.equal('rgb(0, 0, 0)');
    await expect(list).to.be.accessible();
  });

  it('maps a theme object onto the tokens, and drops values that are not CSS', async () => {
    const { portal, list } = await mountPortal();
    portal.theme = { colorPrimary: 'rgb(194, 24, 91)', borderRadius: '0px', fontFamily: 'Georgia, serif', colorScheme: 'dark' };
    await portal.updateComplete;
    const more = list.shadowRoot!.querySelector('[part="load-more"]')!;
    expect(getComputedStyle(more).backgroundColor).to.equal('rgb(194, 24, 91)');
    expect(getComputedStyle(more).borderTopLeftRadius).to.equal('0px');
    expect(getComputedStyle(list).fontFamily).to.contain('Georgia');
    expect(portal.getAttribute('theme')).to.equal('dark');
    portal.theme = { colorPrimary: 'red; } body { display: none' };
    await portal.updateComplete;
    expect(getComputedStyle(document.body).display).to.equal('block');
    expect(portal.style.getPropertyValue('--pk-color-primary')).to.equal('', 'the invalid value was dropped');
    portal.theme = 'light';
    await portal.updateComplete;
    expect(portal.style.getPropertyValue('--pk-color-primary')).to.equal('', 'the object\'s tokens are removed again');
  });

  it('lets the host page override any token from its own stylesheet', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('pk-portal.branded { --pk-ref-color-brand: rgb(0, 128, 0); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const { list } = await mountPortal(html`<pk-portal class="branded" locale="en-GB" .client=${fakeClient().client}><pk-deal-list page-size="5"></pk-deal-list></pk-portal>`);
    expect(getComputedStyle(list.shadowRoot!.querySelector('[part="load-more"]')!).backgroundColor).to.equal('rgb(0, 128, 0)');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });

  it('passes axe in the dark preset', async () => {
    const { portal, list } = await mountPortal();
    portal.setAttribute('theme', 'dark');
    await portal.updateComplete;
    await expect(list).to.be.accessible();
  });
});

describe('<pk-portal> languages', () => {
  it('switches language at runtime and re-renders every component', async () => {
    const { portal, list } = await mountPortal();
    expect(heading(list)).to.equal('Deal registrations');
    portal.locale = 'de-AT';
    await waitUntil(() => heading(list) === 'Deal-Registrierungen', 'German');
    expect(portal.lang).to.equal('de-AT');
    portal.locale = 'hu-HU';
    await waitUntil(() => heading(list) === 'Üzletregisztrációk', 'Hungarian');
  });

  it('merges vendor messages over the shipped strings', async () => {
    const { list } = await mountPortal(html`<pk-portal locale="en-GB" .messages=${{ en: { deals: { list: { title: 'Registered opportunities' } } } }} .client=${fakeClient().client}><pk-deal-list page-size="5"></pk-deal-list></pk-portal>`);
    expect(heading(list)).to.equal('Registered opportunities');
    expect(tableRoot(list.shadowRoot!)!.querySelector('th')!.textContent!.trim()).to.equal('Reference', 'other strings stay shipped');
  });

  it('mirrors the layout with dir="rtl"', async () => {
    const { portal, list } = await mountPortal(html`<pk-portal dir="rtl" locale="en-GB" .client=${fakeClient().client}><pk-deal-list page-size="5"></pk-deal-list></pk-portal>`);
    const firstHeader = tableRoot(list.shadowRoot!)!.querySelector('th')!;
    const table = tableRoot(list.shadowRoot!)!.querySelector('table')!;
    expect(getComputedStyle(firstHeader).direction).to.equal('rtl');
    expect(Math.round(firstHeader.getBoundingClientRect().right)).to.equal(Math.round(table.getBoundingClientRect().right), 'the first column starts on the right');
    expect(portal.dir).to.equal('rtl');
  });

  it('in the pseudo-locale, every visible string outside the data comes from the locale files', async () => {
    const { list } = await mountPortal(html`<pk-portal locale="en-XA" .client=${fakeClient().client}><pk-deal-list page-size="5"></pk-deal-list></pk-portal>`);
    await waitUntil(() => heading(list).startsWith('['), 'pseudo-localized');
    const texts: string[] = [];
    const walker = document.createTreeWalker(list.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.trim();
      // Table cells hold the partner's data (names, amounts, dates), not interface text.
      if (text && !node.parentElement!.closest('td')) texts.push(text);
    }
    expect(texts.length).to.be.greaterThan(5);
    for (const text of texts) expect(text, `"${text}" bypasses the locale files`).to.match(/^\[.*·\]$/s);
  });
});

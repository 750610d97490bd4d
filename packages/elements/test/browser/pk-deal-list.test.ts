import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/all.ts';
import type { PkDealList } from '../../src/deals/pk-deal-list.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import { fakeClient, networkError, seededDeals, seededMe } from '../../../../test/fixtures/fake-client.ts';

async function mount(client: ReturnType<typeof fakeClient>['client'], locale = 'en-GB', pageSize = 20) {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} .client=${client}><pk-deal-list page-size=${pageSize}></pk-deal-list></pk-portal>`);
  const list = portal.querySelector('pk-deal-list') as PkDealList;
  return { portal, list, root: list.shadowRoot! };
}

const bodyRows = (root: ShadowRoot) => [...root.querySelectorAll('tbody tr[part="row"]')];

describe('<pk-deal-list>', () => {
  it('shows a busy skeleton, not an empty list, until the first page arrives', async () => {
    const fake = fakeClient({ hold: true });
    const { root, list } = await mount(fake.client);
    await waitUntil(() => root.querySelector('h2'), 'translations load');
    const table = root.querySelector('table')!;
    expect(table.getAttribute('aria-busy')).to.equal('true');
    expect(root.querySelector('[part="empty"]')).to.equal(null);
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('Loading deal registrations…');
    fake.release();
    await waitUntil(() => bodyRows(root).length > 0);
    expect(table.getAttribute('aria-busy')).to.equal('false');
    await expect(list).to.be.accessible();
  });

  it('renders the partner\'s deals with money, status and dates formatted for the locale', async () => {
    const { root, list } = await mount(fakeClient().client);
    await waitUntil(() => bodyRows(root).length === 20);
    const first = seededDeals[0]!;
    const cells = [...bodyRows(root)[0]!.querySelectorAll('td')].map((td) => td.textContent!.trim());
    expect(cells[0]).to.equal(first.reference);
    expect(cells[1]).to.equal(first.customerCompany);
    const money = first.amount!;
    expect(cells[3]).to.equal(new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency }).format(Number(money.amount)));
    expect(root.querySelector('[role="status"]')!.textContent).to.equal('20 deals shown');
    await expect(list).to.be.accessible();
  });

  it('speaks German when the portal says so', async () => {
    const { root } = await mount(fakeClient().client, 'de-DE');
    await waitUntil(() => bodyRows(root).length > 0);
    expect(root.querySelector('h2')!.textContent).to.equal('Deal-Registrierungen');
    const headers = [...root.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.include('Kunde');
  });

  it('without a locale attribute, waits for the session\'s language instead of flashing another', async () => {
    let answer: () => void = () => {};
    const base = fakeClient().client;
    const client = { ...base, getMe: () => new Promise<typeof seededMe>((resolve) => (answer = () => resolve({ ...seededMe, locale: 'hu-HU' }))) };
    const portal = await fixture<PkPortal>(html`<pk-portal .client=${client}><pk-deal-list></pk-deal-list></pk-portal>`);
    const root = (portal.querySelector('pk-deal-list') as PkDealList).shadowRoot!;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root.querySelector('h2'), 'no heading before the session decides the language').to.equal(null);
    expect(root.querySelector('table')!.getAttribute('aria-busy')).to.equal('true');
    answer();
    await waitUntil(() => root.querySelector('h2'));
    expect(root.querySelector('h2')!.textContent).to.equal('Üzletregisztrációk');
  });

  it('loads the next page', async () => {
    const fake = fakeClient();
    const { root } = await mount(fake.client);
    await waitUntil(() => bodyRows(root).length === 20);
    (root.querySelector('[part="load-more"]') as HTMLButtonElement).click();
    await waitUntil(() => bodyRows(root).length === 40);
    expect(fake.calls.listDeals).to.equal(2);
  });

  it('shows an accessible error with a working retry', async () => {
    const fake = fakeClient({ failWith: networkError() });
    const { root, list } = await mount(fake.client);
    await waitUntil(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).to.contain('The server could not be reached');
    await expect(list).to.be.accessible();
    fake.succeedFromNowOn();
    (root.querySelector('[role="alert"] button') as HTMLButtonElement).click();
    await waitUntil(() => bodyRows(root).length > 0);
    expect(root.querySelector('[role="alert"]')).to.equal(null);
  });

  it('says so when there are no deals', async () => {
    const { root, list } = await mount(fakeClient({ deals: [] }).client);
    await waitUntil(() => root.querySelector('[part="empty"]'));
    expect(root.querySelector('[part="empty"]')!.textContent).to.equal('No deal registrations yet.');
    expect(root.querySelector('table')).to.equal(null);
    await expect(list).to.be.accessible();
  });

  it('shows deal text as text, never as markup', async () => {
    const hostile = { ...seededDeals[0]!, customerCompany: '<img src=x onerror=alert(1)>' };
    const { root } = await mount(fakeClient({ deals: [hostile] }).client);
    await waitUntil(() => bodyRows(root).length === 1);
    expect(root.querySelector('tbody img')).to.equal(null);
    expect(bodyRows(root)[0]!.querySelectorAll('td')[1]!.textContent).to.equal('<img src=x onerror=alert(1)>');
  });
});

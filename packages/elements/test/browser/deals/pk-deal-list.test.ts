import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Deal, ListDealsQuery, PartnerkitClient } from '@partnerkit/api';
import '../../../src/define/all.ts';
import '../../../src/deals/define/pk-deal-list.ts';
import { SEARCH_DELAY_MS, type DealFilterChangeDetail, type DealSelectedDetail, type PkDealList } from '../../../src/deals/pk-deal-list.ts';
import type { PkPortal } from '../../../src/portal/pk-portal.ts';
import { fakeClient, networkError, seededDeals, seededMe, withDeals } from '../../../../../test/fixtures/fake-client.ts';
import { activeElement, press } from '../ui-commands.ts';

type Fake = ReturnType<typeof fakeClient>;

async function mount(client: PartnerkitClient, { locale = 'en-GB', pageSize = 20, theme = 'light', dir = 'ltr', attributes = '' } = {}) {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} theme=${theme} dir=${dir} .client=${client}><div class="box"></div></pk-portal>`);
  // Attributes as a host page would write them, present from the first render.
  const box = portal.querySelector<HTMLElement>('.box')!;
  box.innerHTML = `<pk-deal-list page-size="${pageSize}" ${attributes}></pk-deal-list>`;
  const list = box.querySelector('pk-deal-list') as PkDealList;
  return { portal, list, box, root: list.shadowRoot! };
}

const table = (root: ShadowRoot) => root.querySelector('pk-data-table');
const tableRoot = (root: ShadowRoot) => table(root)?.shadowRoot ?? null;
const bodyRows = (root: ShadowRoot) => [...(tableRoot(root)?.querySelectorAll<HTMLElement>('tr.row') ?? [])];
const cells = (row: Element) => [...row.querySelectorAll('td .value')].map((value) => value.textContent!.trim());
const statusText = (root: ShadowRoot) => root.querySelector('[role="status"]')!.textContent!.trim();
const button = (root: ShadowRoot, name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;
const sortButton = (root: ShadowRoot, name: string) => [...tableRoot(root)!.querySelectorAll<HTMLButtonElement>('[part="sort-button"]')].find((b) => b.textContent!.trim() === name)!;
const lastQuery = (fake: Fake): ListDealsQuery => fake.requests.listDeals.at(-1)!.query;
const frames = async (n = 3) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
};

async function loaded(root: ShadowRoot, count?: number) {
  await waitUntil(() => (count === undefined ? bodyRows(root).length > 0 : bodyRows(root).length === count) && table(root)?.loading === false, `${count ?? 'some'} rows render`);
}

/** Types into the search box the way a keyboard does: one input event per character. */
function type(root: ShadowRoot, text: string) {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  for (const char of text) {
    input.value += char;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: char }));
  }
}

/** A client whose deal lists wait while `hold` is set, to observe requests in flight. */
function holdingClient(fake: Fake) {
  const control = { hold: undefined as Promise<void> | undefined, release: () => {} };
  /** When each list request was made (performance.now()). */
  const requestedAt: number[] = [];
  const client: PartnerkitClient = withDeals(fake.client, {
    async list(query, call) {
      requestedAt.push(performance.now());
      const answer = fake.client.deals.list(query, call);
      if (control.hold) await control.hold;
      return answer;
    },
  });
  return {
    client,
    requestedAt,
    hold() {
      control.hold = new Promise((resolve) => (control.release = resolve));
    },
    release() {
      control.hold = undefined;
      control.release();
    },
  };
}

describe('<pk-deal-list> states and formatting', () => {
  it('shows a busy skeleton, not an empty list, until the first page arrives', async () => {
    const fake = fakeClient({ hold: true });
    const { root, list } = await mount(fake.client);
    await waitUntil(() => root.querySelector('h2'), 'translations load');
    const inner = tableRoot(root)!.querySelector('table')!;
    expect(inner.getAttribute('aria-busy')).to.equal('true');
    expect(tableRoot(root)!.querySelectorAll('tbody[aria-hidden="true"] tr').length, 'skeleton rows').to.be.greaterThan(0);
    expect(root.querySelector('[part="empty"]')).to.equal(null);
    expect(statusText(root)).to.equal('Loading deal registrations…');
    const firstData = oneEvent(list, 'pk-loaded');
    fake.release();
    const { detail: said } = await firstData;
    expect(said.key).to.match(/^deals\b/);
    expect(said.empty).to.equal(false);
    expect(bodyRows(root).length, 'the rows are on screen when pk-loaded fires').to.be.greaterThan(0);
    await loaded(root);
    expect(inner.getAttribute('aria-busy')).to.equal('false');
    expect(tableRoot(root)!.querySelector('tbody[aria-hidden="true"]')).to.equal(null);
    await expect(list).to.be.accessible();
  });

  it('renders the partner\'s deals with money, status, dates and the protection countdown formatted for the locale', async () => {
    const now = Date.now();
    const deals: Deal[] = seededDeals.map((deal, index) => (index === 0 ? { ...deal, status: 'approved', expiresAt: new Date(now + 12 * 86_400_000 + 3_600_000).toISOString() } : deal));
    const { root, list } = await mount(fakeClient({ deals }).client);
    await loaded(root, 20);
    const first = deals[0]!;
    const values = cells(bodyRows(root)[0]!);
    expect(values[0]).to.equal(first.reference);
    expect(values[1]).to.equal(first.customerCompany);
    const money = first.amount!;
    expect(values[3]).to.equal(new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currency }).format(Number(money.amount)));
    const chip = bodyRows(root)[0]!.querySelector('pk-status-chip')!;
    expect(chip.textContent).to.equal('Approved');
    expect(chip.getAttribute('variant')).to.equal('success');
    expect(values[5]).to.equal(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${first.expectedCloseDate}T00:00:00Z`)));
    expect(values[6]).to.equal('ends in 12 days');
    expect(values[7]).to.equal(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(first.createdAt)));
    expect(statusText(root)).to.equal('20 deals shown');
    expect(table(root)!.label).to.equal('Deal registrations', 'the table is named like the heading');
    await expect(list).to.be.accessible();
  });

  it('speaks German when the portal says so', async () => {
    const { root } = await mount(fakeClient().client, { locale: 'de-DE' });
    await loaded(root);
    expect(root.querySelector('h2')!.textContent).to.equal('Deal-Registrierungen');
    expect(table(root)!.label).to.equal('Deal-Registrierungen');
    const headers = [...tableRoot(root)!.querySelectorAll('th')].map((th) => th.textContent!.trim());
    expect(headers).to.include('Kunde');
    expect(root.querySelector('label[for="search"]')!.textContent).to.equal('Deals durchsuchen');
    expect(button(root, 'Als CSV exportieren'), 'the export button in German').to.not.equal(undefined);
    const money = seededDeals[0]!.amount!;
    expect(cells(bodyRows(root)[0]!)[3]).to.equal(new Intl.NumberFormat('de-DE', { style: 'currency', currency: money.currency }).format(Number(money.amount)));
    expect(statusText(root)).to.equal('20 Deals angezeigt');
  });

  it('without a locale attribute, waits for the session\'s language instead of flashing another', async () => {
    let answer: () => void = () => {};
    const base = fakeClient().client;
    let asked = false;
    const client = {
      ...base,
      getMe: () => {
        asked = true;
        return new Promise<typeof seededMe>((resolve) => (answer = () => resolve({ ...seededMe, locale: 'hu-HU' })));
      },
    };
    const portal = await fixture<PkPortal>(html`<pk-portal .client=${client}><pk-deal-list></pk-deal-list></pk-portal>`);
    const list = portal.querySelector('pk-deal-list') as PkDealList;
    const root = list.shadowRoot!;
    // Asked for the session (its answer held back) and rendered what it shows meanwhile.
    await waitUntil(() => asked, 'the session was asked for');
    await list.updateComplete;
    await frames();
    expect(root.querySelector('h2'), 'no heading before the session decides the language').to.equal(null);
    expect(root.querySelector('input'), 'no toolbar either').to.equal(null);
    expect(table(root)!.loading).to.equal(true);
    expect(tableRoot(root)!.querySelector('table')!.getAttribute('aria-busy')).to.equal('true');
    expect(tableRoot(root)!.textContent!.trim(), 'no words in the skeleton').to.equal('');
    answer();
    await waitUntil(() => root.querySelector('h2'));
    expect(root.querySelector('h2')!.textContent).to.equal('Üzletregisztrációk');
  });

  it('loads the next page with the same filter, then moves focus to the first new deal when the last page removes the button', async () => {
    const fake = fakeClient({ deals: seededDeals.slice(0, 50) });
    const { root } = await mount(fake.client);
    await loaded(root, 20);
    const more = root.querySelector<HTMLButtonElement>('[part="load-more"]')!;
    more.click();
    await loaded(root, 40);
    expect(fake.calls.listDeals).to.equal(2);
    expect(lastQuery(fake)).to.deep.equal({ sort: 'created_desc', limit: 20, cursor: '20' });
    expect(statusText(root)).to.equal('40 deals shown');
    more.focus();
    more.click();
    await loaded(root, 50);
    expect(root.querySelector('[part="load-more"]'), 'no more pages').to.equal(null);
    await waitUntil(() => activeElement()?.getAttribute('data-index') === '40', 'focus on the first new row');
  });

  it('shows an accessible error with a working retry, and tells the host its kind', async () => {
    const fake = fakeClient({ failWith: networkError() });
    const failed = oneEvent(document, 'pk-load-error');
    const { root, list } = await mount(fake.client);
    expect((await failed).detail.kind).to.equal('connection');
    const retry = () => root.querySelector('pk-error-state')?.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]');
    await waitUntil(retry, 'the error state with its retry');
    expect(root.querySelector('pk-error-state')!.textContent).to.contain('The server could not be reached');
    expect(table(root), 'no table while the list failed').to.equal(null);
    await expect(list).to.be.accessible();
    fake.succeedFromNowOn();
    retry()!.click();
    await loaded(root);
    expect(root.querySelector('pk-error-state')).to.equal(null);
  });

  it('says so when there are no deals', async () => {
    const loadedEmpty = oneEvent(document, 'pk-loaded');
    const { root, list } = await mount(fakeClient({ deals: [] }).client);
    expect((await loadedEmpty).detail.empty).to.equal(true);
    await waitUntil(() => root.querySelector('[part="empty"]'));
    expect(root.querySelector('[part="empty"]')!.textContent!.trim()).to.equal('No deal registrations yet.');
    expect(bodyRows(root)).to.have.length(0);
    expect(root.querySelector('[part="empty"]')!.assignedSlot?.name, 'shown in the table\'s empty slot').to.equal('empty');
    expect(root.querySelector('[part="load-more"]')).to.equal(null);
    await expect(list).to.be.accessible();
  });

  it('keeps the deals shown when the next page fails, and loads it on retry', async () => {
    const fake = fakeClient({ deals: seededDeals.slice(0, 30) });
    let failing = true;
    const client = withDeals(fake.client, { list: (query, call) => (query?.cursor && failing ? Promise.reject(networkError()) : fake.client.deals.list(query, call)) });
    const { root, list } = await mount(client);
    await loaded(root, 20);
    const failed = oneEvent(list, 'pk-load-error');
    root.querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
    expect((await failed).detail.kind).to.equal('connection');
    const retry = () => root.querySelector('pk-error-state')?.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]');
    await waitUntil(retry, 'the error state with its retry');
    expect(bodyRows(root)).to.have.length(20);
    await expect(list).to.be.accessible();
    failing = false;
    retry()!.click();
    await loaded(root, 30);
    expect(root.querySelector('pk-error-state')).to.equal(null);
    expect(root.querySelector('[part="load-more"]')).to.equal(null);
  });

  it('shows deal text as text, never as markup', async () => {
    const hostile = { ...seededDeals[0]!, customerCompany: '<img src=x onerror=alert(1)>' };
    const { root } = await mount(fakeClient({ deals: [hostile] }).client);
    await loaded(root, 1);
    expect(tableRoot(root)!.querySelector('tbody img')).to.equal(null);
    expect(cells(bodyRows(root)[0]!)[1]).to.equal('<img src=x onerror=alert(1)>');
  });
});

describe('<pk-deal-list> filters', () => {
  it('sends the presets and the status filter to the server, from the first page', async () => {
    const soon = { ...seededDeals[0]!, status: 'approved' as const, expiresAt: new Date(Date.now() + 5 * 86_400_000).toISOString() };
    const fake = fakeClient({ deals: [soon, ...seededDeals.slice(1)] });
    const { root, list } = await mount(fake.client);
    await loaded(root, 20);
    root.querySelector<HTMLButtonElement>('[part="load-more"]')!.click();
    await loaded(root, 40);

    const needsAction = button(root, 'Needs my action');
    needsAction.click();
    await waitUntil(() => fake.requests.listDeals.length === 3);
    expect(lastQuery(fake)).to.deep.equal({ status: ['draft', 'info_requested'], sort: 'created_desc', limit: 20 }, 'no cursor: from the first page');
    await loaded(root, seededDeals.filter((d) => d.status === 'draft' || d.status === 'info_requested').length);
    expect(needsAction.getAttribute('aria-pressed')).to.equal('true');
    expect(list.getAttribute('status')).to.equal('draft info_requested');
    expect(bodyRows(root).map((row) => row.querySelector('pk-status-chip')!.getAttribute('status')).every((s) => s === 'draft' || s === 'info_requested')).to.equal(true);

    const expiring = button(root, 'Expiring soon');
    expiring.click();
    await waitUntil(() => fake.requests.listDeals.length === 4);
    expect(lastQuery(fake)).to.deep.equal({ expiringSoon: true, sort: 'created_desc', limit: 20 }, 'one preset replaces the other');
    await loaded(root, 1);
    expect(cells(bodyRows(root)[0]!)[0]).to.equal(soon.reference);
    expect(expiring.getAttribute('aria-pressed')).to.equal('true');
    expect(needsAction.getAttribute('aria-pressed')).to.equal('false');

    // The status disclosure: checkboxes per status.
    const details = root.querySelector('details')!;
    details.querySelector('summary')!.click();
    await waitUntil(() => details.open);
    const approved = details.querySelector<HTMLInputElement>('input[value="approved"]')!;
    const won = details.querySelector<HTMLInputElement>('input[value="won"]')!;
    approved.click();
    await waitUntil(() => fake.requests.listDeals.length === 5);
    expect(lastQuery(fake)).to.deep.equal({ status: ['approved'], expiringSoon: true, sort: 'created_desc', limit: 20 });
    expiring.click();
    won.click();
    await waitUntil(() => lastQuery(fake).status?.length === 2 && !lastQuery(fake).expiringSoon);
    expect(lastQuery(fake)).to.deep.equal({ status: ['approved', 'won'], sort: 'created_desc', limit: 20 });
    expect(details.querySelector('summary')!.textContent!.trim()).to.equal('Status: 2 selected');
    await loaded(root, 20);
    expect(bodyRows(root).every((row) => ['approved', 'won'].includes(row.querySelector('pk-status-chip')!.getAttribute('status')!))).to.equal(true);

    button(root, 'Clear filters').click();
    await waitUntil(() => lastQuery(fake).status === undefined);
    expect(lastQuery(fake)).to.deep.equal({ sort: 'created_desc', limit: 20 });
    expect(list.hasAttribute('status')).to.equal(false);
    expect(approved.checked).to.equal(false);
    expect(activeElement(), 'focus goes to the search box, not lost').to.equal(root.querySelector('input[type="search"]'));
  });

  it('closes the status filter with Escape (back on its summary) and on a click elsewhere', async () => {
    const { root, portal } = await mount(fakeClient().client);
    await loaded(root);
    const details = root.querySelector('details')!;
    const summary = details.querySelector('summary')!;
    summary.focus();
    await press('Enter');
    await waitUntil(() => details.open, 'opens from the keyboard');
    await press('Tab');
    expect(activeElement()).to.equal(details.querySelector('input[value="draft"]'));
    await press('Escape');
    expect(details.open).to.equal(false);
    expect(activeElement()).to.equal(summary);
    summary.click();
    await waitUntil(() => details.open);
    await new Promise((resolve) => setTimeout(resolve));
    portal.querySelector('.box')!.parentElement!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(details.open, 'closed by a click outside').to.equal(false);
  });

  it('searches after a pause in typing: one request per burst, the replaced request aborted', async () => {
    const fake = fakeClient();
    const holding = holdingClient(fake);
    const { root, list } = await mount(holding.client);
    await loaded(root, 20);
    const before = fake.requests.listDeals.length;

    holding.hold();
    type(root, 'brück');
    const typedAt = performance.now();
    await waitUntil(() => fake.requests.listDeals.length > before, 'a search after the pause');
    // Nothing while typing: the request came a pause after the last keystroke (give or take a
    // timer's imprecision), and it was one for the whole burst.
    expect(holding.requestedAt.at(-1)! - typedAt, 'nothing while typing').to.be.greaterThan(SEARCH_DELAY_MS - 50);
    expect(fake.requests.listDeals.length, 'one request for the burst').to.equal(before + 1);
    expect(lastQuery(fake)).to.deep.equal({ q: 'brück', sort: 'created_desc', limit: 20 });
    expect(list.getAttribute('q')).to.equal('brück');
    const replaced = fake.requests.listDeals.at(-1)!.signal!;

    type(root, 'ner en');
    await waitUntil(() => fake.requests.listDeals.length > before + 1, 'the second search');
    expect(fake.requests.listDeals.length).to.equal(before + 2);
    expect(lastQuery(fake).q).to.equal('brückner en');
    expect(replaced.aborted, 'the earlier search was aborted').to.equal(true);
    holding.release();
    const expected = seededDeals.filter((d) => [d.customerCompany, d.opportunityName, d.reference, d.contactName].some((v) => v?.toLowerCase().includes('brückner en')));
    expect(expected.length).to.be.greaterThan(0);
    await loaded(root, Math.min(20, expected.length));
    expect(cells(bodyRows(root)[0]!)[0]).to.equal(expected[0]!.reference);

    // Enter searches at once.
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    input.select();
    type(root, '');
    input.value = 'zzz-nothing';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    // Settles just after the pause this input started would have ended (timers of equal delay
    // fire in the order they were set).
    const pauseOver = new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS));
    await press('Enter');
    await waitUntil(() => lastQuery(fake).q === 'zzz-nothing', 'searched on Enter');
    await waitUntil(() => root.querySelector('[part="empty"]'));
    expect(root.querySelector('[part="empty"]')!.textContent).to.contain('No deal registrations match these filters.');
    const count = fake.requests.listDeals.length;
    await pauseOver;
    await list.updateComplete;
    expect(fake.requests.listDeals.length, 'the pending pause does not search again').to.equal(count);
  });

  it('sorts on the server from the sortable headers', async () => {
    const fake = fakeClient();
    const { root, list } = await mount(fake.client);
    await loaded(root, 20);
    const sortable = [...tableRoot(root)!.querySelectorAll('[part="sort-button"]')].map((b) => b.textContent!.trim());
    expect(sortable).to.deep.equal(['Amount', 'Expected close', 'Registered']);
    const registered = sortButton(root, 'Registered').closest('th')!;
    expect(registered.getAttribute('aria-sort'), 'newest first by default').to.equal('descending');

    sortButton(root, 'Amount').click();
    await waitUntil(() => lastQuery(fake).sort === 'amount_asc');
    expect(lastQuery(fake)).to.deep.equal({ sort: 'amount_asc', limit: 20 });
    expect(list.getAttribute('sort')).to.equal('amount_asc');
    await waitUntil(() => table(root)!.loading === false);
    const amounts = bodyRows(root).map((row) => row.querySelector('td:nth-child(4)')!);
    expect(amounts.length).to.equal(20);
    const smallest = Math.min(...seededDeals.map((d) => Number(d.amount!.amount)));
    const firstDeal = seededDeals.find((d) => d.reference === cells(bodyRows(root)[0]!)[0])!;
    expect(Number(firstDeal.amount!.amount)).to.equal(smallest);
    expect(sortButton(root, 'Amount').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');

    sortButton(root, 'Amount').click();
    await waitUntil(() => lastQuery(fake).sort === 'amount_desc');
    sortButton(root, 'Expected close').click();
    await waitUntil(() => lastQuery(fake).sort === 'close_asc');
    sortButton(root, 'Registered').click();
    await waitUntil(() => lastQuery(fake).sort === 'created_asc');
    sortButton(root, 'Registered').click();
    await waitUntil(() => lastQuery(fake).sort === 'created_desc');
    expect(list.hasAttribute('sort'), 'the default order needs no attribute').to.equal(false);
  });

  it('follows its attributes, and writes the user\'s changes back to them', async () => {
    const fake = fakeClient();
    const { root, list } = await mount(fake.client, { attributes: 'status="approved won bogus" q="rheinwerk" sort="amount_desc"' });
    await loaded(root);
    expect(fake.requests.listDeals.length, 'a deep link loads once').to.equal(1);
    expect(lastQuery(fake)).to.deep.equal({ status: ['approved', 'won'], q: 'rheinwerk', sort: 'amount_desc', limit: 20 });
    expect(root.querySelector<HTMLInputElement>('input[type="search"]')!.value).to.equal('rheinwerk');
    expect(root.querySelector<HTMLInputElement>('input[value="won"]')!.checked).to.equal(true);
    expect(sortButton(root, 'Amount').closest('th')!.getAttribute('aria-sort')).to.equal('descending');

    // Host → list.
    list.setAttribute('expiring-soon', '');
    list.setAttribute('q', 'nordlicht');
    list.removeAttribute('status');
    await waitUntil(() => lastQuery(fake).q === 'nordlicht' && lastQuery(fake).status === undefined);
    expect(lastQuery(fake)).to.deep.equal({ q: 'nordlicht', expiringSoon: true, sort: 'amount_desc', limit: 20 });
    expect(root.querySelector<HTMLInputElement>('input[type="search"]')!.value).to.equal('nordlicht');
    expect(button(root, 'Expiring soon').getAttribute('aria-pressed')).to.equal('true');
    expect(list.status).to.deep.equal([]);

    // List → host: attributes and one event per change, with the whole filter.
    const changed = oneEvent(document, 'pk-deal-filter-change') as Promise<CustomEvent<DealFilterChangeDetail>>;
    button(root, 'Needs my action').click();
    const event = await changed;
    expect(event.composed).to.equal(true);
    expect(event.detail.filter).to.deep.equal({ status: ['draft', 'info_requested'], q: 'nordlicht', expiringSoon: false, sort: 'amount_desc' });
    await list.updateComplete;
    expect(list.getAttribute('status')).to.equal('draft info_requested');
    expect(list.hasAttribute('expiring-soon')).to.equal(false);
    expect(list.getAttribute('q')).to.equal('nordlicht');
    expect(list.getAttribute('sort')).to.equal('amount_desc');
  });
});

describe('<pk-deal-list> actions', () => {
  it('fires pk-deal-selected with the deal on Enter and on click', async () => {
    const { root } = await mount(fakeClient().client);
    await loaded(root, 20);
    bodyRows(root)[0]!.focus();
    await press('ArrowDown');
    const byKey = oneEvent(document, 'pk-deal-selected') as Promise<CustomEvent<DealSelectedDetail>>;
    await press('Enter');
    const selected = await byKey;
    expect(selected.detail.deal).to.deep.equal(seededDeals[1]);
    expect(selected.bubbles && selected.composed).to.equal(true);

    const byClick = oneEvent(document, 'pk-deal-selected') as Promise<CustomEvent<DealSelectedDetail>>;
    bodyRows(root)[3]!.querySelector('td')!.click();
    expect((await byClick).detail.deal.id).to.equal(seededDeals[3]!.id);
  });

  it('exports the current filter as a CSV download', async () => {
    const fake = fakeClient();
    const { root } = await mount(fake.client, { attributes: 'status="won" q="a" sort="close_asc"' });
    await loaded(root);
    const downloads: { name: string; text: Promise<string>; href: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href, text: fetch(this.href).then((r) => r.text()) });
    };
    try {
      button(root, 'Export CSV').click();
      await waitUntil(() => downloads.length === 1, 'a download starts');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(fake.requests.exportDeals).to.deep.equal([{ status: ['won'], q: 'a', sort: 'close_asc' }]);
    const filter: ListDealsQuery = { ...lastQuery(fake) };
    delete filter.cursor;
    delete filter.limit;
    expect(fake.requests.exportDeals[0]).to.deep.equal(filter, 'the same filter as the list');
    expect(downloads[0]!.name).to.match(/^deal-registrations-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(downloads[0]!.href).to.match(/^blob:/);
    const lines = (await downloads[0]!.text).split('\r\n');
    expect(lines[0]).to.equal('reference');
    const won = seededDeals.filter((d) => d.status === 'won' && [d.customerCompany, d.opportunityName, d.reference, d.contactName].some((v) => v?.toLowerCase().includes('a')));
    expect(lines.slice(1).sort()).to.deep.equal(won.map((d) => d.reference).sort());
    expect(root.querySelector('a[download]'), 'the temporary link is gone').to.equal(null);
  });

  it('says so when the export fails', async () => {
    const fake = fakeClient();
    const client = withDeals(fake.client, { export: () => Promise.reject(networkError()) });
    const { root, list } = await mount(client);
    await loaded(root);
    button(root, 'Export CSV').click();
    await waitUntil(() => root.querySelector('.export-error'));
    expect(root.querySelector('.export-error')!.getAttribute('role')).to.equal('alert');
    expect(root.querySelector('.export-error')!.textContent).to.contain('The export failed.');
    expect(button(root, 'Export CSV').getAttribute('aria-disabled')).to.equal('false');
    await expect(list).to.be.accessible();
  });
});

describe('<pk-deal-list> layout', () => {
  it('shows cards on a phone-sized width, with the toolbar wrapping inside it', async () => {
    const { root, box, list } = await mount(fakeClient().client);
    await loaded(root, 20);
    const headerRow = tableRoot(root)!.querySelector('[part="header-row"]')!;
    const label = () => bodyRows(root)[0]!.querySelector('[part="card-label"]')!;
    expect(getComputedStyle(label()).display).to.equal('none', 'a table when wide');
    box.style.inlineSize = '360px';
    await frames(4);
    expect(getComputedStyle(headerRow).display).to.equal('flex', 'the header becomes a bar of sort buttons');
    expect(getComputedStyle(label()).display).to.equal('block');
    expect(label().textContent).to.equal('Reference');
    const first = bodyRows(root)[0]!.getBoundingClientRect();
    const second = bodyRows(root)[1]!.getBoundingClientRect();
    expect(second.top).to.be.at.least(first.bottom - 1, 'cards do not overlap');
    expect(list.scrollWidth, 'nothing sticks out sideways').to.be.at.most(list.clientWidth + 1);
    for (const control of root.querySelectorAll('input[type="search"], button, summary')) {
      const rect = control.getBoundingClientRect();
      expect(rect.right, `${control.localName} fits`).to.be.at.most(box.getBoundingClientRect().right + 1);
      expect(rect.height, `${control.localName} is a large enough target`).to.be.at.least(24);
    }
    await expect(list).to.be.accessible();
  });

  it('mirrors in right-to-left text', async () => {
    const { root, list } = await mount(fakeClient().client, { dir: 'rtl' });
    await loaded(root, 20);
    const listBox = list.getBoundingClientRect();
    const search = root.querySelector('[part="search"]')!.getBoundingClientRect();
    const exportButton = root.querySelector('[part="export"]')!.getBoundingClientRect();
    expect(getComputedStyle(root.querySelector('.toolbar')!).direction).to.equal('rtl');
    expect(Math.round(search.right)).to.equal(Math.round(listBox.right), 'the search box starts on the right');
    expect(exportButton.left - listBox.left).to.be.lessThan(2, 'the export button ends on the left');
    const firstHeader = tableRoot(root)!.querySelector('th')!;
    const inner = tableRoot(root)!.querySelector('table')!;
    expect(Math.round(firstHeader.getBoundingClientRect().right)).to.equal(Math.round(inner.getBoundingClientRect().right), 'the first column starts on the right');
  });

  for (const theme of ['light', 'dark']) {
    it(`passes axe in the ${theme} theme with filters open and a preset pressed`, async () => {
      const { root, list } = await mount(fakeClient().client, { theme, attributes: 'q="a"' });
      await loaded(root);
      button(root, 'Needs my action').click();
      root.querySelector('details')!.open = true;
      await loaded(root);
      await expect(list).to.be.accessible();
    });
  }
});

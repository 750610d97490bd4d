import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import '../../../src/define/all.ts';
import '../../../src/deals/define/pk-deal-detail.ts';
import type { PkDealDetail } from '../../../src/deals/pk-deal-detail.ts';
import type { PkPortal } from '../../../src/portal/pk-portal.ts';
import { PartnerkitError, type PartnerkitClient } from '@partnerkit/api';
import type { PkDealList } from '../../../src/deals/pk-deal-list.ts';
import { fakeClient, seededDeals, asChannelManager, withDeals } from '../../../../../test/fixtures/fake-client.ts';


async function mount(client: PartnerkitClient, dealId: string, locale = 'en-GB') {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} .client=${client}><pk-deal-detail deal-id=${dealId}></pk-deal-detail></pk-portal>`);
  const detail = portal.querySelector('pk-deal-detail') as PkDealDetail;
  await waitUntil(() => detail.shadowRoot!.querySelector('h2'), 'the deal renders');
  return { detail, root: detail.shadowRoot! };
}

const buttons = (root: ShadowRoot) => [...root.querySelectorAll('[part="actions"] pk-button')].map((b) => b.textContent!.trim());
const chip = (root: ShadowRoot) => root.querySelector('pk-status-chip')!.textContent!.trim();
const byStatus = (status: string) => seededDeals.find((d) => d.status === status)!;

describe('<pk-deal-detail>', () => {
  it('shows the fields, the timeline and only the actions the partner may take', async () => {
    const approved = byStatus('approved');
    const { root, detail } = await mount(fakeClient().client, approved.id);
    expect(root.querySelector('h2')!.textContent).to.equal(approved.customerCompany);
    expect(chip(root)).to.equal('Approved');
    expect(root.textContent).to.contain(approved.contactEmail!);
    expect(root.textContent).to.contain('Protected until');
    expect(buttons(root)).to.deep.equal(['Mark as won', 'Mark as lost']);
    await expect(detail).to.be.accessible();
  });

  it('lets the channel manager approve a submitted deal; the timeline and status follow', async () => {
    const submitted = byStatus('submitted');
    const { root, detail } = await mount(asChannelManager(fakeClient().client), submitted.id);
    await waitUntil(() => buttons(root).length > 0, 'actions for the manager');
    expect(buttons(root)).to.deep.equal(['Approve', 'Ask for information', 'Reject']);
    // Worded for the reader: the manager sees the partner's role, not "your role".
    const labels = [...root.querySelectorAll('dt')].map((term) => term.textContent!.trim());
    expect(labels).to.include("The partner's role");
    expect(labels).to.not.include('Your role');
    const changed = oneEvent(detail, 'pk-deal-changed');
    (root.querySelector('[part="actions"] pk-button') as HTMLElement).click();
    const { detail: event } = await changed;
    expect(event.deal.status).to.equal('approved');
    await waitUntil(() => chip(root) === 'Approved');
    expect([...root.querySelectorAll('[part="timeline"] .event')].map((e) => e.textContent)).to.include('Approved');
  });

  it('requires a reason to reject, and records it', async () => {
    const submitted = byStatus('submitted');
    const fake = fakeClient();
    const { root } = await mount(asChannelManager(fake.client), submitted.id);
    await waitUntil(() => buttons(root).includes('Reject'));
    const reject = [...root.querySelectorAll('[part="actions"] pk-button')].find((b) => b.textContent!.trim() === 'Reject') as HTMLElement;
    reject.click();
    const dialog = root.querySelector('pk-dialog')!;
    await waitUntil(() => dialog.hasAttribute('open'), 'the reason dialog opens');
    const confirm = dialog.querySelectorAll('[slot="footer"] pk-button')[1] as HTMLElement;
    const field = dialog.querySelector('pk-textarea') as HTMLElement & { value: string };
    confirm.click();
    await waitUntil(() => field.shadowRoot!.querySelector('[part="error"]')?.textContent!.trim(), 'the reason is asked for');
    expect(chip(root)).to.equal('Submitted', 'nothing happens without a reason');
    field.value = 'Covered by the direct account team.';
    confirm.click();
    await waitUntil(() => chip(root) === 'Rejected');
    expect(root.querySelector('.decision')!.textContent).to.contain('Covered by the direct account team.');
  });

  it('when someone else changed the deal meanwhile, says so and shows the current state', async () => {
    const submitted = byStatus('submitted');
    const fake = fakeClient();
    const { root } = await mount(asChannelManager(fake.client), submitted.id);
    await waitUntil(() => buttons(root).includes('Approve'));
    const { etag } = await fake.client.deals.get(submitted.id);
    await asChannelManager(fake.client).deals.transition(submitted.id, { action: 'request_info', reason: 'Which seats?' }, { ifMatch: etag });
    (root.querySelector('[part="actions"] pk-button') as HTMLElement).click();
    await waitUntil(() => root.querySelector('pk-alert'), 'the stale write is reported');
    expect(root.querySelector('pk-alert')!.textContent).to.contain('changed in the meantime');
    await waitUntil(() => chip(root) === 'Info requested', 'the current state is shown');
  });

  it('shows hostile text as text', async () => {
    const fake = fakeClient();
    const hostile = await fake.client.deals.create({ customerCompany: '<img src=x onerror="window.__pwned=1">', notes: '<script>window.__pwned=1</script>\u202eevil', submit: false });
    const { root } = await mount(fake.client, hostile.id);
    expect(root.querySelector('h2')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(root.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('speaks Hungarian', async () => {
    const { root } = await mount(fakeClient().client, byStatus('approved').id, 'hu-HU');
    expect(chip(root)).to.equal('Jóváhagyva');
    expect(buttons(root)).to.deep.equal(['Megnyertnek jelöl', 'Elvesztettnek jelöl']);
  });
});

describe('<pk-deal-detail> loading states', () => {
  const mountLoading = async (client: PartnerkitClient, dealId: string) => {
    const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${client}><pk-deal-detail deal-id=${dealId}></pk-deal-detail></pk-portal>`);
    const detail = portal.querySelector('pk-deal-detail') as PkDealDetail;
    return { detail, root: detail.shadowRoot! };
  };

  it('shows a skeleton until the deal arrives, then fires pk-loaded', async () => {
    const fake = fakeClient();
    const approved = byStatus('approved');
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const client = withDeals(fake.client, { get: async (id, call) => (await gate, fake.client.deals.get(id, call)) });
    const { detail, root } = await mountLoading(client, approved.id);
    expect(root.querySelector('pk-skeleton'), 'a skeleton from the first render').to.not.equal(null);
    await waitUntil(() => root.querySelector('[role="status"]')?.textContent === 'Loading the deal…', 'said once the words arrive');
    expect(root.querySelector('pk-skeleton')).to.not.equal(null);
    expect(root.querySelector('h2')).to.equal(null);
    await expect(detail).to.be.accessible();
    const loaded = oneEvent(detail, 'pk-loaded');
    release();
    const { detail: said } = await loaded;
    expect(said).to.deep.equal({ key: `deal:${approved.id}`, empty: false });
    expect(root.querySelector('h2')!.textContent, 'on screen when the event fires').to.equal(approved.customerCompany);
    expect(root.querySelector('pk-skeleton')).to.equal(null);
  });

  it('fires pk-load-error with its kind and offers to try again in a pk-error-state', async () => {
    const fake = fakeClient();
    const approved = byStatus('approved');
    let failing = true;
    const unavailable = new PartnerkitError({ kind: 'http', status: 503, code: 'unavailable', title: 'Unavailable', requestId: 'req-503' });
    const client = withDeals(fake.client, { get: (id, call) => (failing ? Promise.reject(unavailable) : fake.client.deals.get(id, call)) });
    const failed = oneEvent(document, 'pk-load-error');
    const { detail, root } = await mountLoading(client, approved.id);
    const { detail: said } = await failed;
    expect(said.kind).to.equal('server');
    expect(said.status).to.equal(503);
    expect(said.key).to.equal(`deal:${approved.id}`);
    const errorState = () => root.querySelector('pk-error-state');
    const retry = () => errorState()?.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]');
    await waitUntil(retry, 'the error state with its retry');
    expect(errorState()!.textContent).to.contain('Something went wrong');
    expect(errorState()!.getAttribute('request-id')).to.equal('req-503');
    await expect(detail).to.be.accessible();
    failing = false;
    const loaded = oneEvent(detail, 'pk-loaded');
    retry()!.click();
    await loaded;
    expect(root.querySelector('h2')!.textContent).to.equal(approved.customerCompany);
    expect(errorState()).to.equal(null);
  });

  it('keeps the deal on screen while offline, says so, and reloads when the connection returns', async () => {
    const approved = byStatus('approved');
    const { detail, root } = await mount(fakeClient().client, approved.id);
    window.dispatchEvent(new Event('offline'));
    await waitUntil(() => root.querySelector('pk-alert[part="offline"]'), 'the offline note');
    expect(root.querySelector('pk-alert[part="offline"]')!.textContent).to.contain('You are offline');
    expect(root.querySelector('h2')!.textContent).to.equal(approved.customerCompany);
    await expect(detail).to.be.accessible();
    const reloaded = oneEvent(detail, 'pk-loaded');
    window.dispatchEvent(new Event('online'));
    await reloaded;
    expect(root.querySelector('pk-alert[part="offline"]')).to.equal(null);
  });

  it('when a refresh fails, keeps the deal shown with the error and a retry above it', async () => {
    const fake = fakeClient();
    const approved = byStatus('approved');
    let failing = false;
    const client = withDeals(fake.client, { get: (id, call) => (failing ? Promise.reject(new PartnerkitError({ kind: 'http', status: 500, code: 'internal', title: 'Internal' })) : fake.client.deals.get(id, call)) });
    const { detail, root } = await mount(client, approved.id);
    failing = true;
    const failed = oneEvent(detail, 'pk-load-error');
    void detail.refresh();
    expect((await failed).detail.kind).to.equal('server');
    const errorState = root.querySelector('pk-error-state[part="error"]')!;
    expect(errorState).to.not.equal(null);
    expect(root.querySelector('h2')!.textContent, 'the deal stays').to.equal(approved.customerCompany);
    failing = false;
    await waitUntil(() => errorState.shadowRoot!.querySelector('[part="retry"]'));
    errorState.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => !root.querySelector('pk-error-state'), 'gone after a good answer');
  });

  it('says an unknown deal was not found (kind not_found)', async () => {
    const failed = oneEvent(document, 'pk-load-error');
    const { root } = await mountLoading(fakeClient().client, '00000000-0000-4000-8000-000000000000');
    expect((await failed).detail.kind).to.equal('not_found');
    await waitUntil(() => root.querySelector('pk-error-state'));
  });
});

describe('<pk-deal-detail> with a list on the same page', () => {
  it('an action in the detail refreshes the list, with no host code', async () => {
    const fake = fakeClient();
    const submitted = byStatus('submitted');
    const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${asChannelManager(fake.client)}>
      <pk-deal-list q=${submitted.reference}></pk-deal-list>
      <pk-deal-detail deal-id=${submitted.id}></pk-deal-detail>
    </pk-portal>`);
    const list = portal.querySelector('pk-deal-list') as PkDealList;
    const root = portal.querySelector('pk-deal-detail')!.shadowRoot!;
    const statusInList = () => list.shadowRoot!.querySelector('pk-data-table')?.shadowRoot?.querySelector('tr.row pk-status-chip')?.getAttribute('status');
    await waitUntil(() => statusInList() === 'submitted', 'the list shows the deal');
    await waitUntil(() => buttons(root).includes('Approve'), 'the detail offers the manager\'s actions');
    const requests = fake.requests.listDeals.length;
    const refreshed = oneEvent(list, 'pk-loaded');
    (root.querySelector('[part="actions"] pk-button') as HTMLElement).click();
    await refreshed;
    expect(statusInList()).to.equal('approved');
    expect(fake.requests.listDeals.length, 'one request: the list revalidated once').to.equal(requests + 1);
    expect(chip(root)).to.equal('Approved');
  });
});

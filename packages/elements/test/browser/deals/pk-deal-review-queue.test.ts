import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { press } from '../ui-commands.ts';
import '../../../src/define/all.ts';
import '../../../src/deals/define/pk-deal-review-queue.ts';
import type { PkDealReviewQueue } from '../../../src/deals/pk-deal-review-queue.ts';
import type { PkPortal } from '../../../src/portal/pk-portal.ts';
import { PartnerkitError, type PartnerkitClient, type ReviewQueuePage } from '@partnerkit/api';
import { fakeClient, seededDeals, asChannelManager, withDeals } from '../../../../../test/fixtures/fake-client.ts';


async function mount(client: PartnerkitClient) {
  const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${client}><pk-deal-review-queue></pk-deal-review-queue></pk-portal>`);
  const queue = portal.querySelector('pk-deal-review-queue') as PkDealReviewQueue;
  await waitUntil(() => queue.shadowRoot!.querySelector('[part="queue"], pk-empty-state'), 'the queue renders');
  return { queue, root: queue.shadowRoot! };
}

const options = (root: ShadowRoot) => [...root.querySelectorAll('[role="option"]')] as HTMLElement[];
const detailOf = (root: ShadowRoot) => root.querySelector('pk-deal-detail')!;

describe('<pk-deal-review-queue>', () => {
  it('lists submitted registrations and opens the first with its actions', async () => {
    const { root, queue } = await mount(asChannelManager(fakeClient().client));
    const submitted = seededDeals.filter((d) => d.status === 'submitted');
    expect(options(root)).to.have.length(submitted.length);
    expect(options(root)[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(detailOf(root).getAttribute('deal-id')).to.equal(submitted[0]!.id);
    // Waiting times read in days and hours (the fake's items have waited 30 h of a 48 h target).
    expect(options(root)[0]!.querySelector('.age')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Waiting 1 day, 6 hours (target 2 days)');
    await expect(queue).to.be.accessible();
  });

  it('moves through the queue with the arrow keys', async () => {
    const { root } = await mount(asChannelManager(fakeClient().client));
    options(root)[0]!.focus();
    await press('ArrowDown');
    await waitUntil(() => options(root)[1]!.getAttribute('aria-selected') === 'true');
    expect(root.activeElement).to.equal(options(root)[1]);
    await press('End');
    await waitUntil(() => options(root).at(-1)!.getAttribute('aria-selected') === 'true');
  });

  it('shows conflicting registrations side by side', async () => {
    const fake = fakeClient();
    const base = asChannelManager(fake.client);
    const first = seededDeals.find((d) => d.status === 'submitted')!;
    const other = seededDeals.find((d) => d.status === 'approved')!;
    const listReviewQueue = async (): Promise<ReviewQueuePage> => {
      const page = await fake.client.deals.reviewQueue();
      return {
        ...page,
        data: page.data.map((item) =>
          item.deal.id === first.id
            ? { ...item, conflicts: [{ matchedOn: 'company', similarity: 0.82, ownPartner: false, deal: { id: other.id, reference: other.reference, partnerId: 'p2', partnerName: 'Thames Digital Ltd', customerCompany: other.customerCompany, customerDomain: other.customerDomain, status: other.status, expiresAt: other.expiresAt } }] }
            : item,
        ),
      };
    };
    const { root } = await mount(withDeals(base, { reviewQueue: listReviewQueue }));
    const table = root.querySelector('[part="conflicts"] table')!;
    expect(table.textContent).to.contain('Thames Digital Ltd');
    expect(table.textContent).to.contain('Similar name (82 %)');
  });

  it('after a decision, the decided registration leaves and the next one opens', async () => {
    const { root } = await mount(asChannelManager(fakeClient().client));
    const before = options(root).length;
    const firstId = detailOf(root).getAttribute('deal-id');
    const detail = detailOf(root);
    await waitUntil(() => detail.shadowRoot!.querySelector('[part="actions"] pk-button'), 'actions');
    (detail.shadowRoot!.querySelector('[part="actions"] pk-button') as HTMLElement).click();
    await waitUntil(() => options(root).length === before - 1, 'the approved deal left the queue');
    expect(detailOf(root).getAttribute('deal-id')).to.not.equal(firstId);
  });

  it('does not load the queue for a partner session, and says why', async () => {
    const fake = fakeClient();
    let asked = 0;
    const client = withDeals(fake.client, { reviewQueue: () => ((asked += 1), fake.client.deals.reviewQueue()) });
    const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${client}><pk-deal-review-queue></pk-deal-review-queue></pk-portal>`);
    const root = (portal.querySelector('pk-deal-review-queue') as PkDealReviewQueue).shadowRoot!;
    await waitUntil(() => root.textContent!.includes('Only the vendor'), 'the reason is shown');
    expect(asked).to.equal(0);
  });

  it('says when there is nothing to review', async () => {
    const { root, queue } = await mount(asChannelManager(fakeClient({ deals: [] }).client));
    expect(root.querySelector('pk-empty-state')!.textContent).to.contain('Nothing to review');
    await expect(queue).to.be.accessible();
  });
});

describe('<pk-deal-review-queue> loading states', () => {
  const mountLoading = async (client: PartnerkitClient) => {
    const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${client}><pk-deal-review-queue></pk-deal-review-queue></pk-portal>`);
    const queue = portal.querySelector('pk-deal-review-queue') as PkDealReviewQueue;
    return { queue, root: queue.shadowRoot! };
  };

  it('shows a skeleton until the queue arrives, then fires pk-loaded', async () => {
    const base = asChannelManager(fakeClient().client);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { queue, root } = await mountLoading(withDeals(base, { reviewQueue: async (query, call) => (await gate, base.deals.reviewQueue(query, call)) }));
    expect(root.querySelector('pk-skeleton'), 'a skeleton from the first render').to.not.equal(null);
    await waitUntil(() => root.querySelector('[role="status"]')?.textContent === 'Loading the review queue…', 'said once the words arrive');
    expect(options(root)).to.have.length(0);
    expect(root.querySelector('pk-empty-state'), 'never empty before the answer').to.equal(null);
    const loaded = oneEvent(queue, 'pk-loaded');
    release();
    const { detail: said } = await loaded;
    expect(said).to.deep.equal({ key: 'review-queue', empty: false });
    expect(options(root).length).to.equal(seededDeals.filter((d) => d.status === 'submitted').length);
    expect(root.querySelector('pk-skeleton')).to.equal(null);
  });

  it('fires pk-load-error with its kind and offers to try again in a pk-error-state', async () => {
    const base = asChannelManager(fakeClient().client);
    let failing = true;
    const client = withDeals(base, {
      reviewQueue: (query, call) => (failing ? Promise.reject(new PartnerkitError({ kind: 'http', status: 500, code: 'internal', title: 'Internal error' })) : base.deals.reviewQueue(query, call)),
    });
    const failed = oneEvent(document, 'pk-load-error');
    const { queue, root } = await mountLoading(client);
    const { detail: said } = await failed;
    expect(said.kind).to.equal('server');
    expect(said.key).to.equal('review-queue');
    const retry = () => root.querySelector('pk-error-state')?.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]');
    await waitUntil(retry, 'the error state with its retry');
    expect(root.querySelector('pk-error-state')!.textContent).to.contain('Something went wrong');
    await expect(queue).to.be.accessible();
    failing = false;
    retry()!.click();
    await waitUntil(() => options(root).length > 0, 'the queue loads on retry');
    expect(root.querySelector('pk-error-state')).to.equal(null);
  });

  it('tells a session without the review permission why, as an alert without retry', async () => {
    const { root } = await mountLoading(fakeClient().client);
    await waitUntil(() => root.querySelector('pk-alert[part="forbidden"]'));
    expect(root.querySelector('pk-alert[part="forbidden"]')!.textContent).to.contain('Only the vendor');
    expect(root.querySelector('pk-error-state')).to.equal(null);
  });
});

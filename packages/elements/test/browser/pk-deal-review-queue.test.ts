import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { press } from './ui-commands.ts';
import '../../src/define/all.ts';
import '../../src/define/pk-deal-review-queue.ts';
import type { PkDealReviewQueue } from '../../src/deals/pk-deal-review-queue.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import type { PartnerkitClient, ReviewQueuePage } from '@partnerkit/api';
import { fakeClient, seededDeals, asChannelManager, withDeals } from '../../../../test/fixtures/fake-client.ts';


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

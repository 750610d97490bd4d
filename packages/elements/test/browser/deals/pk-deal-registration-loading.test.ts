import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { PartnerkitError, type PartnerkitClient } from '@partnerkit/api';
import '../../../src/define/all.ts';
import '../../../src/deals/define/pk-deal-registration.ts';
import type { PkDealRegistration } from '../../../src/deals/pk-deal-registration.ts';
import type { PkPortal } from '../../../src/portal/pk-portal.ts';
import type { PkLoadedEvent, PkLoadErrorEvent } from '../../../src/core/events.ts';
import { fakeClient, seededDeals, withDeals } from '../../../../../test/fixtures/fake-client.ts';

const draft = seededDeals.find((deal) => deal.status === 'draft')!;

/** The form editing `draft`, with what it reported about loading. */
async function mountEditing(client: PartnerkitClient) {
  const loaded: PkLoadedEvent[] = [];
  const failed: PkLoadErrorEvent[] = [];
  const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${client} @pk-loaded=${(event: PkLoadedEvent) => loaded.push(event)} @pk-load-error=${(event: PkLoadErrorEvent) => failed.push(event)}
    ><pk-deal-registration deal-id=${draft.id}></pk-deal-registration
  ></pk-portal>`);
  const element = portal.querySelector('pk-deal-registration') as PkDealRegistration;
  const root = element.shadowRoot!;
  const ofDeal = <E extends { detail: { key: string } }>(events: E[]) => events.filter((event) => event.detail.key.includes(draft.id));
  return { element, root, loaded: () => ofDeal(loaded), failed: () => ofDeal(failed) };
}

describe('<pk-deal-registration deal-id> loading the deal', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('shows a skeleton until the deal is there, then the form, and fires pk-loaded for it', async () => {
    const fake = fakeClient();
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const client = withDeals(fake.client, { get: async (id, call) => (await answered, fake.client.deals.get(id, call)) });
    const { root, loaded } = await mountEditing(client);
    await waitUntil(() => root.querySelector('pk-skeleton'), 'the skeleton shows first');
    expect(root.querySelector('[part~="form"]'), 'no empty form before the deal').to.equal(null);
    expect(loaded()).to.have.length(0);
    release();
    await waitUntil(() => root.querySelector('[part~="form"]'), 'the form follows');
    expect(root.querySelector('pk-skeleton')).to.equal(null);
    await waitUntil(() => loaded().length === 1, 'pk-loaded for the deal');
    expect(loaded()[0]!.detail.empty).to.equal(false);
    expect(loaded()[0]!.bubbles && loaded()[0]!.composed).to.equal(true);
  });

  it('a deal that cannot be loaded fires pk-load-error with its kind and shows the error with Retry', async () => {
    const fake = fakeClient();
    let failures = 1;
    const client = withDeals(fake.client, {
      get: async (id, call) => {
        if (failures-- > 0) throw new PartnerkitError({ kind: 'http', status: 503, code: 'unavailable', title: 'Service unavailable' });
        return fake.client.deals.get(id, call);
      },
    });
    const { root, failed, loaded } = await mountEditing(client);
    await waitUntil(() => failed().length === 1, 'pk-load-error for the deal');
    expect(failed()[0]!.detail.kind).to.equal('server');
    expect(failed()[0]!.detail.status).to.equal(503);
    await waitUntil(() => root.querySelector('pk-error-state'), 'the error state shows');
    expect(root.querySelector('pk-error-state')!.textContent).to.not.equal('');
    root.querySelector('pk-error-state')!.dispatchEvent(new Event('pk-retry', { bubbles: true, composed: true }));
    await waitUntil(() => root.querySelector('[part~="form"]'), 'Retry loads it');
    await waitUntil(() => loaded().length === 1);
  });
});

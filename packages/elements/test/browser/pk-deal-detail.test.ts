import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import '../../src/define/all.ts';
import '../../src/define/pk-deal-detail.ts';
import type { PkDealDetail } from '../../src/deals/pk-deal-detail.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import type { PartnerkitClient } from '@partnerkit/api';
import { fakeClient, seededDeals, asChannelManager } from '../../../../test/fixtures/fake-client.ts';


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

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { PartnerkitError, type Deal, type DealUpdate, type PartnerkitClient } from '@partnerkit/api';
import type { PkDealRegistration } from '../../../src/deals/pk-deal-registration.ts';
import type { PkPortal } from '../../../src/portal/pk-portal.ts';
import { CUSTOMER, OPPORTUNITY, button, click, control, fill, fillAll, mount, part, recordingClient, settled, submissions, visibleSteps } from './pk-deal-registration.helpers.ts';
import { asChannelManager, seededDeals, seededMe, withDeals } from '../../../../../test/fixtures/fake-client.ts';

const QUESTION = 'Which sites does the rollout include?';

/** A client holding one deal the channel manager asked about, recording the updates. */
async function withQuestion() {
  const fake = recordingClient();
  const updates: DealUpdate[] = [];
  const ifMatches: string[] = [];
  const transitions: string[] = [];
  const client: PartnerkitClient = withDeals(fake.client, {
    update(id, update, call) {
      updates.push(update);
      ifMatches.push(call.ifMatch);
      return fake.client.deals.update(id, update, call);
    },
    transition(id, transition, call) {
      transitions.push(transition.action);
      return fake.client.deals.transition(id, transition, call);
    },
  });
  const created = await fake.client.deals.create({ ...CUSTOMER, ...OPPORTUNITY(), dealType: 'new', partnerRole: 'sourced', amount: { amount: '25000.00', currency: 'EUR' }, notes: 'First notes' }, { idempotencyKey: crypto.randomUUID() });
  const { etag } = await fake.client.deals.get(created.id);
  const deal = (await asChannelManager(fake.client).deals.transition(created.id, { action: 'request_info', reason: QUESTION }, { ifMatch: etag })).data;
  fake.creates.length = 0;
  return { ...fake, client, deal, updates, ifMatches, transitions };
}

const title = (element: PkDealRegistration) => element.shadowRoot!.querySelector('h2')!.textContent!.trim();

describe('<pk-deal-registration deal-id> editing an existing deal', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('fills the form with the deal, shows the question, and resubmits the same deal with If-Match', async () => {
    const fake = await withQuestion();
    const loaded = (await fake.client.deals.get(fake.deal.id)).etag;
    const { element } = await mount(fake.client, { dealId: fake.deal.id });
    expect(title(element)).to.equal(`Edit registration ${fake.deal.reference}`);
    expect(part(element, 'question')!.textContent).to.contain(QUESTION);
    expect(control(element, 'customerCompany').value).to.equal(CUSTOMER.customerCompany);
    expect(control(element, 'contactEmail').value).to.equal(CUSTOMER.contactEmail);
    await expect(element).to.be.accessible();

    // A deal under review changes on the server only when resubmitted, not by autosave.
    window.dispatchEvent(new Event('online'));
    await settled(element);
    expect(fake.updates).to.have.length(0);

    await click(element, 'Next');
    expect(control(element, 'notes').value).to.equal('First notes');
    await fill(element, 'notes', 'Headquarters and the Hamburg warehouse.');
    await click(element, 'Next');
    await waitUntil(() => visibleSteps(element).join() === 'review');
    const submitted = oneEvent(element, 'pk-deal-submitted');
    await click(element, 'Resubmit registration');
    const { detail } = await submitted;
    expect(detail.deal.id).to.equal(fake.deal.id);
    expect(detail.deal.status).to.equal('submitted');
    expect(fake.updates).to.have.length(1);
    expect(fake.updates[0]!.notes).to.equal('Headquarters and the Hamburg warehouse.');
    expect(fake.ifMatches, 'changed from the version the form was filled from').to.deep.equal([loaded]);
    expect(fake.transitions.at(-1)).to.equal('submit');
    expect(submissions(fake.creates), 'no new deal').to.have.length(0);
    await waitUntil(() => part(element, 'success'));
    expect(part(element, 'success')!.querySelector('h3')!.textContent).to.equal('Registration resubmitted');
    expect(() => button(element, 'Register another deal'), 'a new registration is not offered here').to.throw();
    await expect(element).to.be.accessible();
  });

  it('keeps the edit on the device under the deal (not the new-registration draft), and Discard changes shows the server\'s fields again', async () => {
    const fake = await withQuestion();
    const first = await mount(fake.client, { dealId: fake.deal.id });
    await fill(first.element, 'contactName', 'Jonas Keller');
    const slot = `partnerkit:deal-draft:${seededMe.user.id}:${fake.deal.id}`;
    expect(JSON.parse(localStorage.getItem(slot)!).values.contactName).to.equal('Jonas Keller');
    expect(localStorage.getItem(`partnerkit:deal-draft:${seededMe.user.id}`), 'the new-registration slot is untouched').to.equal(null);
    first.portal.parentElement!.remove();

    const { element } = await mount(fake.client, { dealId: fake.deal.id });
    await waitUntil(() => part(element, 'notice'), 'the restored notice');
    expect(control(element, 'contactName').value).to.equal('Jonas Keller');
    await click(element, 'Discard changes');
    await waitUntil(() => control(element, 'contactName').value === CUSTOMER.contactName, 'the server\'s value again');
    expect(localStorage.getItem(slot)).to.equal(null);
    expect(fake.transitions, 'the deal is not withdrawn').to.not.include('withdraw');
    expect((await fake.client.deals.get(fake.deal.id)).data.status).to.equal('info_requested');
  });

  it('a deal changed elsewhere since it was opened is not overwritten unasked; submitting again replaces it knowingly', async () => {
    const fake = await withQuestion();
    const { element } = await mount(fake.client, { dealId: fake.deal.id, layout: 'single', width: 1100 });
    // A colleague answers part of the question meanwhile.
    const { etag } = await fake.client.deals.get(fake.deal.id);
    await fake.client.deals.update(fake.deal.id, { contactTitle: 'Head of Logistics' }, { ifMatch: etag });
    await fill(element, 'notes', 'Both sites.');
    await click(element, 'Resubmit registration');
    await waitUntil(() => part(element, 'error'), 'the error above the actions');
    expect(part(element, 'error')!.textContent).to.contain('changed elsewhere since you opened it');
    expect(fake.transitions, 'not resubmitted').to.not.include('submit');
    expect((await fake.client.deals.get(fake.deal.id)).data.contactTitle, 'the colleague\'s change stands').to.equal('Head of Logistics');
    expect(control(element, 'notes').value, 'what was typed stays').to.equal('Both sites.');
    await expect(element).to.be.accessible();

    const submitted = oneEvent(element, 'pk-deal-submitted');
    await click(element, 'Resubmit registration');
    const { detail } = await submitted;
    expect(detail.deal.status).to.equal('submitted');
    expect(detail.deal.notes).to.equal('Both sites.');
  });

  it('a copy on the device older than the deal on the server gives way to the current version', async () => {
    const fake = await withQuestion();
    const first = await mount(fake.client, { dealId: fake.deal.id });
    await fill(first.element, 'contactName', 'Jonas Keller');
    first.portal.parentElement!.remove();
    const { etag } = await fake.client.deals.get(fake.deal.id);
    await fake.client.deals.update(fake.deal.id, { contactName: 'Petra Lang' }, { ifMatch: etag });

    const { element } = await mount(fake.client, { dealId: fake.deal.id });
    await waitUntil(() => control(element, 'contactName').value === 'Petra Lang', 'the server\'s current value');
    expect(part(element, 'notice'), 'no restored-draft notice').to.equal(null);
    expect(localStorage.getItem(`partnerkit:deal-draft:${seededMe.user.id}:${fake.deal.id}`)).to.equal(null);
  });

  it('says that a deal past review can no longer be changed, with its status', async () => {
    const fake = recordingClient();
    const approved = seededDeals.find((deal) => deal.status === 'approved')!;
    const portal = await fixture<HTMLElement>(
      html`<pk-portal locale="de-DE" .client=${fake.client}><pk-deal-registration deal-id=${approved.id}></pk-deal-registration></pk-portal>`,
    );
    const element = portal.querySelector('pk-deal-registration')!;
    await waitUntil(() => part(element, 'notice'), 'the notice');
    expect(part(element, 'notice')!.textContent).to.contain('Diese Registrierung hat den Status „Genehmigt“ und kann nicht mehr geändert werden.');
    expect(part(element, 'form')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('a deal that cannot be loaded shows the error with Retry, which loads it', async () => {
    const fake = await withQuestion();
    let failures = 1;
    const client: PartnerkitClient = withDeals(fake.client, {
      async get(id, call) {
        if (failures > 0) {
          failures -= 1;
          throw new PartnerkitError({ kind: 'http', status: 503, code: 'unavailable', title: 'Service unavailable', requestId: 'req-1' });
        }
        return fake.client.deals.get(id, call);
      },
    });
    const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${client}><pk-deal-registration deal-id=${fake.deal.id}></pk-deal-registration></pk-portal>`);
    const element = portal.querySelector('pk-deal-registration')!;
    await waitUntil(() => element.shadowRoot!.querySelector('pk-error-state'), 'the error state');
    await expect(element).to.be.accessible();
    element.shadowRoot!.querySelector('pk-error-state')!.dispatchEvent(new CustomEvent('pk-retry', { bubbles: true, composed: true }));
    await waitUntil(() => part(element, 'form'), 'the form after Retry');
    expect(control(element, 'customerCompany').value).to.equal(CUSTOMER.customerCompany);
  });

  it('switching deal-id shows the other deal, and clearing it returns to a new registration', async () => {
    const fake = await withQuestion();
    const draft = seededDeals.find((deal) => deal.status === 'draft');
    const other: Deal = draft ?? (await fake.client.deals.create({ customerCompany: 'Second Draft SE', submit: false }, { idempotencyKey: crypto.randomUUID() }));
    const { element } = await mount(fake.client, { dealId: fake.deal.id });
    element.dealId = other.id;
    await waitUntil(() => title(element) === `Edit registration ${other.reference}`, 'the other deal');
    await waitUntil(() => part(element, 'form'));
    expect(control(element, 'customerCompany').value).to.equal(other.customerCompany);
    element.dealId = '';
    await waitUntil(() => title(element) === 'Register a deal', 'a new registration');
    expect(control(element, 'customerCompany').value).to.equal('');
    await fillAll(element, { customerCompany: 'Fresh Start GmbH' });
    expect(JSON.parse(localStorage.getItem(`partnerkit:deal-draft:${seededMe.user.id}`)!).values.customerCompany).to.equal('Fresh Start GmbH');
  });
});

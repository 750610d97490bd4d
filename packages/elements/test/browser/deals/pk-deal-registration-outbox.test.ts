import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { PartnerkitError, type Deal, type PartnerkitClient } from '@partnerkit/api';
import { CUSTOMER, OPPORTUNITY, click, fillAll, fillToReview, mount, part, recordingClient, submissions, visibleSteps, settled } from './pk-deal-registration.helpers.ts';
import { networkError, seededMe, withDeals } from '../../../../../test/fixtures/fake-client.ts';

const outboxKey = `partnerkit:deal-outbox:${seededMe.user.id}`;
const draftKey = `partnerkit:deal-draft:${seededMe.user.id}`;

async function dealsOf(client: PartnerkitClient, company: string): Promise<Deal[]> {
  return (await client.deals.list({ limit: 200 })).data.filter((deal) => deal.customerCompany === company);
}

describe('<pk-deal-registration> offline outbox', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('without a network the submission waits, and is sent again with the same key when the browser is back online', async () => {
    const fake = recordingClient({ failCreates: 1 });
    const { element } = await mount(fake.client);
    await fillToReview(element);
    await click(element, 'Submit registration');
    await waitUntil(() => part(element, 'pending'), 'the pending notice');
    expect(part(element, 'pending')!.textContent).to.contain('Waiting to send — it will be sent when you are back online.');
    expect(element.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.contain('Waiting to send');
    const stored = JSON.parse(localStorage.getItem(outboxKey)!) as { key: string; payload: { customerCompany: string } };
    expect(stored.key).to.equal(submissions(fake.creates)[0]!.key);
    expect(stored.payload.customerCompany).to.equal(CUSTOMER.customerCompany);
    expect(localStorage.getItem(draftKey), 'the draft is kept until the server confirms').to.not.equal(null);
    expect(element.shadowRoot!.querySelector('fieldset.steps')!.hasAttribute('disabled'), 'the form waits too').to.equal(true);
    await expect(element).to.be.accessible();

    const submitted = oneEvent(element, 'pk-deal-submitted');
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online')); // A second signal while sending starts nothing more.
    await submitted;
    await waitUntil(() => part(element, 'success'), 'the success view');
    const sent = submissions(fake.creates);
    expect(sent).to.have.length(2);
    expect(sent[1]!.key, 'the same Idempotency-Key').to.equal(sent[0]!.key);
    expect(await dealsOf(fake.client, CUSTOMER.customerCompany)).to.have.length(1);
    expect(localStorage.getItem(outboxKey)).to.equal(null);
    expect(localStorage.getItem(draftKey)).to.equal(null);
  });

  it('Retry sends the waiting submission again with the same key; a 5xx waits like an outage', async () => {
    const fake = recordingClient();
    let failures = 2;
    const client: PartnerkitClient = withDeals(fake.client, {
      async create(input, call) {
        if (input.submit !== false && failures > 0) {
          failures -= 1;
          fake.creates.push({ input, key: call?.idempotencyKey });
          throw new PartnerkitError({ kind: 'http', status: 503, code: 'unavailable', title: 'Service unavailable' });
        }
        return fake.client.deals.create(input, call);
      },
    });
    const { element } = await mount(client);
    await fillToReview(element);
    await click(element, 'Submit registration');
    await waitUntil(() => part(element, 'pending'));
    await click(element, 'Retry now');
    await waitUntil(() => submissions(fake.creates).length === 2 && part(element, 'pending'), 'still waiting after the second failure');
    await click(element, 'Retry now');
    await waitUntil(() => part(element, 'success'));
    const keys = new Set(submissions(fake.creates).map((call) => call.key));
    expect(submissions(fake.creates)).to.have.length(3);
    expect(keys.size).to.equal(1);
  });

  it('a waiting submission is sent when the element connects again (after a reload)', async () => {
    const offline = recordingClient({ failCreates: 5 });
    const first = await mount(offline.client);
    await fillToReview(first.element);
    await click(first.element, 'Submit registration');
    await waitUntil(() => part(first.element, 'pending'));
    const key = submissions(offline.creates)[0]!.key;
    first.portal.parentElement!.remove();

    const online = recordingClient();
    const { element } = await mount(online.client);
    await waitUntil(() => part(element, 'success'), 'sent on connect');
    expect(submissions(online.creates).map((call) => call.key)).to.deep.equal([key]);
    expect(part(element, 'success')!.textContent).to.contain('Deal registered');
    expect(localStorage.getItem(outboxKey)).to.equal(null);
  });

  it('a refusal that is no outage leaves the outbox and says so above the buttons', async () => {
    const fake = recordingClient();
    const client: PartnerkitClient = withDeals(fake.client, {
      async create(input, call) {
        if (input.submit !== false) throw new PartnerkitError({ kind: 'http', status: 403, code: 'forbidden', title: 'Forbidden' });
        return fake.client.deals.create(input, call);
      },
    });
    const { element } = await mount(client);
    await fillToReview(element);
    await click(element, 'Submit registration');
    await waitUntil(() => part(element, 'error'));
    expect(part(element, 'pending')).to.equal(null);
    expect(localStorage.getItem(outboxKey)).to.equal(null);
    expect(visibleSteps(element)).to.deep.equal(['review']);
    await expect(element).to.be.accessible();
  });

  it('submitting a server draft: a retry whose first attempt went through counts as done, never submitted twice', async () => {
    const fake = recordingClient();
    let transitions = 0;
    let loseAnswer = true;
    const client: PartnerkitClient = withDeals(fake.client, {
      async transition(id, transition, call) {
        transitions += 1;
        const answer = await fake.client.deals.transition(id, transition, call);
        if (loseAnswer) {
          loseAnswer = false;
          throw networkError(); // It happened on the server; the answer never arrived.
        }
        return answer;
      },
    });
    const { element } = await mount(client);
    const saved = new Promise<string>((resolve) =>
      element.addEventListener('pk-deal-draft-saved', (event) => {
        const detail = (event as CustomEvent<{ where: string; dealId?: string }>).detail;
        if (detail.where === 'server') resolve(detail.dealId!);
      }),
    );
    await fillAll(element, CUSTOMER);
    const dealId = await saved;
    await click(element, 'Next');
    await fillAll(element, OPPORTUNITY());
    await click(element, 'Next');
    await click(element, 'Submit registration');
    await waitUntil(() => part(element, 'pending'), 'the lost answer looks like an outage');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => part(element, 'success'));
    // Nothing is left to send: no retry can follow.
    expect(localStorage.getItem(outboxKey)).to.equal(null);
    await settled(element);
    expect(transitions, 'submitted once').to.equal(1);
    expect(submissions(fake.creates), 'no second deal was created').to.have.length(0);
    const deals = await dealsOf(fake.client, CUSTOMER.customerCompany);
    expect(deals.map((deal) => [deal.id, deal.status])).to.deep.equal([[dealId, 'submitted']]);
    expect(deals[0]!.opportunityName, 'the draft got the final fields').to.equal(OPPORTUNITY().opportunityName);
  });
});

import { expect, waitUntil } from '@open-wc/testing';
import { PartnerkitError, type PartnerkitClient } from '@partnerkit/api';
import { CUSTOMER, click, control, deepActive, fill, fillAll, mount, part, recordingClient, settled, visibleSteps } from './pk-deal-registration.helpers.ts';
import { seededMe, withDeals } from '../../../../../test/fixtures/fake-client.ts';

const draftKey = `partnerkit:deal-draft:${seededMe.user.id}`;

interface Stored {
  savedAt: string;
  values: Record<string, string>;
  step: number;
  draftKey: string;
  server?: { id: string; etag?: string };
}

const stored = () => JSON.parse(localStorage.getItem(draftKey) ?? 'null') as Stored | null;

/** Collects the element's `pk-deal-draft-saved` events. */
function savedEvents(element: HTMLElement) {
  const events: { where: string; dealId?: string }[] = [];
  element.addEventListener('pk-deal-draft-saved', (event) => events.push((event as CustomEvent<{ where: string; dealId?: string }>).detail));
  return events;
}

/** A client counting draft creates and updates, optionally failing the first update with 412. */
function draftClient(options: { staleOnce?: boolean } = {}) {
  const fake = recordingClient();
  const counts = { updates: 0, stale: 0, gets: 0 };
  let stale = options.staleOnce ?? false;
  const client: PartnerkitClient = withDeals(fake.client, {
    async get(id, call) {
      counts.gets += 1;
      return fake.client.deals.get(id, call);
    },
    async update(id, update, call) {
      counts.updates += 1;
      if (stale) {
        stale = false;
        counts.stale += 1;
        // Someone else changed it: the server moves on a version and refuses ours.
        const current = await fake.client.deals.get(id);
        await fake.client.deals.update(id, { notes: 'Changed elsewhere' }, { ifMatch: current.etag });
      }
      return fake.client.deals.update(id, update, call);
    },
  });
  return { ...fake, client, counts };
}

describe('<pk-deal-registration> drafts', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    localStorage.clear();
    delete (navigator as { onLine?: boolean }).onLine;
  });

  it('keeps every change on the device at once, per user, with a timestamp', async () => {
    const { element } = await mount(recordingClient().client);
    const events = savedEvents(element);
    const before = Date.now();
    await fill(element, 'customerCompany', 'Nordwind');
    const draft = stored()!;
    expect(draft.values.customerCompany).to.equal('Nordwind');
    expect(Date.parse(draft.savedAt)).to.be.within(before - 1, Date.now());
    expect(draft.draftKey).to.match(/^[0-9a-f-]{36}$/);
    expect(events).to.deep.equal([{ where: 'local' }]);
    await fill(element, 'contactName', 'Jana Keller');
    expect(stored()!.values.contactName).to.equal('Jana Keller');
  });

  it('a reload mid-form restores the draft, on its step, with a notice and a Discard button', async () => {
    const first = await mount(recordingClient().client);
    await fillAll(first.element, CUSTOMER);
    await click(first.element, 'Next');
    await fill(first.element, 'opportunityName', 'Fleet telematics');
    first.portal.parentElement!.remove();

    const { element } = await mount(recordingClient().client);
    expect(visibleSteps(element)).to.deep.equal(['opportunity']);
    expect(control(element, 'opportunityName').value).to.equal('Fleet telematics');
    expect(control(element, 'customerCompany').value).to.equal(CUSTOMER.customerCompany);
    expect(control(element, 'customerCountry').value).to.equal('DE');
    const notice = part(element, 'notice')!;
    expect(notice.textContent).to.match(/Draft from \d+ seconds? ago restored\./);
    await expect(element).to.be.accessible();

    await click(element, 'Discard draft');
    expect(part(element, 'notice')).to.equal(null);
    expect(visibleSteps(element)).to.deep.equal(['customer']);
    expect(control(element, 'customerCompany').value).to.equal('');
    expect(stored(), 'the stored draft is gone').to.equal(null);
    expect(deepActive()).to.equal(element.shadowRoot!.querySelector('#heading-customer'));
    await waitUntil(() => element.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent === 'Draft discarded.');
  });

  it('speaks of an older draft in the user\'s language', async () => {
    localStorage.setItem(
      draftKey,
      JSON.stringify({ savedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), values: { customerCompany: 'Nordwind' }, lines: [], step: 0, draftKey: crypto.randomUUID() }),
    );
    const { element } = await mount(recordingClient().client, { locale: 'de-DE' });
    expect(part(element, 'notice')!.textContent).to.contain('Ihr Entwurf wurde wiederhergestellt (gespeichert vor 3 Stunden).');
    expect(control(element, 'customerCompany').value).to.equal('Nordwind');
  });

  it('saves to the server after a quiet moment: created once under the draft\'s key, then updated with If-Match (412 answered by a fresh read)', async () => {
    const fake = draftClient({ staleOnce: true });
    const { element } = await mount(fake.client);
    const events = savedEvents(element);
    for (const text of ['N', 'No', 'Nor', 'Nordwind']) await fill(element, 'customerCompany', text);
    await fill(element, 'contactEmail', 'not an email yet');
    await waitUntil(() => events.some((event) => event.where === 'server'), 'the server draft', { timeout: 4000 });
    const drafts = fake.creates.filter((call) => call.input.submit === false);
    expect(drafts, 'one create for the burst').to.have.length(1);
    expect(drafts[0]!.key).to.equal(stored()!.draftKey);
    expect(drafts[0]!.input.customerCompany).to.equal('Nordwind');
    expect(drafts[0]!.input, 'an invalid field waits until it is valid').to.not.have.property('contactEmail');
    const dealId = events.find((event) => event.where === 'server')!.dealId!;
    expect(stored()!.server!.id).to.equal(dealId);

    await fill(element, 'customerRegion', 'Bavaria');
    await waitUntil(() => events.filter((event) => event.where === 'server').length === 2, 'the update', { timeout: 4000 });
    expect(fake.counts.stale, 'the first update met a newer version').to.equal(1);
    expect(fake.counts.updates).to.equal(2);
    const { data } = await fake.client.deals.get(dealId);
    expect(data.status).to.equal('draft');
    expect(data.customerRegion).to.equal('Bavaria');
    expect(fake.creates.filter((call) => call.input.submit === false), 'still one draft').to.have.length(1);
    await waitUntil(() => element.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent === 'Draft saved.');

    // After a reload the same server draft is updated, not a new one created.
    element.closest('.frame')!.remove();
    const again = await mount(fake.client);
    const eventsAgain = savedEvents(again.element);
    await fill(again.element, 'industry', 'Logistics');
    await waitUntil(() => eventsAgain.some((event) => event.where === 'server'), 'saved after the reload', { timeout: 4000 });
    expect(eventsAgain.find((event) => event.where === 'server')!.dealId).to.equal(dealId);
    expect(fake.creates.filter((call) => call.input.submit === false)).to.have.length(1);
  });

  it('offline, the draft stays on the device; back online, it goes to the server', async () => {
    // The server draft is due 2 s after the last change; offline, it stops at the connection check.
    let onLineChecks = 0;
    Object.defineProperty(navigator, 'onLine', {
      configurable: true,
      get: () => {
        onLineChecks += 1;
        return false;
      },
    });
    const fake = draftClient();
    const { element } = await mount(fake.client);
    const events = savedEvents(element);
    await fill(element, 'customerCompany', 'Nordwind');
    const checksBefore = onLineChecks;
    await waitUntil(() => onLineChecks > checksBefore, 'the server draft came due', { timeout: 4000 });
    await settled(element);
    expect(fake.creates).to.have.length(0);
    expect(stored()!.values.customerCompany).to.equal('Nordwind');
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => events.some((event) => event.where === 'server'), 'saved once online', { timeout: 1000 });
    expect(fake.creates).to.have.length(1);
  });

  it('a server draft that cannot be saved leaves the local one intact', async () => {
    const fake = recordingClient();
    let attempts = 0;
    const client: PartnerkitClient = withDeals(fake.client, {
      create: async () => {
        attempts += 1;
        throw new PartnerkitError({ kind: 'http', status: 500, code: 'internal', title: 'Internal error' });
      },
    });
    const { element } = await mount(client);
    const events = savedEvents(element);
    await fill(element, 'customerCompany', 'Nordwind');
    await waitUntil(() => attempts === 1, 'the server draft was attempted', { timeout: 4000 });
    await settled(element);
    expect(events.every((event) => event.where === 'local')).to.equal(true);
    expect(stored()!.values.customerCompany).to.equal('Nordwind');
    expect(stored()!.server).to.equal(undefined);
  });
});

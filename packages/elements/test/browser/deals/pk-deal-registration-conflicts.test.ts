import { expect, waitUntil } from '@open-wc/testing';
import type { ConflictReport, PartnerkitClient } from '@partnerkit/api';
import { control, fill, inner, mount, part, recordingClient, settled } from './pk-deal-registration.helpers.ts';
import { press, type } from '../ui-forms.helpers.ts';
import { seededDeals, seededMe, withDeals } from '../../../../../test/fixtures/fake-client.ts';

const active = seededDeals.find((deal) => ['submitted', 'approved'].includes(deal.status))!;

describe('<pk-deal-registration> conflict warning', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('warns with the reference after typing a conflicting company (one request per burst) and stops when the name changes', async () => {
    const fake = recordingClient();
    const { element } = await mount(fake.client);
    inner(control(element, 'customerCompany')).focus();
    await type(active.customerCompany);
    expect(fake.calls.checkDealConflicts, 'nothing asked while typing').to.equal(0);
    await waitUntil(() => part(element, 'conflict'), 'the warning', { timeout: 2000 });
    expect(fake.calls.checkDealConflicts, 'one request for the burst of keystrokes').to.equal(1);
    const warning = part(element, 'conflict')!;
    expect(warning.getAttribute('variant')).to.equal('warning');
    expect(warning.textContent).to.contain(`You have already registered this customer: ${active.reference}.`);
    await expect(element).to.be.accessible();

    await press('End');
    await type(' Holding');
    await waitUntil(() => !part(element, 'conflict'), 'the warning goes', { timeout: 2000 });
    expect(fake.calls.checkDealConflicts).to.equal(2);
  });

  it('about another partner\'s registration says only that one exists and will be reviewed', async () => {
    const conflicts: ConflictReport['conflicts'] = [{ matchedOn: 'domain', similarity: 1, ownPartner: false, deal: null }];
    const { element } = await mount(recordingClient({ conflicts }).client, { theme: 'dark' });
    await fill(element, 'customerDomain', 'https://www.nordwind-logistik.de');
    await waitUntil(() => part(element, 'conflict'), 'the warning', { timeout: 2000 });
    expect(part(element, 'conflict')!.textContent!.replace(/\s+/g, ' ')).to.contain(
      'Possible duplicate registration A similar active registration exists. Your channel manager will review your registration.',
    );
    expect(part(element, 'conflict')!.textContent).to.not.contain('DR-');
    await expect(element).to.be.accessible();
  });

  it('asks with company, domain and country, and aborts the previous request', async () => {
    const fake = recordingClient();
    const requests: { query: Record<string, unknown>; signal: AbortSignal | undefined; answer: (report: ConflictReport) => void }[] = [];
    const client: PartnerkitClient = withDeals(fake.client, {
      checkConflicts: (query, call) => new Promise((resolve) => requests.push({ query, signal: call?.signal, answer: resolve })),
    });
    const { element } = await mount(client);
    await fill(element, 'customerCountry', 'DE');
    await fill(element, 'customerCompany', 'Nordwind');
    await waitUntil(() => requests.length === 1, 'the first request', { timeout: 2000 });
    expect(requests[0]!.query).to.deep.equal({ company: 'Nordwind', country: 'DE' });
    await fill(element, 'customerDomain', 'nordwind.de');
    await waitUntil(() => requests.length === 2, 'the second request', { timeout: 2000 });
    expect(requests[1]!.query).to.deep.equal({ company: 'Nordwind', domain: 'nordwind.de', country: 'DE' });
    expect(requests[0]!.signal!.aborted, 'the first is aborted').to.equal(true);
    expect(requests[1]!.signal!.aborted).to.equal(false);
    // The aborted request's late answer is ignored.
    requests[0]!.answer({ conflicts: [{ matchedOn: 'company', similarity: 0.9, ownPartner: false, deal: null }] });
    await settled(element);
    expect(part(element, 'conflict')).to.equal(null);
    requests[1]!.answer({ conflicts: [] });
    await settled(element);
    expect(part(element, 'conflict')).to.equal(null);
  });

  it('checks a restored draft\'s customer at once', async () => {
    localStorage.setItem(
      `partnerkit:deal-draft:${seededMe.user.id}`,
      JSON.stringify({ savedAt: new Date(Date.now() - 60_000).toISOString(), values: { customerCompany: active.customerCompany }, lines: [], step: 0, draftKey: crypto.randomUUID() }),
    );
    const fake = recordingClient();
    const { element } = await mount(fake.client);
    await waitUntil(() => part(element, 'conflict'), 'the warning', { timeout: 2000 });
    expect(part(element, 'conflict')!.textContent).to.contain(active.reference);
    expect(fake.calls.checkDealConflicts).to.equal(1);
    await expect(element).to.be.accessible();
  });
});

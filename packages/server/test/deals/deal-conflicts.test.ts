import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { components } from '@partnerkit/api';
import { registrableDomain } from '../../src/deals/domain-key.ts';
import { defaultDealSettings } from '../../src/deals/settings.ts';
import { SEED_NOW, call, createDeal, partnerUserOf, startTestServer, submission, transition, type TestServer } from '../helpers.ts';

type Deal = components['schemas']['Deal'];
type Conflict = components['schemas']['Conflict'];
type ReviewQueueItem = components['schemas']['ReviewQueueItem'];
type User = TestServer['seed']['users'][number];

const DAY_MS = 86_400_000;

/** Names of one customer, however a partner spells it. */
const SAME_CUSTOMER: readonly [string, string][] = [
  ['Acme GmbH', 'ACME Gesellschaft mbH'],
  ['Müller AG', 'Mueller AG'],
  ['Rheinwerk Logistik GmbH & Co. KG', 'Rheinwerk Logistik'],
  ['Duna Informatika Kft.', 'DUNA INFORMATIKA'],
  ['Soluciones Ibéricas S.L.', 'Soluciones Ibericas SL'],
  ['Thames Digital Ltd', 'Thames Digital Limited'],
  ['Harbor Cloud Partners Inc.', 'Harbor Cloud Partners, Inc'],
  ['Société Lumière SAS', 'Societe Lumiere'],
  ['Großhandel Weiß GmbH', 'Grosshandel Weiss'],
  ['Nordlicht Systems GmbH', 'Nordlicht Systems AG'],
];

/** Different customers, however alike their names look. */
const OTHER_CUSTOMERS: readonly [string, string][] = [
  ['Acme GmbH', 'Apex GmbH'],
  ['Nordlicht Systems', 'Nordwind Systems'],
  ['Müller AG', 'Miller AG'],
  ['Alpha Retail', 'Alpha Logistics'],
  ['Thames Digital Ltd', 'Severn Digital Ltd'],
  ['Duna Informatika Kft.', 'Tisza Informatika Kft.'],
];

/** Legal forms the company key drops, as partners type them. */
const LEGAL_FORMS = ['GmbH', 'AG', 'GmbH & Co. KG', 'SE', 'Kft.', 'Zrt.', 'SAS', 'S.A.', 'SARL', 'S.L.', 'Ltd', 'Ltd.', 'Limited', 'plc', 'LLP', 'Inc.', 'Inc', 'LLC', 'Corp.', 'B.V.', 'Oy', 'AB'];

describe('deal conflicts', () => {
  let server: TestServer;
  let userA: User;
  let userB: User;
  let manager: User;
  const tokens = { a: '', b: '', manager: '' };

  async function mintTokens(): Promise<void> {
    [tokens.a, tokens.b, tokens.manager] = await Promise.all([server.tokenFor(userA), server.tokenFor(userB), server.tokenFor(manager)]);
  }

  before(async () => {
    server = await startTestServer();
    // A: gold (EUR limit 25 000); B: silver (EUR limit 10 000).
    userA = partnerUserOf(server.seed, 'gold', 'EUR');
    userB = partnerUserOf(server.seed, 'silver', 'EUR', 'partner_admin');
    manager = server.seed.users.find((u) => u.role === 'channel_manager')!;
    await mintTokens();
  });
  after(() => server.close());

  const partnerName = (user: User) => server.seed.partners.find((p) => p.id === user.partnerId)!.name;

  async function conflicts(token: string, query: Record<string, string>): Promise<{ conflicts: Conflict[]; text: string }> {
    const response = await server.app.request(`/deals/conflicts?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    const text = await response.text();
    return { conflicts: (JSON.parse(text) as { conflicts: Conflict[] }).conflicts, text };
  }

  /** The conflicts with one deal, as the channel manager (who sees which deal each is) finds them. */
  async function conflictsWith(dealId: string, query: Record<string, string>): Promise<Conflict[]> {
    return (await conflicts(tokens.manager, query)).conflicts.filter((c) => c.deal?.id === dealId);
  }

  /** A registration waiting for review (over the gold limit), by partner A unless another token is given. */
  async function register(company: string, extra: Record<string, unknown> = {}, token = tokens.a): Promise<Deal> {
    return (await createDeal<Deal>(server, token, submission(company, { amount: { amount: '500000.00', currency: 'EUR' }, ...extra }))).deal;
  }

  async function withdraw(id: string, token = tokens.a): Promise<void> {
    assert.equal((await transition(server, token, id, 'withdraw')).status, 200);
  }

  const sqlSimilarity = async (a: string, b: string) =>
    (await server.db.query<{ similarity: number; a: string; b: string }>(
      'SELECT partnerkit_company_key($1) AS a, partnerkit_company_key($2) AS b, similarity(partnerkit_company_key($1), partnerkit_company_key($2))::float8 AS similarity',
      [a, b],
    ))[0]!;

  test('in SQL, the normalised names of one customer are similar enough; of different customers they are not', async () => {
    const threshold = defaultDealSettings.companySimilarity;
    assert.equal(threshold, 0.6);
    for (const [a, b] of SAME_CUSTOMER) {
      const row = await sqlSimilarity(a, b);
      assert.ok(row.similarity >= threshold, `${a} ~ ${b}: keys ${row.a} / ${row.b}, similarity ${row.similarity}`);
      assert.equal((await sqlSimilarity(b, a)).similarity, row.similarity, 'symmetric');
    }
    for (const [a, b] of OTHER_CUSTOMERS) {
      const row = await sqlSimilarity(a, b);
      assert.ok(row.similarity < threshold, `${a} !~ ${b}: keys ${row.a} / ${row.b}, similarity ${row.similarity}`);
    }
    assert.deepEqual(
      await Promise.all(['Rheinwerk Logistik GmbH & Co. KG', 'ACME Gesellschaft mbH', 'Soluciones Ibéricas S.L.', 'Müller & Söhne AG', '  Thames   Digital, Ltd. '].map(async (name) => (await sqlSimilarity(name, name)).a)),
      ['rheinwerk logistik', 'acme', 'soluciones ibericas', 'mueller soehne', 'thames digital'],
    );
  });

  test('in SQL, a legal form, letter case and punctuation never change the company key', async () => {
    const legalWords = new Set(['gmbh', 'mbh', 'ag', 'kg', 'kgaa', 'ohg', 'se', 'ev', 'kft', 'zrt', 'nyrt', 'bt', 'kkt', 'ltd', 'limited', 'plc', 'llp', 'llc', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'co', 'sas', 'sa', 'sarl', 'sl', 'slu', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'aps', 'pty']);
    const word = fc.stringMatching(/^[a-z][a-z0-9]{2,9}$/).filter((w) => !legalWords.has(w));
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 3 }), fc.constantFrom(...LEGAL_FORMS), fc.boolean(), async (words, form, shout) => {
        const plain = words.join(' ');
        const typed = `${shout ? plain.toUpperCase() : plain}${form.startsWith('&') ? ' ' : ', '}${form}`;
        const [row] = await server.db.query<{ plain: string; typed: string }>('SELECT partnerkit_company_key($1) AS plain, partnerkit_company_key($2) AS typed', [plain, typed]);
        assert.equal(row!.typed, row!.plain, `${typed} → ${row!.typed}`);
      }),
      { numRuns: 150 },
    );
  });

  test('through GET /deals/conflicts, another partner\'s registration of the same customer conflicts; of another customer it does not', async () => {
    // Every registration here is in the Netherlands, where the seed has none: each probe finds at most this one.
    const country = 'NL';
    for (const [registered, probe, expected] of [...SAME_CUSTOMER.map(([a, b]) => [a, b, true] as const), ...OTHER_CUSTOMERS.map(([a, b]) => [a, b, false] as const)]) {
      const deal = await register(registered, { customerCountry: country });
      const seenByB = (await conflicts(tokens.b, { company: probe, country })).conflicts;
      const forDeal = await conflictsWith(deal.id, { company: probe, country });
      if (expected) {
        assert.equal(seenByB.length, 1, `${registered} ~ ${probe}`);
        assert.equal(seenByB[0]!.matchedOn, 'company');
        assert.ok(seenByB[0]!.similarity >= 0.6);
        assert.equal(forDeal.length, 1, `${registered} ~ ${probe}: the manager sees which deal`);
      } else {
        assert.deepEqual(seenByB, [], `${registered} !~ ${probe}`);
        assert.deepEqual(forDeal, [], `${registered} !~ ${probe}`);
      }
      await withdraw(deal.id);
      assert.deepEqual(await conflictsWith(deal.id, { company: probe, country }), [], 'a withdrawn registration conflicts no more');
    }
  });

  test('company names conflict within one country (or when the probe names none); domains across countries', async () => {
    const deal = await register('Kestrel Foods B.V.', { customerCountry: 'NL', customerDomain: 'https://www.kestrel-foods.nl' });
    assert.equal((await conflictsWith(deal.id, { company: 'Kestrel Foods', country: 'NL' })).length, 1);
    assert.equal((await conflictsWith(deal.id, { company: 'Kestrel Foods' })).length, 1);
    assert.deepEqual(await conflictsWith(deal.id, { company: 'Kestrel Foods', country: 'BE' }), []);
    const byDomain = await conflictsWith(deal.id, { company: 'Somebody Else', domain: 'kestrel-foods.nl', country: 'BE' });
    assert.deepEqual(byDomain.map((c) => [c.matchedOn, c.similarity]), [['domain', 1]]);
    assert.deepEqual(await conflictsWith(deal.id, { company: 'Kestrel Foods', country: 'NL', excludeDealId: deal.id }), [], 'excludeDealId leaves the deal out');
    await withdraw(deal.id);
  });

  test('registrable domains: schemes, subdomains, paths, ports and case do not matter; another registrable domain does', async () => {
    const cases: [string, string | null][] = [
      ['https://shop.acme.co.uk/x', 'acme.co.uk'],
      ['acme.co.uk', 'acme.co.uk'],
      ['HTTP://WWW.Acme.Co.UK:8080/path?q=1#top', 'acme.co.uk'],
      ['www.acme.de.', 'acme.de'],
      ['https://a.b.c.acme.com.au', 'acme.com.au'],
      ['localhost', null],
      ['', null],
    ];
    for (const [input, key] of cases) assert.equal(registrableDomain(input), key, input);

    const deal = await register('Quokka Analytics Ltd', { customerCountry: 'GB', customerDomain: 'https://shop.acme.co.uk/x' });
    for (const domain of ['acme.co.uk', 'www.acme.co.uk', 'https://ACME.co.uk/', 'http://intranet.eu.acme.co.uk/login']) {
      const found = await conflictsWith(deal.id, { domain });
      assert.deepEqual(found.map((c) => c.matchedOn), ['domain'], domain);
    }
    for (const domain of ['acme.com', 'notacme.co.uk', 'acme.co', 'acme.org.uk', 'shop.acme.co']) {
      assert.deepEqual(await conflictsWith(deal.id, { domain }), [], domain);
    }
    await withdraw(deal.id);
  });

  test('another partner learns that a conflict exists, never whose or what; the same partner and the channel manager see the deal', async () => {
    const registered = await register('Zephyrine Biotech GmbH', {
      customerCountry: 'DE',
      customerDomain: 'https://www.zephyrine-bio.de',
      contactName: 'Waltraud Geheim',
      contactEmail: 'waltraud.geheim@zephyrine-bio.de',
      opportunityName: 'Confidential lab rollout',
    });
    const probe = { company: 'Zephyrine Biotech', domain: 'zephyrine-bio.de', country: 'DE' };

    const other = await conflicts(tokens.b, probe);
    assert.deepEqual(other.conflicts, [{ matchedOn: 'domain', similarity: 1, ownPartner: false, deal: null }]);
    for (const secret of [registered.id, registered.reference, userA.partnerId!, partnerName(userA), 'Nordlicht', 'Zephyrine', 'zephyrine-bio', 'Waltraud', 'Confidential']) {
      assert.ok(!other.text.includes(secret), `the answer to another partner does not contain ${secret}`);
    }

    const own = await conflicts(tokens.a, probe);
    assert.equal(own.conflicts.length, 1);
    assert.equal(own.conflicts[0]!.ownPartner, true);
    assert.deepEqual(own.conflicts[0]!.deal, {
      id: registered.id,
      reference: registered.reference,
      partnerId: userA.partnerId,
      partnerName: partnerName(userA),
      customerCompany: 'Zephyrine Biotech GmbH',
      customerDomain: 'https://www.zephyrine-bio.de',
      status: 'submitted',
      expiresAt: null,
    });

    const vendor = await conflicts(tokens.manager, probe);
    assert.equal(vendor.conflicts.length, 1);
    assert.equal(vendor.conflicts[0]!.ownPartner, false);
    assert.deepEqual(vendor.conflicts[0]!.deal, own.conflicts[0]!.deal);
    await withdraw(registered.id);
  });

  test('a conflicting submission goes to review (rule conflict) even under the tier limit, and tells its partner nothing of the other', async () => {
    const first = await register('Ostwind Brauerei GmbH', { customerCountry: 'AT', contactName: 'Ottilie Vertraulich' });
    // Partner B's registration would be approved at once (silver, EUR 500) if it conflicted with nothing.
    const response = await server.app.request('/deals', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.b}`, 'content-type': 'application/json', 'idempotency-key': `conflict-${first.id}` },
      body: JSON.stringify(submission('OSTWIND BRAUEREI AG', { customerCountry: 'AT', amount: { amount: '500.00', currency: 'EUR' } })),
    });
    assert.equal(response.status, 201);
    const text = await response.text();
    const second = JSON.parse(text) as Deal;
    assert.equal(second.status, 'submitted');
    assert.deepEqual(second.conflict, { detected: true, matchedOn: ['company'] });
    assert.deepEqual(second.decision, { outcome: 'review', rule: 'conflict' });
    assert.equal(second.expiresAt, null);
    for (const secret of [first.id, first.reference, partnerName(userA), 'Ottilie']) assert.ok(!text.includes(secret), secret);
    const timeline = await call<{ data: { type: string }[] }>(server, tokens.b, 'GET', `/deals/${second.id}/events`);
    assert.deepEqual(timeline.body.data.map((e) => e.type), ['created', 'submitted']);
    assert.ok(!JSON.stringify(timeline.body).includes(partnerName(userA)));

    // The channel manager's review queue shows whom it conflicts with.
    let item: ReviewQueueItem | undefined;
    let cursor: string | null = null;
    do {
      const page: { data: ReviewQueueItem[]; nextCursor: string | null } = (
        await call<{ data: ReviewQueueItem[]; nextCursor: string | null }>(server, tokens.manager, 'GET', `/deals/review-queue?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      item ??= page.data.find((i) => i.deal.id === second.id);
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(item, 'the conflicting submission is in the review queue');
    assert.deepEqual(item.conflicts.map((c) => [c.deal?.id, c.deal?.partnerName, c.matchedOn]), [[first.id, partnerName(userA), 'company']]);

    // A registration of the partner's own conflicts too (it is told so), and waits for review as well.
    const again = await createDeal<Deal>(server, tokens.a, submission('Ostwind Brauerei', { customerCountry: 'AT' }));
    assert.deepEqual(again.deal.decision, { outcome: 'review', rule: 'conflict' });
    const seenByA = (await conflicts(tokens.a, { company: 'Ostwind Brauerei', country: 'AT' })).conflicts;
    assert.deepEqual(seenByA.map((c) => [c.ownPartner, c.deal?.id ?? null]).sort(), [[false, null], [true, again.deal.id], [true, first.id]].sort());
    for (const [id, token] of [[first.id, tokens.a], [second.id, tokens.b], [again.deal.id, tokens.a]] as const) await withdraw(id, token);
  });

  test('only active registrations conflict: drafts, rejected, withdrawn and expired ones do not', async () => {
    const probe = { company: 'Ilvermorny Werkstoffe', country: 'CH' };
    const fields = { customerCountry: 'CH' };

    const draft = (await createDeal<Deal>(server, tokens.a, { ...submission('Ilvermorny Werkstoffe AG', fields), submit: false })).deal;
    assert.deepEqual(await conflictsWith(draft.id, probe), [], 'draft');

    const submitted = await register('Ilvermorny Werkstoffe AG', fields);
    assert.equal((await conflictsWith(submitted.id, probe)).length, 1, 'submitted');
    assert.equal((await transition(server, tokens.manager, submitted.id, 'request_info', 'Which plant?')).status, 200);
    assert.equal((await conflictsWith(submitted.id, probe)).length, 1, 'info_requested');
    await withdraw(submitted.id);
    assert.deepEqual(await conflictsWith(submitted.id, probe), [], 'withdrawn');

    const rejected = await register('Ilvermorny Werkstoffe GmbH', fields);
    assert.equal((await transition(server, tokens.manager, rejected.id, 'reject', 'Direct account')).status, 200);
    assert.deepEqual(await conflictsWith(rejected.id, probe), [], 'rejected');

    const approved = await register('Ilvermorny Werkstoffe SA', fields);
    const answer = await transition<Deal>(server, tokens.manager, approved.id, 'approve');
    assert.equal(answer.body.status, 'approved');
    const [found] = await conflictsWith(approved.id, probe);
    assert.equal(found?.deal?.status, 'approved');
    assert.equal(found?.deal?.expiresAt, answer.body.expiresAt);

    // Past the protection period it conflicts no more: before anyone reads it, and once it is expired.
    server.setNow(new Date(Date.parse(answer.body.expiresAt!) + 1000));
    try {
      await mintTokens();
      assert.deepEqual(await conflictsWith(approved.id, probe), [], 'approved, protection over, not yet marked expired');
      const read = await call<Deal>(server, tokens.a, 'GET', `/deals/${approved.id}`);
      assert.equal(read.body.status, 'expired');
      assert.deepEqual(await conflictsWith(approved.id, probe), [], 'expired');
      // A new registration of the customer is free to go.
      const fresh = await createDeal<Deal>(server, tokens.b, submission('Ilvermorny Werkstoffe', { ...fields, amount: { amount: '900.00', currency: 'EUR' } }));
      assert.deepEqual(fresh.deal.conflict, { detected: false, matchedOn: [] });
      assert.equal(fresh.deal.status, 'approved');
      assert.equal(fresh.deal.expiresAt, new Date(Date.parse(answer.body.expiresAt!) + 1000 + 90 * DAY_MS).toISOString());
    } finally {
      server.setNow(SEED_NOW);
      await mintTokens();
    }
  });
});

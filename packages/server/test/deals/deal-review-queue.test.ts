import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { components } from '@partnerkit/api';
import { createApp } from '../../src/app.ts';
import { SECRET, SEED_NOW, call, createDeal, partnerUserOf, startTestServer, submission, transition, type TestServer } from '../helpers.ts';

type Deal = components['schemas']['Deal'];
type DealEvent = components['schemas']['DealEvent'];
type AuditEvent = components['schemas']['AuditEvent'];
type Product = components['schemas']['Product'];
type ReviewQueueItem = components['schemas']['ReviewQueueItem'];
type User = TestServer['seed']['users'][number];

const HOUR_MS = 3_600_000;

interface Problem {
  code: string;
  errors?: { field: string; code: string }[];
}

describe('review queue, reviewer assignment, products and line items', () => {
  let server: TestServer;
  let userA: User;
  let userB: User;
  let manager: User;
  /** A second channel manager, signed in through POST /sessions like any vendor user. */
  const colleague: User = {
    id: '',
    externalId: 'review-colleague',
    partnerId: null,
    email: 'robin.second@vendor.example',
    name: 'Robin Second',
    role: 'channel_manager',
    locale: 'en-GB',
  };
  const tokens = { a: '', b: '', manager: '', colleague: '' };

  async function mintTokens(): Promise<void> {
    [tokens.a, tokens.b, tokens.manager, tokens.colleague] = await Promise.all([server.tokenFor(userA), server.tokenFor(userB), server.tokenFor(manager), server.tokenFor(colleague)]);
  }

  before(async () => {
    server = await startTestServer();
    userA = partnerUserOf(server.seed, 'gold', 'EUR');
    userB = server.seed.users.find((u) => u.partnerId !== null && u.partnerId !== userA.partnerId && u.role === 'partner_admin')!;
    manager = server.seed.users.find((u) => u.role === 'channel_manager')!;
    await mintTokens();
    colleague.id = (await server.db.query<{ id: string }>('SELECT id FROM users WHERE external_id = $1', [colleague.externalId]))[0]!.id;
  });
  after(() => server.close());

  const partnerName = (partnerId: string) => server.seed.partners.find((p) => p.id === partnerId)!.name;

  /** Waits for review: over the gold tier's EUR limit. */
  const forReview = (company: string, extra: Record<string, unknown> = {}) => submission(company, { customerCountry: 'NL', amount: { amount: '750000.00', currency: 'EUR' }, ...extra });

  /** The whole queue, page by page (through another app built on the same database when given). */
  async function queue(token = tokens.manager, limit = 200, app: TestServer['app'] = server.app): Promise<ReviewQueueItem[]> {
    const items: ReviewQueueItem[] = [];
    let cursor: string | null = null;
    do {
      const response = await app.request(`/deals/review-queue?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
      const page = (await response.json()) as { data: ReviewQueueItem[]; nextCursor: string | null };
      assert.ok(page.data.length <= limit);
      items.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  const assign = (dealId: string, reviewerId: string, token = tokens.manager) => call<Deal & Problem>(server, token, 'PUT', `/deals/${dealId}/reviewer`, { body: { reviewerId } });

  async function audit(id: string): Promise<AuditEvent[]> {
    return (await call<{ data: AuditEvent[] }>(server, tokens.manager, 'GET', `/audit-events?entityId=${id}`)).body.data.reverse();
  }

  const version = async (id: string) => (await server.db.query<{ version: number; reviewer_id: string | null }>('SELECT version, reviewer_id FROM deals WHERE id = $1', [id]))[0]!;

  test('only channel managers see the review queue and assign reviewers', async () => {
    const deal = (await createDeal<Deal>(server, tokens.a, forReview('Zugang Verwehrt GmbH'))).deal;
    for (const token of [tokens.a, tokens.b]) {
      const answer = await call<Problem>(server, token, 'GET', '/deals/review-queue');
      assert.equal(answer.status, 403);
      assert.equal(answer.body.code, 'forbidden');
      assert.equal((await assign(deal.id, manager.id, token)).status, 403);
    }
    assert.equal((await version(deal.id)).reviewer_id, null);
    assert.equal((await call(server, tokens.colleague, 'GET', '/deals/review-queue')).status, 200);
  });

  test('the queue holds every submitted deal, oldest submission first, across pages', async () => {
    const mine = [
      (await createDeal<Deal>(server, tokens.a, forReview('Warteschlange Eins GmbH'))).deal,
      (await createDeal<Deal>(server, tokens.b, forReview('Warteschlange Zwei GmbH'))).deal,
    ];
    // Not in the queue: a draft, a deal waiting for the partner's answer, an approved one.
    const draft = (await createDeal<Deal>(server, tokens.a, { customerCompany: 'Warteschlange Entwurf GmbH', submit: false })).deal;
    const asked = (await createDeal<Deal>(server, tokens.a, forReview('Warteschlange Frage GmbH'))).deal;
    assert.equal((await transition(server, tokens.manager, asked.id, 'request_info', 'Which site?')).status, 200);

    const items = await queue(tokens.manager, 23);
    const submittedIds = (await server.db.query<{ id: string }>("SELECT id FROM deals WHERE status = 'submitted' ORDER BY submitted_at, id")).map((r) => r.id);
    assert.ok(submittedIds.length > 50, 'the seed fills several pages');
    assert.deepEqual(items.map((i) => i.deal.id), submittedIds);
    const seededSubmitted = server.seed.deals.filter((d) => d.status === 'submitted').map((d) => d.id);
    assert.ok(seededSubmitted.every((id) => submittedIds.includes(id)));
    for (const deal of mine) assert.ok(submittedIds.includes(deal.id));
    for (const id of [draft.id, asked.id]) assert.ok(!submittedIds.includes(id));
    const times = items.map((i) => Date.parse(i.deal.submittedAt!));
    assert.deepEqual(times, [...times].sort((x, y) => x - y));
    for (const item of items) {
      assert.equal(item.deal.status, 'submitted');
      assert.equal(item.partnerName, partnerName(item.deal.partnerId));
    }
  });

  test('ageHours, slaHours and overdue follow the clock and the review SLA', async () => {
    const deal = (await createDeal<Deal>(server, tokens.a, forReview('Fristwahrer GmbH'))).deal;
    const itemAt = async (hours: number, app = server.app) => {
      server.setNow(new Date(SEED_NOW.getTime() + hours * HOUR_MS));
      await mintTokens();
      const found = (await queue(tokens.manager, 200, app)).find((i) => i.deal.id === deal.id);
      assert.ok(found);
      return found;
    };
    try {
      assert.deepEqual(pick(await itemAt(0)), { ageHours: 0, slaHours: 48, overdue: false });
      assert.deepEqual(pick(await itemAt(12.25)), { ageHours: 12.3, slaHours: 48, overdue: false });
      assert.deepEqual(pick(await itemAt(47.5)), { ageHours: 47.5, slaHours: 48, overdue: false });
      assert.deepEqual(pick(await itemAt(48.5)), { ageHours: 48.5, slaHours: 48, overdue: true });
      // The SLA is the vendor's setting.
      const strict = createApp({ db: server.db, secrets: [SECRET], clock: () => new Date(SEED_NOW.getTime() + 30 * HOUR_MS), logger: () => {}, deals: { reviewSlaHours: 24 } });
      assert.deepEqual(pick(await itemAt(30, strict)), { ageHours: 30, slaHours: 24, overdue: true });
      // Seeded submissions are days old: every one of them is overdue, with its age computed from the clock.
      server.setNow(SEED_NOW);
      await mintTokens();
      for (const item of (await queue()).filter((i) => server.seed.deals.some((d) => d.id === i.deal.id))) {
        const age = Math.round(((SEED_NOW.getTime() - Date.parse(item.deal.submittedAt!)) / HOUR_MS) * 10) / 10;
        assert.deepEqual(pick(item), { ageHours: age, slaHours: 48, overdue: age > 48 });
      }
    } finally {
      server.setNow(SEED_NOW);
      await mintTokens();
    }
  });

  test('each item lists its conflicts, with the conflicting deal shown to the channel manager', async () => {
    const first = (await createDeal<Deal>(server, tokens.a, forReview('Kranich Optik GmbH', { customerDomain: 'kranich-optik.nl' }))).deal;
    const second = (await createDeal<Deal>(server, tokens.b, forReview('KRANICH OPTIK B.V.'))).deal;
    const third = (await createDeal<Deal>(server, tokens.b, forReview('Anderer Laden B.V.', { customerDomain: 'https://shop.kranich-optik.nl' }))).deal;
    const loner = (await createDeal<Deal>(server, tokens.b, forReview('Einzelgaenger Unikat B.V.'))).deal;
    const items = new Map((await queue()).map((i) => [i.deal.id, i]));
    const summary = (id: string) => items.get(id)!.conflicts.map((c) => `${c.matchedOn} ${c.deal?.reference} ${c.deal?.partnerName} own=${c.ownPartner}`).sort();
    const line = (deal: Deal, on: string) => `${on} ${deal.reference} ${partnerName(deal.partnerId)} own=false`;
    assert.deepEqual(summary(first.id), [line(third, 'domain'), line(second, 'company')].sort());
    assert.deepEqual(summary(second.id), [line(first, 'company')]);
    assert.deepEqual(summary(third.id), [line(first, 'domain')]);
    assert.deepEqual(summary(loner.id), []);
    assert.deepEqual(items.get(second.id)!.deal.conflict, { detected: true, matchedOn: ['company'] });
  });

  test('PUT /deals/{id}/reviewer assigns a channel manager, on the timeline and in the audit log', async () => {
    const deal = (await createDeal<Deal>(server, tokens.a, forReview('Zustaendig GmbH'))).deal;
    const answer = await assign(deal.id, colleague.id);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.reviewer, { userId: colleague.id, name: colleague.name });
    assert.equal(answer.body.status, 'submitted');
    assert.equal(answer.headers.get('etag'), `"v${(await version(deal.id)).version}"`);
    const item = (await queue()).find((i) => i.deal.id === deal.id)!;
    assert.deepEqual(item.deal.reviewer, { userId: colleague.id, name: colleague.name });

    // Handed back by the colleague.
    assert.equal((await assign(deal.id, manager.id, tokens.colleague)).status, 200);
    const events = (await call<{ data: DealEvent[] }>(server, tokens.a, 'GET', `/deals/${deal.id}/events`)).body.data.filter((e) => e.type === 'reviewer_assigned');
    assert.deepEqual(events.map((e) => [e.actor?.userId, e.fromStatus, e.toStatus]), [[manager.id, 'submitted', 'submitted'], [colleague.id, 'submitted', 'submitted']]);
    const entries = (await audit(deal.id)).filter((e) => e.action === 'deal.reviewer_assigned');
    assert.deepEqual(entries.map((e) => [e.actor?.userId, e.before, e.after, e.partnerId]), [
      [manager.id, { reviewerId: null }, { reviewerId: colleague.id }, userA.partnerId],
      [colleague.id, { reviewerId: colleague.id }, { reviewerId: manager.id }, userA.partnerId],
    ]);

    // A deal waiting for the partner's answer is still in review.
    assert.equal((await transition(server, tokens.manager, deal.id, 'request_info', 'Budget confirmed?')).status, 200);
    assert.equal((await assign(deal.id, colleague.id)).status, 200);
  });

  test('a reviewer who is not a channel manager answers 400; a deal not in review 409; neither changes anything', async () => {
    const deal = (await createDeal<Deal>(server, tokens.a, forReview('Falsch Zugewiesen GmbH'))).deal;
    const before = await version(deal.id);
    for (const reviewerId of [userA.id, userB.id, randomUUID()]) {
      const answer = await assign(deal.id, reviewerId);
      assert.equal(answer.status, 400);
      assert.deepEqual(answer.body.errors?.map((e) => `${e.field} ${e.code}`), ['/body/reviewerId not_a_channel_manager']);
    }
    const invalid = await assign(deal.id, 'not-a-uuid');
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.body.errors?.map((e) => e.field), ['/body/reviewerId']);
    assert.deepEqual(await version(deal.id), before);

    const draft = (await createDeal<Deal>(server, tokens.a, { customerCompany: 'Noch Entwurf GmbH', submit: false })).deal;
    const approved = (await createDeal<Deal>(server, tokens.a, submission('Schon Genehmigt GmbH', { customerCountry: 'NL' }))).deal;
    assert.equal(approved.status, 'approved');
    const withdrawn = (await createDeal<Deal>(server, tokens.a, forReview('Zurueckgezogen GmbH'))).deal;
    assert.equal((await transition(server, tokens.a, withdrawn.id, 'withdraw')).status, 200);
    for (const other of [draft, approved, withdrawn]) {
      const state = await version(other.id);
      const answer = await assign(other.id, colleague.id);
      assert.equal(answer.status, 409, other.customerCompany);
      assert.equal(answer.body.code, 'illegal_transition');
      assert.deepEqual(await version(other.id), state);
      assert.equal((await audit(other.id)).some((e) => e.action === 'deal.reviewer_assigned'), false);
    }
    assert.equal((await assign(randomUUID(), colleague.id)).status, 404);
  });

  test('GET /products lists the seeded catalogue with its list prices', async () => {
    for (const token of [tokens.a, tokens.manager]) {
      const answer = await call<{ data: Product[] }>(server, token, 'GET', '/products');
      assert.equal(answer.status, 200);
      const expected = [...server.seed.products]
        .sort((x, y) => (x.family === y.family ? (x.name < y.name ? -1 : 1) : x.family < y.family ? -1 : 1))
        .map((p) => ({ id: p.id, sku: p.sku, name: p.name, family: p.family, listPrices: p.listPrices }));
      assert.deepEqual(answer.body.data, expected);
      assert.equal(answer.body.data.length, 8);
    }
    assert.equal((await server.app.request('/products')).status, 401);
  });

  test('line items must name an active product and use the deal\'s currency: 400 with the field pointer', async () => {
    const [first, second] = server.seed.products;
    const eur = (p: typeof first) => ({ productId: p!.id, quantity: 2, unitPrice: { amount: p!.listPrices.find((m) => m.currency === 'EUR')!.amount, currency: 'EUR' } });
    const count = async () => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals'))[0]!.n;
    const before = await count();
    const post = (lineItems: unknown[], extra: Record<string, unknown> = {}) =>
      call<Deal & Problem>(server, tokens.a, 'POST', '/deals', { body: { ...forReview('Positionen GmbH'), lineItems, ...extra }, headers: { 'idempotency-key': randomUUID() } });

    const unknown = await post([eur(first), { ...eur(second), productId: randomUUID() }]);
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.errors?.map((e) => `${e.field} ${e.code}`), ['/body/lineItems/1/productId unknown_product']);

    const currency = await post([{ ...eur(first), unitPrice: { amount: '100.00', currency: 'GBP' } }, eur(second)]);
    assert.equal(currency.status, 400);
    assert.deepEqual(currency.body.errors?.map((e) => `${e.field} ${e.code}`), ['/body/lineItems/0/unitPrice/currency currency_mismatch']);
    assert.equal(await count(), before, 'nothing was created');

    const ok = await post([eur(first), eur(second)]);
    assert.equal(ok.status, 201);
    assert.deepEqual(ok.body.lineItems, [eur(first), eur(second)]);

    // An edit is checked the same way, against the deal's stored amount.
    const draft = await createDeal<Deal>(server, tokens.a, { ...forReview('Positionen Entwurf GmbH'), submit: false });
    const patch = (body: unknown) => call<Deal & Problem>(server, tokens.a, 'PATCH', `/deals/${draft.deal.id}`, { body, headers: { 'if-match': draft.etag } });
    assert.deepEqual((await patch({ lineItems: [{ ...eur(first), productId: randomUUID() }] })).body.errors?.map((e) => e.field), ['/body/lineItems/0/productId']);
    assert.deepEqual((await patch({ lineItems: [eur(first)], amount: { amount: '10.00', currency: 'USD' } })).body.errors?.map((e) => e.field), ['/body/lineItems/0/unitPrice/currency']);
    assert.equal((await version(draft.deal.id)).version, 1);

    // A product taken out of the catalogue is no longer offered nor accepted.
    await server.db.query('UPDATE products SET active = false WHERE id = $1', [first!.id]);
    try {
      assert.ok(!(await call<{ data: Product[] }>(server, tokens.a, 'GET', '/products')).body.data.some((p) => p.id === first!.id));
      assert.deepEqual((await post([eur(first)])).body.errors?.map((e) => e.field), ['/body/lineItems/0/productId']);
    } finally {
      await server.db.query('UPDATE products SET active = true WHERE id = $1', [first!.id]);
    }
  });
});

function pick(item: ReviewQueueItem): Pick<ReviewQueueItem, 'ageHours' | 'slaHours' | 'overdue'> {
  return { ageHours: item.ageHours, slaHours: item.slaHours, overdue: item.overdue };
}

import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { components } from '@partnerkit/api';
import { createApp } from '../../src/app.ts';
import { expireDeals } from '../../src/deals/expiry.ts';
import { dealsModule } from '../../src/deals/module.ts';
import { startSweeps } from '../../src/sweeps.ts';
import { SECRET, SEED_NOW, call, createDeal, partnerUserOf, startTestServer, submission, type TestServer } from '../helpers.ts';

type Deal = components['schemas']['Deal'];
type DealEvent = components['schemas']['DealEvent'];
type AuditEvent = components['schemas']['AuditEvent'];
type Tier = components['schemas']['Tier'];
type User = TestServer['seed']['users'][number];

const DAY_MS = 86_400_000;

/** A company name no other registration resembles: a conflict would send the submission to review. */
const uniqueCompany = () => `${randomBytes(8).toString('hex').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]!)} Handel`;

describe('auto-approval and expiry', () => {
  let server: TestServer;
  const users = new Map<Tier | 'gold-huf', User>();
  let manager: User;
  /** Session tokens by user id; minted again whenever the clock moves (they last 15 minutes). */
  const tokens = new Map<string, string>();

  const token = (user: User) => tokens.get(user.id)!;

  async function moveClock(to: Date): Promise<void> {
    server.setNow(to);
    await Promise.all([...users.values(), manager].map(async (u) => tokens.set(u.id, await server.tokenFor(u))));
  }

  before(async () => {
    server = await startTestServer();
    const userOf = (tier: Tier, currency: string) => partnerUserOf(server.seed, tier, currency);
    users.set('registered', userOf('registered', 'GBP'));
    users.set('silver', userOf('silver', 'EUR'));
    users.set('gold', userOf('gold', 'EUR'));
    users.set('gold-huf', userOf('gold', 'HUF'));
    users.set('platinum', userOf('platinum', 'USD'));
    manager = server.seed.users.find((u) => u.role === 'channel_manager')!;
    await moveClock(SEED_NOW);
  });
  // Tests that move the clock leave it where the others expect it.
  afterEach(() => moveClock(SEED_NOW));
  after(() => server.close());

  const user = (key: Tier | 'gold-huf') => users.get(key)!;

  async function register(who: User, amount: string, currency: string): Promise<Deal> {
    // The Netherlands: no seeded registration there to conflict with.
    return (await createDeal<Deal>(server, token(who), submission(uniqueCompany(), { customerCountry: 'NL', amount: { amount, currency } }))).deal;
  }

  async function timeline(id: string): Promise<DealEvent[]> {
    const answer = await call<{ data: DealEvent[] }>(server, token(manager), 'GET', `/deals/${id}/events`);
    assert.equal(answer.status, 200);
    return answer.body.data;
  }

  async function audit(id: string): Promise<AuditEvent[]> {
    const answer = await call<{ data: AuditEvent[] }>(server, token(manager), 'GET', `/audit-events?entityId=${id}`);
    assert.equal(answer.status, 200);
    return answer.body.data.reverse();
  }

  async function listAll(who: User, query: string): Promise<Deal[]> {
    const seen: Deal[] = [];
    let cursor: string | null = null;
    do {
      const answer: { status: number; body: { data: Deal[]; nextCursor: string | null } } = await call(server, token(who), 'GET', `/deals?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(answer.status, 200);
      seen.push(...answer.body.data);
      cursor = answer.body.nextCursor;
    } while (cursor);
    return seen;
  }

  const statusInDb = async (id: string) => (await server.db.query<{ status: string }>('SELECT status FROM deals WHERE id = $1', [id]))[0]!.status;

  /** The seeded approved deals whose protection ends after `from` and at most 14 days after it. */
  function expiringSoonInSeed(from: Date, partnerId?: string): string[] {
    const until = from.getTime() + 14 * DAY_MS;
    return server.seed.deals
      .filter((d) => d.status === 'approved' && (partnerId === undefined || d.partnerId === partnerId))
      .filter((d) => Date.parse(d.expiresAt!) > from.getTime() && Date.parse(d.expiresAt!) <= until)
      .map((d) => d.id)
      .sort();
  }

  test('expiringSoon=true lists exactly the approved deals whose protection ends within 14 days', async () => {
    const gold = user('gold');
    const expected = expiringSoonInSeed(SEED_NOW, gold.partnerId!);
    assert.ok(expected.length >= 1, 'the seed has deals expiring soon');
    const listed = await listAll(gold, '&expiringSoon=true');
    assert.deepEqual(listed.map((d) => d.id).sort(), expected);
    assert.ok(listed.every((d) => d.status === 'approved'));
    // Across partners for the channel manager; `false` filters nothing.
    assert.deepEqual((await listAll(manager, '&expiringSoon=true')).map((d) => d.id).sort(), expiringSoonInSeed(SEED_NOW));
    assert.equal((await listAll(gold, '&expiringSoon=false')).length, server.seed.deals.filter((d) => d.partnerId === gold.partnerId).length);
    assert.deepEqual(await listAll(gold, '&expiringSoon=true&status=submitted'), []);
    // The window moves with the clock (deals that ended by then are expired, not expiring).
    const later = new Date(SEED_NOW.getTime() + 30 * DAY_MS);
    await moveClock(later);
    assert.deepEqual((await listAll(manager, '&expiringSoon=true')).map((d) => d.id).sort(), expiringSoonInSeed(later));
  });

  test('a conflict-free submission within the tier\'s limit is approved at once; over it, or without a limit, it waits for review', async () => {
    const cases: [Tier | 'gold-huf', string, string, Deal['status'], string][] = [
      ['gold', '25000.00', 'EUR', 'approved', 'tier_limit:gold:EUR'],
      ['gold', '24999.9999', 'EUR', 'approved', 'tier_limit:gold:EUR'],
      ['gold', '25000.01', 'EUR', 'submitted', 'over_limit:gold:EUR'],
      ['gold', '0.00', 'EUR', 'approved', 'tier_limit:gold:EUR'],
      ['gold', '1.00', 'CHF', 'submitted', 'no_limit:gold:CHF'],
      ['gold', '21000.00', 'GBP', 'approved', 'tier_limit:gold:GBP'],
      ['gold-huf', '10000000', 'HUF', 'approved', 'tier_limit:gold:HUF'],
      ['gold-huf', '10000000.0001', 'HUF', 'submitted', 'over_limit:gold:HUF'],
      ['silver', '10000.00', 'EUR', 'approved', 'tier_limit:silver:EUR'],
      ['silver', '10000.50', 'EUR', 'submitted', 'over_limit:silver:EUR'],
      ['platinum', '55000.00', 'USD', 'approved', 'tier_limit:platinum:USD'],
      ['platinum', '99999.00', 'USD', 'submitted', 'over_limit:platinum:USD'],
      ['registered', '1.00', 'GBP', 'submitted', 'no_limit:registered:GBP'],
    ];
    for (const [who, amount, currency, status, rule] of cases) {
      const label = `${who} ${amount} ${currency}`;
      const deal = await register(user(who), amount, currency);
      assert.equal(deal.status, status, label);
      assert.deepEqual(deal.decision, { outcome: status === 'approved' ? 'auto_approved' : 'review', rule }, label);
      assert.deepEqual(deal.conflict, { detected: false, matchedOn: [] }, label);
      assert.equal(deal.submittedAt, SEED_NOW.toISOString(), label);
      assert.equal(deal.decidedBy, null, `${label}: nobody decided`);
      const events = await timeline(deal.id);
      if (status === 'approved') {
        assert.equal(deal.decidedAt, SEED_NOW.toISOString(), label);
        assert.equal(deal.expiresAt, new Date(SEED_NOW.getTime() + 90 * DAY_MS).toISOString(), label);
        assert.deepEqual(events.map((e) => [e.type, e.fromStatus, e.toStatus, e.actor?.userId ?? null, e.note]), [
          ['created', null, 'draft', user(who).id, null],
          ['submitted', 'draft', 'submitted', user(who).id, null],
          ['auto_approved', 'submitted', 'approved', null, rule],
        ], label);
      } else {
        assert.equal(deal.decidedAt, null, label);
        assert.equal(deal.expiresAt, null, label);
        assert.deepEqual(events.map((e) => e.type), ['created', 'submitted'], label);
      }
      const [created, ...more] = await audit(deal.id);
      assert.equal(more.length, 0, label);
      assert.equal(created!.action, 'deal.created');
      assert.equal(created!.after?.status, status, label);
    }
  });

  test('limits come from the settings a vendor gives createApp', async () => {
    const strict = createApp({ db: server.db, secrets: [SECRET], clock: () => SEED_NOW, logger: () => {}, deals: { autoApproval: { gold: { EUR: '100' } } } });
    const post = (amount: string) =>
      strict.request('/deals', {
        method: 'POST',
        headers: { authorization: `Bearer ${token(user('gold'))}`, 'content-type': 'application/json', 'idempotency-key': randomBytes(12).toString('hex') },
        body: JSON.stringify(submission(uniqueCompany(), { customerCountry: 'NL', amount: { amount, currency: 'EUR' } })),
      });
    assert.deepEqual(((await (await post('100.00')).json()) as Deal).decision, { outcome: 'auto_approved', rule: 'tier_limit:gold:EUR' });
    assert.deepEqual(((await (await post('100.01')).json()) as Deal).decision, { outcome: 'review', rule: 'over_limit:gold:EUR' });
  });

  test('reading a deal past its expiresAt answers it expired, with an expired event and a system audit event', async () => {
    const gold = user('gold');
    const deal = await register(gold, '500.00', 'EUR');
    assert.equal(deal.status, 'approved');
    const expiresAt = Date.parse(deal.expiresAt!);
    await moveClock(new Date(expiresAt - 1000));
    const still = await call<Deal>(server, token(gold), 'GET', `/deals/${deal.id}`);
    assert.equal(still.body.status, 'approved', 'a second before the end it is still protected');
    const etag = still.headers.get('etag');

    await moveClock(new Date(expiresAt));
    const read = await call<Deal>(server, token(gold), 'GET', `/deals/${deal.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.status, 'expired');
    assert.equal(read.body.expiresAt, deal.expiresAt);
    assert.equal(read.body.updatedAt, new Date(expiresAt).toISOString());
    assert.notEqual(read.headers.get('etag'), etag, 'expiry is a new version');
    // Reading again changes nothing more.
    assert.equal((await call(server, token(gold), 'GET', `/deals/${deal.id}`)).headers.get('etag'), read.headers.get('etag'));

    const events = await timeline(deal.id);
    assert.deepEqual(events.map((e) => e.type), ['created', 'submitted', 'auto_approved', 'expired']);
    assert.deepEqual(events.at(-1), { ...events.at(-1)!, actor: null, fromStatus: 'approved', toStatus: 'expired', occurredAt: new Date(expiresAt).toISOString() });
    const system = (await audit(deal.id)).at(-1)!;
    assert.equal(system.action, 'deal.expired');
    assert.equal(system.actor, null);
    assert.equal(system.partnerId, gold.partnerId);
    assert.deepEqual([system.before, system.after], [{ status: 'approved' }, { status: 'expired' }]);
  });

  test('lists, the timeline and transitions see the expiry too, before anything else happens', async () => {
    const silver = user('silver');
    const [listed, timelined, moved] = [await register(silver, '100.00', 'EUR'), await register(silver, '200.00', 'EUR'), await register(silver, '300.00', 'EUR')];
    await moveClock(new Date(Date.parse(listed.expiresAt!) + 60_000));
    // Each read below is the first after the clock moved: it must not show a stale status.
    const events = await call<{ data: DealEvent[] }>(server, token(silver), 'GET', `/deals/${timelined.id}/events`);
    assert.equal(events.body.data.at(-1)?.type, 'expired', 'the timeline shows the expiry');

    const page = await listAll(silver, '&status=expired&createdFrom=2026-06-01');
    assert.ok(page.some((d) => d.id === listed.id), 'the list answers it expired');

    const win = await call<{ code: string }>(server, token(silver), 'POST', `/deals/${moved.id}/transitions`, { body: { action: 'win' }, headers: { 'if-match': '*' } });
    assert.equal(win.status, 409, 'an expired registration can no longer be won');
    assert.equal(win.body.code, 'illegal_transition');
    assert.equal((await call<Deal>(server, token(silver), 'GET', `/deals/${moved.id}`)).body.status, 'expired');
  });

  test('a list read first after the protection ended answers the deal expired, whether or not the page had other rows', async () => {
    const silver = user('silver');
    const [first, second, third] = [await register(silver, '110.00', 'EUR'), await register(silver, '120.00', 'EUR'), await register(silver, '130.00', 'EUR')];
    const now = Date.parse(first.expiresAt!) + 60_000;
    // One deal still protected then, so the page below has rows.
    await server.db.query('UPDATE deals SET expires_at = $2 WHERE id = $1', [third.id, new Date(now + 30 * DAY_MS).toISOString()]);
    await moveClock(new Date(now));
    // A page with rows: none of them may be an approved deal past its protection.
    const approved = await listAll(silver, '&status=approved');
    assert.ok(approved.length > 0, 'the partner still has protected deals');
    assert.ok(approved.every((d) => Date.parse(d.expiresAt!) > now), 'no stale approval in the list');
    assert.ok(approved.some((d) => d.id === third.id));
    assert.ok(!approved.some((d) => d.id === first.id || d.id === second.id));
    assert.equal(await statusInDb(first.id), 'expired');

    // A page that would be empty without the expiry.
    await moveClock(new Date(Date.parse(first.expiresAt!) + 2 * DAY_MS));
    const { customerCompany } = (await server.db.query<{ customerCompany: string }>('SELECT customer_company AS "customerCompany" FROM deals WHERE id = $1', [second.id]))[0]!;
    await server.db.query("UPDATE deals SET status = 'approved', expires_at = $2 WHERE id = $1", [second.id, new Date(Date.parse(first.expiresAt!) + DAY_MS).toISOString()]);
    const expired = await listAll(silver, `&status=expired&q=${encodeURIComponent(customerCompany)}`);
    assert.deepEqual(expired.map((d) => d.id), [second.id]);
  });

  test('the sweep (expireDeals) expires every approved deal whose protection is over, once, optionally for one partner', async () => {
    const [gold, platinum] = [user('gold'), user('platinum')];
    const ofGold = await register(gold, '700.00', 'EUR');
    const ofPlatinum = await register(platinum, '700.00', 'USD');
    assert.deepEqual([ofGold.status, ofPlatinum.status], ['approved', 'approved']);
    const at = new Date(Date.parse(ofGold.expiresAt!) + 1000);
    const due = async (partnerId: string | null) =>
      (await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM deals WHERE status = 'approved' AND expires_at <= $1 AND ($2::uuid IS NULL OR partner_id = $2)", [at.toISOString(), partnerId]))[0]!.n;

    const dueForGold = await due(gold.partnerId);
    const dueInAll = await due(null);
    assert.ok(dueForGold >= 1 && dueInAll > dueForGold);
    assert.equal(await expireDeals(server.db, at, gold.partnerId), dueForGold);
    assert.equal(await statusInDb(ofGold.id), 'expired');
    assert.equal(await statusInDb(ofPlatinum.id), 'approved', 'another partner\'s deal is left for its own turn');
    assert.equal(await expireDeals(server.db, at), dueInAll - dueForGold);
    assert.equal(await statusInDb(ofPlatinum.id), 'expired');
    assert.equal(await expireDeals(server.db, at), 0, 'a second sweep finds nothing');
    assert.equal(await due(null), 0);

    const [row] = await server.db.query<{ events: number; audits: number; actors: number }>(
      `SELECT (SELECT count(*)::int FROM deal_events WHERE deal_id = $1 AND type = 'expired') AS events,
              (SELECT count(*)::int FROM audit_events WHERE entity_id = $1 AND action = 'deal.expired' AND request_id = 'expiry-sweep') AS audits,
              (SELECT count(*)::int FROM audit_events WHERE entity_id = $1 AND action = 'deal.expired' AND actor_id IS NULL) AS actors`,
      [ofPlatinum.id],
    );
    assert.deepEqual(row, { events: 1, audits: 1, actors: 1 });
  });

  test("the deals module's expiry sweep, started with the server's sweeps, expires a deal once its period is over", async () => {
    const deal = await register(user('gold'), '800.00', 'EUR');
    let now = SEED_NOW;
    const failures: string[] = [];
    // The sweep's database, watched: each sweep is one transaction; it is noted with the clock it ran at.
    const underWay = new Set<Promise<unknown>>();
    const finishedAt: string[] = [];
    let onFinished = () => {};
    const db = Object.create(server.db) as typeof server.db;
    db.transaction = ((work: Parameters<typeof server.db.transaction>[0]) => {
      const at = now.toISOString();
      const run = server.db.transaction(work);
      underWay.add(run);
      const done = () => {
        underWay.delete(run);
        finishedAt.push(at);
        onFinished();
      };
      run.then(done, done);
      return run;
    }) as typeof db.transaction;
    /** Resolves once `count` sweeps that ran at `at` (any clock when omitted) have finished. */
    const swept = (count: number, at?: Date) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (finishedAt.filter((clock) => at === undefined || clock === at.toISOString()).length >= count) resolve();
        };
        onFinished = check;
        check();
      });
    const fast = { ...dealsModule, sweeps: dealsModule.sweeps!.map((sweep) => ({ ...sweep, intervalMs: 5 })) };
    const stop = startSweeps([fast], db, () => now, (sweep) => failures.push(sweep));
    try {
      await swept(3);
      assert.equal(await statusInDb(deal.id), 'approved', 'still protected: its period is not over');
      now = new Date(Date.parse(deal.expiresAt!));
      await swept(1, now);
      assert.equal(await statusInDb(deal.id), 'expired');
    } finally {
      stop();
      // Let the sweeps already under way finish before the database is closed.
      await Promise.allSettled([...underWay]);
    }
    assert.deepEqual(failures, []);
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { createApp } from '../src/app.ts';
import type { Database, Queryable } from '../src/db/database.ts';
import type { LogRecord } from '../src/http/logger.ts';
import { SECRET, SEED_NOW, startTestServer, type TestServer, SUBMISSION_FIELDS } from './helpers.ts';

type App = TestServer['app'];

interface Answer {
  status: number;
  replayed: string | null;
  body: { id?: string; code?: string; customerCompany?: string } & Record<string, unknown>;
}

const dealBody = (company: string, amount = '1000.00') => ({
  customerCompany: company,
  opportunityName: 'Idempotency check',
  amount: { amount, currency: 'EUR' },
  expectedCloseDate: '2026-11-30',
  ...SUBMISSION_FIELDS,
});

/**
 * The same database, but every transaction runs `around` instead: tests use it to make the
 * Nth statement fail before commit, or to fail after commit.
 */
function databaseWith(db: Database, around: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>): Database {
  return {
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: around,
    close: () => db.close(),
  };
}

/** A transaction whose statement number `failAt` (from 1) throws; `counted` reports how many ran. */
function failingStatement(db: Database, failAt: number, counted: (n: number) => void = () => {}): Database {
  return databaseWith(db, (work) =>
    db.transaction((tx) => {
      let statements = 0;
      return work({
        query: (sql, params) => {
          statements += 1;
          counted(statements);
          if (statements === failAt) return Promise.reject(new Error(`injected failure at statement ${failAt}`));
          return tx.query(sql, params);
        },
        exec: (sql) => tx.exec(sql),
      });
    }),
  );
}

describe('idempotent POST /deals', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    token = await server.tokenFor(server.seed.users.find((u) => u.role === 'partner_user')!);
  });
  after(() => server.close());

  async function post(body: unknown, key: string | undefined, app: App = server.app): Promise<Answer> {
    const response = await app.request('/deals', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as Answer['body'] };
  }

  /** Deals, key rows and audit events stored for a company name used by one test only. */
  async function stored(company: string) {
    const [row] = await server.db.query<{ deals: number; events: number }>(
      `SELECT (SELECT count(*)::int FROM deals WHERE customer_company = $1) AS deals,
              (SELECT count(*)::int FROM audit_events a JOIN deals d ON d.id = a.entity_id WHERE d.customer_company = $1) AS events`,
      [company],
    );
    return row!;
  }

  const keyRows = async (key: string) => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key]))[0]!.n;

  test('the same key and body answer the first result again, marked as a replay', async () => {
    const key = randomUUID();
    const first = await post(dealBody('Replay GmbH'), key);
    assert.equal(first.status, 201);
    assert.equal(first.replayed, null);
    const again = await post(dealBody('Replay GmbH'), key);
    assert.equal(again.status, 201);
    assert.equal(again.replayed, 'true');
    assert.deepEqual(again.body, first.body);
    // Key order and whitespace do not make another request.
    const reordered = `{ "partnerRole": "sourced", "dealType": "new", "contactEmail": "jana.berger@example.com", "contactName": "Jana Berger",
      "customerCountry": "DE", "expectedCloseDate": "2026-11-30", "amount": {"currency":"EUR","amount":"1000.00"},\n "opportunityName": "Idempotency check", "customerCompany": "Replay GmbH" }`;
    const third = await post(reordered, key);
    assert.equal(third.replayed, 'true');
    assert.equal(third.body.id, first.body.id);
    assert.deepEqual(await stored('Replay GmbH'), { deals: 1, events: 1 });
    assert.equal(await keyRows(key), 1);
  });

  test('the same key with another body answers 409 idempotency_key_reused and creates nothing', async () => {
    const key = randomUUID();
    assert.equal((await post(dealBody('Conflict AG'), key)).status, 201);
    for (const other of [dealBody('Conflict AG', '1000.01'), dealBody('Other Conflict AG'), { ...dealBody('Conflict AG'), expectedCloseDate: '2026-12-01', ...SUBMISSION_FIELDS }]) {
      const answer = await post(other, key);
      assert.equal(answer.status, 409);
      assert.equal(answer.body.code, 'idempotency_key_reused');
    }
    assert.deepEqual(await stored('Conflict AG'), { deals: 1, events: 1 });
    assert.deepEqual(await stored('Other Conflict AG'), { deals: 0, events: 0 });
  });

  test('a missing or malformed key answers 400 at /header/idempotency-key', async () => {
    for (const key of [undefined, 'short', 'has spaces in it', 'x'.repeat(129), 'ümlaut-key-123']) {
      const answer = await post(dealBody('No Key Ltd'), key);
      assert.equal(answer.status, 400, String(key));
      const errors = answer.body.errors as { field: string }[];
      assert.deepEqual(errors.map((e) => e.field), ['/header/idempotency-key']);
    }
    assert.deepEqual(await stored('No Key Ltd'), { deals: 0, events: 0 });
  });

  test('five concurrent identical requests create one deal and all answer it', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(dealBody('Concurrent Oy'), key)));
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201, 201]);
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    assert.equal(answers.filter((a) => a.replayed === 'true').length, 4);
    assert.deepEqual(await stored('Concurrent Oy'), { deals: 1, events: 1 });
  });

  test('a failure at any statement before commit leaves nothing; the retry creates exactly one deal', async () => {
    let statements = 0;
    const counting = createApp({ db: failingStatement(server.db, Infinity, (n) => (statements = n)), secrets: [SECRET], clock: () => SEED_NOW, logger: () => {} });
    assert.equal((await post(dealBody(`Q${randomUUID().replace(/-/g, '')} Kft`), randomUUID(), counting)).status, 201);
    assert.ok(statements >= 3, `the create runs ${statements} statements in its transaction`);

    for (let failAt = 1; failAt <= statements; failAt += 1) {
      // Unlike every other name, so no conflict check changes the statements a create runs.
      const company = `Q${randomUUID().replace(/-/g, '')} BV`;
      const key = randomUUID();
      const logs: LogRecord[] = [];
      const failing = createApp({ db: failingStatement(server.db, failAt), secrets: [SECRET], clock: () => SEED_NOW, logger: (record) => logs.push(record) });
      const crashed = await post(dealBody(company), key, failing);
      assert.equal(crashed.status, 500, `statement ${failAt}`);
      assert.equal(crashed.body.code, 'internal');
      assert.deepEqual(logs.filter((r) => r.level === 'error' && r.msg !== 'request').map((r) => r.msg), ['unexpected failure'], 'one error record, not a contract breach');
      assert.deepEqual(await stored(company), { deals: 0, events: 0 });
      assert.equal(await keyRows(key), 0, 'the key is free again');

      const retried = await post(dealBody(company), key);
      assert.equal(retried.status, 201);
      assert.equal(retried.replayed, null);
      assert.deepEqual(await stored(company), { deals: 1, events: 1 });
    }
  });

  test('a failure after commit (the answer is lost) is healed by the retry, which replays', async () => {
    const company = 'Crash After Commit SpA';
    const key = randomUUID();
    const lost = createApp({
      db: databaseWith(server.db, async (work) => {
        await server.db.transaction(work);
        throw new Error('process died after commit');
      }),
      secrets: [SECRET],
      clock: () => SEED_NOW,
      logger: () => {},
    });
    assert.equal((await post(dealBody(company), key, lost)).status, 500);
    assert.deepEqual(await stored(company), { deals: 1, events: 1 }, 'committed before the failure');
    const retried = await post(dealBody(company), key);
    assert.equal(retried.status, 201);
    assert.equal(retried.replayed, 'true');
    const [row] = await server.db.query<{ id: string }>('SELECT id FROM deals WHERE customer_company = $1', [company]);
    assert.equal(retried.body.id, row!.id);
    assert.deepEqual(await stored(company), { deals: 1, events: 1 });
  });

  test('an answer the client never read is replayed to its retry', async () => {
    const company = 'Dropped Answer Ltd';
    const key = randomUUID();
    const response = await server.app.request('/deals', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(dealBody(company)),
    });
    await response.body?.cancel();
    const retried = await post(dealBody(company), key);
    assert.equal(retried.status, 201);
    assert.equal(retried.replayed, 'true');
    assert.equal(retried.body.customerCompany, company);
    assert.deepEqual(await stored(company), { deals: 1, events: 1 });
  });

  test('property: any sequence of keys and bodies creates one deal per claimed key; repeats replay or conflict', async () => {
    const valid = [dealBody('Property A GmbH'), dealBody('Property B GmbH'), dealBody('Property A GmbH', '2000.00')];
    // The same request as valid[0] with its keys in another order.
    const reordered = { ...SUBMISSION_FIELDS, expectedCloseDate: '2026-11-30', amount: { currency: 'EUR', amount: '1000.00' }, opportunityName: 'Idempotency check', customerCompany: 'Property A GmbH' };
    const pool: { body: unknown; identity: number | null }[] = [
      { body: valid[0], identity: 0 },
      { body: valid[1], identity: 1 },
      { body: valid[2], identity: 2 },
      { body: reordered, identity: 0 },
      { body: { ...valid[0], amount: { amount: 'lots', currency: 'EUR' } }, identity: null },
    ];
    let run = 0;
    const countDeals = async () => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals'))[0]!.n;

    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.integer({ min: 0, max: 2 }), body: fc.integer({ min: 0, max: pool.length - 1 }) }), { minLength: 1, maxLength: 10 }), async (steps) => {
        run += 1;
        const before = await countDeals();
        const claimed = new Map<number, { identity: number; answer: Answer }>();
        for (const step of steps) {
          const { body, identity } = pool[step.body]!;
          const answer = await post(body, `property-${run}-key-${step.key}`);
          const first = claimed.get(step.key);
          if (identity === null) {
            assert.equal(answer.status, 400, 'an invalid body never claims a key');
          } else if (!first) {
            assert.equal(answer.status, 201);
            assert.equal(answer.replayed, null);
            claimed.set(step.key, { identity, answer });
          } else if (first.identity === identity) {
            assert.equal(answer.status, 201);
            assert.equal(answer.replayed, 'true');
            assert.deepEqual(answer.body, first.answer.body);
          } else {
            assert.equal(answer.status, 409);
            assert.equal(answer.body.code, 'idempotency_key_reused');
          }
        }
        assert.equal((await countDeals()) - before, claimed.size);
      }),
      { numRuns: 40 },
    );
  });
});

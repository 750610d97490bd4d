import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createApp, type AppOptions } from '../src/app.ts';
import type { LogRecord } from '../src/http/logger.ts';
import { SECRET, SEED_NOW, bearer, startTestServer, type TestServer, SUBMISSION_FIELDS } from './helpers.ts';

interface Problem {
  status: number;
  code: string;
  detail: string;
}

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;

describe('rate limiting and logs', () => {
  let server: TestServer;
  let tokenA: string;
  let tokenB: string;
  before(async () => {
    server = await startTestServer();
    const [userA, userB] = server.seed.users.filter((u) => u.role === 'partner_user');
    [tokenA, tokenB] = await Promise.all([server.tokenFor(userA!), server.tokenFor(userB!)]);
  });
  after(() => server.close());

  /** An app over the test database with its own clock and a logger that keeps every record. */
  function appWith(options: Partial<AppOptions> = {}) {
    const records: LogRecord[] = [];
    let now = SEED_NOW;
    const app = createApp({ db: server.db, secrets: [SECRET], clock: () => now, logger: (record) => records.push(record), ...options });
    return {
      app,
      records,
      advance(ms: number) {
        now = new Date(now.getTime() + ms);
      },
    };
  }

  test('inventing a new token for every request does not escape the limit', async () => {
    const { app } = appWith({ rateLimit: { limit: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await app.request('/me', bearer(`garbage-${randomUUID()}`))).status);
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
  });

  test('HEAD of a GET operation answers like the GET, without a body', async () => {
    const { app } = appWith();
    const head = await app.request('/me', { method: 'HEAD', ...bearer(tokenA) });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('the 4th request in a window answers 429 with Retry-After; others pass; the next window passes', async () => {
    const { app, advance } = appWith({ rateLimit: { limit: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i += 1) assert.equal((await app.request('/me', bearer(tokenA))).status, 200);
    const limited = await app.request('/me', bearer(tokenA));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('content-type'), 'application/problem+json');
    assert.equal(limited.headers.get('retry-after'), '60');
    const problem = (await limited.json()) as Problem;
    assert.equal(problem.code, 'rate_limited');
    assert.equal(problem.detail, 'Too many requests. Try again in 60 seconds.');

    assert.equal((await app.request('/me', bearer(tokenB))).status, 200, 'another caller is unaffected');

    advance(45_000);
    const later = await app.request('/deals', bearer(tokenA));
    assert.equal(later.status, 429, 'every route counts against the same caller');
    assert.equal(later.headers.get('retry-after'), '15');

    advance(15_000);
    assert.equal((await app.request('/me', bearer(tokenA))).status, 200, 'a new window');
  });

  test('the rate limit answer is translated too', async () => {
    const { app } = appWith({ rateLimit: { limit: 1, windowMs: 10_000 } });
    await app.request('/me', bearer(tokenA));
    const limited = await app.request('/me', { headers: { authorization: `Bearer ${tokenA}`, 'accept-language': 'de' } });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('content-language'), 'de');
    assert.match(((await limited.json()) as Problem).detail, /10/);
  });

  test('one request record per request with route template, status and duration, and nothing personal', async () => {
    const { app, records } = appWith();
    const deal = server.seed.deals[0]!;
    const garbage = 'not-a-valid-token-but-still-a-secret';
    const sessionBody = { user: { id: 'log-test-manager', email: 'private.person@example.com', name: 'Private Person' }, role: 'channel_manager' };
    const json = { 'content-type': 'application/json' };
    const minted = await app.request('/sessions', { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, ...json }, body: JSON.stringify(sessionBody) });
    const { token: managerToken } = (await minted.clone().json()) as { token: string };
    const dealBody = { customerCompany: 'Confidential Customer AG', opportunityName: 'Secret project', amount: { amount: '1.00', currency: 'EUR' }, expectedCloseDate: '2026-09-01', ...SUBMISSION_FIELDS };

    const requests: [Response | Promise<Response>, string, number][] = [
      [minted, '/sessions', 201],
      [app.request('/me', bearer(tokenA)), '/me', 200],
      [app.request('/deals?limit=5&status=approved', bearer(tokenA)), '/deals', 200],
      [app.request(`/deals/${deal.id}?secret=query`, bearer(managerToken)), '/deals/{dealId}', 400],
      [app.request(`/deals/${deal.id}`, bearer(managerToken)), '/deals/{dealId}', 200],
      [app.request('/deals', { method: 'POST', headers: { authorization: `Bearer ${tokenA}`, 'idempotency-key': randomUUID(), ...json }, body: JSON.stringify(dealBody) }), '/deals', 201],
      [app.request('/deals', { method: 'POST', headers: { authorization: `Bearer ${tokenA}`, 'idempotency-key': randomUUID(), ...json }, body: '{"customerCompany":"x"}' }), '/deals', 400],
      [app.request('/partners?limit=2', bearer(SECRET)), '/partners', 200],
      [app.request('/me', bearer(garbage)), '/me', 401],
      [app.request('/nope?email=private.person@example.com'), 'unmatched', 404],
      [app.request('/deals', { method: 'DELETE', ...bearer(tokenA) }), 'unmatched', 405],
      [app.request('/me', { headers: { authorization: `Bearer ${tokenA}`, 'x-request-id': 'private.person@example.com' } }), '/me', 200],
    ];
    const responses = await Promise.all(requests.map(([response]) => response));
    const logged = records.filter((r) => r.msg === 'request');
    assert.equal(logged.length, requests.length, 'one record per request');
    for (const [index, response] of responses.entries()) {
      const [, route, status] = requests[index]!;
      assert.equal(response.status, status, `request ${index}`);
      const record = logged.find((r) => r.requestId === response.headers.get('x-request-id'));
      assert.ok(record, `request ${index} is logged under its request id`);
      assert.equal(record.route, route);
      assert.equal(record.status, status);
      assert.equal(record.level, status >= 500 ? 'error' : 'info');
      assert.equal(typeof record.durationMs, 'number');
      assert.ok((record.durationMs as number) >= 0);
    }

    const text = JSON.stringify(records);
    for (const secret of [SECRET, tokenA, managerToken, garbage, deal.id, 'Confidential Customer', 'Private Person', 'limit=5', 'status=approved', 'secret=query', '?']) {
      assert.ok(!text.includes(secret), `the log contains ${secret.slice(0, 20)}`);
    }
    assert.doesNotMatch(text, EMAIL);
  });

  test('a response that breaks the contract answers 500 and is logged; in log mode it passes', async () => {
    const partnerId = randomUUID();
    await server.db.query("INSERT INTO partners (id, name, tier, country, currency, locale) VALUES ($1, 'Lower Case Currency Ltd', 'silver', 'GB', 'eur', 'en-GB')", [partnerId]);
    const { app, records } = appWith();
    const minted = await app.request('/sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ partnerId, user: { id: 'broken-contract-user', email: 'broken@example.com', name: 'Broken Contract' }, role: 'partner_user' }),
    });
    assert.equal(minted.status, 201);
    const { token } = (await minted.json()) as { token: string };

    const response = await app.request('/me', bearer(token));
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const body = await response.text();
    assert.equal((JSON.parse(body) as Problem).code, 'internal');
    assert.ok(!body.includes('eur') && !body.includes('Lower Case'), 'none of the broken data reaches the client');
    const breach = records.find((r) => r.msg === 'response breaks the contract');
    assert.ok(breach, 'an error record names the breach');
    assert.equal(breach.level, 'error');
    assert.equal(breach.operation, 'getMe');
    assert.equal(breach.status, 200);
    assert.equal(breach.requestId, response.headers.get('x-request-id'));
    assert.ok((breach.issues as string[]).some((issue) => issue.startsWith('/body/')), String(breach.issues));

    const logging = appWith({ responseValidation: 'log' });
    const passed = await logging.app.request('/me', bearer(token));
    assert.equal(passed.status, 200);
    assert.equal(((await passed.json()) as { currency: string }).currency, 'eur');
    assert.equal(logging.records.filter((r) => r.msg === 'response breaks the contract').length, 1);
  });
});

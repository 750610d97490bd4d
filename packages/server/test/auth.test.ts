import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app.ts';
import { SESSION_TTL_S } from '../src/auth/session-tokens.ts';
import { SECRET, SEED_NOW, bearer, startTestServer, type TestServer, SUBMISSION_FIELDS } from './helpers.ts';

interface Problem {
  status: number;
  code: string;
  detail: string;
}

type SeedUser = TestServer['seed']['users'][number];

const OTHER_SECRET = 'another-vendor-secret-key-0123456789';

async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const problem = (await response.json()) as Problem;
  assert.equal(problem.code, code);
  assert.equal(problem.status, status);
  return problem;
}

const validDeal = () => ({
  customerCompany: 'Acme Robotics GmbH',
  opportunityName: 'Factory rollout',
  amount: { amount: '125000.00', currency: 'EUR' },
  expectedCloseDate: '2026-09-30',
  ...SUBMISSION_FIELDS,
});

/** Base64url JSON, as in a JWT. */
const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('authentication and roles', () => {
  let server: TestServer;
  let partnerUser: SeedUser;
  let partnerAdmin: SeedUser;
  let channelManager: SeedUser;
  let userToken: string;
  let adminToken: string;
  let managerToken: string;

  before(async () => {
    server = await startTestServer();
    partnerUser = server.seed.users.find((u) => u.role === 'partner_user')!;
    partnerAdmin = server.seed.users.find((u) => u.role === 'partner_admin' && u.partnerId === partnerUser.partnerId)!;
    channelManager = server.seed.users.find((u) => u.role === 'channel_manager')!;
    [userToken, adminToken, managerToken] = await Promise.all([server.tokenFor(partnerUser), server.tokenFor(partnerAdmin), server.tokenFor(channelManager)]);
  });
  after(() => server.close());

  /** A request with an optional Authorization header value; JSON bodies for POST and PATCH. */
  function call(method: string, path: string, authorization?: string, extra: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...(authorization === undefined ? {} : { authorization }), ...extra };
    let body: string | undefined;
    if (method === 'POST' && path === '/deals') {
      headers['idempotency-key'] ??= randomUUID();
      body = JSON.stringify(validDeal());
    } else if (method === 'POST' && path === '/sessions') {
      body = JSON.stringify({ user: { id: 'auth-test-manager', email: 'cm@example.com', name: 'Channel Manager' }, role: 'channel_manager' });
    } else if (method === 'PATCH') {
      body = JSON.stringify({ name: 'Renamed Partner' });
    }
    if (body) headers['content-type'] = 'application/json';
    return server.app.request(path, { method, headers, ...(body ? { body } : {}) });
  }

  const protectedOperations = [
    ['GET', '/me'],
    ['GET', '/partners'],
    ['GET', '/partner'],
    ['PATCH', '/partner'],
    ['GET', '/deals'],
    ['POST', '/deals'],
    ['GET', '/audit-events'],
    ['POST', '/sessions'],
  ] as const;

  test('every protected operation answers 401 problem+json without a token', async () => {
    for (const [method, path] of protectedOperations) {
      await expectProblem(await call(method, path), 401, 'unauthorized');
    }
    // …while the health endpoints need none.
    assert.equal((await call('GET', '/healthz')).status, 200);
    assert.equal((await call('GET', '/readyz')).status, 200);
  });

  test('garbage in the Authorization header answers 401', async () => {
    const garbage = ['Bearer garbage', 'Bearer a.b.c', 'Bearer ', 'Bearer', `Bearer ${'x'.repeat(4000)}`, userToken, `Basic ${userToken}`, `Bearer ${userToken} extra`, `Bearer ${userToken}x`];
    for (const authorization of garbage) {
      for (const [method, path] of protectedOperations) {
        const response = await call(method, path, authorization);
        assert.equal(response.status, 401, `${method} ${path} with ${authorization.slice(0, 30)}`);
      }
    }
  });

  test('an expired session answers 401; it works until its 15 minutes are up', async () => {
    const token = await server.tokenFor(partnerUser);
    try {
      server.setNow(new Date(SEED_NOW.getTime() + (SESSION_TTL_S - 1) * 1000));
      assert.equal((await call('GET', '/me', `Bearer ${token}`)).status, 200);
      server.setNow(new Date(SEED_NOW.getTime() + (SESSION_TTL_S + 1) * 1000));
      const problem = await expectProblem(await call('GET', '/me', `Bearer ${token}`), 401, 'unauthorized');
      assert.equal(problem.detail, 'The session token is invalid or has expired.');
      await expectProblem(await call('GET', '/deals', `Bearer ${token}`), 401, 'unauthorized');
    } finally {
      server.setNow(SEED_NOW);
    }
  });

  test('a session minted by a server with another secret answers 401', async () => {
    const other = createApp({ db: server.db, secrets: [OTHER_SECRET], clock: () => SEED_NOW, logger: () => {} });
    const minted = await other.request('/sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${OTHER_SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ partnerId: partnerUser.partnerId, user: { id: partnerUser.externalId, email: partnerUser.email, name: partnerUser.name }, role: 'partner_user' }),
    });
    assert.equal(minted.status, 201);
    const { token } = (await minted.json()) as { token: string };
    assert.equal((await other.request('/me', bearer(token))).status, 200, 'valid where it was minted');
    await expectProblem(await call('GET', '/me', `Bearer ${token}`), 401, 'unauthorized');
    await expectProblem(await call('PATCH', '/partner', `Bearer ${token}`, { 'if-match': '*' }), 401, 'unauthorized');
    // Neither server takes the other's secret key.
    await expectProblem(await call('GET', '/partners', `Bearer ${OTHER_SECRET}`), 401, 'unauthorized');
    await expectProblem(await other.request('/partners', bearer(SECRET)), 401, 'unauthorized');
  });

  test('a tampered or unsigned token answers 401', async () => {
    const [header, , signature] = userToken.split('.');
    const escalated = { ...claimsOf(userToken), role: 'partner_admin' };
    const otherPartner = { ...claimsOf(userToken), pid: server.seed.partners.find((p) => p.id !== partnerUser.partnerId)!.id };
    const asManager = { ...claimsOf(userToken), role: 'channel_manager' };
    const forged = [
      `${header}.${segment(escalated)}.${signature}`,
      `${header}.${segment(otherPartner)}.${signature}`,
      `${header}.${segment(asManager)}.${signature}`,
      `${segment({ alg: 'none', typ: 'JWT' })}.${segment(escalated)}.`,
      `${segment({ alg: 'none', typ: 'JWT' })}.${segment(escalated)}`,
    ];
    for (const token of forged) {
      await expectProblem(await call('GET', '/me', `Bearer ${token}`), 401, 'unauthorized');
      await expectProblem(await call('PATCH', '/partner', `Bearer ${token}`, { 'if-match': '*' }), 401, 'unauthorized');
    }
  });

  test('the secret key is no session, and a session is no secret key', async () => {
    for (const [method, path] of [['GET', '/me'], ['GET', '/deals'], ['POST', '/deals'], ['GET', '/partner'], ['PATCH', '/partner'], ['GET', '/audit-events']] as const) {
      const problem = await expectProblem(await call(method, path, `Bearer ${SECRET}`, { 'if-match': '*' }), 401, 'unauthorized');
      assert.equal(problem.detail, 'The session token is invalid or has expired.', `${method} ${path}`);
    }
    for (const token of [userToken, adminToken, managerToken]) {
      const problem = await expectProblem(await call('POST', '/sessions', `Bearer ${token}`), 401, 'unauthorized');
      assert.equal(problem.detail, 'The vendor secret key is required.');
    }
  });

  test('a role that may not do something answers 403 problem+json and changes nothing', async () => {
    const etagBefore = (await call('GET', '/partner', `Bearer ${adminToken}`)).headers.get('etag')!;
    const forbidden: [string, string, string][] = [
      ['PATCH', '/partner', userToken],
      ['GET', '/partners', userToken],
      ['GET', '/partners', adminToken],
      ['GET', '/audit-events', userToken],
      ['GET', '/audit-events', adminToken],
      ['POST', '/deals', managerToken],
      ['GET', '/partner', managerToken],
      ['PATCH', '/partner', managerToken],
    ];
    const [dealsBefore] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals');
    for (const [method, path, token] of forbidden) {
      const problem = await expectProblem(await call(method, path, `Bearer ${token}`, { 'if-match': etagBefore }), 403, 'forbidden');
      assert.equal(problem.detail, 'Your role may not do this.', `${method} ${path}`);
    }
    // The vendor's key is not a session either: it may list partners but not act as one.
    await expectProblem(await call('GET', '/audit-events', `Bearer ${SECRET}`), 401, 'unauthorized');
    assert.equal((await call('GET', '/partner', `Bearer ${adminToken}`)).headers.get('etag'), etagBefore, 'the profile is unchanged');
    const [dealsAfter] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals');
    assert.equal(dealsAfter!.n, dealsBefore!.n, 'no deal was created');
  });

  test('the vendor secret key and a channel manager session list every partner', async () => {
    for (const authorization of [`Bearer ${SECRET}`, `Bearer ${managerToken}`]) {
      const response = await call('GET', '/partners?limit=200', authorization);
      assert.equal(response.status, 200);
      const page = (await response.json()) as { data: { id: string }[]; nextCursor: string | null };
      assert.deepEqual(page.data.map((p) => p.id).sort(), server.seed.partners.map((p) => p.id).sort());
      assert.equal(page.nextCursor, null);
    }
  });

  test('a channel manager session is minted without partnerId and /me answers partner null', async () => {
    const minted = await call('POST', '/sessions', `Bearer ${SECRET}`);
    assert.equal(minted.status, 201);
    const { token } = (await minted.json()) as { token: string };
    assert.equal(claimsOf(token).pid, undefined, 'the token names no partner');
    const me = await call('GET', '/me', `Bearer ${token}`);
    assert.equal(me.status, 200);
    const body = (await me.json()) as { partner: unknown; role: string; permissions: string[]; currency: string; user: { email: string } };
    assert.equal(body.partner, null);
    assert.equal(body.role, 'channel_manager');
    assert.equal(body.currency, 'EUR');
    assert.equal(body.user.email, 'cm@example.com');
    assert.ok(body.permissions.includes('audit:read') && !body.permissions.includes('deals:create'));
  });

  test('a partnerId sent for a channel manager is ignored; partner roles need one', async () => {
    const session = (body: unknown) =>
      server.app.request('/sessions', { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const user = { id: 'auth-test-manager-2', email: 'cm2@example.com', name: 'Second Manager' };
    const minted = await session({ partnerId: partnerUser.partnerId, user, role: 'channel_manager' });
    assert.equal(minted.status, 201);
    const { token } = (await minted.json()) as { token: string };
    assert.equal(((await (await call('GET', '/me', `Bearer ${token}`)).json()) as { partner: unknown }).partner, null);
    await expectProblem(await call('POST', '/deals', `Bearer ${token}`), 403, 'forbidden');
    for (const role of ['partner_user', 'partner_admin']) {
      const problem = (await (await session({ user: { ...user, id: `auth-test-${role}` }, role })).json()) as { status: number; errors: { field: string; code: string }[] };
      assert.equal(problem.status, 400);
      assert.deepEqual(problem.errors.map((e) => `${e.field} ${e.code}`), ['/body/partnerId required']);
    }
  });
});

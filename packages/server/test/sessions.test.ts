import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SECRET, bearer, startTestServer, type TestServer } from './helpers.ts';
import { SessionTokens, SESSION_TTL_S } from '../src/auth/session-tokens.ts';

describe('POST /sessions and session tokens', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const post = (authorization: string | undefined, body: unknown) =>
    server.app.request('/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const validBody = () => {
    const user = server.seed.users[0]!;
    return { partnerId: user.partnerId, user: { id: 'vendor-user-42', email: 'rep@example.com', name: 'Rep Resentative' }, role: 'partner_user' };
  };

  test('rejects a missing or wrong secret key with 401 problem+json', async () => {
    for (const authorization of [undefined, 'Bearer not-the-secret', `Basic ${SECRET}`]) {
      const response = await post(authorization, validBody());
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const problem = (await response.json()) as { code: string; status: number; instance: string };
      assert.equal(problem.code, 'unauthorized');
      assert.equal(problem.status, 401);
      assert.equal(problem.instance, response.headers.get('x-request-id'));
    }
  });

  test('answers 400 with a field error per invalid field', async () => {
    const response = await post(`Bearer ${SECRET}`, { partnerId: 'nope', user: { id: '', email: 'x' }, role: 'root', extra: 1 });
    assert.equal(response.status, 400);
    const problem = (await response.json()) as { code: string; errors: { field: string }[] };
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(problem.errors.map((e) => e.field).sort(), ['/body/extra', '/body/partnerId', '/body/role', '/body/user/email', '/body/user/id', '/body/user/name']);
  });

  test('answers 400 on malformed JSON', async () => {
    const response = await post(`Bearer ${SECRET}`, '{"partnerId":');
    assert.equal(response.status, 400);
  });

  test('answers 404 for an unknown partner', async () => {
    const response = await post(`Bearer ${SECRET}`, { ...validBody(), partnerId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(response.status, 404);
  });

  test('mints a short-lived token for a new user, who then reads /me', async () => {
    const response = await post(`Bearer ${SECRET}`, validBody());
    assert.equal(response.status, 201);
    const session = (await response.json()) as { token: string; expiresAt: string };
    assert.equal(Date.parse(session.expiresAt) - Date.parse('2026-06-01T12:00:00Z'), SESSION_TTL_S * 1000);
    const me = await server.app.request('/me', bearer(session.token));
    assert.equal(me.status, 200);
    const body = (await me.json()) as { user: { email: string }; role: string; partner: { id: string } };
    assert.equal(body.user.email, 'rep@example.com');
    assert.equal(body.role, 'partner_user');
    assert.equal(body.partner.id, validBody().partnerId);
  });

  test('rejects expired tokens and tokens signed with another key', async () => {
    const token = await server.tokenFor(server.seed.users[0]!);
    server.setNow(new Date(Date.parse('2026-06-01T12:00:00Z') + (SESSION_TTL_S + 1) * 1000));
    try {
      assert.equal((await server.app.request('/me', bearer(token))).status, 401);
    } finally {
      server.setNow(new Date('2026-06-01T12:00:00Z'));
    }
    const forger = new SessionTokens(['another-vendor-secret-key-0123456789'], () => new Date('2026-06-01T12:00:00Z'));
    const user = server.seed.users[0]!;
    const forged = await forger.issue({ userId: user.id, partnerId: user.partnerId, role: 'partner_admin' });
    assert.equal((await server.app.request('/me', bearer(forged.token))).status, 401);
    assert.equal((await server.app.request('/me', bearer('not.a.jwt'))).status, 401);
    assert.equal((await server.app.request('/me')).status, 401);
  });

  test('accepts tokens signed with a rotated-out secret that is still configured', async () => {
    const old = new SessionTokens(['old-vendor-secret-key-0123456789ab'], () => new Date());
    const rotated = new SessionTokens(['new-vendor-secret-key-0123456789ab', 'old-vendor-secret-key-0123456789ab'], () => new Date());
    const { token } = await old.issue({ userId: 'u', partnerId: 'p', role: 'partner_user' });
    assert.deepEqual(await rotated.verify(token), { userId: 'u', partnerId: 'p', role: 'partner_user' });
    assert.ok(rotated.isSecretKey('old-vendor-secret-key-0123456789ab'));
    assert.ok(!rotated.isSecretKey('old-vendor-secret-key-0123456789aX'));
  });
});

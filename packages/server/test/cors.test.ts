import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/index.ts';
import { SECRET, SEED_NOW, bearer, startTestServer, type TestServer } from './helpers.ts';

// Browsers on another origin (a vendor's site embedding the components) read answers only with
// these headers; errors must carry them too, or the page cannot show what went wrong.
describe('CORS', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const appFor = (corsOrigins?: string | string[]) => createApp({ db: server.db, secrets: [SECRET], clock: () => SEED_NOW, logger: () => {}, ...(corsOrigins ? { corsOrigins } : {}) });

  test('by default any origin may read answers, errors included, and the headers the client needs are exposed', async () => {
    const app = appFor();
    const user = server.seed.users.find((candidate) => candidate.role === 'partner_user')!;
    const token = await server.tokenFor(user);
    for (const [path, init, status] of [
      ['/me', bearer(token), 200],
      ['/deals?limit=2', bearer(token), 200],
      ['/me', {}, 401],
      ['/deals?limit=0', bearer(token), 400],
    ] as const) {
      const response = await app.request(path, { ...init, headers: { ...('headers' in init ? init.headers : {}), origin: 'https://partners.example.com' } });
      assert.equal(response.status, status, path);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', path);
      const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(',');
      for (const header of ['x-request-id', 'etag', 'retry-after', 'content-language']) assert.ok(exposed.includes(header), `${path} exposes ${header}`);
      assert.ok(response.headers.get('x-request-id'), 'the route\'s own headers stay');
    }
  });

  test('with a list of origins, only those are answered, and caches are told the answer varies by origin', async () => {
    const app = appFor(['https://partners.example.com', 'https://intranet.example.com']);
    const allowed = await app.request('/healthz', { headers: { origin: 'https://intranet.example.com' } });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://intranet.example.com');
    assert.match(allowed.headers.get('vary') ?? '', /Origin/);
    const other = await app.request('/healthz', { headers: { origin: 'https://evil.example.net' } });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    assert.match(other.headers.get('vary') ?? '', /Origin/);
  });

  test('a preflight is answered with the methods, request headers and cache time', async () => {
    const app = appFor('https://partners.example.com');
    const response = await app.request('/deals', {
      method: 'OPTIONS',
      headers: { origin: 'https://partners.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://partners.example.com');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    const allowHeaders = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-match']) assert.ok(allowHeaders.includes(header), header);
    assert.equal(response.headers.get('access-control-max-age'), '600');
  });
});

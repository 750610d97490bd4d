import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, PartnerkitError } from '../src/index.ts';

/** A fetch that answers from a script and records what it was asked. */
function scriptedFetch(answers: ((request: Request) => Response | Promise<Response>)[]) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    return answer(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });

/** A syntactically valid JWT whose payload carries `exp`. */
function jwt(expSeconds: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none' })}.${encode({ exp: expSeconds })}.sig`;
}

const page = { data: [], nextCursor: null };

describe('createClient', () => {
  test('sends the token, the locale and the path under the base URL', async () => {
    const { fetch, requests } = scriptedFetch([() => json(page)]);
    const client = createClient({ baseUrl: 'https://partners.example.com/api', getToken: () => 'tok', locale: 'hu-HU', fetch });
    await client.deals.list({ limit: 10, status: ['approved', 'submitted'] });
    const request = requests[0]!;
    assert.equal(request.url, 'https://partners.example.com/api/deals?limit=10&status=approved&status=submitted');
    assert.equal(request.headers.get('authorization'), 'Bearer tok');
    assert.equal(request.headers.get('accept-language'), 'hu-HU');
  });

  test('caches the token until shortly before it expires', async () => {
    let calls = 0;
    const { fetch } = scriptedFetch([() => json(page)]);
    const client = createClient({ baseUrl: 'http://api', getToken: () => (calls += 1, jwt(Date.now() / 1000 + 600)), fetch });
    await Promise.all([client.deals.list(), client.deals.list(), client.getMe().catch(() => undefined)]);
    await client.deals.list();
    assert.equal(calls, 1);
  });

  test('asks for a new token when the cached one is about to expire', async () => {
    let calls = 0;
    const { fetch } = scriptedFetch([() => json(page)]);
    const client = createClient({ baseUrl: 'http://api', getToken: () => (calls += 1, jwt(Date.now() / 1000 + 10)), fetch });
    await client.deals.list();
    await client.deals.list();
    assert.equal(calls, 2);
  });

  test('refreshes the token once on 401, then gives up', async () => {
    let calls = 0;
    const unauthorized = () => json({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorized' }, 401);
    const { fetch, requests } = scriptedFetch([unauthorized, () => json(page)]);
    const client = createClient({ baseUrl: 'http://api', getToken: () => `t${(calls += 1)}`, fetch });
    await client.deals.list();
    assert.deepEqual(requests.map((r) => r.headers.get('authorization')), ['Bearer t1', 'Bearer t2']);

    const always401 = scriptedFetch([unauthorized]);
    const failing = createClient({ baseUrl: 'http://api', getToken: () => 'stale', fetch: always401.fetch });
    await assert.rejects(failing.deals.list(), (error: PartnerkitError) => error.status === 401 && error.code === 'unauthorized');
    assert.equal(always401.requests.length, 2);
  });

  test('maps problem+json to a typed error with field errors and request id', async () => {
    const problem = {
      type: 'https://partnerkit.dev/problems/validation_failed', title: 'Invalid request', status: 400, code: 'validation_failed',
      detail: 'The request does not match the contract.', instance: 'req-123',
      errors: [{ field: '/query/limit', code: 'range', message: 'must be an integer from 1 to 200' }],
    };
    const { fetch } = scriptedFetch([() => json(problem, 400)]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    await assert.rejects(client.deals.list({ limit: 0 }), (error: unknown) => {
      assert.ok(error instanceof PartnerkitError);
      assert.equal(error.kind, 'http');
      assert.equal(error.status, 400);
      assert.equal(error.code, 'validation_failed');
      assert.equal(error.requestId, 'req-123');
      assert.deepEqual(error.fieldErrors, problem.errors);
      return true;
    });
  });

  test('maps a non-JSON error page to a typed error', async () => {
    const { fetch } = scriptedFetch([() => new Response('<h1>Bad gateway</h1>', { status: 404, statusText: 'Not Found', headers: { 'x-request-id': 'edge-1' } })]);
    const client = createClient({ baseUrl: 'http://api', fetch, retries: 0 });
    await assert.rejects(client.getMe(), (error: PartnerkitError) => error.status === 404 && error.code === 'http_404' && error.requestId === 'edge-1');
  });

  test('retries GETs after a 503 and succeeds', async () => {
    const { fetch, requests } = scriptedFetch([() => json({ title: 'busy', status: 503, code: 'unavailable' }, 503, { 'retry-after': '0' }), () => json(page)]);
    const client = createClient({ baseUrl: 'http://api', fetch, retries: 2 });
    assert.deepEqual(await client.deals.list(), page);
    assert.equal(requests.length, 2);
  });

  test('tells network failures apart from server answers', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    const client = createClient({ baseUrl: 'http://api', fetch, retries: 0 });
    await assert.rejects(client.getMe(), (error: PartnerkitError) => error.kind === 'network' && error.status === 0);
  });

  test('cancels with an AbortSignal', async () => {
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        // Like the real fetch: an already-aborted signal rejects at once.
        const { signal } = new Request(input, init);
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason));
      })) as typeof globalThis.fetch;
    const client = createClient({ baseUrl: 'http://api', fetch, retries: 0 });
    const abort = new AbortController();
    const pending = client.getMe({ signal: abort.signal });
    setTimeout(() => abort.abort(), 10);
    await assert.rejects(pending, (error: PartnerkitError) => error.kind === 'aborted');
  });

  test('paginates until the last page', async () => {
    const deal = (id: string) => ({ id });
    const { fetch, requests } = scriptedFetch([
      () => json({ data: [deal('a'), deal('b')], nextCursor: 'c1' }),
      () => json({ data: [deal('c')], nextCursor: null }),
    ]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    const pages: unknown[][] = [];
    for await (const items of client.paginate(client.deals.list, { limit: 2 })) pages.push(items);
    assert.deepEqual(pages, [[deal('a'), deal('b')], [deal('c')]]);
    assert.equal(new URL(requests[1]!.url).searchParams.get('cursor'), 'c1');
  });
});

describe('concurrent identical GETs', () => {
  test('share one request; different queries do not', async () => {
    const { fetch, requests } = scriptedFetch([() => json(page)]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    const [a, b] = await Promise.all([client.deals.list({ limit: 5 }), client.deals.list({ limit: 5 }), client.deals.list({ limit: 6 })]);
    assert.deepEqual(a, b);
    assert.equal(requests.length, 2);
    await client.deals.list({ limit: 5 });
    assert.equal(requests.length, 3, 'a finished request is not reused');
  });

  test('one caller aborting leaves the others their answer; the request stops when all abort', async () => {
    let release: (response: Response) => void = () => {};
    const signals: AbortSignal[] = [];
    // Resolves once the client has called fetch (the shared request is under way).
    let fetched: () => void = () => {};
    const nextFetch = () => new Promise<void>((resolve) => (fetched = resolve));
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const { signal } = new Request(input, init);
      signals.push(signal);
      fetched();
      return new Promise<Response>((resolve, reject) => {
        release = resolve;
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    }) as typeof globalThis.fetch;
    const client = createClient({ baseUrl: 'http://api', fetch, retries: 0 });
    const first = new AbortController();
    let started = nextFetch();
    const aborted = client.getMe({ signal: first.signal });
    const kept = client.getMe();
    await started;
    first.abort();
    await assert.rejects(aborted, (error: PartnerkitError) => error.kind === 'aborted');
    assert.equal(signals[0]!.aborted, false);
    release(json({ ok: true }));
    assert.deepEqual(await kept, { ok: true });

    const one = new AbortController();
    const two = new AbortController();
    started = nextFetch();
    const both = [client.getMe({ signal: one.signal }), client.getMe({ signal: two.signal })];
    await started;
    one.abort();
    two.abort();
    await Promise.allSettled(both);
    assert.equal(signals.length, 2);
    assert.equal(signals[1]!.aborted, true);
  });
});

const deal = { customerCompany: 'Rheinwerk Logistics GmbH', opportunityName: 'Cloud Migration Rheinwerk', amount: { amount: '12500.00', currency: 'EUR' }, expectedCloseDate: '2026-09-30' };
const unavailable = () => json({ type: 'about:blank', title: 'Unavailable', status: 503, code: 'unavailable' }, 503);

describe('creating with an Idempotency-Key', () => {
  test('retries a create after a 503 under the same key, and uses a new key for the next submission', async () => {
    const { fetch, requests } = scriptedFetch([unavailable, () => json({ id: 'd1' }, 201), () => json({ id: 'd2' }, 201)]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    assert.deepEqual(await client.deals.create(deal), { id: 'd1' });
    await client.deals.create(deal);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    assert.equal(requests.length, 3);
    assert.ok(keys[0] && keys[0].length >= 8);
    assert.equal(keys[1], keys[0], 'the retry reuses the key');
    assert.notEqual(keys[2], keys[0], 'a new submission gets a new key');
    assert.deepEqual(await requests[1]!.json(), deal, 'the retry sends the same body');
  });

  test('uses the caller\'s key, so a submission kept offline is retried under the key it was first sent with', async () => {
    const { fetch, requests } = scriptedFetch([() => json({ id: 'd1' }, 201)]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    await client.deals.create(deal, { idempotencyKey: 'outbox-entry-42' });
    assert.equal(requests[0]!.headers.get('idempotency-key'), 'outbox-entry-42');
  });

  test('waits as long as Retry-After says before retrying a 429', async () => {
    const sentAt: number[] = [];
    const { fetch } = scriptedFetch([
      () => (sentAt.push(Date.now()), json({ type: 'about:blank', title: 'Too many', status: 429, code: 'rate_limited' }, 429, { 'retry-after': '1' })),
      () => (sentAt.push(Date.now()), json({ id: 'd1' }, 201)),
    ]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    await client.deals.create(deal);
    assert.equal(sentAt.length, 2);
    assert.ok(sentAt[1]! - sentAt[0]! >= 950, `retried after ${sentAt[1]! - sentAt[0]!} ms`);
  });

  test('gives up after the retry limit with the last answer as a typed error', async () => {
    const { fetch, requests } = scriptedFetch([unavailable]);
    const client = createClient({ baseUrl: 'http://api', fetch, retries: 1 });
    await assert.rejects(client.deals.create(deal), (error: PartnerkitError) => error.status === 503 && error.code === 'unavailable');
    assert.equal(requests.length, 2);
  });
});

describe('versioned updates', () => {
  test('reads the ETag and sends it as If-Match; an update is not retried', async () => {
    const profile = { id: 'p1', name: 'Nordlicht Systems GmbH' };
    const { fetch, requests } = scriptedFetch([() => json(profile, 200, { etag: '"v3"' }), unavailable]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    const read = await client.getPartner();
    assert.deepEqual(read, { data: profile, etag: '"v3"' });
    await assert.rejects(client.updatePartner({ name: 'Nordlicht GmbH' }, { ifMatch: read.etag }), (error: PartnerkitError) => error.status === 503);
    assert.equal(requests.length, 2, 'the PATCH was sent once');
    assert.equal(requests[1]!.method, 'PATCH');
    assert.equal(requests[1]!.headers.get('if-match'), '"v3"');
  });

  test('a stale write surfaces as a 412 error the caller can act on', async () => {
    const { fetch } = scriptedFetch([() => json({ type: 'about:blank', title: 'Precondition failed', status: 412, code: 'precondition_failed' }, 412)]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    await assert.rejects(client.updatePartner({ name: 'X Ltd' }, { ifMatch: '"v1"' }), (error: PartnerkitError) => error.status === 412 && error.code === 'precondition_failed');
  });
});

describe('instrumentation hooks', () => {
  test('see every attempt and answer with its request id, never the token', async () => {
    const { fetch, requests } = scriptedFetch([unavailable, () => json(page)]);
    const seen: unknown[] = [];
    const client = createClient({
      baseUrl: 'http://api',
      fetch,
      getToken: () => 'secret-session-token',
      onRequest: (info) => seen.push({ hook: 'request', ...info }),
      onResponse: (info) => seen.push({ hook: 'response', ...info }),
    });
    await client.deals.list();
    assert.deepEqual(seen.map((s) => { const { hook, attempt, status } = s as { hook: string; attempt: number; status?: number }; return [hook, attempt, status]; }), [
      ['request', 0, undefined],
      ['response', 0, 503],
      ['request', 1, undefined],
      ['response', 1, 200],
    ]);
    const ids = requests.map((r) => r.headers.get('x-request-id'));
    assert.deepEqual(seen.filter((s) => (s as { hook: string }).hook === 'request').map((s) => (s as { requestId: string }).requestId), ids);
    assert.notEqual(ids[0], ids[1], 'each attempt has its own request id');
    assert.ok(!JSON.stringify(seen).includes('secret-session-token'));
  });
});

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
    await client.listDeals({ limit: 10, status: 'approved' });
    const request = requests[0]!;
    assert.equal(request.url, 'https://partners.example.com/api/deals?limit=10&status=approved');
    assert.equal(request.headers.get('authorization'), 'Bearer tok');
    assert.equal(request.headers.get('accept-language'), 'hu-HU');
  });

  test('caches the token until shortly before it expires', async () => {
    let calls = 0;
    const { fetch } = scriptedFetch([() => json(page)]);
    const client = createClient({ baseUrl: 'http://api', getToken: () => (calls += 1, jwt(Date.now() / 1000 + 600)), fetch });
    await Promise.all([client.listDeals(), client.listDeals(), client.getMe().catch(() => undefined)]);
    await client.listDeals();
    assert.equal(calls, 1);
  });

  test('asks for a new token when the cached one is about to expire', async () => {
    let calls = 0;
    const { fetch } = scriptedFetch([() => json(page)]);
    const client = createClient({ baseUrl: 'http://api', getToken: () => (calls += 1, jwt(Date.now() / 1000 + 10)), fetch });
    await client.listDeals();
    await client.listDeals();
    assert.equal(calls, 2);
  });

  test('refreshes the token once on 401, then gives up', async () => {
    let calls = 0;
    const unauthorized = () => json({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorized' }, 401);
    const { fetch, requests } = scriptedFetch([unauthorized, () => json(page)]);
    const client = createClient({ baseUrl: 'http://api', getToken: () => `t${(calls += 1)}`, fetch });
    await client.listDeals();
    assert.deepEqual(requests.map((r) => r.headers.get('authorization')), ['Bearer t1', 'Bearer t2']);

    const always401 = scriptedFetch([unauthorized]);
    const failing = createClient({ baseUrl: 'http://api', getToken: () => 'stale', fetch: always401.fetch });
    await assert.rejects(failing.listDeals(), (error: PartnerkitError) => error.status === 401 && error.code === 'unauthorized');
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
    await assert.rejects(client.listDeals({ limit: 0 }), (error: unknown) => {
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
    assert.deepEqual(await client.listDeals(), page);
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
    for await (const items of client.paginateDeals({ limit: 2 })) pages.push(items);
    assert.deepEqual(pages, [[deal('a'), deal('b')], [deal('c')]]);
    assert.equal(new URL(requests[1]!.url).searchParams.get('cursor'), 'c1');
  });
});

describe('concurrent identical GETs', () => {
  test('share one request; different queries do not', async () => {
    const { fetch, requests } = scriptedFetch([() => json(page)]);
    const client = createClient({ baseUrl: 'http://api', fetch });
    const [a, b] = await Promise.all([client.listDeals({ limit: 5 }), client.listDeals({ limit: 5 }), client.listDeals({ limit: 6 })]);
    assert.deepEqual(a, b);
    assert.equal(requests.length, 2);
    await client.listDeals({ limit: 5 });
    assert.equal(requests.length, 3, 'a finished request is not reused');
  });

  test('one caller aborting leaves the others their answer; the request stops when all abort', async () => {
    let release: (response: Response) => void = () => {};
    const signals: AbortSignal[] = [];
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      const { signal } = new Request(input, init);
      signals.push(signal);
      return new Promise<Response>((resolve, reject) => {
        release = resolve;
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    }) as typeof globalThis.fetch;
    const client = createClient({ baseUrl: 'http://api', fetch, retries: 0 });
    const first = new AbortController();
    const aborted = client.getMe({ signal: first.signal });
    const kept = client.getMe();
    await new Promise((resolve) => setTimeout(resolve, 5));
    first.abort();
    await assert.rejects(aborted, (error: PartnerkitError) => error.kind === 'aborted');
    assert.equal(signals[0]!.aborted, false);
    release(json({ ok: true }));
    assert.deepEqual(await kept, { ok: true });

    const one = new AbortController();
    const two = new AbortController();
    const both = [client.getMe({ signal: one.signal }), client.getMe({ signal: two.signal })];
    await new Promise((resolve) => setTimeout(resolve, 5));
    one.abort();
    two.abort();
    await Promise.allSettled(both);
    assert.equal(signals.length, 2);
    assert.equal(signals[1]!.aborted, true);
  });
});

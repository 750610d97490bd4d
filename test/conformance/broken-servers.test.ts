// The conformance suite must fail, with a message that says why, when a server breaks the
// contract. Each case wraps the reference server in a realistic defect.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checks } from './checks.ts';
import { connect, ConformanceError } from './suite.ts';
import { startReferenceTarget, type ReferenceTarget } from './reference-target.ts';

type Defect = (request: Request, forward: (request: Request) => Promise<Response>) => Promise<Response>;

/** Runs every check against the reference server behind `defect`; returns the failures by check name. */
async function failuresBehind(target: ReferenceTarget, defect: Defect): Promise<Map<string, string>> {
  const forward = (request: Request) => Promise.resolve(target.app.fetch(request));
  const brokenFetch = ((input: RequestInfo | URL, init?: RequestInit) => defect(new Request(input, init), forward)) as typeof fetch;
  const context = await connect({ baseUrl: 'http://broken.test', secretKey: target.secretKey, fetch: brokenFetch });
  const failures = new Map<string, string>();
  for (const check of checks) {
    try {
      await check.run(context);
    } catch (error) {
      assert.ok(error instanceof ConformanceError, `${check.name} failed with ${String(error)} instead of a conformance message`);
      failures.set(check.name, error.message);
    }
  }
  return failures;
}

async function rewriteJson(response: Response, change: (body: unknown) => unknown): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('json')) return response;
  const body = change(await response.json());
  return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
}

describe('the conformance suite against broken servers', () => {
  let target: ReferenceTarget;
  before(async () => {
    target = await startReferenceTarget();
  });
  after(() => target.close());

  test('passes against the reference server itself', async () => {
    const failures = await failuresBehind(target, (request, forward) => forward(request));
    assert.deepEqual([...failures], []);
  });

  test('fails when money amounts are floats', async () => {
    const failures = await failuresBehind(target, async (request, forward) =>
      rewriteJson(await forward(request), (body) => {
        const deal = body as { amount?: { amount: unknown } };
        if (deal?.amount?.amount !== undefined) deal.amount.amount = Number(deal.amount.amount);
        return body;
      }),
    );
    const message = failures.get('creates replay under the same Idempotency-Key and conflict with another body');
    assert.match(message ?? '', /POST \/deals answered 201, which breaks the contract:\n {2}- \/body\/amount\/amount: type/);
  });

  test('fails when a cache keyed by URL alone serves one partner\'s deal to another', async () => {
    const cache = new Map<string, Response>();
    const failures = await failuresBehind(target, async (request, forward) => {
      const response = await forward(request);
      if (request.method !== 'GET' || !/\/deals\/[^/]+$/.test(new URL(request.url).pathname)) return response;
      if (response.status === 200) cache.set(request.url, response.clone());
      return response.status === 404 && cache.has(request.url) ? cache.get(request.url)!.clone() : response;
    });
    assert.equal(failures.get('partners never see each other\'s data'), 'partner B reading partner A\'s deal (must look like a missing id): expected 404, got 200');
  });

  test('fails when the Idempotency-Key is ignored', async () => {
    const failures = await failuresBehind(target, (request, forward) => {
      if (request.method !== 'POST' || !request.headers.has('idempotency-key')) return forward(request);
      const headers = new Headers(request.headers);
      headers.set('idempotency-key', crypto.randomUUID());
      return forward(new Request(request, { headers }));
    });
    assert.equal(failures.get('creates replay under the same Idempotency-Key and conflict with another body'), 'a replay must answer the deal the first request created, not a new one');
  });

  test('fails when resources lose their ETag', async () => {
    const failures = await failuresBehind(target, async (request, forward) => {
      const response = await forward(request);
      const headers = new Headers(response.headers);
      headers.delete('etag');
      return new Response(response.body, { status: response.status, headers });
    });
    assert.match(failures.get('resources carry an ETag and updates need a current If-Match') ?? '', /GET \/partner answered 200, which breaks the contract:\n {2}- \/header\/etag: required/);
  });

  test('fails when errors are not problem+json', async () => {
    const failures = await failuresBehind(target, async (request, forward) => {
      const response = await forward(request);
      if (response.status < 400) return response;
      return new Response(`<h1>${response.status}</h1>`, { status: response.status, headers: { 'content-type': 'text/html' } });
    });
    assert.match(failures.get('requests without valid credentials get 401 problem+json') ?? '', /GET \/me answered 401, which breaks the contract:\n {2}- \/header\/content-type: media_type/);
  });
});

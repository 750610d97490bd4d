import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, startTestServer, type TestServer } from '../helpers.ts';

interface DealPage {
  data: { id: string; reference: string; status: string; amount: { amount: string; currency: string }; createdAt: string }[];
  nextCursor: string | null;
}

describe('GET /deals', () => {
  let server: TestServer;
  let tokenA: string;
  let partnerA: string;
  before(async () => {
    server = await startTestServer();
    const userA = server.seed.users.find((u) => u.role === 'partner_user')!;
    partnerA = userA.partnerId!;
    tokenA = await server.tokenFor(userA);
  });
  after(() => server.close());

  async function page(query: string, token = tokenA): Promise<{ status: number; body: DealPage }> {
    const response = await server.app.request(`/deals${query}`, bearer(token));
    return { status: response.status, body: (await response.json()) as DealPage };
  }

  test('pages through exactly the partner\'s own deals, newest first, each once', async () => {
    const expected = server.seed.deals.filter((d) => d.partnerId === partnerA);
    assert.ok(expected.length > 40, 'the seed gives each partner enough deals to page');
    const seen: DealPage['data'] = [];
    let cursor: string | null = null;
    do {
      const { status, body }: { status: number; body: DealPage } = await page(`?limit=17${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(status, 200);
      assert.ok(body.data.length <= 17);
      seen.push(...body.data);
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen.map((d) => d.id).sort(), expected.map((d) => d.id).sort());
    const times = seen.map((d) => Date.parse(d.createdAt));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
  });

  test('never shows another partner\'s deals', async () => {
    const others = new Set(server.seed.deals.filter((d) => d.partnerId !== partnerA).map((d) => d.id));
    const { body } = await page('?limit=200');
    assert.ok(body.data.length > 0);
    assert.ok(body.data.every((d) => !others.has(d.id)));
  });

  test('returns money as a decimal string with its currency', async () => {
    const { body } = await page('?limit=5');
    const seeded = new Map(server.seed.deals.map((d) => [d.id, d]));
    for (const deal of body.data) {
      assert.match(deal.amount.amount, /^\d+\.\d{2}$/);
      assert.equal(deal.amount.amount, seeded.get(deal.id)!.amount);
      assert.equal(deal.amount.currency, seeded.get(deal.id)!.currency);
    }
  });

  test('filters by status', async () => {
    const { body } = await page('?status=approved&limit=200');
    const expected = server.seed.deals.filter((d) => d.partnerId === partnerA && d.status === 'approved');
    assert.equal(body.data.length, expected.length);
    assert.ok(body.data.every((d) => d.status === 'approved'));
  });

  test('rejects invalid parameters with field errors', async () => {
    for (const [query, field] of [['?limit=0', '/query/limit'], ['?limit=abc', '/query/limit'], ['?limit=201', '/query/limit'], ['?status=bogus', '/query/status/0'], ['?cursor=%7B%7D', '/query/cursor'], ['?sort=evil', '/query/sort']] as const) {
      const response = await server.app.request(`/deals${query}`, bearer(tokenA));
      assert.equal(response.status, 400, query);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      const problem = (await response.json()) as { errors: { field: string }[] };
      assert.deepEqual(problem.errors.map((e) => e.field), [field], query);
    }
  });

  test('requires a session', async () => {
    assert.equal((await server.app.request('/deals')).status, 401);
  });

  test('unknown endpoints answer 404 problem+json', async () => {
    const response = await server.app.request('/nope', bearer(tokenA));
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { bearer, startTestServer, type TestServer, SUBMISSION_FIELDS } from './helpers.ts';

interface Deal {
  id: string;
  partnerId: string;
  customerCompany: string;
}

interface DealPage {
  data: Deal[];
  nextCursor: string | null;
}

const dealBody = (company: string) => ({
  customerCompany: company,
  opportunityName: 'Tenant isolation check',
  amount: { amount: '5000.00', currency: 'EUR' },
  expectedCloseDate: '2026-10-15',
  ...SUBMISSION_FIELDS,
});

describe('tenant isolation', () => {
  let server: TestServer;
  let partnerA: string;
  let partnerB: string;
  let tokenA: string;
  let tokenB: string;
  let managerToken: string;

  before(async () => {
    server = await startTestServer();
    const userA = server.seed.users.find((u) => u.role === 'partner_user')!;
    const userB = server.seed.users.find((u) => u.role === 'partner_admin' && u.partnerId !== userA.partnerId)!;
    partnerA = userA.partnerId!;
    partnerB = userB.partnerId!;
    [tokenA, tokenB, managerToken] = await Promise.all([
      server.tokenFor(userA),
      server.tokenFor(userB),
      server.tokenFor(server.seed.users.find((u) => u.role === 'channel_manager')!),
    ]);
  });
  after(() => server.close());

  /** Every deal the token can list, walking all pages; `firstCursor` starts somewhere else. */
  async function listAll(token: string, query = '', firstCursor?: string): Promise<Deal[]> {
    const seen: Deal[] = [];
    let cursor: string | null | undefined = firstCursor;
    do {
      const response = await server.app.request(`/deals?limit=50${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, bearer(token));
      assert.equal(response.status, 200);
      const page = (await response.json()) as DealPage;
      seen.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  async function createDeal(token: string, body: unknown, key: string = randomUUID()): Promise<Deal> {
    const response = await server.app.request('/deals', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201);
    return (await response.json()) as Deal;
  }

  /** A problem body without the per-request instance, to compare two answers. */
  async function shape(response: Response) {
    const { instance, ...rest } = (await response.json()) as Record<string, unknown>;
    assert.equal(typeof instance, 'string');
    return { status: response.status, contentType: response.headers.get('content-type'), etag: response.headers.get('etag'), body: rest };
  }

  test("another partner's deal answers 404, exactly like a missing id", async () => {
    const dealOfB = server.seed.deals.find((d) => d.partnerId === partnerB)!;
    assert.equal((await server.app.request(`/deals/${dealOfB.id}`, bearer(tokenB))).status, 200, 'B sees it');
    const foreign = await shape(await server.app.request(`/deals/${dealOfB.id}`, bearer(tokenA)));
    const missing = await shape(await server.app.request(`/deals/${randomUUID()}`, bearer(tokenA)));
    assert.equal(foreign.status, 404);
    assert.deepEqual(foreign, missing);
  });

  test("a partner's pages never contain another partner's deals", async () => {
    const own = await listAll(tokenA);
    const expected = server.seed.deals.filter((d) => d.partnerId === partnerA).map((d) => d.id).sort();
    assert.deepEqual(own.map((d) => d.id).sort(), expected);
    assert.ok(own.every((d) => d.partnerId === partnerA));
    const filtered = await listAll(tokenA, '&status=approved');
    assert.ok(filtered.length > 0 && filtered.every((d) => d.partnerId === partnerA));
  });

  test("a cursor from another partner's list still yields only the caller's deals", async () => {
    const response = await server.app.request('/deals?limit=5', bearer(tokenB));
    const { nextCursor } = (await response.json()) as DealPage;
    assert.ok(nextCursor);
    const seen = await listAll(tokenA, '', nextCursor);
    assert.ok(seen.length > 0);
    assert.ok(seen.every((d) => d.partnerId === partnerA));
  });

  test("a partner's new deal is invisible to another partner and visible to the channel manager", async () => {
    const created = await createDeal(tokenA, dealBody('Only For A AG'));
    assert.equal(created.partnerId, partnerA);
    assert.equal((await server.app.request(`/deals/${created.id}`, bearer(tokenA))).status, 200);
    assert.equal((await server.app.request(`/deals/${created.id}`, bearer(tokenB))).status, 404);
    assert.ok(!(await listAll(tokenB)).some((d) => d.id === created.id));
    assert.ok((await listAll(tokenA)).some((d) => d.id === created.id));
    const asManager = await server.app.request(`/deals/${created.id}`, bearer(managerToken));
    assert.equal(asManager.status, 200);
    assert.equal(((await asManager.json()) as Deal).customerCompany, 'Only For A AG');
  });

  test('Idempotency-Keys are per partner: the same key never replays or blocks across partners', async () => {
    const key = `shared-key-${randomUUID()}`;
    const ofA = await createDeal(tokenA, dealBody('Same Key A GmbH'), key);
    const ofB = await createDeal(tokenB, dealBody('Same Key B GmbH'), key);
    assert.notEqual(ofA.id, ofB.id);
    assert.equal(ofB.partnerId, partnerB);
    assert.equal(ofB.customerCompany, 'Same Key B GmbH', "B does not get A's answer");
    // B sending A's exact body under A's key creates B's own deal, not a replay of A's.
    const sameBodyKey = `same-body-${randomUUID()}`;
    const first = await createDeal(tokenA, dealBody('Same Body KG'), sameBodyKey);
    const second = await createDeal(tokenB, dealBody('Same Body KG'), sameBodyKey);
    assert.notEqual(second.id, first.id);
    assert.equal(second.partnerId, partnerB);
  });

  test("the channel manager sees every partner's deals", async () => {
    const created = await createDeal(tokenB, dealBody('Seen By Manager SA'));
    const all = await listAll(managerToken);
    const [total] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals');
    assert.equal(all.length, total!.n);
    assert.equal(new Set(all.map((d) => d.id)).size, all.length, 'each deal once');
    assert.deepEqual([...new Set(all.map((d) => d.partnerId))].sort(), server.seed.partners.map((p) => p.id).sort());
    assert.ok(all.some((d) => d.id === created.id));
    const dealOfA = server.seed.deals.find((d) => d.partnerId === partnerA)!;
    assert.equal((await server.app.request(`/deals/${dealOfA.id}`, bearer(managerToken))).status, 200);
  });
});

// What a backend must do to keep the Partnerkit contract. Each check names one convention.
import { ConformanceError, expect, expectStatus, type Check, type Context } from './suite.ts';

interface Deal {
  id: string;
  partnerId: string;
  customerCompany: string;
}

function newDeal(context: Context, label: string) {
  return {
    customerCompany: `${label} ${context.run} GmbH`,
    opportunityName: `Conformance ${label}`,
    amount: { amount: '1234.50', currency: 'EUR' },
    expectedCloseDate: '2027-03-31',
    customerCountry: 'DE',
    contactName: 'Conformance Contact',
    contactEmail: 'contact@conformance.example',
    dealType: 'new',
    partnerRole: 'sourced',
  };
}

async function allDealIds(context: Context, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const answer = await context.request('GET', `/deals?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expectStatus(answer, 200, 'GET /deals');
    const page = answer.body as { data: Deal[]; nextCursor: string | null };
    for (const deal of page.data) ids.add(deal.id);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

export const checks: Check[] = [
  {
    name: 'health and readiness answer 200',
    async run(context) {
      expectStatus(await context.request('GET', '/healthz'), 200, 'GET /healthz');
      expectStatus(await context.request('GET', '/readyz'), 200, 'GET /readyz');
    },
  },
  {
    name: 'requests without valid credentials get 401 problem+json',
    async run(context) {
      expectStatus(await context.request('GET', '/me'), 401, 'GET /me without a token');
      expectStatus(await context.request('GET', '/me', { token: 'not-a-token' }), 401, 'GET /me with a garbage token');
      expectStatus(await context.request('GET', '/deals', { token: context.secretKey }), 401, 'GET /deals with the secret key instead of a session');
      const session = await context.token('partner_user', context.partnerA);
      const answer = await context.request('POST', '/sessions', {
        token: session,
        body: { partnerId: context.partnerA, user: { id: `${context.run}-x`, email: 'x@conformance.example', name: 'X' }, role: 'partner_admin' },
      });
      expectStatus(answer, 401, 'POST /sessions with a session token instead of the secret key');
    },
  },
  {
    name: 'GET /me describes the session',
    async run(context) {
      const answer = await context.request('GET', '/me', { token: await context.token('partner_admin', context.partnerA) });
      expectStatus(answer, 200, 'GET /me');
      const me = answer.body as { partner: { id: string } | null; role: string; permissions: string[] };
      expect(me.partner?.id === context.partnerA, `GET /me: partner should be ${context.partnerA}, was ${me.partner?.id}`);
      expect(me.role === 'partner_admin', `GET /me: role should be partner_admin, was ${me.role}`);
      const manager = await context.request('GET', '/me', { token: await context.token('channel_manager') });
      expectStatus(manager, 200, 'GET /me as a channel manager');
      expect((manager.body as { partner: unknown }).partner === null, 'GET /me: a channel manager belongs to no partner (partner: null)');
    },
  },
  {
    name: 'invalid input gets 400 with field errors as JSON pointers',
    async run(context) {
      const token = await context.token('partner_user', context.partnerA);
      const answer = await context.request('POST', '/deals', {
        token,
        headers: { 'idempotency-key': `${context.run}-invalid` },
        body: { ...newDeal(context, 'Invalid'), amount: { amount: 12.5, currency: 'euro' }, surprise: true },
      });
      expectStatus(answer, 400, 'POST /deals with wrong types and an unknown field');
      const fields = ((answer.body as { errors?: { field: string }[] }).errors ?? []).map((error) => error.field);
      for (const field of ['/body/amount/amount', '/body/amount/currency', '/body/surprise']) {
        expect(fields.includes(field), `POST /deals: expected a field error for ${field}, got ${JSON.stringify(fields)}`);
      }
      expectStatus(await context.request('GET', '/deals?limit=0', { token }), 400, 'GET /deals?limit=0');
      expectStatus(await context.request('GET', '/deals?cursor=not-a-cursor', { token }), 400, 'GET /deals with a forged cursor');
    },
  },
  {
    name: 'lists page with cursors and never repeat an item',
    async run(context) {
      const token = await context.token('partner_user', context.partnerA);
      const first = await context.request('GET', '/deals?limit=2', { token });
      expectStatus(first, 200, 'GET /deals?limit=2');
      const page = first.body as { data: Deal[]; nextCursor: string | null };
      expect(page.data.length <= 2, `GET /deals?limit=2 returned ${page.data.length} items`);
      if (!page.nextCursor) return;
      const second = await context.request('GET', `/deals?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`, { token });
      expectStatus(second, 200, 'GET /deals with nextCursor');
      const repeated = (second.body as { data: Deal[] }).data.filter((deal) => page.data.some((seen) => seen.id === deal.id));
      expect(repeated.length === 0, `the second page repeats ${repeated.map((deal) => deal.id).join(', ')}`);
    },
  },
  {
    name: 'creates replay under the same Idempotency-Key and conflict with another body',
    async run(context) {
      const token = await context.token('partner_user', context.partnerA);
      const key = `${context.run}-replay`;
      const body = newDeal(context, 'Replay');
      const first = await context.request('POST', '/deals', { token, headers: { 'idempotency-key': key }, body });
      expectStatus(first, 201, 'POST /deals');
      const replay = await context.request('POST', '/deals', { token, headers: { 'idempotency-key': key }, body });
      expectStatus(replay, 201, 'POST /deals repeated with the same key and body');
      expect((replay.body as Deal).id === (first.body as Deal).id, 'a replay must answer the deal the first request created, not a new one');
      const other = await context.request('POST', '/deals', { token, headers: { 'idempotency-key': key }, body: newDeal(context, 'Other') });
      expectStatus(other, 409, 'POST /deals with a used key and another body');
      const missing = await context.request('POST', '/deals', { token, body });
      expectStatus(missing, 400, 'POST /deals without Idempotency-Key');
    },
  },
  {
    name: 'partners never see each other\'s data',
    async run(context) {
      const tokenA = await context.token('partner_user', context.partnerA);
      const tokenB = await context.token('partner_user', context.partnerB);
      const created = await context.request('POST', '/deals', { token: tokenA, headers: { 'idempotency-key': `${context.run}-isolation` }, body: newDeal(context, 'Isolation') });
      expectStatus(created, 201, 'POST /deals for partner A');
      const deal = created.body as Deal;
      expect(deal.partnerId === context.partnerA, `the created deal belongs to ${deal.partnerId}, not to the session's partner ${context.partnerA}`);
      expectStatus(await context.request('GET', `/deals/${deal.id}`, { token: tokenA }), 200, 'partner A reading its own deal');
      const probe = await context.request('GET', `/deals/${deal.id}`, { token: tokenB });
      expectStatus(probe, 404, 'partner B reading partner A\'s deal (must look like a missing id)');
      const visibleToB = await allDealIds(context, tokenB);
      expect(!visibleToB.has(deal.id), 'partner A\'s deal appears in partner B\'s list');
      const managerView = await context.request('GET', `/deals/${deal.id}`, { token: await context.token('channel_manager') });
      expectStatus(managerView, 200, 'a channel manager reading any partner\'s deal');
    },
  },
  {
    name: 'resources carry an ETag and updates need a current If-Match',
    async run(context) {
      const token = await context.token('partner_admin', context.partnerA);
      const read = await context.request('GET', '/partner', { token });
      expectStatus(read, 200, 'GET /partner');
      const etag = read.headers.get('etag');
      expect(etag, 'GET /partner must send an ETag');
      const original = read.body as { specialisations: string[] };
      const change = { specialisations: [...original.specialisations.filter((s) => s !== context.run), context.run].slice(-30) };
      expectStatus(await context.request('PATCH', '/partner', { token, body: change }), 428, 'PATCH /partner without If-Match');
      const updated = await context.request('PATCH', '/partner', { token, body: change, headers: { 'if-match': etag } });
      expectStatus(updated, 200, 'PATCH /partner with the current ETag');
      const newEtag = updated.headers.get('etag');
      expect(newEtag && newEtag !== etag, 'an update must answer a new ETag');
      expectStatus(await context.request('PATCH', '/partner', { token, body: change, headers: { 'if-match': etag } }), 412, 'PATCH /partner with a stale ETag');
      // Leave the profile as it was.
      const restored = await context.request('PATCH', '/partner', { token, body: { specialisations: original.specialisations }, headers: { 'if-match': newEtag } });
      expectStatus(restored, 200, 'PATCH /partner restoring the original profile');
    },
  },
  {
    name: 'roles are enforced',
    async run(context) {
      const user = await context.token('partner_user', context.partnerA);
      expectStatus(await context.request('PATCH', '/partner', { token: user, body: { name: 'Not Allowed' }, headers: { 'if-match': '*' } }), 403, 'PATCH /partner as partner_user');
      expectStatus(await context.request('GET', '/partners', { token: user }), 403, 'GET /partners as partner_user');
      expectStatus(await context.request('GET', '/audit-events', { token: user }), 403, 'GET /audit-events as partner_user');
      const manager = await context.token('channel_manager');
      expectStatus(await context.request('GET', '/audit-events?limit=5', { token: manager }), 200, 'GET /audit-events as channel_manager');
    },
  },
];

export { ConformanceError };

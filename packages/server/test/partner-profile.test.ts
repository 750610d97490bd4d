import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { SEED_NOW, bearer, startTestServer, type TestServer, SUBMISSION_FIELDS } from './helpers.ts';

interface Profile {
  id: string;
  name: string;
  type: string;
  website: string | null;
  regions: string[];
  specialisations: string[];
  updatedAt: string;
}

interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string;
  partnerId: string | null;
  actor: { userId: string; role: string };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('partner profile: ETag, If-Match and the audit log', () => {
  let server: TestServer;
  let admin: TestServer['seed']['users'][number];
  let adminToken: string;
  let managerToken: string;

  before(async () => {
    server = await startTestServer();
    admin = server.seed.users.find((u) => u.role === 'partner_admin')!;
    adminToken = await server.tokenFor(admin);
    managerToken = await server.tokenFor(server.seed.users.find((u) => u.role === 'channel_manager')!);
  });
  after(() => server.close());

  async function getProfile(): Promise<{ etag: string; profile: Profile }> {
    const response = await server.app.request('/partner', bearer(adminToken));
    assert.equal(response.status, 200);
    const etag = response.headers.get('etag');
    assert.ok(etag, 'GET /partner sends an ETag');
    return { etag, profile: (await response.json()) as Profile };
  }

  const patch = (body: unknown, ifMatch?: string) =>
    server.app.request('/partner', {
      method: 'PATCH',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
      body: JSON.stringify(body),
    });

  async function auditEvents(query: string): Promise<AuditEvent[]> {
    const response = await server.app.request(`/audit-events?${query}`, bearer(managerToken));
    assert.equal(response.status, 200);
    return ((await response.json()) as { data: AuditEvent[] }).data;
  }

  async function expectProblem(response: Response, status: number, code: string): Promise<void> {
    assert.equal(response.status, status);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await response.json()) as { code: string }).code, code);
  }

  test('GET /partner sends a strong ETag that stays the same while nothing changes', async () => {
    const first = await getProfile();
    assert.match(first.etag, /^"[^"]+"$/);
    assert.equal((await getProfile()).etag, first.etag);
    assert.equal(first.profile.id, admin.partnerId);
  });

  test('PATCH without If-Match answers 428; with a stale one 412; neither changes anything', async () => {
    const { etag, profile } = await getProfile();
    await expectProblem(await patch({ name: 'Never Saved Ltd' }), 428, 'precondition_required');
    await expectProblem(await patch({ name: 'Never Saved Ltd' }, '"v999"'), 412, 'precondition_failed');
    await expectProblem(await patch({ name: 'Never Saved Ltd' }, 'garbage'), 412, 'precondition_failed');
    const after = await getProfile();
    assert.equal(after.etag, etag);
    assert.deepEqual(after.profile, profile);
  });

  test('PATCH with the current ETag changes the fields sent, answers a new ETag, and the old one goes stale', async () => {
    const { etag, profile } = await getProfile();
    const response = await patch({ name: 'Renamed Partner GmbH', specialisations: ['Cloud', 'Security'] }, etag);
    assert.equal(response.status, 200);
    const newEtag = response.headers.get('etag');
    assert.ok(newEtag && newEtag !== etag);
    const updated = (await response.json()) as Profile;
    assert.equal(updated.name, 'Renamed Partner GmbH');
    assert.deepEqual(updated.specialisations, ['Cloud', 'Security']);
    assert.equal(updated.type, profile.type, 'fields not sent are kept');
    assert.deepEqual(updated.regions, profile.regions);
    const reread = await getProfile();
    assert.equal(reread.etag, newEtag);
    assert.deepEqual(reread.profile, updated);
    await expectProblem(await patch({ name: 'Lost Update GmbH' }, etag), 412, 'precondition_failed');
    assert.equal((await getProfile()).profile.name, 'Renamed Partner GmbH');
  });

  test('of two concurrent changes made on the same version exactly one wins', async () => {
    const { etag } = await getProfile();
    const answers = await Promise.all([patch({ name: 'Racer One Ltd' }, etag), patch({ name: 'Racer Two Ltd' }, etag)]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 412]);
    const winner = (await answers.find((r) => r.status === 200)!.json()) as Profile;
    assert.equal((await getProfile()).profile.name, winner.name);
  });

  test('invalid changes answer 400 with field errors', async () => {
    const { etag } = await getProfile();
    const cases: [unknown, string[]][] = [
      [{}, ['/body min_properties']],
      [{ website: 'javascript:alert(1)' }, ['/body/website pattern']],
      [{ regions: ['DE', 'DE'] }, ['/body/regions unique_items']],
      [{ id: randomUUID() }, ['/body/id additional_property']],
      [{ tier: 'platinum' }, ['/body/tier additional_property']],
    ];
    for (const [body, expected] of cases) {
      const response = await patch(body, etag);
      assert.equal(response.status, 400, JSON.stringify(body));
      const problem = (await response.json()) as { errors: { field: string; code: string }[] };
      assert.deepEqual(problem.errors.map((e) => `${e.field} ${e.code}`), expected);
    }
    assert.equal((await getProfile()).etag, etag);
  });

  test('If-Match compares strongly: a weak tag never matches', async () => {
    const { etag } = await getProfile();
    await expectProblem(await patch({ website: 'https://weak.example' }, `W/${etag}`), 412, 'precondition_failed');
  });

  test('a PATCH that changes nothing keeps the version and writes no audit event', async () => {
    const { etag, profile } = await getProfile();
    const before = await auditEvents(`entityId=${admin.partnerId}`);
    const response = await patch({ name: profile.name }, etag);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('etag'), etag);
    assert.equal((await auditEvents(`entityId=${admin.partnerId}`)).length, before.length);
  });

  test('audit events written in the same millisecond keep their order', async () => {
    let { etag } = await getProfile();
    for (const website of ['https://one.example', 'https://two.example', 'https://three.example']) {
      const response = await patch({ website }, etag);
      assert.equal(response.status, 200);
      etag = response.headers.get('etag')!;
    }
    const newest = (await auditEvents(`entityId=${admin.partnerId}&limit=3`)).map((event) => (event.after as { website: string }).website);
    assert.deepEqual(newest, ['https://three.example', 'https://two.example', 'https://one.example']);
    const page = async (query: string) =>
      (await (await server.app.request(`/audit-events?entityId=${admin.partnerId}&limit=1${query}`, bearer(managerToken))).json()) as { data: AuditEvent[]; nextCursor: string };
    const first = await page('');
    const second = (await page(`&cursor=${encodeURIComponent(first.nextCursor)}`)).data[0];
    assert.equal((second!.after as { website: string }).website, 'https://two.example', 'the cursor continues in the same order');
  });

  test('a change is audited as partner.updated with before and after of the changed fields only', async () => {
    const { etag, profile } = await getProfile();
    // Later than every earlier change, so this one is the newest event.
    server.setNow(new Date(SEED_NOW.getTime() + 60_000));
    try {
      assert.equal((await patch({ website: 'https://renamed.example', type: profile.type, regions: profile.regions }, etag)).status, 200);
    } finally {
      server.setNow(SEED_NOW);
    }
    const events = await auditEvents(`entityId=${admin.partnerId}&entityType=partner`);
    const latest = events[0]!;
    assert.equal(latest.action, 'partner.updated');
    assert.equal(latest.entityType, 'partner');
    assert.equal(latest.entityId, admin.partnerId);
    assert.equal(latest.partnerId, admin.partnerId);
    assert.deepEqual(latest.actor, { userId: admin.id, role: 'partner_admin' });
    assert.deepEqual(latest.before, { website: profile.website });
    assert.deepEqual(latest.after, { website: 'https://renamed.example' });
    assert.ok(events.every((e) => e.entityId === admin.partnerId), 'the filter holds');
  });

  test('POST /deals records deal.created with the submitted fields', async () => {
    const body = { customerCompany: 'Audited Deal SE', opportunityName: 'Audit trail', amount: { amount: '4200.50', currency: 'EUR' }, expectedCloseDate: '2026-12-15', ...SUBMISSION_FIELDS };
    const created = await server.app.request('/deals', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    assert.equal(created.status, 201);
    const { id, status } = (await created.json()) as { id: string; status: string };
    const events = await auditEvents(`entityId=${id}`);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.action, 'deal.created');
    assert.equal(events[0]!.entityType, 'deal');
    assert.equal(events[0]!.partnerId, admin.partnerId);
    assert.equal(events[0]!.before, null);
    assert.deepEqual(events[0]!.after, { ...body, status });
    const otherPartner = server.seed.partners.find((p) => p.id !== admin.partnerId)!;
    assert.deepEqual(await auditEvents(`partnerId=${otherPartner.id}&entityId=${id}`), [], 'filtered by another partner: nothing');
  });
});

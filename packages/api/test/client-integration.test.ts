import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, PartnerkitError, type PartnerkitClient } from '../src/index.ts';
import { startTestServer, type TestServer, SUBMISSION_FIELDS } from '../../server/test/helpers.ts';

// The client against the real reference server and database, in process.
describe('client against the reference server', () => {
  let server: TestServer;
  let client: PartnerkitClient;
  const clientFor = (user: TestServer['seed']['users'][number], locale?: string) =>
    createClient({
      baseUrl: 'http://reference.test/',
      getToken: () => server.tokenFor(user),
      fetch: (input, init) => Promise.resolve(server.app.fetch(new Request(input, init))),
      ...(locale ? { locale } : {}),
    });
  before(async () => {
    server = await startTestServer();
    client = clientFor(server.seed.users[0]!);
  });
  after(() => server.close());

  test('reads /me', async () => {
    const me = await client.getMe();
    assert.equal(me.user.email, server.seed.users[0]!.email);
    assert.equal(me.partner?.id, server.seed.users[0]!.partnerId);
  });

  test('paginates every deal of the partner', async () => {
    let total = 0;
    for await (const deals of client.paginate(client.deals.list, { limit: 50 })) total += deals.length;
    assert.equal(total, server.seed.deals.filter((d) => d.partnerId === server.seed.users[0]!.partnerId).length);
  });

  test('surfaces server validation errors as PartnerkitError', async () => {
    await assert.rejects(client.deals.list({ limit: 500 }), (error: unknown) => error instanceof PartnerkitError && error.fieldErrors[0]?.field === '/query/limit');
  });

  test('creates a deal once per Idempotency-Key, and reads it back with its ETag', async () => {
    const input = { customerCompany: 'Donauwelle Retail GmbH', opportunityName: 'Security Suite Donauwelle', amount: { amount: '48000.00', currency: 'EUR' }, expectedCloseDate: '2026-10-15', ...SUBMISSION_FIELDS };
    const first = await client.deals.create(input, { idempotencyKey: 'integration-create-1' });
    const again = await client.deals.create(input, { idempotencyKey: 'integration-create-1' });
    assert.equal(again.id, first.id);
    assert.equal(first.status, 'submitted');
    const read = await client.deals.get(first.id);
    assert.deepEqual(read.data, first);
    assert.match(read.etag, /^"v\d+"$/);
    await assert.rejects(client.deals.create({ ...input, opportunityName: 'Another opportunity' }, { idempotencyKey: 'integration-create-1' }), (error: PartnerkitError) => error.status === 409);
  });

  test('updates the partner profile with If-Match and is refused a stale write', async () => {
    const read = await client.getPartner();
    const updated = await client.updatePartner({ specialisations: ['Cloud Migration'] }, { ifMatch: read.etag });
    assert.deepEqual(updated.data.specialisations, ['Cloud Migration']);
    assert.notEqual(updated.etag, read.etag);
    await assert.rejects(client.updatePartner({ name: 'Stale Write GmbH' }, { ifMatch: read.etag }), (error: PartnerkitError) => error.status === 412 && error.code === 'precondition_failed');
  });

  test('gets field messages in the locale it was created with', async () => {
    const german = clientFor(server.seed.users[0]!, 'de-AT');
    await assert.rejects(german.deals.list({ limit: 500 }), (error: PartnerkitError) => error.fieldErrors[0]?.message === 'Darf höchstens 200 sein.');
  });

  test('lets a channel manager list partners and read the audit log', async () => {
    const manager = clientFor(server.seed.users.find((u) => u.role === 'channel_manager')!);
    let partners = 0;
    for await (const page of manager.paginate(manager.listPartners, { limit: 3 })) partners += page.length;
    assert.equal(partners, server.seed.partners.length);
    const events = await manager.listAuditEvents({ entityType: 'partner' });
    assert.ok(events.data.some((event) => event.action === 'partner.updated'));
  });
});

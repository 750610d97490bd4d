import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, PartnerkitError, type PartnerkitClient } from '../src/index.ts';
import { startTestServer, type TestServer } from '../../server/test/helpers.ts';

// The client against the real reference server and database, in process.
describe('client against the reference server', () => {
  let server: TestServer;
  let client: PartnerkitClient;
  before(async () => {
    server = await startTestServer();
    const user = server.seed.users[0]!;
    client = createClient({
      baseUrl: 'http://reference.test/',
      getToken: () => server.tokenFor(user),
      fetch: (input, init) => Promise.resolve(server.app.fetch(new Request(input, init))),
    });
  });
  after(() => server.db.close());

  test('reads /me', async () => {
    const me = await client.getMe();
    assert.equal(me.user.email, server.seed.users[0]!.email);
    assert.equal(me.partner.id, server.seed.users[0]!.partnerId);
  });

  test('paginates every deal of the partner', async () => {
    let total = 0;
    for await (const deals of client.paginateDeals({ limit: 50 })) total += deals.length;
    assert.equal(total, server.seed.deals.filter((d) => d.partnerId === server.seed.users[0]!.partnerId).length);
  });

  test('surfaces server validation errors as PartnerkitError', async () => {
    await assert.rejects(client.listDeals({ limit: 500 }), (error: unknown) => error instanceof PartnerkitError && error.fieldErrors[0]?.field === '/query/limit');
  });
});

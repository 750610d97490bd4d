import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../src/app.ts';
import { SECRET, openTestDatabase } from './helpers.ts';

describe('health endpoints', () => {
  test('/healthz and /readyz answer without a token while the database is up; /readyz 503 once it is gone', async () => {
    const db = await openTestDatabase();
    const app = createApp({ db, secrets: [SECRET], logger: () => {} });
    assert.deepEqual(await (await app.request('/healthz')).json(), { status: 'ok' });
    assert.equal((await app.request('/readyz')).status, 200);
    await db.close();
    assert.equal((await app.request('/healthz')).status, 200);
    const notReady = await app.request('/readyz');
    assert.equal(notReady.status, 503);
    assert.equal(notReady.headers.get('content-type'), 'application/problem+json');
  });
});

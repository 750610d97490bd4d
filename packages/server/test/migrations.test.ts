import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';

const core = fileURLToPath(new URL('../migrations/', import.meta.url));

describe('migrations from the core and from feature folders', () => {
  test("a feature's migrations run with the core's, in name order across folders, once", async () => {
    const feature = mkdtempSync(join(tmpdir(), 'pk-feature-migrations-'));
    const db = await openPglite();
    try {
      // 003b sorts between the core's 003 and 004: it may use what 003 made, and 004 finds what it made.
      writeFileSync(join(feature, '003b_probe.sql'), 'CREATE TABLE probe_items (id int PRIMARY KEY, made_after text);');
      writeFileSync(join(feature, '999_probe_later.sql'), "INSERT INTO probe_items VALUES (1, 'every core migration');");
      const applied = await migrate(db, [core, feature]);
      assert.deepEqual(applied.slice(2, 5), ['003_audit_order.sql', '003b_probe.sql', '004_deal_registration.sql']);
      assert.equal(applied.at(-1), '999_probe_later.sql');
      assert.deepEqual(await db.query('SELECT id, made_after FROM probe_items'), [{ id: 1, made_after: 'every core migration' }]);
      assert.deepEqual(await migrate(db, [core, feature]), [], 'nothing runs twice');
    } finally {
      await db.close();
      rmSync(feature, { recursive: true, force: true });
    }
  });

  test('two migrations of one name are refused before anything runs', async () => {
    const feature = mkdtempSync(join(tmpdir(), 'pk-feature-migrations-'));
    const db = await openPglite();
    try {
      writeFileSync(join(feature, '001_initial.sql'), 'SELECT 1;');
      await assert.rejects(migrate(db, [core, feature]), /two migrations are named 001_initial\.sql/);
      assert.deepEqual(await db.query('SELECT name FROM schema_migrations'), []);
    } finally {
      await db.close();
      rmSync(feature, { recursive: true, force: true });
    }
  });
});

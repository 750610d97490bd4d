import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { features } from '../features.ts';

const coreMigrations = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * Applies the SQL files that have not run yet — the core's in `migrations/`, each feature's in its
 * own folder — in name order across all of them (names are numbered once for the whole schema),
 * each in a transaction.
 */
export async function migrate(db: Database, dirs: readonly string[] = [coreMigrations, ...features.flatMap((feature) => feature.migrations ?? [])]): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
  const found = await Promise.all(dirs.map(async (dir) => (await readdir(dir)).filter((file) => file.endsWith('.sql')).map((file) => ({ file, path: join(dir, file) }))));
  // Code-unit order, as the names were always sorted.
  const files = found.flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const duplicate = files.find((entry, index) => index > 0 && files[index - 1]!.file === entry.file);
  if (duplicate) throw new Error(`two migrations are named ${duplicate.file}: number them once for the whole schema`);
  const applied: string[] = [];
  for (const { file, path } of files) {
    if (done.has(file)) continue;
    const sql = await readFile(path, 'utf8');
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
    });
    applied.push(file);
  }
  return applied;
}

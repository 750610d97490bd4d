import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { openPglite, type Database } from '../src/db/database.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { generateSeed, type Seed } from '../src/seed/generate.ts';
import { loadSeed } from '../src/seed/load.ts';

export const SECRET = 'test-secret-key-0123456789abcdef';
export const SEED_NOW = new Date('2026-06-01T12:00:00Z');

export interface TestServer {
  app: ReturnType<typeof createApp>;
  db: Database;
  seed: Seed;
  /** Moves the server's clock. */
  setNow(date: Date): void;
  /** Mints a session token through POST /sessions, as a vendor backend would. */
  tokenFor(user: Seed['users'][number]): Promise<string>;
  /** Closes the database (and drops it on PostgreSQL). */
  close(): Promise<void>;
}

/**
 * An empty database of its own: with `PARTNERKIT_TEST_DATABASE_URL` (a PostgreSQL server and a
 * user allowed to create databases) a new `partnerkit_test_…` database there, dropped on close;
 * otherwise PGlite in memory.
 */
export async function openTestDatabase(): Promise<Database> {
  const adminUrl = process.env.PARTNERKIT_TEST_DATABASE_URL;
  if (!adminUrl) return openPglite();
  const name = `partnerkit_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.href);
  return {
    ...db,
    async close() {
      await db.close();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** One database per test file (PGlite takes seconds to start), seeded at a fixed instant. */
export async function startTestServer(): Promise<TestServer> {
  const db = await openTestDatabase();
  await migrate(db);
  const seed = generateSeed({ now: SEED_NOW });
  await loadSeed(db, seed);
  let now = SEED_NOW;
  const app = createApp({ db, secrets: [SECRET], clock: () => now, logger: () => {} });
  return {
    app,
    db,
    seed,
    setNow(date) {
      now = date;
    },
    async tokenFor(user) {
      const response = await app.request('/sessions', {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...(user.partnerId ? { partnerId: user.partnerId } : {}), user: { id: user.externalId, email: user.email, name: user.name }, role: user.role }),
      });
      if (response.status !== 201) throw new Error(`POST /sessions answered ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    close: () => db.close(),
  };
}

export function bearer(token: string): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${token}` } };
}

/** The fields a submission needs besides company, opportunity, amount and close date. */
export const SUBMISSION_FIELDS = {
  customerCountry: 'DE',
  contactName: 'Jana Berger',
  contactEmail: 'jana.berger@example.com',
  dealType: 'new',
  partnerRole: 'sourced',
} as const;

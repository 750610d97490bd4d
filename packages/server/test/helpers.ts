import { createApp } from '../src/app.ts';
import { openPglite, type Database } from '../src/db/database.ts';
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
}

/** One in-memory database per test file (PGlite takes seconds to start), seeded at a fixed instant. */
export async function startTestServer(): Promise<TestServer> {
  const db = await openPglite();
  await migrate(db);
  const seed = generateSeed({ now: SEED_NOW });
  await loadSeed(db, seed);
  let now = SEED_NOW;
  const app = createApp({ db, secrets: [SECRET], clock: () => now, logError: () => {} });
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
        body: JSON.stringify({ partnerId: user.partnerId, user: { id: user.externalId, email: user.email, name: user.name }, role: user.role }),
      });
      if (response.status !== 201) throw new Error(`POST /sessions answered ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
  };
}

export function bearer(token: string): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${token}` } };
}

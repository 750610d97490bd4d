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

/** The seeded user with `role` at the seeded partner of this tier and currency. */
export function partnerUserOf(seed: Seed, tier: string, currency: string, role: 'partner_user' | 'partner_admin' = 'partner_user'): Seed['users'][number] {
  const partner = seed.partners.find((p) => p.tier === tier && p.currency === currency)!;
  return seed.users.find((u) => u.partnerId === partner.id && u.role === role)!;
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

/** An answer of the API: status, headers, and the body (parsed when it is JSON, text otherwise). */
export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the API with a session token: the body (if any) is sent as JSON. */
export async function call<T = Record<string, unknown>>(
  server: TestServer,
  token: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...options.headers };
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const response = await server.app.request(path, init);
  const text = await response.text();
  const json = /json/.test(response.headers.get('content-type') ?? '') && text !== '';
  return { status: response.status, headers: response.headers, body: (json ? JSON.parse(text) : text) as T };
}

/** A complete registration of `company` (EUR 1000, closing 2026-09-30); `extra` overrides or adds fields. */
export function submission(company: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    customerCompany: company,
    opportunityName: `${company} rollout`,
    amount: { amount: '1000.00', currency: 'EUR' },
    expectedCloseDate: '2026-09-30',
    ...SUBMISSION_FIELDS,
    ...extra,
  };
}

/** `POST /deals` with a fresh Idempotency-Key; throws unless it answers 201. */
export async function createDeal<T extends { id: string }>(server: TestServer, token: string, body: Record<string, unknown>): Promise<{ deal: T; etag: string }> {
  const answer = await call<T>(server, token, 'POST', '/deals', { body, headers: { 'idempotency-key': randomBytes(12).toString('hex') } });
  if (answer.status !== 201) throw new Error(`POST /deals answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { deal: answer.body, etag: answer.headers.get('etag')! };
}

/** `POST /deals/{id}/transitions` on the deal's current version (read first with the same token). */
export async function transition<T = Record<string, unknown>>(server: TestServer, token: string, dealId: string, action: string, reason?: string): Promise<Answer<T>> {
  const current = await call(server, token, 'GET', `/deals/${dealId}`);
  if (current.status !== 200) throw new Error(`GET /deals/${dealId} answered ${current.status}`);
  return call<T>(server, token, 'POST', `/deals/${dealId}/transitions`, {
    body: { action, ...(reason === undefined ? {} : { reason }) },
    headers: { 'if-match': current.headers.get('etag')! },
  });
}

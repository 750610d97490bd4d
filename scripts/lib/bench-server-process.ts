// One reference server for `pnpm bench:server`, in a process of its own so that the load
// generator and the server do not share an event loop. It opens a fresh database (a temporary
// PGlite folder, or a new database on the PostgreSQL server at `--database-url`), migrates it,
// loads the 100,000-deal bench seed, listens on 127.0.0.1 and prints one JSON line on stdout:
//   {"port":…,"secret":"…","seed":{…},"partner":{…},"user":{…}}
// With an IPC channel (the bench spawns it that way) it also answers `stats` (database time and
// server CPU since the last `reset`) and `explain` (EXPLAIN ANALYZE of every query that the last
// request to a route ran, each in a transaction that is rolled back).
// SIGTERM or SIGINT closes the server and deletes the database.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, generateSeed, listen, loadSeed, migrate, openPglite, openPostgres, type Database, type Queryable } from '@partnerkit/server';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'response-validation': { type: 'string', default: 'enforce' },
  },
});
const responseValidation = args['response-validation'];
if (responseValidation !== 'enforce' && responseValidation !== 'log' && responseValidation !== 'off') {
  throw new Error(`--response-validation must be enforce, log or off, not ${responseValidation}`);
}

let stopping = false;
const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`bench server: clean-up failed: ${String(error)}`);
    }
  }
}

/** A database nobody else uses: dropped (PostgreSQL) or deleted (PGlite) on exit. */
async function openFreshDatabase(): Promise<{ db: Database; description: string }> {
  const adminUrl = args['database-url'];
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'partnerkit-bench-pglite-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = await openPglite({ dataDir: dir });
    cleanups.push(() => db.close());
    return { db, description: `PGlite in ${dir}` };
  }
  const name = `partnerkit_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(adminUrl);
  await admin.exec(`CREATE DATABASE ${name}`);
  cleanups.push(async () => {
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  cleanups.push(() => db.close());
  const [{ server_version: version } = { server_version: '?' }] = await db.query<{ server_version: string }>('SHOW server_version');
  return { db, description: `PostgreSQL ${version}, database ${name}` };
}

// Database time as the routes see it: every query through the Database interface is timed, and
// the queries of the last request to each route are kept, so that their plans can be shown for
// exactly what the route ran.
interface RecordedQuery {
  sql: string;
  params: readonly unknown[];
}
const stats = { queries: 0, queryMs: 0, transactions: 0, transactionMs: 0 };
const currentRequest = new AsyncLocalStorage<RecordedQuery[]>();
const lastQueriesByRoute = new Map<string, RecordedQuery[]>();
function timed(inner: Queryable): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      currentRequest.getStore()?.push({ sql, params });
      const started = performance.now();
      try {
        return await inner.query<Row>(sql, params);
      } finally {
        stats.queries += 1;
        stats.queryMs += performance.now() - started;
      }
    },
    exec: (sql) => inner.exec(sql),
  };
}
function instrument(db: Database): Database {
  return {
    ...timed(db),
    async transaction(work) {
      const started = performance.now();
      try {
        return await db.transaction((tx) => work(timed(tx)));
      } finally {
        stats.transactions += 1;
        stats.transactionMs += performance.now() - started;
      }
    },
    close: () => db.close(),
  };
}

try {
  const { db, description } = await openFreshDatabase();
  await migrate(db);
  let started = performance.now();
  const seed = generateSeed({ size: 'bench' });
  const generateMs = performance.now() - started;
  started = performance.now();
  await loadSeed(db, seed);
  const loadMs = performance.now() - started;
  // VACUUM ANALYZE as autovacuum would soon after a bulk load: planner statistics and the
  // visibility map reflect the seeded table from the first request on.
  started = performance.now();
  await db.exec('VACUUM ANALYZE');
  const analyzeMs = performance.now() - started;

  // The partner with the most deals, and its partner_user: the heaviest list a partner can ask for.
  const dealsByPartner = new Map<string, number>();
  for (const deal of seed.deals) dealsByPartner.set(deal.partnerId, (dealsByPartner.get(deal.partnerId) ?? 0) + 1);
  const [partnerId, partnerDeals] = [...dealsByPartner].sort((a, b) => b[1] - a[1])[0]!;
  const partner = seed.partners.find((p) => p.id === partnerId)!;
  const user = seed.users.find((u) => u.partnerId === partnerId && u.role === 'partner_user')!;

  // No per-request records (they would cost more than some requests); the first few failures go
  // to stderr, shortened, so that a broken endpoint is visible without flooding the terminal.
  let failuresShown = 0;
  const failuresOnly = (record: { level: string }) => {
    if (record.level !== 'error' || failuresShown >= 3 || stopping) return; // requests cut off by the stop are expected
    failuresShown += 1;
    const line = JSON.stringify(record);
    process.stderr.write(`bench server: ${line.length > 400 ? `${line.slice(0, 400)}…` : line}${failuresShown === 3 ? ' (further failures not shown)' : ''}\n`);
  };
  const secret = `pk_bench_${randomBytes(24).toString('base64url')}`;
  const app = createApp({ db: instrument(db), secrets: [secret], rateLimit: false, logger: failuresOnly, responseValidation });
  const fetch = (request: Request) => {
    const queries: RecordedQuery[] = [];
    lastQueriesByRoute.set(`${request.method} ${new URL(request.url).pathname}`, queries);
    return currentRequest.run(queries, () => app.fetch(request));
  };
  const http = await listen(fetch, { port: 0, hostname: '127.0.0.1' });
  cleanups.push(() => http.close());

  let cpuSince = process.cpuUsage();
  process.on('message', (message: { type: string; route?: string }) => {
    if (message.type === 'reset') {
      Object.assign(stats, { queries: 0, queryMs: 0, transactions: 0, transactionMs: 0 });
      cpuSince = process.cpuUsage();
      process.send?.({ type: 'reset' });
    } else if (message.type === 'stats') {
      const cpu = process.cpuUsage(cpuSince);
      process.send?.({ type: 'stats', ...stats, cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000 });
    } else if (message.type === 'explain') {
      const queries = lastQueriesByRoute.get(message.route ?? '') ?? [];
      void explain(db, queries).then((plans) => process.send?.({ type: 'explain', plans }), (error: unknown) => process.send?.({ type: 'explain', plans: [[`EXPLAIN failed: ${String(error)}`]] }));
    }
  });

  process.stdout.write(`${JSON.stringify({
    port: http.port,
    secret,
    database: description,
    responseValidation,
    seed: { deals: seed.deals.length, partners: seed.partners.length, users: seed.users.length, generateMs: Math.round(generateMs), loadMs: Math.round(loadMs), analyzeMs: Math.round(analyzeMs) },
    partner: { id: partner.id, name: partner.name, country: partner.country, currency: partner.currency, deals: partnerDeals },
    user: { externalId: user.externalId, email: user.email, name: user.name },
  })}\n`);
} catch (error) {
  console.error(`bench server: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await cleanUp();
  process.exit(1);
}

/** EXPLAIN ANALYZE of each query, in a transaction rolled back afterwards: writes leave no trace. */
async function explain(db: Database, queries: readonly RecordedQuery[]): Promise<string[][]> {
  const rollback = new Error('rollback');
  const plans: string[][] = [];
  for (const { sql, params } of queries) {
    await db.transaction(async (tx) => {
      const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      plans.push(rows.map((row) => row['QUERY PLAN']));
      throw rollback;
    }).catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  }
  return plans;
}

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await cleanUp();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
// The bench went away without stopping this process: do not outlive it.
process.once('disconnect', () => void stop());

// `pnpm bench:server`: load figures for the reference server, not a timed test. For each database
// (PGlite always; PostgreSQL at PARTNERKIT_BENCH_DATABASE_URL, else a throwaway local cluster when
// Debian's postgresql package is installed) it starts the server in a child process on a fresh
// database with the 100,000-deal bench seed, then drives GET /me, GET /deals?limit=50,
// GET /deals/conflicts and
// POST /deals with autocannon. It prints one markdown table and writes .bench/server.json.
//
//   node scripts/bench-server.ts [--duration 10] [--warmup 3] [--connections 50]
//                                [--databases pglite,postgres] [--response-validation enforce|log|off]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const serverEntry = join(root, 'scripts', 'lib', 'bench-server-process.ts');

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    databases: { type: 'string', default: 'pglite,postgres' },
    'response-validation': { type: 'string', default: 'enforce' },
  },
});
const settings = {
  connections: Number(args.connections),
  durationS: Number(args.duration),
  warmupS: Number(args.warmup),
  responseValidation: args['response-validation'],
};
const wanted = new Set(args.databases.split(',').map((name) => name.trim().toLowerCase()));

/** The stated goal: the deal list of a busy partner stays fast on a real PostgreSQL server. */
const TARGET = { database: 'PostgreSQL', endpoint: 'GET /deals?limit=50', connections: 50, p95Ms: 25 };

// ---------------------------------------------------------------------------------------------
// autocannon (CommonJS, no bundled types): the part of its programmatic API used here.

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}
interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void): void;
}
type Autocannon = (options: AutocannonOptions, done: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---------------------------------------------------------------------------------------------
// The server under test: scripts/lib/bench-server-process.ts in a child process.

interface ServerReady {
  port: number;
  secret: string;
  database: string;
  responseValidation: string;
  seed: { deals: number; partners: number; users: number; generateMs: number; loadMs: number; analyzeMs: number };
  partner: { id: string; name: string; country: string; currency: string; deals: number };
  user: { externalId: string; email: string; name: string };
}
interface ServerStats {
  queries: number;
  queryMs: number;
  transactions: number;
  transactionMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
}

class BenchServer {
  readonly child: ChildProcess;
  readonly ready: Promise<ServerReady>;
  readonly exited: Promise<number | null>;

  constructor(databaseUrl: string | undefined) {
    const serverArgs = [serverEntry, '--response-validation', settings.responseValidation];
    if (databaseUrl) serverArgs.push('--database-url', databaseUrl);
    this.child = spawn(process.execPath, serverArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.ready = new Promise((resolve, reject) => {
      const lines = createInterface({ input: this.child.stdout! });
      lines.once('line', (line) => {
        try {
          resolve(JSON.parse(line) as ServerReady);
        } catch {
          reject(new Error(`the bench server printed something other than its JSON line: ${line}`));
        }
      });
      void this.exited.then((code) => reject(new Error(`the bench server exited (code ${code}) before it was ready`)));
    });
  }

  /** Sends one IPC message and waits for the answer of the same type. */
  ask<T>(type: 'reset' | 'stats' | 'explain', details: Record<string, unknown> = {}): Promise<T> {
    return new Promise((resolve) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        this.child.off('message', onMessage);
        resolve(message as T);
      };
      this.child.on('message', onMessage);
      this.child.send({ type, ...details });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timeout);
  }
}

// ---------------------------------------------------------------------------------------------
// A throwaway PostgreSQL cluster, started the way .ci/run starts one.

interface Postgres {
  url: string;
  description: string;
  stop(): void;
}

function postgresBin(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((version) => existsSync(join(base, version, 'bin', 'pg_ctl')));
  versions.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const newest = versions.at(-1);
  return newest ? join(base, newest, 'bin') : undefined;
}

const isRoot = process.getuid?.() === 0;
/** The server refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function asPostgres(command: string, commandArgs: string[]): { status: number | null; output: string } {
  const [file, fileArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...commandArgs]] : [command, commandArgs];
  const result = spawnSync(file, fileArgs as string[], { cwd: '/', encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function startPostgres(bin: string): Promise<Postgres> {
  // Clusters left behind by killed runs: stop them and delete their files.
  for (const name of readdirSync('/tmp').filter((entry) => entry.startsWith('partnerkit-bench-postgres.'))) {
    const dir = join('/tmp', name);
    const ownerFile = join(dir, 'owner');
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8').trim()) : 0;
    if (owner && ownerAlive(owner)) continue; // that run is still going
    asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  }
  let port = 55532;
  while (!(await portIsFree(port))) port += 1;
  const dir = mkdtempSync('/tmp/partnerkit-bench-postgres.');
  writeFileSync(join(dir, 'owner'), `${process.pid}\n`);
  if (isRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const stop = () => {
    asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  // Superuser `postgres`, trust authentication on the loopback interface only, no Unix socket.
  // Unlike CI, fsync stays on: the POST figures include durable commits.
  const init = asPostgres(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-instructions']);
  if (init.status !== 0) {
    stop();
    throw new Error(`initdb failed: ${init.output}`);
  }
  const started = asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-s', 'start', '-o', `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=`]);
  if (started.status !== 0) {
    stop();
    throw new Error(`pg_ctl start failed: ${started.output}`);
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, description: `throwaway local cluster on 127.0.0.1:${port}, default settings`, stop };
}

function ownerAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// One endpoint under load.

interface EndpointResult {
  endpoint: string;
  requestsPerSecond: number;
  responses: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Non-2xx answers, connection errors and timeouts. */
  errors: number;
  statusCodes: Record<string, number>;
  /** Server process CPU over the measured run, in percent of one core. */
  serverCpuPercent: number;
  /** Time inside db.query (waiting for a connection included), per 2xx response. */
  dbMsPerRequest: number;
  queriesPerRequest: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function cannon(options: AutocannonOptions, onResponse?: (status: number, ms: number) => void): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

async function measure(server: BenchServer, endpoint: string, options: Omit<AutocannonOptions, 'duration' | 'connections'>): Promise<EndpointResult> {
  const base = { ...options, connections: settings.connections };
  if (settings.warmupS > 0) await cannon({ ...base, duration: settings.warmupS });
  await server.ask('reset');
  const latencies: number[] = [];
  const result = await cannon({ ...base, duration: settings.durationS }, (status, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const stats = await server.ask<ServerStats>('stats');
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  const responses = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  const ok = latencies.length;
  const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    endpoint,
    requestsPerSecond: Math.round(responses / result.duration),
    responses,
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? NaN),
    errors: result.non2xx + result.errors,
    statusCodes,
    serverCpuPercent: Math.round(((stats.cpuUserMs + stats.cpuSystemMs) / (result.duration * 1000)) * 100),
    dbMsPerRequest: ok ? round((stats.queryMs) / ok, 2) : NaN,
    queriesPerRequest: ok ? round(stats.queries / ok, 2) : NaN,
  };
}

async function bearerToken(baseUrl: string, ready: ServerReady): Promise<string> {
  const response = await fetch(`${baseUrl}/sessions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ready.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ partnerId: ready.partner.id, user: { id: ready.user.externalId, email: ready.user.email, name: ready.user.name }, role: 'partner_user' }),
  });
  if (response.status !== 201) throw new Error(`POST /sessions answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

// ---------------------------------------------------------------------------------------------
// The run.

interface DatabaseRun {
  database: 'PGlite' | 'PostgreSQL';
  skipped?: string;
  failed?: string;
  description?: string;
  seed?: ServerReady['seed'];
  partner?: ServerReady['partner'];
  results?: EndpointResult[];
  /** EXPLAIN ANALYZE of each query the last GET /deals?limit=50 ran. */
  dealListPlans?: string[][];
}

/** One database's run; a failure is reported in the table rather than ending the whole bench. */
async function benchDatabase(database: DatabaseRun['database'], databaseUrl: string | undefined, description?: string): Promise<DatabaseRun> {
  try {
    return await benchDatabaseOrThrow(database, databaseUrl, description);
  } catch (error) {
    const failed = error instanceof Error ? error.message : String(error);
    console.log(`${database}: failed: ${failed}`);
    process.exitCode = 1;
    return { database, failed };
  }
}

async function benchDatabaseOrThrow(database: DatabaseRun['database'], databaseUrl: string | undefined, description?: string): Promise<DatabaseRun> {
  console.log(`\n${database}: starting the server and loading the bench seed…`);
  const server = new BenchServer(databaseUrl);
  running.add(server);
  try {
    const ready = await server.ready;
    const baseUrl = `http://127.0.0.1:${ready.port}`;
    console.log(`${database}: ${ready.database}`);
    console.log(`${database}: seed of ${ready.seed.deals.toLocaleString('en')} deals generated in ${ready.seed.generateMs} ms, loaded in ${ready.seed.loadMs} ms, VACUUM ANALYZE ${ready.seed.analyzeMs} ms`);
    console.log(`${database}: signed in as ${ready.user.name} (partner_user) at ${ready.partner.name}, ${ready.partner.deals.toLocaleString('en')} deals`);
    const token = await bearerToken(baseUrl, ready);
    const auth = { authorization: `Bearer ${token}` };

    const check = await fetch(`${baseUrl}/deals?limit=50`, { headers: auth });
    const text = await check.text();
    if (check.status !== 200 || (JSON.parse(text) as { data?: unknown[] }).data?.length !== 50) throw new Error(`GET /deals?limit=50 answered ${check.status}: ${text.slice(0, 300)}`);

    // A complete registration (submitted, not a draft) for a different customer each time, so
    // that conflict checks see ordinary traffic rather than one customer registered thousands of
    // times. Names are random letters with nothing in common (a shared word such as "Systems"
    // would make every new name similar to all earlier ones and the trigram check ever slower).
    const closeDate = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const word = (length: number) => Array.from(randomBytes(length), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
    const newDeal = () => {
      const name = `${word(7)} ${word(6)}`;
      const domain = `${name.replace(' ', '-')}.example`;
      return JSON.stringify({
        customerCompany: name.replace(/\b[a-z]/g, (letter) => letter.toUpperCase()),
        customerDomain: domain,
        customerCountry: ready.partner.country,
        contactName: 'Alex Martin',
        contactEmail: `alex.martin@${domain}`,
        opportunityName: 'Security Suite rollout',
        amount: { amount: '1234.50', currency: ready.partner.currency },
        expectedCloseDate: closeDate,
        dealType: 'new',
        partnerRole: 'sourced',
      });
    };
    const seededNames = ['Rheinwerk Logistics', 'Duna Retail', 'Thames Energy', 'Harbor Finance', 'Lumière Media', 'Alpenblick Healthcare'];
    let conflictProbes = 0;
    const conflictPath = () => {
      conflictProbes += 1;
      const name = conflictProbes % 2 ? seededNames[conflictProbes % seededNames.length]! : `${word(7)} ${word(6)}`;
      return `/deals/conflicts?company=${encodeURIComponent(name)}&domain=${encodeURIComponent(`${name.toLowerCase().replace(/\s+/g, '-')}.example`)}`;
    };
    const probe = await fetch(`${baseUrl}/deals`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: newDeal() });
    if (probe.status !== 201) console.log(`${database}: POST /deals answered ${probe.status} before the load: ${(await probe.text()).slice(0, 300)}`);
    const endpoints: [string, Omit<AutocannonOptions, 'duration' | 'connections'>][] = [
      ['GET /me', { url: `${baseUrl}/me`, headers: auth }],
      ['GET /deals?limit=50', { url: `${baseUrl}/deals?limit=50`, headers: auth }],
      // The live conflict check as a partner types: half the names are like thousands of seeded
      // customers (many trigram candidates), half are new (none).
      ['GET /deals/conflicts', {
        url: baseUrl,
        requests: [{
          method: 'GET',
          path: conflictPath(),
          headers: auth,
          setupRequest: (request) => ({ ...request, path: conflictPath() }),
        }],
      }],
      // Last, so that the lists above read the seeded table only. One new key per request.
      ['POST /deals', {
        url: baseUrl,
        requests: [{
          method: 'POST',
          path: '/deals',
          headers: { ...auth, 'content-type': 'application/json' },
          body: newDeal(),
          setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'idempotency-key': randomUUID() }, body: newDeal() }),
        }],
      }],
    ];
    const results: EndpointResult[] = [];
    for (const [endpoint, options] of endpoints) {
      const result = await measure(server, endpoint, options);
      results.push(result);
      console.log(`${database}: ${endpoint.padEnd(20)} ${String(result.requestsPerSecond).padStart(6)} req/s  p50 ${result.p50Ms} ms  p95 ${result.p95Ms} ms  p99 ${result.p99Ms} ms  errors ${result.errors}`);
    }
    const { plans } = await server.ask<{ plans: string[][] }>('explain', { route: 'GET /deals' });
    return { database, description: description ? `${ready.database}; ${description}` : ready.database, seed: ready.seed, partner: ready.partner, results, dealListPlans: plans };
  } finally {
    await server.stop();
    running.delete(server);
  }
}

const running = new Set<BenchServer>();
let postgres: Postgres | undefined;
async function cleanUp(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
  postgres?.stop();
  postgres = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().then(() => process.exit(signal === 'SIGINT' ? 130 : 143)));
}

const cpuList = cpus();
const machine = {
  cpus: cpuList.length,
  cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
  memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  os: `${platform()} ${release()} ${arch()}`,
  /** 1-minute load average when the run started: anything else busy on the machine skews the figures. */
  loadAverageAtStart: Math.round(loadavg()[0]! * 100) / 100,
};
console.log(`bench:server on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverageAtStart}`);
if (machine.loadAverageAtStart > machine.cpus / 2) console.log('warning: the machine is already busy; the figures will be lower than on an idle machine');
console.log(`${settings.connections} connections, ${settings.warmupS} s warm-up then ${settings.durationS} s per endpoint, response validation ${settings.responseValidation}, rate limiting off`);

const runs: DatabaseRun[] = [];
try {
  if (wanted.has('pglite')) runs.push(await benchDatabase('PGlite', undefined));
  if (wanted.has('postgres')) {
    const url = process.env.PARTNERKIT_BENCH_DATABASE_URL;
    const bin = postgresBin();
    if (url) {
      runs.push(await benchDatabase('PostgreSQL', url, 'server at PARTNERKIT_BENCH_DATABASE_URL'));
    } else if (bin) {
      postgres = await startPostgres(bin);
      runs.push(await benchDatabase('PostgreSQL', postgres.url, postgres.description));
    } else {
      const skipped = 'PARTNERKIT_BENCH_DATABASE_URL is not set and no PostgreSQL server is installed here (Debian package postgresql: /usr/lib/postgresql/*/bin)';
      console.log(`\nPostgreSQL: skipped: ${skipped}`);
      runs.push({ database: 'PostgreSQL', skipped });
    }
  }
} finally {
  await cleanUp();
}

// ---------------------------------------------------------------------------------------------
// Report.

const measured = runs.find((run) => run.database === TARGET.database)?.results?.find((result) => result.endpoint === TARGET.endpoint);
const target = {
  statement: `${TARGET.endpoint} p95 under ${TARGET.p95Ms} ms at ${TARGET.connections} connections on ${TARGET.database}`,
  p95Ms: measured?.p95Ms ?? null,
  met: measured && settings.connections === TARGET.connections ? measured.p95Ms < TARGET.p95Ms : null,
};

const seedDeals = runs.find((run) => run.seed)?.seed?.deals;
const lines = [
  '',
  `Seed: ${seedDeals?.toLocaleString('en') ?? '?'} deals (generateSeed({ size: 'bench' })). Machine: ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadAverageAtStart} at start. ${settings.connections} connections, ${settings.durationS} s per endpoint after ${settings.warmupS} s warm-up; response validation ${settings.responseValidation}.`,
  '',
  '| database | endpoint | req/s | p50 ms | p95 ms | p99 ms | errors (non-2xx, timeouts) | server CPU | db.query ms/req |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const run of runs) {
  if (run.skipped || run.failed) {
    lines.push(`| ${run.database} | ${run.skipped ? `skipped: ${run.skipped}` : `failed: ${run.failed}`} | | | | | | | |`);
    continue;
  }
  for (const r of run.results ?? []) {
    const cell = (value: number) => (Number.isNaN(value) ? '–' : String(value)); // no 2xx answer to measure
    lines.push(`| ${run.database} | ${r.endpoint} | ${r.requestsPerSecond} | ${cell(r.p50Ms)} | ${cell(r.p95Ms)} | ${cell(r.p99Ms)} | ${r.errors} | ${r.serverCpuPercent}% | ${cell(r.dbMsPerRequest)} |`);
  }
}
for (const run of runs.filter((r) => r.seed)) {
  lines.push('', `${run.database}: ${run.description}; seed loaded in ${(run.seed!.loadMs / 1000).toFixed(1)} s (generated in ${(run.seed!.generateMs / 1000).toFixed(1)} s); partner ${run.partner!.name} with ${run.partner!.deals.toLocaleString('en')} deals.`);
}
lines.push(
  '',
  `Target: ${target.statement}: ${target.met === null ? `not measured${measured ? ` (run with ${settings.connections} connections)` : ' (no PostgreSQL run)'}` : `${target.met ? 'met' : 'MISSED'} (p95 ${target.p95Ms} ms)`}.`,
);
for (const run of runs.filter((r) => r.dealListPlans)) {
  run.dealListPlans!.forEach((plan, index) => {
    lines.push('', `${run.database}: GET /deals?limit=50, query ${index + 1} of ${run.dealListPlans!.length}:`, ...plan.map((line) => `    ${line}`));
  });
}
lines.push('', `Load average ${machine.loadAverageAtStart} at start, ${Math.round(loadavg()[0]! * 100) / 100} at the end: other work on the machine lowers every figure.`);
console.log(lines.join('\n'));

const outDir = join(root, '.bench');
mkdirSync(outDir, { recursive: true });
const report = { date: new Date().toISOString(), machine: { ...machine, loadAverageAtEnd: Math.round(loadavg()[0]! * 100) / 100 }, settings, seed: { size: 'bench', deals: seedDeals ?? null }, target, runs };
writeFileSync(join(outDir, 'server.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten to .bench/server.json`);

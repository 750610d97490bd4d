// `npm test`: everything CI runs, phase by phase, with timings and one total at the end.
//
// Phases that do not depend on each other run side by side, as many at once as the machine has
// cores (PK_TEST_JOBS overrides; 1 runs them one after the other). Each phase's output is held
// back and printed in one piece when it ends, so logs never interleave.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { findBrowserOrExit } from './lib/find-browser.ts';

const root = new URL('..', import.meta.url).pathname;
const wallStart = Date.now();

// Without a browser the component and end-to-end phases cannot run: say so in one line, first.
const browserStart = Date.now();
process.env.CHROME_PATH = findBrowserOrExit((line) => console.log(`[partnerkit] ${line}`));
const browserMs = Date.now() - browserStart;

const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const jobs = Math.max(1, Number(process.env.PK_TEST_JOBS) || availableParallelism());

interface Phase {
  name: string;
  command: string[];
  /** Added to the environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Phases whose output this one needs; it starts after they succeed. */
  after?: string[];
  /** Reads passed/failed test counts after the phase; phases without it count as checks. */
  counts?: () => { passed: number; failed: number };
}

function tapCounts(file: string) {
  return () => {
    const tap = readFileSync(file, 'utf8');
    const read = (label: string) => Number(tap.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? NaN);
    return { passed: read('pass'), failed: read('fail') + read('cancelled') };
  };
}

/** A node:test phase; `concurrency` is how many of its test files run at once. */
function nodeTests(name: string, globs: string[], options: { env?: Phase['env']; after?: string[]; concurrency?: number } = {}): Phase {
  const tap = join(results, `${name}.tap`);
  const concurrency = options.concurrency ? [`--test-concurrency=${options.concurrency}`] : [];
  return {
    name,
    command: [process.execPath, '--test', ...concurrency, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...globs],
    ...(options.env ? { env: options.env } : {}),
    ...(options.after ? { after: options.after } : {}),
    counts: tapCounts(tap),
  };
}

// Test files of the server suites spend much of their time waiting on the database: at least two
// at a time (one per core on larger machines), which node:test's default (cores - 1) would not give a 2-core machine.
const nodeConcurrency = Math.max(2, availableParallelism());
const serverSuites = ['packages/server/test/**/*.test.ts', 'packages/api/test/client-integration.test.ts'];

// The server tests run on PGlite; given a PostgreSQL server (`.ci/run` starts one), they run on it too.
const testDatabaseUrl = process.env.PARTNERKIT_TEST_DATABASE_URL;
const postgresTests = testDatabaseUrl
  ? [nodeTests('server tests (PostgreSQL)', serverSuites, { env: { PARTNERKIT_TEST_DATABASE_URL: testDatabaseUrl }, concurrency: nodeConcurrency })]
  : [];

const wtrSummary = join(results, 'components.json');
// In the order they are listed in the summary. A phase starts once the phases it comes `after`
// have passed and a slot is free: the longest first (they would otherwise be left to run alone
// at the end), then in this order.
const longestFirst = ['node tests', 'server tests (PostgreSQL)', 'component tests', 'demo build', 'end-to-end (demo)', 'custom elements manifest', 'storybook build'];
const phases: Phase[] = [
  { name: 'typecheck', command: [bin('tsc'), '-p', 'tsconfig.json'] },
  { name: 'lint', command: [bin('eslint'), '.'] },
  { name: 'contract lint', command: [bin('redocly'), 'lint', '--format=stylish'], env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  nodeTests('node tests', ['packages/api/test/**/*.test.ts', 'packages/server/test/**/*.test.ts', 'packages/elements/test/node/**/*.test.ts', 'test/tooling/**/*.test.ts'], {
    env: { PARTNERKIT_TEST_DATABASE_URL: undefined },
    concurrency: nodeConcurrency,
  }),
  ...postgresTests,
  nodeTests('conformance', ['test/conformance/**/*.test.ts'], { env: { PARTNERKIT_BASE_URL: undefined } }),
  {
    name: 'component tests',
    command: [bin('wtr')],
    env: { PK_WTR_SUMMARY: wtrSummary },
    counts: () => JSON.parse(readFileSync(wtrSummary, 'utf8')) as { passed: number; failed: number },
  },
  // Storybook's docs pages read the manifest: it is generated once, before the build.
  { name: 'custom elements manifest', command: [bin('custom-elements-manifest'), 'analyze'] },
  { name: 'storybook build', command: [bin('storybook'), 'build', '--quiet', '-o', 'storybook-static'], env: { STORYBOOK_DISABLE_TELEMETRY: '1' }, after: ['custom elements manifest'] },
  { name: 'size budgets', command: [process.execPath, 'scripts/size.ts'] },
  // The demo page is built once; the demo journeys serve that build (PK_DEMO_BUILT) instead of each building it again.
  { name: 'demo build', command: [bin('vite'), 'build', '--config', 'examples/portal/vite.config.ts'] },
  nodeTests('end-to-end (demo)', ['test/e2e/demo-portal.test.ts', 'test/e2e/deal-registration.test.ts'], { after: ['demo build'], env: { PK_DEMO_BUILT: '1' } }),
  nodeTests('end-to-end (storybook)', ['test/e2e/storybook.test.ts'], { after: ['storybook build'] }),
  nodeTests('end-to-end (define alone)', ['test/e2e/define-alone.test.ts']),
];

// `npm test -- lint "storybook build"` runs only the phases named (and what they need first).
const wanted = new Set(process.argv.slice(2));
for (const name of wanted) {
  if (!phases.some((phase) => phase.name === name)) {
    console.error(`[partnerkit] no phase "${name}"; the phases are: ${phases.map((phase) => phase.name).join(', ')}.`);
    process.exit(2);
  }
}
for (const phase of [...phases].reverse()) if (wanted.has(phase.name)) for (const name of phase.after ?? []) wanted.add(name);
const selected = wanted.size > 0 ? phases.filter((phase) => wanted.has(phase.name)) : phases;

// Every end-to-end file belongs to an end-to-end phase.
{
  const covered = new Set(phases.flatMap((phase) => phase.command.filter((arg) => arg.startsWith('test/e2e/'))));
  const missing = readdirSync(join(root, 'test/e2e')).filter((file) => file.endsWith('.test.ts') && !covered.has(`test/e2e/${file}`));
  if (missing.length > 0) {
    console.error(`[partnerkit] scripts/test.ts runs no phase for ${missing.map((file) => `test/e2e/${file}`).join(', ')}: add it to an end-to-end phase.`);
    process.exit(1);
  }
}

/** Runs a command with its output (stdout and stderr, as they come) going to the file `log`. */
function run(command: string[], extraEnv: Phase['env'], log: string): Promise<number> {
  const env = { ...process.env, ...extraEnv };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve) => {
    const out = createWriteStream(log);
    const child = spawn(command[0]!, command.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', (code, signal) => out.end(() => resolve(signal ? 1 : (code ?? 1))));
    child.on('error', (error) => {
      out.write(`could not start ${command[0]}: ${error.message}\n`);
      out.end(() => resolve(1));
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const clock = () => seconds(Date.now() - wallStart).padStart(8);
interface Outcome {
  name: string;
  ok: boolean;
  ms: number;
  detail: string;
  passed: number;
  failed: number;
}
const outcomes = new Map<string, Outcome>();

async function runPhase(phase: Phase): Promise<Outcome> {
  const log = join(results, `${phase.name}.log`);
  const started = Date.now();
  const code = await run(phase.command, phase.env, log);
  const ms = Date.now() - started;
  const outcome: Outcome = { name: phase.name, ok: code === 0, ms, detail: code === 0 ? 'ok' : `exit code ${code}`, passed: 0, failed: 0 };
  if (phase.counts) {
    try {
      const counts = phase.counts();
      if (!Number.isFinite(counts.passed) || !Number.isFinite(counts.failed)) throw new Error('no totals');
      outcome.passed = counts.passed;
      outcome.failed = counts.failed;
      outcome.detail = `${counts.passed} passed, ${counts.failed} failed`;
      // A runner that ran nothing has not proven anything.
      if (counts.passed === 0) outcome.ok = false;
      if (counts.failed > 0) outcome.ok = false;
    } catch {
      outcome.failed = 1;
      outcome.ok = false;
      outcome.detail = 'no test results were reported';
    }
  } else if (!outcome.ok) {
    outcome.failed = 1;
  }
  console.log(`\n━━ ${phase.name} ━━ (${seconds(ms)}, ${outcome.ok ? 'passed' : 'FAILED'})`);
  process.stdout.write(readFileSync(log, 'utf8'));
  return outcome;
}

console.log(`[partnerkit] browser: ${process.env.CHROME_PATH}; ${selected.length} phases, up to ${jobs} at a time`);
{
  const waiting = [...selected];
  const running = new Map<string, Promise<void>>();
  while (waiting.length > 0 || running.size > 0) {
    // A phase whose prerequisite failed is not run: it is reported as skipped, and fails.
    for (const phase of [...waiting]) {
      const failedBefore = phase.after?.find((name) => outcomes.has(name) && !outcomes.get(name)!.ok);
      if (!failedBefore) continue;
      waiting.splice(waiting.indexOf(phase), 1);
      outcomes.set(phase.name, { name: phase.name, ok: false, ms: 0, detail: `not run: ${failedBefore} failed`, passed: 0, failed: 1 });
    }
    const rank = (phase: Phase) => (longestFirst.includes(phase.name) ? longestFirst.indexOf(phase.name) : longestFirst.length + selected.indexOf(phase));
    const ready = waiting.filter((phase) => (phase.after ?? []).every((name) => outcomes.get(name)?.ok)).sort((a, b) => rank(a) - rank(b));
    for (const phase of ready.slice(0, jobs - running.size)) {
      waiting.splice(waiting.indexOf(phase), 1);
      console.log(`${clock()}  ▸ ${phase.name}`);
      running.set(
        phase.name,
        runPhase(phase).then((outcome) => {
          outcomes.set(phase.name, outcome);
          running.delete(phase.name);
        }),
      );
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
}

const wallMs = Date.now() - wallStart;
const report = [{ name: 'browser', ok: true, ms: browserMs, detail: process.env.CHROME_PATH ?? '' }, ...selected.map((phase) => outcomes.get(phase.name)!)];
const passed = report.reduce((sum, line) => sum + ('passed' in line ? line.passed : 0), 0);
const failed = report.reduce((sum, line) => sum + ('failed' in line ? line.failed : 0), 0);
console.log('\n━━ summary ━━');
const width = Math.max(16, ...report.map((line) => line.name.length));
for (const line of report) console.log(`${line.ok ? '✔' : '✖'} ${line.name.padEnd(width)} ${seconds(line.ms).padStart(8)}  ${line.detail}`);
const phaseMs = report.reduce((sum, line) => sum + line.ms, 0);
console.log(`  ${'total (wall clock)'.padEnd(width)} ${seconds(wallMs).padStart(8)}  phases add up to ${seconds(phaseMs)}, up to ${jobs} at a time`);
const allOk = report.every((line) => line.ok);
if (selected.length < phases.length) console.log(`only ${selected.length} of ${phases.length} phases were run`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);

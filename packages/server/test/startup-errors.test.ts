import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const KEY = 'test-secret-key-0123456789abcdef';

/** Runs the standalone server with this environment (nothing inherited but PATH) until it exits. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', PARTNERKIT_DATA_DIR: 'memory://', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exactly one line on stderr, nothing on stdout, exit code 1. */
async function failsWithOneLine(env: Record<string, string>, sentence: RegExp): Promise<void> {
  const run = await start(env);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0]!, sentence);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}

function holdPort(): Promise<Server & { port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    // On every address, as the server binds, so the port is taken whatever it asks for.
    server.listen(0, () => resolve(Object.assign(server, { port: (server.address() as { port: number }).port })));
  });
}

test('a missing secret key is one sentence saying to set it', async () => {
  await failsWithOneLine({}, /^PARTNERKIT_SECRET_KEY is not set: set it to a random secret of at least 24 characters\.$/);
});

test('a secret key that is too short is one sentence saying how long it must be', async () => {
  await failsWithOneLine({ PARTNERKIT_SECRET_KEY: 'too-short' }, /^PARTNERKIT_SECRET_KEY is 9 characters long: set it to a random secret of at least 24 characters\.$/);
});

test('an unreachable database is one sentence naming the server, never the password', async () => {
  await failsWithOneLine({ PARTNERKIT_SECRET_KEY: KEY, DATABASE_URL: 'postgres://partnerkit:hunter2@127.0.0.1:1/x' }, /^Cannot reach the database at DATABASE_URL \(127\.0\.0\.1:1\/x\): start PostgreSQL there or set DATABASE_URL to a server that runs\.$/);
  const run = await start({ PARTNERKIT_SECRET_KEY: KEY, DATABASE_URL: 'postgres://partnerkit:hunter2@127.0.0.1:1/x' });
  assert.doesNotMatch(run.stderr, /hunter2/);
});

test('a port in use is one sentence saying to free it or choose another', async () => {
  const held = await holdPort();
  try {
    await failsWithOneLine({ PARTNERKIT_SECRET_KEY: KEY, PORT: String(held.port) }, new RegExp(`^Port ${held.port} is already in use: stop the program that uses it or set PORT to a free port\\.$`));
  } finally {
    held.close();
  }
});

test('with DEBUG=partnerkit the stacks follow the sentence', async () => {
  const run = await start({ PARTNERKIT_SECRET_KEY: KEY, DATABASE_URL: 'postgres://127.0.0.1:1/x', DEBUG: 'partnerkit' });
  assert.equal(run.code, 1);
  const [first, ...rest] = run.stderr.trimEnd().split('\n');
  assert.match(first!, /^Cannot reach the database at DATABASE_URL/);
  assert.match(rest.join('\n'), /ECONNREFUSED/, 'the cause is shown');
  assert.match(rest.join('\n'), /\n\s+at /, 'with its stack');
});

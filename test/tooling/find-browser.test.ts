import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/**
 * An environment without any browser: CHROME_PATH points nowhere, Playwright's browser folder is
 * empty, and PATH is an empty folder: no chromium, google-chrome or apt-get (so nothing is installed).
 */
function browserlessEnv(dir: string): NodeJS.ProcessEnv {
  const bin = join(dir, 'bin');
  const browsers = join(dir, 'ms-playwright');
  mkdirSync(bin);
  mkdirSync(browsers);
  return { HOME: dir, PATH: bin, CHROME_PATH: join(dir, 'no-such-chrome'), PLAYWRIGHT_BROWSERS_PATH: browsers };
}

test('without a browser, `npm test` stops at once with one sentence that says what to do', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partnerkit-no-browser-'));
  try {
    // scripts/test.ts looks for the browser before anything else, so nothing else runs here.
    const run = spawnSync(process.execPath, ['scripts/test.ts'], { cwd: root, env: browserlessEnv(dir), encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.signal, null, 'it ended by itself');
    assert.equal(run.status, 1);
    const output = `${run.stdout}${run.stderr}`.trim();
    const lines = output.split('\n');
    assert.equal(lines.length, 1, `one line, not:\n${output}`);
    assert.match(output, /^\[partnerkit\] No Chromium found\b/);
    assert.match(output, new RegExp(`CHROME_PATH=${join(dir, 'no-such-chrome')} does not exist`), 'names the CHROME_PATH that does not exist');
    assert.match(output, /set CHROME_PATH to a Chromium or Chrome executable, or install Debian's chromium \(sudo apt-get install chromium\)\.$/);
    assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
    assert.doesNotMatch(output, /apt-get could not/, 'no apt-get on PATH: no install was attempted');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the finder takes CHROME_PATH when it exists, before anything on PATH', () => {
  const dir = mkdtempSync(join(tmpdir(), 'partnerkit-browser-'));
  try {
    const env = { ...browserlessEnv(dir), CHROME_PATH: process.execPath };
    // A chromium on PATH that the finder must not prefer.
    const onPath = join(dir, 'bin', 'chromium');
    writeFileSync(onPath, '#!/bin/sh\nexit 0\n');
    chmodSync(onPath, 0o755);
    const script = "import { findBrowser } from './scripts/lib/find-browser.ts'; console.log(findBrowser());";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), process.execPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

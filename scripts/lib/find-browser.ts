import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The executable `command` on PATH (symlinks resolved), like `command -v`. */
function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return realpathSync(candidate);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function playwrightManaged(): string | undefined {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return undefined;
  for (const dir of readdirSync(cache).filter((name) => name.startsWith('chromium-')).sort().reverse()) {
    for (const candidate of ['chrome-linux64/chrome', 'chrome-linux/chrome']) {
      const path = join(cache, dir, candidate);
      if (existsSync(path)) return path;
    }
  }
  return undefined;
}

function isDebianLike(): boolean {
  try {
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

/** No browser could be found or installed; the message says what to do, in one sentence. */
export class NoBrowserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoBrowserError';
  }
}

/**
 * A Chromium-family browser for the component and end-to-end tests, in this order:
 * CHROME_PATH, a Playwright-managed browser, Debian's chromium, google-chrome. When none is
 * found and we are root on Debian/Ubuntu with apt-get, Debian's chromium is installed with apt.
 * Throws a {@link NoBrowserError} when there is none.
 */
export function findBrowser(log: (line: string) => void = console.log): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = playwrightManaged() ?? onPath('chromium') ?? onPath('google-chrome');
  if (found) return found;
  let tried = '';
  if (process.getuid?.() === 0 && isDebianLike() && onPath('apt-get')) {
    log('no Chromium found: installing Debian\'s chromium with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const installed = install.status === 0 ? onPath('chromium') : undefined;
    if (installed) return installed;
    tried = ' and apt-get could not install it';
  }
  const badEnv = fromEnv ? ` (CHROME_PATH=${fromEnv} does not exist)` : '';
  throw new NoBrowserError(
    `No Chromium found for the browser tests${badEnv}${tried}: set CHROME_PATH to a Chromium or Chrome executable, or install Debian's chromium (sudo apt-get install chromium).`,
  );
}

/**
 * {@link findBrowser} for command-line entry points: on failure, prints its one-sentence message
 * (no stack trace) and exits with status 1.
 */
export function findBrowserOrExit(log: (line: string) => void = console.log): string {
  try {
    return findBrowser(log);
  } catch (error) {
    if (!(error instanceof NoBrowserError)) throw error;
    console.error(`[partnerkit] ${error.message}`);
    process.exit(1);
  }
}

/** Flags that keep Chromium from calling out to the network in sandboxed CI machines. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

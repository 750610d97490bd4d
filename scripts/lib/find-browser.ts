import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function onPath(command: string): string | undefined {
  try {
    const found = execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
    return found ? realpathSync(found) : undefined;
  } catch {
    return undefined;
  }
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

/**
 * A Chromium-family browser for the component and end-to-end tests, in this order:
 * CHROME_PATH, a Playwright-managed browser, Debian's chromium, google-chrome. When none is
 * found and we are root on Debian/Ubuntu, Debian's chromium is installed with apt.
 */
export function findBrowser(log: (line: string) => void = console.log): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = playwrightManaged() ?? onPath('chromium') ?? onPath('google-chrome');
  if (found) return found;
  if (process.getuid?.() === 0 && isDebianLike()) {
    log('no Chromium found: installing Debian\'s chromium with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const installed = install.status === 0 ? onPath('chromium') : undefined;
    if (installed) return installed;
  }
  throw new Error('No Chromium found: set CHROME_PATH, or install one (Debian/Ubuntu: sudo apt-get install chromium).');
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

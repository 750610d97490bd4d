import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchDemo, type RunningDemo } from '../../examples/portal/launch.ts';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/lib/find-browser.ts';

// Drives the real demo: built page, reference server, embedded Postgres, real Chromium.
describe('demo portal', () => {
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  before(async () => {
    demo = await launchDemo({ port: 0 });
    browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
    page = await browser.newPage({ locale: 'en-US' });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  test('shows the signed-in partner\'s seeded deals', async () => {
    await page.goto(demo.url);
    const table = page.getByRole('table', { name: /deal/i });
    await table.waitFor();
    const heading = page.getByRole('heading', { level: 2 });
    // The demo partner is Austrian: the portal speaks its session's language.
    assert.equal(await heading.textContent(), 'Deal-Registrierungen');
    const rows = table.getByRole('row');
    await page.getByRole('status').filter({ hasText: /Deals? angezeigt/ }).waitFor();
    const count = await rows.count();
    assert.ok(count > 10, `expected seeded deals, saw ${count - 1} rows`);
    const firstRow = await rows.nth(1).textContent();
    assert.match(firstRow ?? '', /DR-\d{4}-\d{6}/);
    assert.match(firstRow ?? '', /€/);
    assert.match((await page.locator('#signed-in-as').textContent()) ?? '', /Alpenblick/);
  });

  test('loads the next page on request', async () => {
    const rows = page.getByRole('table', { name: /deal/i }).getByRole('row');
    const before = await rows.count();
    await page.getByRole('button', { name: 'Weitere Deals laden' }).click();
    await page.waitForFunction((n) => {
      const list = document.querySelector('pk-deal-list');
      return (list?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) > n;
    }, before - 1);
    assert.ok((await rows.count()) > before);
  });

  test('runs under the strict Content-Security-Policy, with Trusted Types enforced, without errors', async () => {
    const response = await page.goto(demo.url);
    const policy = response?.headers()['content-security-policy'] ?? '';
    assert.match(policy, /style-src 'self'/);
    assert.match(policy, /require-trusted-types-for 'script'/);
    await page.getByRole('table', { name: /deal/i }).getByRole('row').nth(1).waitFor();
    assert.deepEqual(consoleErrors, []);
    // Enforcement is real: a plain string into an HTML sink is refused on this page.
    const refused = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>untrusted</b>';
        return false;
      } catch (error) {
        return error instanceof TypeError;
      }
    });
    assert.equal(refused, true);
  });
});

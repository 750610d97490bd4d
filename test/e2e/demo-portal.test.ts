import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
    demo = await launchDemo({ port: 0, quiet: true });
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
    const heading = page.locator('pk-deal-list').getByRole('heading', { level: 2 });
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
    // Rows beyond the first page are virtualised: the table's aria-rowcount counts them all.
    const rowCount = () =>
      page.evaluate(() => {
        const table = document.querySelector('pk-deal-list')?.shadowRoot?.querySelector('pk-data-table')?.shadowRoot?.querySelector('table');
        return Number(table?.getAttribute('aria-rowcount') ?? 0) - 1;
      });
    const before = await rowCount();
    await page.getByRole('button', { name: 'Weitere Deals laden' }).click();
    await page.waitForFunction((n) => {
      const table = document.querySelector('pk-deal-list')?.shadowRoot?.querySelector('pk-data-table')?.shadowRoot?.querySelector('table');
      return Number(table?.getAttribute('aria-rowcount') ?? 0) - 1 > n;
    }, before);
    const after = await rowCount();
    assert.ok(after > before, `${after} rows after ${before}`);
    await page.getByRole('status').filter({ hasText: `${after} Deals angezeigt` }).waitFor();
  });

  test('opens a deal from the list in the detail view', async () => {
    const row = page.getByRole('table', { name: 'Deal-Registrierungen' }).getByRole('row').nth(1);
    const reference = /DR-\d{4}-\d{6}/.exec((await row.textContent()) ?? '')?.[0];
    assert.ok(reference, 'the row shows its reference');
    await row.click();
    const detail = page.locator('#partner-view pk-deal-detail');
    await detail.getByText(reference).waitFor();
    assert.equal(await detail.isVisible(), true);
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

  test('downloads the filtered list as CSV under the same policy', async () => {
    const errorsBefore = consoleErrors.length;
    const list = page.locator('pk-deal-list');
    await list.getByRole('button', { name: 'Wartet auf mich' }).click();
    await page.waitForFunction(() => document.querySelector('pk-deal-list')?.getAttribute('status') === 'draft info_requested');
    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Als CSV exportieren' }).click()]);
    assert.match(download.suggestedFilename(), /^deal-registrierungen-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').trim().split('\r\n');
    assert.match(lines[0] ?? '', /reference/i, 'a header row');
    assert.ok(lines.length > 1, 'the demo partner has deals waiting for it');
    for (const line of lines.slice(1)) assert.match(line, /^[^,]+,(draft|info_requested),/, 'only the filtered statuses');
    assert.deepEqual(consoleErrors.slice(errorsBefore), []);
  });
});

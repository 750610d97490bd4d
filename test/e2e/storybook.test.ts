import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { chromium, type Browser } from 'playwright-core';
import { listen, type Listening } from '@partnerkit/server';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/lib/find-browser.ts';

// Opens every story of the built Storybook: each must render without console errors,
// failed requests or axe violations. `npm test` builds Storybook before this phase.
const staticDir = 'storybook-static';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface IndexEntry {
  id: string;
  type: string;
  title: string;
  name: string;
  tags?: string[];
}

describe('storybook stories', () => {
  let server: Listening | undefined;
  let origin: string;
  let browser: Browser;
  const stories: IndexEntry[] = [];

  before(async () => {
    assert.ok(existsSync(`${staticDir}/index.json`), 'storybook-static/ is missing: run `pnpm build-storybook` first');
    const index = JSON.parse(readFileSync(`${staticDir}/index.json`, 'utf8')) as { entries: Record<string, IndexEntry> };
    stories.push(...Object.values(index.entries).filter((entry) => entry.type === 'story'));
    // Chromium asks for /favicon.ico on its own; Storybook ships none.
    const app = new Hono().get('/favicon.ico', (c) => c.body(null, 204)).use('*', serveStatic({ root: staticDir }));
    server = await listen(app.fetch, { port: 0, hostname: '127.0.0.1' });
    origin = `http://127.0.0.1:${server.port}`;
    browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every story renders cleanly and passes axe', async () => {
    assert.ok(stories.length >= 5, `expected the deal-list stories, found ${stories.length}`);
    for (const story of stories) {
      const page = await browser.newPage();
      const problems: string[] = [];
      // Stories tagged `http-errors` show how components handle error answers: those are expected.
      const errorsExpected = story.tags?.includes('http-errors') ?? false;
      page.on('console', (message) => {
        if (message.type() === 'error' && !(errorsExpected && message.text().startsWith('Failed to load resource'))) problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      page.on('response', (response) => {
        if (response.status() >= 400 && !errorsExpected) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      await page.goto(`${origin}/iframe.html?id=${story.id}&viewMode=story`);
      // A story has settled when the portal speaks its language and every element is defined;
      // a deal list shows its title or an error alert (Loading: a busy skeleton under a title).
      await page.waitForFunction(() => {
        const root = document.querySelector('#storybook-root');
        if (!root?.querySelector('pk-portal[lang]') || root.querySelector(':not(:defined)')) return false;
        const list = root.querySelector('pk-deal-list')?.shadowRoot;
        return !root.querySelector('pk-deal-list') || Boolean(list?.querySelector('h2') || list?.querySelector('[role="alert"]'));
      });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        // Storybook's a11y addon runs the same axe after each render: wait for it to finish.
        for (let attempt = 0; ; attempt += 1) {
          try {
            const result = await axe.run({ include: [['#storybook-root']] });
            return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
          } catch (error) {
            if (attempt > 50 || !String(error).includes('already running')) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      });
      assert.deepEqual(violations, [], `${story.title} / ${story.name}: axe`);
      assert.deepEqual(problems, [], `${story.title} / ${story.name}`);
      await page.close();
    }
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { chromium, type Browser, type Page } from 'playwright-core';
import { listen, type Listening } from '@partnerkit/server';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/lib/find-browser.ts';

// Opens every story of the built Storybook: each must render without console errors, page
// errors, failed requests, Storybook's error display or axe violations. `npm test` builds
// Storybook before this phase.
//
// The preview (`iframe.html`) is loaded once per page; stories are then switched through
// Storybook's channel (`setCurrentStory`), as the Storybook UI does, and each one is checked once
// Storybook reports it finished (`storyFinished`: loaded, rendered, played, afterEach hooks done)
// and its content has settled. Two pages share the stories between them.
const staticDir = 'storybook-static';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** Pages working through the stories at once (PK_STORYBOOK_PAGES overrides). */
const pageCount = Number(process.env.PK_STORYBOOK_PAGES) || Math.min(2, availableParallelism());

interface IndexEntry {
  id: string;
  type: string;
  title: string;
  name: string;
  tags?: string[];
}

/** What the page records from Storybook's channel for the story being shown. */
interface StoryEvent {
  type: string;
  storyId?: string;
  status?: string;
  detail?: string;
}

interface Channel {
  on(event: string, listener: (...args: never[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
}

interface PreviewWindow {
  __STORYBOOK_PREVIEW__?: { storyStoreValue?: { userGlobals: { get(): Record<string, unknown> } } };
  __STORYBOOK_ADDONS_CHANNEL__?: Channel;
  __pkStoryEvents: StoryEvent[];
  axe: { run: (context: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
}

/** A preview page and the story it shows (problems reported now are that story's). */
interface Preview {
  page: Page;
  current: { story: IndexEntry; problems: string[] } | undefined;
  /** The story shown before, possibly still being torn down. */
  previous: IndexEntry | undefined;
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

  /**
   * Collects what a page reports for the story it shows. A request belongs to the story that was
   * shown when it was made: one the previous story left open is cancelled when that story is torn
   * down, which is not the new story's fault.
   */
  function watch(page: Page): Preview {
    const preview: Preview = { page, current: undefined, previous: undefined };
    const madeBy = new WeakMap<object, IndexEntry>();
    const report = (problem: string, expectedInErrorStories = false) => {
      const current = preview.current;
      if (!current) return;
      // Stories tagged `http-errors` show how components handle error answers: those are expected.
      if (expectedInErrorStories && current.story.tags?.includes('http-errors')) return;
      current.problems.push(problem);
    };
    page.on('request', (request) => {
      if (preview.current) madeBy.set(request, preview.current.story);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') report(`console: ${message.text()}`, message.text().startsWith('Failed to load resource'));
    });
    page.on('pageerror', (error) => report(`error: ${error.message}`));
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText;
      if (error === 'net::ERR_ABORTED' && madeBy.get(request) !== preview.current?.story) return;
      report(`request failed: ${request.url()} (${error})`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) report(`HTTP ${response.status()}: ${response.url()}`, true);
    });
    return preview;
  }

  /** Loads the preview with no story selected and starts recording Storybook's events. */
  async function openPreview(): Promise<Preview> {
    const page = await browser.newPage();
    const preview = watch(page);
    // The a11y addon's own axe run (after each render, over the whole page, before the stories'
    // data and messages arrive) is switched off with its `a11y.manual` global: this test runs axe
    // itself once the story has settled.
    await page.goto(`${origin}/iframe.html`);
    // Without a story in the URL the preview initialises its store and shows "no preview".
    await page.waitForFunction(() => {
      const preview = window as unknown as PreviewWindow;
      return Boolean(preview.__STORYBOOK_PREVIEW__?.storyStoreValue && preview.__STORYBOOK_ADDONS_CHANNEL__ && document.body.classList.contains('sb-show-nopreview'));
    });
    await page.evaluate(() => (window as unknown as PreviewWindow).__STORYBOOK_ADDONS_CHANNEL__!.emit('updateGlobals', { globals: { a11y: { manual: true } } }));
    await page.waitForFunction(() => {
      const globals = (window as unknown as PreviewWindow).__STORYBOOK_PREVIEW__!.storyStoreValue!.userGlobals.get();
      return (globals.a11y as { manual?: boolean } | undefined)?.manual === true;
    });
    await page.addScriptTag({ content: axeSource });
    await page.evaluate(() => {
      const preview = window as unknown as PreviewWindow;
      const channel = preview.__STORYBOOK_ADDONS_CHANNEL__!;
      preview.__pkStoryEvents = [];
      const record = (event: StoryEvent) => preview.__pkStoryEvents.push(event);
      // The a11y addon's report (axe over the whole page, right after the render) names its violations.
      type Report = { type: string; status: string; result?: { error?: unknown; violations?: { id: string; nodes: { target: unknown }[] }[] } };
      const describe = (report: Report) =>
        `${report.type} failed: ${
          report.result?.violations?.map((violation) => `${violation.id} at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(' ')}`).join('; ') ?? String(report.result?.error)
        }`;
      channel.on('storyFinished', (finished: { storyId: string; status: string; reporters: Report[] }) =>
        record({ type: 'storyFinished', storyId: finished.storyId, status: finished.status, detail: finished.reporters.filter((report) => report.status === 'failed').map(describe).join('; ') }),
      );
      channel.on('storyErrored', (error: { title: string; description: string }) => record({ type: 'storyErrored', detail: `${error.title}: ${error.description}` }));
      channel.on('storyThrewException', (error: { name: string; message: string }) => record({ type: 'storyThrewException', detail: `${error.name}: ${error.message}` }));
      channel.on('playFunctionThrewException', (error: { message: string }) => record({ type: 'playFunctionThrewException', detail: error.message }));
      channel.on('unhandledErrorsWhilePlaying', (errors: { message: string }[]) => record({ type: 'unhandledErrorsWhilePlaying', detail: errors.map((error) => error.message).join('; ') }));
      channel.on('storyMissing', (id?: string) => record({ type: 'storyMissing', detail: String(id) }));
    });
    return preview;
  }

  /** Shows one story on an open preview page and returns what went wrong with it. */
  async function check(preview: Preview, story: IndexEntry): Promise<string[]> {
    const { page } = preview;
    const problems: string[] = [];
    // Each story starts from empty storage, as on a fresh page.
    await page.evaluate((id) => {
      const preview = window as unknown as PreviewWindow;
      localStorage.clear();
      sessionStorage.clear();
      preview.__pkStoryEvents = [];
      preview.__STORYBOOK_ADDONS_CHANNEL__!.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
    }, story.id);
    // What the page reports from here on is this story's (the switch itself starts nothing).
    preview.current = { story, problems };
    // Finished, or stopped: a story that fails to load or render reports that instead.
    await page.waitForFunction(
      (id) =>
        (window as unknown as PreviewWindow).__pkStoryEvents.some((event) => (event.type === 'storyFinished' && event.storyId === id) || event.type === 'storyMissing'),
      story.id,
    );
    const events = await page.evaluate(() => (window as unknown as PreviewWindow).__pkStoryEvents);
    for (const event of events) {
      if (event.type === 'storyFinished' && event.status !== 'success') problems.push(`storybook: finished with ${event.status}${event.detail ? ` (${event.detail})` : ''}`);
      else if (event.type !== 'storyFinished') problems.push(`storybook: ${event.type} ${event.detail ?? ''}`);
    }
    if (await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))) {
      problems.push(`storybook error display: ${await page.locator('#error-message').textContent()}`);
    }
    if (problems.length > 0) return problems;
    // A story has settled when the portal speaks its language and every element is defined;
    // a deal list shows its title or an error alert (Loading: a busy skeleton under a title).
    await page.waitForFunction(() => {
      const root = document.querySelector('#storybook-root');
      if (!root?.querySelector('pk-portal[lang]') || root.querySelector(':not(:defined)')) return false;
      const list = root.querySelector('pk-deal-list')?.shadowRoot;
      return !root.querySelector('pk-deal-list') || Boolean(list?.querySelector('h2') || list?.querySelector('[role="alert"]'));
    });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as PreviewWindow).axe.run({ include: [['#storybook-root']] });
      return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
    for (const violation of violations) problems.push(`axe: ${violation}`);
    return problems;
  }

  test('every story renders cleanly and passes axe', async () => {
    assert.ok(stories.length >= 5, `expected the deal-list stories, found ${stories.length}`);
    const queue = [...stories];
    const failures: string[] = [];

    /** Checks one story and records its problems; a page that failed to check is replaced. */
    async function checkOn(preview: Preview, story: IndexEntry): Promise<Preview> {
      let problems: string[];
      let next = preview;
      const after = preview.previous ? `, shown after ${preview.previous.id}` : '';
      try {
        problems = await check(preview, story);
      } catch (error) {
        problems = [...(preview.current?.story === story ? preview.current.problems : []), `not checked: ${(error as Error).message.split('\n')[0]}`];
        await preview.page.close();
        next = await openPreview();
      }
      preview.current = undefined;
      preview.previous = story;
      if (problems.length > 0) failures.push(`${story.title} / ${story.name} (${story.id}${after}):\n  ${problems.join('\n  ')}`);
      return next;
    }

    async function worker(): Promise<void> {
      let preview = await openPreview();
      for (let story = queue.shift(); story; story = queue.shift()) {
        if (story.tags?.includes('http-errors')) {
          // Error answers are expected only in this story: on a page of its own, none of them
          // (a retry still under way, say) can reach the next story.
          const own = await openPreview();
          await (await checkOn(own, story)).page.close();
        } else {
          preview = await checkOn(preview, story);
        }
      }
      await preview.page.close();
    }

    await Promise.all(Array.from({ length: Math.min(pageCount, stories.length) }, () => worker()));
    assert.deepEqual(failures, [], `${failures.length} of ${stories.length} stories failed`);
  });
});

// `pnpm bench:elements`: rendering figures for <pk-deal-list> with 10,000 deals, not a timed test.
// It bundles scripts/lib/bench-elements-page.ts with esbuild (production Lit, minified), serves it
// from 127.0.0.1 under the demo's strict Content-Security-Policy, and opens it in Chromium
// (playwright-core, the browser scripts/lib/find-browser.ts finds, headless, CHROMIUM_ARGS). The
// page's in-memory client answers GET /deals with ONE page of all 10,000 deals (limit ignored,
// nextCursor null); nothing touches the network. Measured:
//   - time to first rows: from inserting <pk-deal-list> into a localized <pk-portal> to the first
//     animation frame with rows in its table (median and maximum of --runs fresh page loads);
//     each page is left --settle ms (1000) after it has loaded before anything is measured on it:
//     every new page is a new window, and Chromium 156 preloads the window's omnibox popup, a WebUI
//     page in a renderer of its own, at about 1.3 cores for the first 0.7 s. Measured while that
//     runs, the list got half the CPU of a page already open, where that work was done long ago;
//   - scroll frame times: requestAnimationFrame deltas while the table's scroll area is scrolled
//     by --step pixels every frame (300 px at 60 Hz: a fast fling) from the top to the last deal;
//   - row elements in the DOM: body rows of the table after the first render, at most while
//     scrolling, and at the end.
// Frames come at the display rate (60 Hz headless), so an on-time frame is a 16.7 ms delta and a
// dropped one 33.3 ms: "p95 < 16.7 ms" means fewer than 5 % of the frames were late. The page is
// not cross-origin isolated, so its timestamps are coarsened to 100 µs with jitter: on-time frames
// measure 16.5 to 16.8 ms (averaging 16.67). Each delta therefore counts as the frame intervals it
// spans, allowing 1 ms of that jitter (up to 17.67 ms is one frame, up to 34.33 ms two...), and
// the frame-time percentiles are of those; the largest raw delta is printed as measured, and the
// raw percentiles are stored too. Frame times depend on what else the machine is doing: the load
// average is printed and stored with them.
// Prints one markdown table and writes .bench/elements.json.
//
//   node scripts/bench-elements.ts [--runs 5] [--step 300] [--settle 1000]
import { createServer, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './lib/find-browser.ts';
import type { FirstRows, ScrollResult } from './lib/bench-elements-page.ts';

const root = new URL('..', import.meta.url).pathname;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    step: { type: 'string', default: '300' },
    settle: { type: 'string', default: '1000' },
  },
});
const settings = { deals: 10_000, runs: Math.max(1, Number(args.runs)), stepPx: Number(args.step), settleMs: Number(args.settle), viewport: { width: 1280, height: 900 } };

const TARGETS = { firstRowsMs: 100, scrollP95Ms: 16.7, rowsInDom: 100 };

/** The demo portal's policy (examples/portal/host.ts): the component must render under it. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html";

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>pk-deal-list benchmark</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/bench.js"></script>
  </head>
  <body>
    <pk-portal locale="en-GB"></pk-portal>
  </body>
</html>
`;

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'scripts/lib/bench-elements-page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // No `development` condition: Lit's production build, as a site would ship it.
    conditions: ['browser', 'production'],
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    write: false,
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

async function serve(script: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else if (request.url === '/' || request.url?.startsWith('/?')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP }).end(PAGE);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** One frame interval of the display (headless Chromium draws at 60 Hz). */
const FRAME_MS = 1000 / 60;

/** How far the coarsened timestamps let an on-time frame's delta exceed the interval (see the top). */
const JITTER_MS = 1;

/** A frame delta as the whole frame intervals it spans, less the timestamps' jitter (see the top). */
const wholeFrames = (delta: number) => Math.max(1, Math.ceil((delta - JITTER_MS) / FRAME_MS)) * FRAME_MS;

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const median = (values: number[]) => percentile(values, 50);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function openPage(url: string, page: Page, problems: string[]): Promise<void> {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  // Chromium's own start-up work for the new window (see the top) ends before measuring.
  await new Promise((resolve) => setTimeout(resolve, settings.settleMs));
}

const script = await bundle();
const { server, url } = await serve(script);
const executablePath = findBrowser();
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const loadBefore = loadavg().map((load) => round(load, 2));
const problems: string[] = [];

try {
  // Time to first rows: a fresh page per run, so every run renders from nothing.
  const firstRuns: FirstRows[] = [];
  for (let run = 0; run < settings.runs; run += 1) {
    const page = await browser.newPage({ viewport: settings.viewport });
    await openPage(url, page, problems);
    firstRuns.push(await page.evaluate(() => window.bench.firstRows()));
    await page.close();
  }

  // Scrolling: one more page, its list rendered, then scrolled to the last deal.
  const page = await browser.newPage({ viewport: settings.viewport });
  await openPage(url, page, problems);
  const first = await page.evaluate(() => window.bench.firstRows());
  const scroll: ScrollResult = await page.evaluate((step) => window.bench.scrollToEnd(step), settings.stepPx);
  await page.close();

  const firstRowsMs = firstRuns.map((run) => run.firstRowsMs);
  const raw = scroll.frameDeltasMs;
  const deltas = raw.map(wholeFrames);
  const late = deltas.filter((delta) => delta > FRAME_MS).length;
  const loadAfter = loadavg().map((load) => round(load, 2));
  const results = {
    firstRows: { medianMs: round(median(firstRowsMs)), maxMs: round(Math.max(...firstRowsMs)), runsMs: firstRowsMs.map((ms) => round(ms)), rowsInDom: first.rowsInDom },
    scroll: {
      frames: scroll.frames,
      scrolledPx: Math.round(scroll.scrolledPx),
      p50Ms: round(percentile(deltas, 50), 2),
      p95Ms: round(percentile(deltas, 95), 2),
      p99Ms: round(percentile(deltas, 99), 2),
      maxMs: round(Math.max(...raw), 2),
      /** Percentiles of the deltas as measured, before counting them in whole frames. */
      raw: { p50Ms: round(percentile(raw, 50), 2), p95Ms: round(percentile(raw, 95), 2), p99Ms: round(percentile(raw, 99), 2) },
      /** p50 / p95 of each fifth of the way, first to last: whether frames get slower along the way. */
      byFifth: Array.from({ length: 5 }, (_, fifth) => {
        const size = Math.ceil(deltas.length / 5);
        const part = deltas.slice(fifth * size, (fifth + 1) * size);
        return { p50Ms: round(percentile(part, 50), 1), p95Ms: round(percentile(part, 95), 1) };
      }),
      lateFrames: late,
      lateShare: round(late / deltas.length, 3),
      lastRowShown: scroll.lastRowShown,
    },
    rowsInDom: { afterFirstRender: first.rowsInDom, maxWhileScrolling: scroll.maxRowsInDom, atEnd: scroll.rowsInDomAtEnd },
  };
  const met = {
    firstRows: results.firstRows.medianMs < TARGETS.firstRowsMs,
    scrollP95: percentile(deltas, 95) < TARGETS.scrollP95Ms,
    rowsInDom: Math.max(results.rowsInDom.afterFirstRender, results.rowsInDom.maxWhileScrolling, results.rowsInDom.atEnd) < TARGETS.rowsInDom,
  };
  const yes = (ok: boolean) => (ok ? 'yes' : '**no**');
  const chromiumVersion = browser.version();

  console.log(`\n<pk-deal-list>, ${settings.deals.toLocaleString('en')} deals in one page, Chromium ${chromiumVersion} (headless), ${cpus().length}× ${cpus()[0]?.model.trim() ?? 'CPU'}, load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after\n`);
  console.log('| measure | result | target | met |');
  console.log('|---|---|---|---|');
  console.log(`| time to first rows (median of ${settings.runs}; max) | ${results.firstRows.medianMs} ms; ${results.firstRows.maxMs} ms | < ${TARGETS.firstRowsMs} ms | ${yes(met.firstRows)} |`);
  console.log(`| scroll frame time p95, in whole frames (${results.scroll.frames} frames, ${settings.stepPx} px/frame to the end) | ${results.scroll.p95Ms} ms | < ${TARGETS.scrollP95Ms} ms | ${yes(met.scrollP95)} |`);
  console.log(`| scroll frame time p50 / p99 in whole frames, max as measured; late frames | ${results.scroll.p50Ms} / ${results.scroll.p99Ms} / ${results.scroll.maxMs} ms; ${late} of ${deltas.length} | | |`);
  console.log(`| scroll frame time p50 by fifth of the way | ${results.scroll.byFifth.map((fifth) => fifth.p50Ms).join(' → ')} ms | | |`);
  console.log(`| row elements in the DOM (first render / max scrolling / end) | ${results.rowsInDom.afterFirstRender} / ${results.rowsInDom.maxWhileScrolling} / ${results.rowsInDom.atEnd} | < ${TARGETS.rowsInDom} | ${yes(met.rowsInDom)} |`);
  if (!results.scroll.lastRowShown) console.log('\nthe last deal was not shown at the end of the scroll');
  if (problems.length) console.log(`\npage errors:\n${problems.map((p) => `  ${p}`).join('\n')}`);

  const report = {
    date: new Date().toISOString(),
    machine: { platform: platform(), release: release(), arch: arch(), cpus: cpus().length, cpuModel: cpus()[0]?.model.trim(), memoryGb: round(totalmem() / 1024 ** 3), node: process.version, chromium: chromiumVersion, loadAverageBefore: loadBefore, loadAverageAfter: loadAfter },
    settings: { ...settings, client: 'in-memory, one page of all deals (limit ignored, nextCursor null)', csp: CSP, bundle: 'esbuild, production Lit, minified' },
    targets: TARGETS,
    results,
    met,
    pageErrors: problems,
  };
  const outDir = join(root, '.bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'elements.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nwritten to .bench/elements.json');
  if (problems.length || !results.scroll.lastRowShown) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/lib/find-browser.ts';
import { features } from '../../packages/elements/src/features.ts';
import type { ClientState, Mounted } from './define-alone/page.ts';

// Each define entry must work alone: bundled by itself (with only page-wide configuration and
// an in-memory client beside it), its element must never render a `pk-*` element that is not
// registered, in any state it can be in.
const root = new URL('../../', import.meta.url).pathname;
const defineDir = join(root, 'packages/elements/src/define');
/** Every define entry but `all`: the portal's and the UI primitives' in `src/define`, each feature's in its own folder. */
const entryFiles = new Map<string, string>([
  ...readdirSync(defineDir)
    .filter((file) => file.endsWith('.ts') && file !== 'all.ts')
    .map((file): [string, string] => [file.replace(/\.ts$/, ''), join(defineDir, file)]),
  ...features.flatMap((feature) => Object.entries(feature.elements).map(([tag, module]): [string, string] => [tag, join(root, 'packages/elements/src', module)])),
]);
const entries = [...entryFiles.keys()].sort();

interface Variant {
  /** Values starting with `$` name seeded data (see page.ts). */
  attributes: Record<string, string>;
  /** It shows an alert when its data cannot be loaded (so the test knows it reached that state). */
  showsError: boolean;
}

/** Features' elements load data; UI primitives and the portal have no loading or error state. */
const featureTags = new Set(features.flatMap((feature) => Object.keys(feature.elements)));
const loadsData = (tag: string) => featureTags.has(tag);
/** How each element is mounted: the bare tag unless listed. */
const variants: Record<string, Variant[]> = {
  'pk-deal-detail': [{ attributes: { 'deal-id': '$deal' }, showsError: true }],
  // A new registration (its product list failing only empties the suggestions), and editing an
  // existing one (which loads it first).
  'pk-deal-registration': [
    { attributes: {}, showsError: false },
    { attributes: { 'deal-id': '$editableDeal' }, showsError: true },
  ],
};
const variantsOf = (tag: string): Variant[] => variants[tag] ?? [{ attributes: {}, showsError: loadsData(tag) }];
const statesOf = (tag: string): ClientState[] => (loadsData(tag) ? ['loading', 'data', 'error'] : ['data']);
// A secure context (crypto.randomUUID, IndexedDB), answered by the test itself: no server.
const ORIGIN = 'http://localhost';

describe('each define entry works alone', { concurrency: 3 }, () => {
  let browser: Browser;
  const bundles = new Map<string, string>();
  const scratch = mkdtempSync(join(tmpdir(), 'pk-define-alone-'));

  before(async () => {
    // One generated entry per define entry, bundled each on its own (no shared chunks).
    for (const tag of entries) {
      writeFileSync(join(scratch, `${tag}.ts`), `import ${JSON.stringify(entryFiles.get(tag)!)};\nimport ${JSON.stringify(join(root, 'test/e2e/define-alone/page.ts'))};\n`);
    }
    const result = await build({
      entryPoints: entries.map((tag) => join(scratch, `${tag}.ts`)),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      conditions: ['browser', 'development'],
      outdir: join(scratch, 'out'),
      write: false,
      logLevel: 'silent',
    });
    for (const file of result.outputFiles) bundles.set(file.path.slice(join(scratch, 'out').length + 1).replace(/\.js$/, ''), file.text);
    browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function mountAlone(tag: string, state: ClientState, attributes: Record<string, string>): Promise<Mounted> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.route(`${ORIGIN}/**`, (route) =>
        route.request().url().endsWith('/entry.js')
          ? route.fulfill({ contentType: 'text/javascript', body: bundles.get(tag)! })
          : route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><body><script type="module" src="/entry.js"></script></body></html>' }),
      );
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => 'definedAlone' in window);
      const mounted = await page.evaluate(([name, when, attrs]) => window.definedAlone.mount(name, when, attrs), [tag, state, attributes] as const);
      assert.deepEqual(errors, [], `${tag} threw on the page`);
      return mounted;
    } finally {
      await page.close();
    }
  }

  for (const tag of entries) {
    for (const { attributes, showsError } of variantsOf(tag)) {
      const label = Object.keys(attributes).length ? `<${tag} ${Object.entries(attributes).map(([k, v]) => `${k}=${v}`).join(' ')}>` : `<${tag}>`;
      test(`${label} renders only registered elements (${statesOf(tag).join(', ')})`, async () => {
        for (const state of statesOf(tag)) {
          const mounted = await mountAlone(tag, state, attributes);
          assert.ok(mounted.defined, `${tag} is registered by its own entry`);
          assert.deepEqual(mounted.undefinedTags, [], `${label} (${state}) renders unregistered elements; it saw ${mounted.rendered.join(', ') || 'none'}`);
          if (state === 'error' && showsError) assert.ok(mounted.alert, `${label} shows its error state`);
        }
      });
    }
  }
});

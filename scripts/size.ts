// `pnpm size`: minified + gzip size of what a host page downloads, per public entry, against
// budgets. Entries are bundled together with code splitting, the way an app bundler would:
// an entry's size is its own chunk plus every chunk it imports statically. Lazily loaded
// locale chunks are not counted (only the language in use is ever fetched); they are listed.
import { build, type Metafile } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { features } from '../packages/elements/src/features.ts';

const root = new URL('..', import.meta.url).pathname;
const KB = 1024;

interface Entry {
  name: string;
  /** Module a host imports. */
  source: string;
  /** Gzip bytes; none for rows that break a budgeted row down. */
  budget?: number;
  /** Measured on top of this entry (its chunks are subtracted). */
  base?: string;
}

const defineDir = 'packages/elements/src/define';
const defineEntry = (tag: string) => `${defineDir}/${tag}.ts`;
/** A feature's define entry (`<feature>/define/<tag>.ts` under the elements' `src/`) as a file of the workspace. */
const entryFile = (module: string) => `packages/elements/src/${module}`;
// Features (deals…) declare their elements and budget in their feature.ts; they are measured on
// top of the core and the UI primitives they are built from. Every other define entry but the
// core's own (the portal) and `all` is a UI primitive.
const primitives = readdirSync(`${root}${defineDir}`)
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((tag) => tag !== 'all' && tag !== 'pk-portal')
  .sort();
const uiDir = 'packages/elements/src/ui';
/** Form controls share one base class: it is counted once, and each control on top of it. */
const formControls = new Set(
  readdirSync(`${root}${uiDir}`)
    .filter((file) => /^pk-.*\.ts$/.test(file) && !file.endsWith('.styles.ts'))
    .filter((file) => readFileSync(`${root}${uiDir}/${file}`, 'utf8').includes('extends FormControl'))
    .map((file) => file.replace(/\.ts$/, '')),
);

// Every UI primitive's define entry, gathered at run time so a new primitive is counted at once.
mkdirSync(`${root}.size`, { recursive: true });
const uiEntry = '.size/ui-entry.ts';
writeFileSync(
  `${root}${uiEntry}`,
  ["export * from '../scripts/lib/size-core-entry.ts';", ...primitives.map((tag) => `import '../${defineEntry(tag)}';`)].join('\n') + '\n',
);
// Each feature's define entries together: what a page using the whole feature adds.
const featureEntry = (name: string) => `.size/feature-${name}.ts`;
for (const feature of features) {
  writeFileSync(`${root}${featureEntry(feature.name)}`, Object.values(feature.elements).map((specifier) => `import '../${entryFile(specifier)}';`).join('\n') + '\n');
}

/** Primitives allowed more than 6 KB, and why. */
const primitiveBudgets: Record<string, number> = {
  // Two layouts (table and cards, by container width), keyboard navigation, selection and
  // announcements; the virtualizer itself loads lazily and is not counted.
  'pk-data-table': 7 * KB,
};

const entries: Entry[] = [
  // ky 2 alone is 8.7 KB gzip; the client adds token caching, retries, sharing and error mapping.
  { name: '@partnerkit/api createClient (ky included)', source: 'packages/api/src/client.ts', budget: 12 * KB },
  { name: '@partnerkit/api PartnerkitError only', source: 'packages/api/src/errors.ts', budget: 1.5 * KB },
  // The core: portal, contexts, theme, i18n, controllers, with lit, @lit/context, i18next and ky.
  { name: 'elements core (pk-portal, configure, DataController)', source: 'scripts/lib/size-core-entry.ts', budget: 40 * KB },
  { name: '+ every UI primitive (src/ui)', source: uiEntry, budget: 60 * KB, base: 'scripts/lib/size-core-entry.ts' },
  ...features.flatMap((feature): Entry[] => [
    { name: `+ ${feature.name} feature, every element (on core and primitives)`, source: featureEntry(feature.name), budget: feature.budget, base: uiEntry },
    ...Object.entries(feature.elements)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([tag, specifier]) => ({ name: `· ${tag} alone (on core and primitives)`, source: entryFile(specifier), base: uiEntry })),
  ]),
  { name: '+ form-control base (shared by every form control)', source: 'scripts/lib/size-form-base-entry.ts', budget: 6 * KB, base: 'scripts/lib/size-core-entry.ts' },
  ...primitives.map((tag) =>
    formControls.has(tag)
      ? { name: `+ ${tag} (on the form-control base)`, source: defineEntry(tag), budget: 6 * KB, base: 'scripts/lib/size-form-base-entry.ts' }
      : { name: `+ ${tag}`, source: defineEntry(tag), budget: primitiveBudgets[tag] ?? 6 * KB, base: 'scripts/lib/size-core-entry.ts' },
  ),
];

const result = await build({
  entryPoints: [...new Set(entries.map((entry) => entry.source))].map((source) => `${root}${source}`),
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outdir: `${root}.size`,
  write: false,
  metafile: true,
  logLevel: 'silent',
  // Production builds drop Lit's dev-mode warnings, as a host bundler would.
  conditions: ['production'],
});
const outputs = result.metafile.outputs as Metafile['outputs'];
const bytes = new Map(result.outputFiles.map((file) => [file.path.slice(root.length), file.contents]));

/** The output of an entry, and every chunk it statically imports, transitively. */
function closure(source: string): Set<string> {
  const start = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === source);
  if (!start) throw new Error(`no output for ${source}`);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs[path]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(start);
  return seen;
}

function size(paths: Iterable<string>): { min: number; gzip: number } {
  const parts = [...paths].map((path) => bytes.get(path)!);
  const joined = Buffer.concat(parts.map((part) => Buffer.from(part)));
  return { min: joined.length, gzip: gzipSync(joined, { level: 9 }).length };
}

const kb = (value: number) => `${(value / KB).toFixed(1)} KB`;
let failed = false;
console.log('| entry | minified | gzip | budget |\n|---|---:|---:|---:|');
for (const entry of entries) {
  const own = closure(entry.source);
  if (entry.base) for (const path of closure(entry.base)) own.delete(path);
  const measured = size(own);
  const ok = entry.budget === undefined || measured.gzip <= entry.budget;
  failed ||= !ok;
  console.log(`| ${entry.name} | ${kb(measured.min)} | ${kb(measured.gzip)} | ${entry.budget === undefined ? '' : kb(entry.budget)}${ok ? '' : ' ✗ over'} |`);
}
const localeChunks = Object.keys(outputs).filter((path) => outputs[path]!.inputs && Object.keys(outputs[path]!.inputs).some((input) => input.includes('/locales/')));
const localeSizes = localeChunks.map((path) => size([path]).gzip);
console.log(`\nLazy locale chunks: ${localeChunks.length}, ${kb(Math.min(...localeSizes))}–${kb(Math.max(...localeSizes))} gzip each (not counted above).`);
process.exit(failed ? 1 : 0);

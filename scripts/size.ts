// `pnpm size`: minified + gzip size of what a host page downloads, per entry, against budgets.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

interface Entry {
  name: string;
  /** Source of a one-file bundle entry that imports what a host would import. */
  contents: string;
  /** Budget in gzip bytes: the run fails when an entry exceeds it. */
  budget: number;
}

const entries: Entry[] = [
  // ky 2 alone is 8.7 KB gzip; the client adds token caching, retries, sharing and error mapping.
  { name: '@partnerkit/api createClient (ky included)', contents: `export { createClient } from '@partnerkit/api';`, budget: 12 * 1024 },
  { name: '@partnerkit/api PartnerkitError only', contents: `export { PartnerkitError } from '@partnerkit/api';`, budget: 1.5 * 1024 },
];

const root = new URL('..', import.meta.url).pathname;
let failed = false;
console.log('| entry | minified | gzip | budget |\n|---|---:|---:|---:|');
for (const entry of entries) {
  const result = await build({
    stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const ok = gzip <= entry.budget;
  failed ||= !ok;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`| ${entry.name} | ${kb(code.length)} | ${kb(gzip)} | ${kb(entry.budget)}${ok ? '' : ' ✗ over'} |`);
}
process.exit(failed ? 1 : 0);

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pkg = new URL('..', import.meta.url).pathname;

test('the committed generated types match the OpenAPI document (run `pnpm gen` when this fails)', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'pk-gen-')), 'schema.ts');
  execFileSync(join(pkg, 'node_modules/.bin/openapi-typescript'), ['openapi/partnerkit.yaml', '-o', out], { cwd: pkg, stdio: 'pipe' });
  const [fresh, committed] = await Promise.all([readFile(out, 'utf8'), readFile(join(pkg, 'src/generated/schema.ts'), 'utf8')]);
  assert.ok(fresh === committed, 'packages/api/src/generated/schema.ts is stale: run `pnpm gen` and commit the result');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lightTokens, referenceTokens } from '../../src/core/theme/tokens.ts';

test('docs/theming.md lists every reference and system token', () => {
  const docs = readFileSync(new URL('../../../../docs/theming.md', import.meta.url), 'utf8');
  const missing = [...Object.keys(referenceTokens), ...Object.keys(lightTokens)].filter((name) => !docs.includes(`\`--pk-${name}\``));
  assert.deepEqual(missing, []);
});

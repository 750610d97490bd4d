import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORE_NAMESPACES } from '../../src/core/locale-namespace.ts';
import { features } from '../../src/features.ts';

const localesDir = new URL('../../locales/', import.meta.url).pathname;
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Flattens to `path -> value`, with plural forms folded into one key (languages differ in forms). */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix.replace(PLURAL, ''), String(value));
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('shipped locales', () => {
  const languages = readdirSync(localesDir).sort();
  const namespaces = readdirSync(join(localesDir, 'en')).sort();

  test('en, de, fr, es and hu are shipped', () => {
    for (const language of ['en', 'de', 'fr', 'es', 'hu']) assert.ok(languages.includes(language), language);
  });

  for (const language of languages.filter((l) => l !== 'en')) {
    test(`${language} has every namespace and key of en, no extra keys, and the same variables`, () => {
      assert.deepEqual(readdirSync(join(localesDir, language)).sort(), namespaces);
      for (const namespace of namespaces) {
        const english = flatten(JSON.parse(readFileSync(join(localesDir, 'en', namespace), 'utf8')));
        const other = flatten(JSON.parse(readFileSync(join(localesDir, language, namespace), 'utf8')));
        assert.deepEqual([...other.keys()].sort(), [...english.keys()].sort(), `${language}/${namespace} keys`);
        for (const [key, text] of english) {
          assert.deepEqual(variables(other.get(key)!), variables(text), `${language}/${namespace} ${key} variables`);
          assert.ok(other.get(key)!.trim().length > 0, `${language}/${namespace} ${key} is empty`);
        }
      }
    });
  }
});

describe('declared namespaces', () => {
  const declared = [...CORE_NAMESPACES, ...features.flatMap((feature) => feature.namespaces)];
  const files = readdirSync(join(localesDir, 'en')).map((file) => file.replace(/\.json$/, '')).sort();

  test('every namespace file belongs to core or to one feature', () => {
    assert.deepEqual(declared.map((namespace) => namespace.name).sort(), files);
  });

  for (const namespace of declared) {
    test(`${namespace.name}: each language's loader loads that language's file`, async () => {
      for (const [language, load] of Object.entries(namespace.load)) {
        const expected: unknown = JSON.parse(readFileSync(join(localesDir, language, `${namespace.name}.json`), 'utf8'));
        assert.deepEqual((await load()).default, expected, `${language}/${namespace.name}`);
      }
    });
  }
});

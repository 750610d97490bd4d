import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSeed } from '../src/seed/generate.ts';

describe('seed generator', () => {
  const now = new Date('2026-06-01T12:00:00Z');

  test('is deterministic for the same options', () => {
    assert.deepEqual(generateSeed({ now }), generateSeed({ now }));
  });

  test('differs with another seed', () => {
    assert.notDeepEqual(generateSeed({ now, seed: 1 }).deals[0], generateSeed({ now, seed: 2 }).deals[0]);
  });

  test('covers every market currency and keeps deals in their partner\'s currency', () => {
    const seed = generateSeed({ now });
    assert.deepEqual([...new Set(seed.partners.map((p) => p.currency))].sort(), ['EUR', 'GBP', 'HUF', 'USD']);
    const currencyOf = new Map(seed.partners.map((p) => [p.id, p.currency]));
    assert.ok(seed.deals.every((d) => d.currency === currencyOf.get(d.partnerId)));
    assert.equal(new Set(seed.deals.map((d) => d.reference)).size, seed.deals.length);
  });

  test('sizes: demo is a few hundred deals, a number is exact', () => {
    assert.ok(generateSeed({ now }).deals.length >= 300);
    assert.equal(generateSeed({ now, size: 12 }).deals.length, 12);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareDecimals, currencyDigits, formatAmount, parseAmount } from '../../src/ui/money-input.ts';

const ok = (amount: string) => ({ ok: true, amount });
const fail = (reason: string) => ({ ok: false, reason });

describe('parseAmount', () => {
  const cases: [string, string, number, object][] = [
    ['1.234,56', 'de-DE', 2, ok('1234.56')],
    ['1234,56', 'de-DE', 2, ok('1234.56')],
    ['1,234.56', 'en-GB', 2, ok('1234.56')],
    ['1234.5', 'en-US', 2, ok('1234.50')],
    ['1 234,56', 'fr-FR', 2, ok('1234.56')],
    ['1\u202f234,56', 'fr-FR', 2, ok('1234.56')],
    ['1 234,56', 'hu-HU', 2, ok('1234.56')],
    ['1\u00a0234,56', 'hu-HU', 2, ok('1234.56')],
    ['12.345,6', 'es-ES', 2, ok('12345.60')],
    ['1’234.56', 'de-CH', 2, ok('1234.56')],
    ["1'234.56", 'de-CH', 2, ok('1234.56')],
    ['12,34,567.80', 'en-IN', 2, ok('1234567.80')],
    ['  -0012,5 ', 'de-DE', 2, ok('-12.50')],
    ['−3,5', 'de-DE', 2, ok('-3.50')],
    ['-0', 'en', 2, ok('0.00')],
    [',5', 'de-DE', 2, ok('0.50')],
    ['1234,', 'de-DE', 2, ok('1234.00')],
    ['999999999999999,99', 'de-DE', 2, ok('999999999999999.99')],
    ['', 'de-DE', 2, ok('')],
    ['   ', 'de-DE', 2, ok('')],
    ['1500', 'ja-JP', 0, ok('1500')],
    ['1.5', 'ja-JP', 0, fail('decimals')],
    ['1,500', 'en-US', 0, ok('1500')],
    ['1,2345', 'de-DE', 4, ok('1.2345')],
    ['1,234', 'de-DE', 2, fail('decimals')],
    ['1,230', 'de-DE', 2, ok('1.23')],
    ['1.23', 'de-DE', 2, fail('invalid')],
    ['1.234,56', 'en-GB', 2, fail('invalid')],
    ['12abc', 'en-GB', 2, fail('invalid')],
    ['1,2,3', 'de-DE', 2, fail('invalid')],
    ['€ 12', 'de-DE', 2, fail('invalid')],
    ['1e5', 'en-GB', 2, fail('invalid')],
    ['1234567890123456', 'en-GB', 2, fail('too-large')],
  ];
  for (const [text, locale, digits, expected] of cases) {
    test(`${JSON.stringify(text)} in ${locale} (${digits} decimals)`, () => {
      assert.deepEqual(parseAmount(text, locale, digits), expected);
    });
  }

  test('reads back every amount it formats, in every shipped locale, without rounding', () => {
    const amount = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 99 }))
      .map(([negative, integer, cents]) => `${negative && (integer > 0n || cents > 0) ? '-' : ''}${integer}.${String(cents).padStart(2, '0')}`);
    fc.assert(
      fc.property(amount, fc.constantFrom('en-GB', 'de-DE', 'fr-FR', 'es-ES', 'hu-HU', 'de-CH', 'en-IN'), (value, locale) => {
        assert.deepEqual(parseAmount(formatAmount(value, locale, 2), locale, 2), ok(value));
      }),
    );
  });
});

describe('formatAmount, currencyDigits, compareDecimals', () => {
  test('formats decimal strings exactly in the locale\'s notation', () => {
    assert.equal(formatAmount('1234.5', 'de-DE', 2), '1.234,50');
    assert.equal(formatAmount('999999999999999.99', 'en-GB', 2), '999,999,999,999,999.99');
    assert.equal(formatAmount('1234.56', 'hu-HU', 2).normalize('NFKC'), '1 234,56');
  });

  test('knows how many decimals a currency has', () => {
    assert.equal(currencyDigits('EUR'), 2);
    assert.equal(currencyDigits('JPY'), 0);
    assert.equal(currencyDigits('BHD'), 3);
    assert.equal(currencyDigits('nope'), 2);
  });

  test('compares decimals exactly', () => {
    assert.equal(compareDecimals('0.1', '0.10'), 0);
    assert.equal(compareDecimals('999999999999999.99', '999999999999999.98'), 1);
    assert.equal(compareDecimals('-1', '0.01'), -1);
    assert.equal(compareDecimals('-2.5', '-2.49'), -1);
  });
});

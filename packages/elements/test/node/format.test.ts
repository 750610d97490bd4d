import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatHours, formatList, formatMoney, formatPercent, formatRelative } from '../../src/core/format.ts';

// Node ships full ICU: the same Intl data as the browsers the components run in.
test('money keeps its decimal string exact and follows the locale', () => {
  assert.equal(formatMoney({ amount: '12500.00', currency: 'HUF' }, 'hu-HU').replace(/\s/g, ' '), '12 500 Ft');
  assert.equal(formatMoney({ amount: '1234567.89', currency: 'EUR' }, 'de-DE').replace(/\s/g, ' '), '1.234.567,89 €');
  assert.equal(formatMoney({ amount: '90071992547409.93', currency: 'USD' }, 'en-US'), '$90,071,992,547,409.93');
});

test('calendar dates never shift a day, whatever the time zone', () => {
  assert.equal(formatDate('2026-12-31', 'en-GB'), '31 Dec 2026');
});

test('percent, relative time and lists', () => {
  assert.equal(formatPercent(0.42, 'en-GB'), '42%');
  assert.equal(formatPercent(0.42, 'de-DE').replace(/\s/g, ' '), '42 %');
  assert.equal(formatRelative('2026-06-13T12:00:00Z', 'en-GB', Date.parse('2026-06-01T12:00:00Z')), 'in 12 days');
  assert.equal(formatRelative('2026-06-13T12:00:00Z', 'hu-HU', Date.parse('2026-06-01T12:00:00Z')), '12 nap múlva');
  assert.equal(formatList(['Alpha', 'Beta', 'Gamma'], 'en-GB'), 'Alpha, Beta and Gamma');
  assert.equal(formatList(['Alpha', 'Beta', 'Gamma'], 'de-DE'), 'Alpha, Beta und Gamma');
  assert.equal(formatList(['DR-1', 'DR-2'], 'fr-FR', 'disjunction'), 'DR-1 ou DR-2');
});

test('spans of hours read as days and hours in each language', () => {
  const hours = (value: number, locale: string) => formatHours(value, locale).replace(/\s/g, ' ');
  assert.equal(hours(8739, 'en-GB'), '364 days, 3 hours');
  assert.equal(hours(48, 'en-GB'), '2 days');
  assert.equal(hours(5.4, 'en-GB'), '5 hours');
  assert.equal(hours(30, 'de-DE'), '1 Tag, 6 Stunden');
  assert.equal(hours(1, 'hu-HU'), '1 óra');
  assert.equal(hours(-2, 'fr-FR'), '0 heure');
});

import type { Money } from '@partnerkit/api';

// Intl formatters are costly to build and pure: cache one per locale and options.
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.DisplayNames;
const cache = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

/** Money in its own currency. Amounts are decimal strings; Intl accepts them without float rounding. */
export function formatMoney(money: Money, locale: string): string {
  const formatter = cached(`money|${locale}|${money.currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }));
  return formatter.format(money.amount as Intl.StringNumericLiteral);
}

/** A calendar date (`YYYY-MM-DD`), shown without shifting it through a time zone. */
export function formatDate(date: string, locale: string): string {
  const formatter = cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  return formatter.format(new Date(`${date}T00:00:00Z`));
}

const DAY_MS = 86_400_000;

/** "in 12 days" / "vor 3 Tagen", from now to `instant`. */
export function formatRelative(instant: string, locale: string, now: number = Date.now()): string {
  const formatter = cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const days = Math.round((Date.parse(instant) - now) / DAY_MS);
  return formatter.format(days, 'day');
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['week', 7 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "5 minutes ago" / "vor 2 Stunden" / "yesterday", from now to `instant`, in the largest fitting unit. */
export function formatElapsed(instant: string, locale: string, now: number = Date.now()): string {
  const difference = Date.parse(instant) - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size) return cached(`relative|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(Math.round(difference / size), unit);
  }
  // Under a second: "1 second ago" rather than "now", which reads oddly after "from".
  return cached(`relative-always|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'always' })).format(difference > 0 ? 1 : -1, 'second');
}

/** A country (ISO 3166-1 alpha-2) by its name in the user's language; the code where it has none. */
export function countryName(code: string, locale: string): string {
  try {
    return cached(`region|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A moment (RFC 3339) as date and time in the user's locale and time zone. */
export function formatDateTime(instant: string, locale: string): string {
  const formatter = cached(`datetime|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  return formatter.format(new Date(instant));
}

/** A fraction (0.42) as a whole percentage in the user's locale: "42 %", "42%", "%42". */
export function formatPercent(fraction: number, locale: string): string {
  return cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(fraction);
}

/** "Alpha, Beta and Gamma" / "Alpha, Beta und Gamma": a list joined the way the locale does. */
export function formatList(items: readonly string[], locale: string, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(locale, { style: 'long', type }).format(items);
}

/**
 * A span of whole hours in days and hours, in the user's words ("3 days, 4 hours", "3 Tage,
 * 4 Stunden", "2 days"); under a day, hours alone ("5 hours").
 */
export function formatHours(hours: number, locale: string): string {
  const whole = Math.max(0, Math.round(hours));
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  const unit = (name: 'day' | 'hour', value: number) => cached(`unit|${name}|${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' })).format(value);
  if (days === 0) return unit('hour', rest);
  if (rest === 0) return unit('day', days);
  return new Intl.ListFormat(locale, { style: 'long', type: 'unit' }).format([unit('day', days), unit('hour', rest)]);
}

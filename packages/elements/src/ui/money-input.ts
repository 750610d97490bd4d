// Decimal amounts as strings, in and out of the user's notation. No value ever passes through a
// JavaScript number: `1234.56` stays exactly that, whatever its size or decimals.

/** The separators a locale writes numbers with. */
export interface NumberSymbols {
  group: string;
  decimal: string;
}

const symbolCache = new Map<string, NumberSymbols>();

export function numberSymbols(locale: string): NumberSymbols {
  let symbols = symbolCache.get(locale);
  if (!symbols) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
    symbols = {
      group: normalize(parts.find((part) => part.type === 'group')?.value ?? ','),
      decimal: normalize(parts.find((part) => part.type === 'decimal')?.value ?? '.'),
    };
    symbolCache.set(locale, symbols);
  }
  return symbols;
}

/** Digits after the decimal point of a currency (EUR 2, JPY 0, BHD 3), at most the contract's 4. */
export function currencyDigits(currency: string): number {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    return Math.min(digits, 4);
  } catch {
    return 2;
  }
}

/** The most integer digits the contract's Money accepts. */
export const MAX_INTEGER_DIGITS = 15;

export type ParseResult =
  | { ok: true; amount: string }
  | { ok: false; reason: 'invalid' | 'decimals' | 'too-large' };

// NFKC turns no-break and narrow no-break spaces (fr, hu group separators) into plain spaces and
// full-width digits into ASCII ones.
const normalize = (text: string) => text.normalize('NFKC');
const APOSTROPHES = /['’]/g;

/**
 * Reads an amount typed in `locale`'s notation (`1.234,56` in de, `1 234,56` in fr and hu,
 * `1,234.56` in en) into a decimal string with exactly `digits` decimals (`1234.56`).
 * Spaces are accepted as group separators in every locale; a group separator must be
 * followed by three digits, so `1.23` in German is refused rather than guessed at.
 * An empty text gives an empty amount.
 */
export function parseAmount(text: string, locale: string, digits: number): ParseResult {
  const { group, decimal } = numberSymbols(locale);
  let rest = normalize(text).trim();
  if (rest === '') return { ok: true, amount: '' };
  let negative = false;
  if (/^[-−+]/.test(rest)) {
    negative = rest[0] !== '+';
    rest = rest.slice(1).trimStart();
  }
  // Mark separators: G for a group, D for the decimal separator; anything else is refused below.
  let marked = '';
  for (const char of rest.replace(APOSTROPHES, "'")) {
    if (char === decimal) marked += 'D';
    else if (/\s/.test(char) || char === group.replace(APOSTROPHES, "'") || (/\s/.test(group) && char === ' ')) marked += 'G';
    else marked += char;
  }
  marked = marked.replace(/G+/g, 'G');
  // Plain or grouped integer part (3-digit groups; 2-digit ones before them as in en-IN), optional fraction.
  const match = /^(?:(\d+|\d{1,3}(?:G\d{2,3})*G\d{3})(?:D(\d*))?|D(\d+))$/.exec(marked);
  if (!match) return { ok: false, reason: 'invalid' };
  const integer = (match[1] ?? '0').replace(/G/g, '').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return { ok: false, reason: 'decimals' };
  if (integer.length > MAX_INTEGER_DIGITS) return { ok: false, reason: 'too-large' };
  const padded = fraction.padEnd(digits, '0');
  const amount = digits > 0 ? `${integer}.${padded}` : integer;
  const zero = /^[0.]+$/.test(amount);
  return { ok: true, amount: negative && !zero ? `-${amount}` : amount };
}

/** A decimal string in `locale`'s notation with `digits` decimals (`1234.5` → `1.234,50` in de). */
export function formatAmount(amount: string, locale: string, digits: number): string {
  const formatter = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
  // A string argument keeps full decimal precision (Intl.NumberFormat v3).
  return formatter.format(amount as Intl.StringNumericLiteral);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

export const isDecimal = (text: string) => DECIMAL.test(text);

/** Compares two decimal strings exactly: negative, zero or positive like `a - b`. */
export function compareDecimals(a: string, b: string): number {
  const scale = Math.max(a.split('.')[1]?.length ?? 0, b.split('.')[1]?.length ?? 0);
  const difference = scaled(a, scale) - scaled(b, scale);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

function scaled(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const [integer = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  const magnitude = BigInt(integer + fraction.padEnd(scale, '0'));
  return negative ? -magnitude : magnitude;
}

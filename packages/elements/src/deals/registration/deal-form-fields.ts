import type { Deal, DealCreate, Product } from '@partnerkit/api';
import { countryName } from '../../core/format.ts';

// The registration form's fields, which step holds each, and the payload they make.
// Values are kept as the controls hold them: strings (amounts as decimal strings).

export const STEPS = ['customer', 'opportunity', 'review'] as const;
export type StepName = (typeof STEPS)[number];

export const CUSTOMER_FIELDS = [
  'customerCompany',
  'customerDomain',
  'customerCountry',
  'customerRegion',
  'customerPostalCode',
  'industry',
  'companySize',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactTitle',
] as const;

export const OPPORTUNITY_FIELDS = ['opportunityName', 'amount', 'expectedCloseDate', 'stage', 'probability', 'dealType', 'partnerRole', 'notes'] as const;

export type FieldName = (typeof CUSTOMER_FIELDS)[number] | (typeof OPPORTUNITY_FIELDS)[number];
export type FieldValues = Record<FieldName, string>;

/** Names of the controls of a line item (as in the contract's `LineItem`). */
export const LINE_FIELDS = ['productId', 'quantity', 'unitPrice'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** One line item as the form holds it. `key` identifies the row while rows come and go. */
export interface LineRow {
  key: string;
  productId: string;
  quantity: string;
  unitPrice: string;
}

export const COMPANY_SIZES = ['1-49', '50-249', '250-999', '1000+'] as const;
export const STAGES = ['qualification', 'discovery', 'proposal', 'negotiation', 'commit'] as const;
export const DEAL_TYPES = ['new', 'upsell', 'renewal'] as const;
export const PARTNER_ROLES = ['sourced', 'influenced', 'co_sell'] as const;

/** Fields the contract allows to be null (sent as null when left empty). */
const NULLABLE: ReadonlySet<FieldName> = new Set(['customerDomain', 'customerRegion', 'customerPostalCode', 'industry', 'companySize', 'contactPhone', 'contactTitle', 'notes']);

export function emptyValues(): FieldValues {
  return Object.fromEntries([...CUSTOMER_FIELDS, ...OPPORTUNITY_FIELDS].map((name) => [name, ''])) as FieldValues;
}

/** The step (0-based) holding a field or line-item control; -1 when none does. */
export function stepOfField(name: string): number {
  if ((CUSTOMER_FIELDS as readonly string[]).includes(name)) return 0;
  if ((OPPORTUNITY_FIELDS as readonly string[]).includes(name) || name === 'lineItems' || (LINE_FIELDS as readonly string[]).includes(name)) return 1;
  return -1;
}

/** Whether the form holds anything the user typed or chose. */
export function hasContent(values: FieldValues, lines: readonly LineRow[]): boolean {
  return lines.length > 0 || Object.values(values).some((value) => value.trim() !== '');
}

// ---- exact decimal arithmetic on strings ----

const DECIMAL = /^-?\d+(\.\d+)?$/;

function toScaled(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const [integer = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  const magnitude = BigInt(integer + fraction.padEnd(scale, '0').slice(0, scale));
  return negative ? -magnitude : magnitude;
}

function fromScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

const scaleOf = (value: string) => value.split('.')[1]?.length ?? 0;

/** `quantity × unitPrice` exactly (`3` × `19.99` = `59.97`); null when either is not a number. */
export function multiplyDecimal(quantity: string, unitPrice: string): string | null {
  if (!/^\d+$/.test(quantity.trim()) || !DECIMAL.test(unitPrice)) return null;
  const scale = scaleOf(unitPrice);
  return fromScaled(BigInt(quantity.trim()) * toScaled(unitPrice, scale), scale);
}

/** The exact sum of decimal strings, written with at least `minScale` decimals. */
export function sumDecimals(values: readonly string[], minScale = 0): string {
  const scale = Math.max(minScale, ...values.map(scaleOf));
  return fromScaled(values.reduce((total, value) => total + toScaled(value, scale), 0n), scale);
}

/** A line's total, or null while its quantity or price is missing or not a number. */
export function lineTotal(line: LineRow): string | null {
  return multiplyDecimal(line.quantity, line.unitPrice);
}

/** The total of the lines (all complete), or null while one is incomplete. */
export function linesTotal(lines: readonly LineRow[], digits: number): string | null {
  const totals = lines.map(lineTotal);
  if (totals.some((total) => total === null)) return null;
  return sumDecimals(totals as string[], digits);
}

/** The product's list price in `currency`, or empty when it has none in it. */
export function listPrice(product: Product | undefined, currency: string): string {
  return product?.listPrices.find((price) => price.currency === currency)?.amount ?? '';
}

// ---- payload ----

export interface PayloadOptions {
  currency: string;
  /** Only fields for which this says yes are included (drafts leave out what is not valid yet). */
  include?: (name: FieldName | 'lineItems') => boolean;
  /** Decimals of the currency (for the total of the lines). */
  digits: number;
}

/** The contract's deal fields from what the form holds. */
export function buildPayload(values: FieldValues, lines: readonly LineRow[], options: PayloadOptions): Omit<DealCreate, 'submit'> {
  const include = options.include ?? (() => true);
  const payload: Record<string, unknown> = {};
  for (const name of [...CUSTOMER_FIELDS, ...OPPORTUNITY_FIELDS]) {
    if (name === 'amount') continue;
    const raw = values[name];
    const empty = raw.trim() === '';
    if (empty) {
      if (NULLABLE.has(name)) payload[name] = null;
      continue;
    }
    if (!include(name)) continue;
    payload[name] = name === 'probability' ? Number(raw) : raw;
  }
  if (include('lineItems')) {
    const complete = lines.every((line) => line.productId && lineTotal(line) !== null);
    if (complete) {
      payload.lineItems = lines.map((line) => ({ productId: line.productId, quantity: Number(line.quantity), unitPrice: { amount: line.unitPrice, currency: options.currency } }));
      if (lines.length) payload.amount = { amount: linesTotal(lines, options.digits)!, currency: options.currency };
    }
  }
  if (!lines.length && values.amount && DECIMAL.test(values.amount) && include('amount')) payload.amount = { amount: values.amount, currency: options.currency };
  return payload as Omit<DealCreate, 'submit'>;
}

/** What the form holds for an existing deal: every field as a string, its line items as rows. */
export function formOfDeal(deal: Deal, newRowKey: () => string): { values: FieldValues; lines: LineRow[] } {
  const values = emptyValues();
  for (const name of [...CUSTOMER_FIELDS, ...OPPORTUNITY_FIELDS]) {
    if (name === 'amount') continue;
    const value = deal[name];
    values[name] = value === null || value === undefined ? '' : String(value);
  }
  values.amount = deal.amount?.amount ?? '';
  const lines = deal.lineItems.map((line) => ({ key: newRowKey(), productId: line.productId, quantity: String(line.quantity), unitPrice: line.unitPrice.amount }));
  return { values, lines };
}

/** Which control a server field error points at: `/body/contactEmail` → `contactEmail`; line items by row. */
export function fieldOfPointer(pointer: string): { name: string; row?: number } | null {
  const segments = pointer.split('/').filter(Boolean).slice(1); // drop `body` / `deal`
  if (!segments.length) return null;
  if (segments[0] === 'lineItems' && segments[1] !== undefined && /^\d+$/.test(segments[1])) {
    const field = segments[2] ?? 'productId';
    return { name: field === 'unitPrice' ? 'unitPrice' : field, row: Number(segments[1]) };
  }
  if (segments[0] === 'amount') return { name: 'amount' };
  return { name: segments[segments.length - 1]! };
}

/** A calendar date (`YYYY-MM-DD`) of today in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** ISO 3166-1 alpha-2 codes of the countries a customer can be in. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const countryCache = new Map<string, { value: string; label: string }[]>();

/** Countries as select options, named and sorted in the user's language. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  let options = countryCache.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    options = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
    countryCache.set(locale, options);
  }
  return options;
}

/**
 * The lines after the user changed one control of row `index` (a product prefills its list
 * price); undefined when nothing changed.
 */
export function changeLine(lines: readonly LineRow[], index: number, name: string, value: string, priceOf: (productId: string) => string): LineRow[] | undefined {
  const line = lines[index];
  if (!line) return undefined;
  const next = { ...line };
  if (name === 'productId') {
    if (line.productId === value) return undefined;
    next.productId = value;
    const price = priceOf(value);
    if (price) next.unitPrice = price;
  } else if (name === 'quantity' || name === 'unitPrice') {
    if (line[name] === value) return undefined;
    next[name] = value;
  } else return undefined;
  return lines.map((candidate, position) => (position === index ? next : candidate));
}

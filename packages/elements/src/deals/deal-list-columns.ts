// The deal list's columns: headers, widths, sort fields and cell formatting. Rows render as they
// scroll into view, so everything a cell needs is looked up or formatted once, not per row.
import { html } from 'lit';
import type { Deal, DealStatus } from '@partnerkit/api';
import type { Localization } from '../core/i18n.ts';
import { formatDate, formatMoney, formatRelative } from '../core/format.ts';
import type { DataTableColumn, DataTableSort } from '../ui/pk-data-table.ts';
import type { Tone } from '../ui/display-shared.ts';
import { DEAL_STATUSES } from './deal-list-filter.ts';
import type { DealSort } from './events.ts';

/** Sortable columns and the field of `sort` each stands for. */
const SORT_FIELDS = { createdAt: 'created', expectedCloseDate: 'close', amount: 'amount' } as const;
type SortColumn = keyof typeof SORT_FIELDS;

const STATUS_TONES: Record<DealStatus, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  info_requested: 'warning',
  approved: 'success',
  rejected: 'danger',
  won: 'success',
  lost: 'neutral',
  expired: 'danger',
  withdrawn: 'neutral',
};

const COLUMN_KEYS = ['reference', 'customer', 'opportunity', 'amount', 'status', 'expectedClose', 'protection', 'created'] as const;

/** Columns before the translations arrive: the skeleton's shape, no words. */
export const PLACEHOLDER_COLUMNS: DataTableColumn<Deal>[] = COLUMN_KEYS.map((key) => ({ key, header: '' }));

/** The table's column sort as the server's `sort`, and back. */
export function toServerSort(sort: DataTableSort): DealSort | undefined {
  const field = SORT_FIELDS[sort.key as SortColumn];
  return field ? (`${field}_${sort.direction === 'ascending' ? 'asc' : 'desc'}` as DealSort) : undefined;
}

export function toTableSort(sort: DealSort): DataTableSort {
  const [field, direction] = sort.split('_');
  const key = (Object.keys(SORT_FIELDS) as SortColumn[]).find((column) => SORT_FIELDS[column] === field) ?? 'createdAt';
  return { key, direction: direction === 'asc' ? 'ascending' : 'descending' };
}

/**
 * Formatted values by locale and value. Many deals share a day, and formatting with Intl costs
 * far more than a lookup, which matters while thousands of rows scroll by.
 */
const formatted = new Map<string, string>();

function memo(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 20_000) formatted.clear();
    formatted.set(key, (text = format()));
  }
  return text;
}

/** A calendar date (`YYYY-MM-DD`) for the locale, once per day. */
function formatDay(date: string, locale: string): string {
  return memo(`date|${locale}|${date}`, () => formatDate(date, locale));
}

const createdFormats = new Map<string, Intl.DateTimeFormat>();

/** The day a deal was registered, in the user's time zone. */
function formatCreated(instant: string, locale: string): string {
  const moment = new Date(instant);
  const day = `${moment.getFullYear()}-${moment.getMonth()}-${moment.getDate()}`;
  return memo(`created|${locale}|${day}`, () => {
    let format = createdFormats.get(locale);
    if (!format) createdFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })));
    return format.format(moment);
  });
}

const DAY_MS = 86_400_000;

/**
 * "ends in 12 days" / "ended 3 days ago" / "—" for an expiry, relative to now. The text depends
 * only on the whole days left and the side of now, so each is built once per language.
 */
function protectionText({ t, locale }: Localization): (expiresAt: string | null) => string {
  const none = t('protection.none', { ns: 'deals' });
  const texts = new Map<string, string>();
  return (expiresAt) => {
    if (!expiresAt) return none;
    const now = Date.now();
    const at = Date.parse(expiresAt);
    const key = `${at > now ? 'ends' : 'ended'}:${Math.round((at - now) / DAY_MS)}`;
    let text = texts.get(key);
    if (text === undefined) {
      const when = formatRelative(expiresAt, locale, now);
      texts.set(key, (text = at > now ? t('protection.ends', { ns: 'deals', when }) : t('protection.ended', { ns: 'deals', when })));
    }
    return text;
  };
}

/** The columns in the user's language. */
export function dealListColumns(l10n: Localization): DataTableColumn<Deal>[] {
  const { t, locale } = l10n;
  const header = (key: (typeof COLUMN_KEYS)[number]) => t(`column.${key}`, { ns: 'deals' });
  // Rows render as they scroll into view: words that repeat are looked up once per language.
  const statusLabels = Object.fromEntries(DEAL_STATUSES.map((status) => [status, t(`status.${status}`, { ns: 'deals' })])) as Record<DealStatus, string>;
  const protection = protectionText(l10n);
  return [
    { key: 'reference', header: header('reference'), width: 'minmax(9.5rem, 1fr)' },
    { key: 'customerCompany', header: header('customer'), width: 'minmax(0, 1.5fr)' },
    { key: 'opportunity', header: header('opportunity'), width: 'minmax(0, 1.5fr)', render: (deal) => deal.opportunityName ?? '—' },
    { key: 'amount', header: header('amount'), sortable: true, align: 'end', width: 'minmax(0, 1.1fr)', render: (deal) => (deal.amount ? formatMoney(deal.amount, locale) : '—') },
    {
      key: 'status',
      header: header('status'),
      width: 'minmax(0, 1.2fr)',
      render: (deal) => html`<pk-status-chip part="status" status=${deal.status} variant=${STATUS_TONES[deal.status]}>${statusLabels[deal.status]}</pk-status-chip>`,
    },
    { key: 'expectedCloseDate', header: header('expectedClose'), sortable: true, width: 'minmax(0, 1.1fr)', render: (deal) => (deal.expectedCloseDate ? formatDay(deal.expectedCloseDate, locale) : '—') },
    { key: 'protection', header: header('protection'), width: 'minmax(0, 1.1fr)', render: (deal) => protection(deal.expiresAt) },
    { key: 'createdAt', header: header('created'), sortable: true, width: 'minmax(0, 1.1fr)', render: (deal) => formatCreated(deal.createdAt, locale) },
  ];
}

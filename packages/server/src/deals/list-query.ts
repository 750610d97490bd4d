import type { operations } from '@partnerkit/api';
import type { SessionClaims } from '../auth/session-tokens.ts';
import { utc } from '../db/sql.ts';
import { cursorFrom, isTimestamp, type Position } from '../http/cursor.ts';

export type DealListQuery = NonNullable<operations['listDeals']['parameters']['query']>;
type Sort = NonNullable<DealListQuery['sort']>;

interface SortSpec {
  /** The SQL expression sorted on (never null, so keyset comparisons hold). */
  expression: string;
  /** The same, as text for the cursor. */
  key: string;
  cast: string;
  descending: boolean;
  isKey: (key: string) => boolean;
}

const isDate = (key: string) => /^\d{4}-\d{2}-\d{2}$/.test(key);
const isNumber = (key: string) => /^-?\d{1,15}(\.\d{1,4})?$/.test(key);

const created = { expression: 'd.created_at', key: utc('d.created_at'), cast: 'timestamptz', isKey: isTimestamp };
const close = { expression: "coalesce(d.expected_close_date, DATE '9999-12-31')", key: "to_char(coalesce(d.expected_close_date, DATE '9999-12-31'), 'YYYY-MM-DD')", cast: 'date', isKey: isDate };
const amount = { expression: 'coalesce(d.amount, -1)', key: 'coalesce(d.amount, -1)::text', cast: 'numeric', isKey: isNumber };

const sorts: Record<Sort, SortSpec> = {
  created_desc: { ...created, descending: true },
  created_asc: { ...created, descending: false },
  close_asc: { ...close, descending: false },
  close_desc: { ...close, descending: true },
  amount_desc: { ...amount, descending: true },
  amount_asc: { ...amount, descending: false },
};

export interface DealListSql {
  where: string;
  params: unknown[];
  orderBy: string;
  sortKey: string;
  sort: SortSpec;
}

/** Escapes LIKE wildcards, so a search for `50%` finds "50%". Lower-cased by the database, like the searched text. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause, parameters and ORDER BY of a deal list: the session's scope (a partner's own
 * deals; every deal for a channel manager), then the filters, then the keyset position. Shared
 * by `GET /deals` and its CSV export, so both always agree.
 */
export function dealListSql(query: DealListQuery & { cursor?: string }, session: SessionClaims, now: Date, expiringSoonDays: number, after?: Position): DealListSql {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // The partner scope is part of the SQL, never a filter applied afterwards.
  if (session.role !== 'channel_manager') where.push(`d.partner_id = ${param(session.partnerId)}`);
  if (query.partnerId) where.push(`d.partner_id = ${param(query.partnerId)}`);
  if (query.status?.length) where.push(`d.status = ANY(${param(query.status)}::text[])`);
  if (query.expiringSoon) {
    const soon = new Date(now.getTime() + expiringSoonDays * 86_400_000);
    where.push(`d.status = 'approved' AND d.expires_at > ${param(now.toISOString())} AND d.expires_at <= ${param(soon.toISOString())}`);
  }
  if (query.createdFrom) where.push(`d.created_at >= ${param(query.createdFrom)}::date`);
  if (query.createdTo) where.push(`d.created_at < ${param(query.createdTo)}::date + 1`);
  if (query.closeFrom) where.push(`d.expected_close_date >= ${param(query.closeFrom)}::date`);
  if (query.closeTo) where.push(`d.expected_close_date <= ${param(query.closeTo)}::date`);
  if (query.amountMin) where.push(`d.amount >= ${param(query.amountMin)}::numeric`);
  if (query.amountMax) where.push(`d.amount <= ${param(query.amountMax)}::numeric`);
  if (query.q) where.push(`d.search_text LIKE lower(${param(likePattern(query.q))})`);
  const sort = sorts[query.sort ?? 'created_desc'];
  if (after) {
    where.push(`(${sort.expression}, d.id) ${sort.descending ? '<' : '>'} (${param(after.key)}::${sort.cast}, ${param(after.id)}::uuid)`);
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  return {
    where: where.length ? where.join(' AND ') : 'TRUE',
    params,
    orderBy: `${sort.expression} ${direction}, d.id ${direction}`,
    sortKey: sort.key,
    sort,
  };
}

/** The list's cursor, checked against the sort it was made for. */
export function dealCursor(query: Record<string, unknown>): Position | undefined {
  return cursorFrom(query, sorts[(query.sort as Sort | undefined) ?? 'created_desc'].isKey);
}

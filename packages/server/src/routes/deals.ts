import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { requireSession } from '../http/middleware.ts';
import { problems, type FieldError } from '../http/problem.ts';
import { decodeCursor, encodeCursor, type Position } from '../http/cursor.ts';

const STATUSES = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn'];
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

interface DealRow {
  id: string;
  reference: string;
  customer_company: string;
  opportunity_name: string;
  amount: string;
  currency: string;
  status: string;
  expected_close_date: string;
  created_at: string;
  expires_at: string | null;
}

const UTC_TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

interface ListQuery {
  limit: number;
  status: string | undefined;
  after: Position | undefined;
}

function parseListQuery(query: Record<string, string>): ListQuery {
  const errors: FieldError[] = [];
  let limit = DEFAULT_LIMIT;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!/^\d+$/.test(query.limit) || limit < 1 || limit > MAX_LIMIT) {
      errors.push({ field: '/query/limit', code: 'range', message: `must be an integer from 1 to ${MAX_LIMIT}` });
    }
  }
  if (query.status !== undefined && !STATUSES.includes(query.status)) {
    errors.push({ field: '/query/status', code: 'enum', message: `must be one of ${STATUSES.join(', ')}` });
  }
  let after: Position | undefined;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor) ?? undefined;
    if (!after) errors.push({ field: '/query/cursor', code: 'format', message: 'is not a cursor from this API' });
  }
  for (const key of Object.keys(query)) {
    if (!['limit', 'cursor', 'status'].includes(key)) errors.push({ field: `/query/${key}`, code: 'additional_property', message: 'is not a parameter of this list' });
  }
  if (errors.length) throw problems.validation(errors);
  return { limit, status: query.status, after };
}

/** `GET /deals`: the session's partner's deals, newest first, keyset-paginated. */
export const dealRoutes = new Hono<AppEnv>().get('/deals', requireSession, async (c) => {
  const { limit, status, after } = parseListQuery(c.req.query());
  const session = c.get('session');
  // The partner scope is part of the SQL, never a filter applied afterwards.
  const params: unknown[] = [session.partnerId, limit + 1];
  let where = 'partner_id = $1';
  if (status) {
    params.push(status);
    where += ` AND status = $${params.length}`;
  }
  if (after) {
    params.push(after.createdAt, after.id);
    where += ` AND (created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  const rows = await c.get('services').db.query<DealRow>(
    `SELECT id, reference, customer_company, opportunity_name, amount::text AS amount, currency, status,
            to_char(expected_close_date, 'YYYY-MM-DD') AS expected_close_date,
            to_char(created_at AT TIME ZONE 'UTC', ${UTC_TIMESTAMP}) AS created_at,
            to_char(expires_at AT TIME ZONE 'UTC', ${UTC_TIMESTAMP}) AS expires_at
       FROM deals
      WHERE ${where}
      ORDER BY created_at DESC, id DESC
      LIMIT $2`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return c.json({
    data: page.map((row) => ({
      id: row.id,
      reference: row.reference,
      customerCompany: row.customer_company,
      opportunityName: row.opportunity_name,
      amount: { amount: formatAmount(row.amount), currency: row.currency.trim() },
      status: row.status,
      expectedCloseDate: row.expected_close_date,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  });
});

/** numeric(19,4) text without trailing zeros beyond two decimals: "1200.5000" -> "1200.50". */
function formatAmount(value: string): string {
  const [whole, fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  return `${whole}.${trimmed.padEnd(2, '0')}`;
}

import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { partnerSession, sessionWithRole } from '../http/middleware.ts';
import { problems } from '../http/problem.ts';
import { cursorFrom, isTimestamp, pageOf } from '../http/cursor.ts';
import { etag } from '../http/etag.ts';
import { idempotentCreate } from '../http/idempotency.ts';
import { formatAmount, utc } from '../db/sql.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';

type Deal = components['schemas']['Deal'];
type DealCreate = components['schemas']['DealCreate'];

interface DealRow {
  id: string;
  partner_id: string;
  reference: string;
  customer_company: string;
  opportunity_name: string;
  amount: string;
  currency: string;
  status: Deal['status'];
  expected_close_date: string;
  created_at: string;
  expires_at: string | null;
  version: number;
}

const DEAL_COLUMNS = `id, partner_id, reference, customer_company, opportunity_name, amount::text AS amount, currency, status,
  to_char(expected_close_date, 'YYYY-MM-DD') AS expected_close_date,
  ${utc('created_at')} AS created_at, ${utc('expires_at')} AS expires_at, version`;

function toDeal(row: DealRow): Deal {
  return {
    id: row.id,
    partnerId: row.partner_id,
    reference: row.reference,
    customerCompany: row.customer_company,
    opportunityName: row.opportunity_name,
    amount: { amount: formatAmount(row.amount), currency: row.currency.trim() },
    status: row.status,
    expectedCloseDate: row.expected_close_date,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/**
 * The SQL condition that limits a session to the deals it may see, starting at parameter `$n`:
 * a partner session its own partner's deals, a channel manager every deal. The scope is part
 * of the SQL, never a filter applied afterwards.
 */
function dealScope(session: SessionClaims, params: unknown[]): string {
  if (session.role === 'channel_manager') return 'TRUE';
  params.push(session.partnerId);
  return `partner_id = $${params.length}`;
}

export const dealRoutes = new Hono<AppEnv>()
  /** `GET /deals`: newest first, keyset-paginated. */
  .get('/deals', async (c) => {
    const session = sessionWithRole(c, 'partner_user', 'partner_admin', 'channel_manager');
    const { query } = c.get('input');
    const limit = query.limit as number;
    const after = cursorFrom(query, isTimestamp);
    const params: unknown[] = [limit + 1];
    const where = [dealScope(session, params)];
    if (query.status) {
      params.push(query.status);
      where.push(`status = $${params.length}`);
    }
    if (after) {
      params.push(after.key, after.id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await c.get('services').db.query<DealRow>(
      `SELECT ${DEAL_COLUMNS} FROM deals WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $1`,
      params,
    );
    return c.json(pageOf(rows, limit, toDeal, (row) => ({ key: row.created_at, id: row.id })));
  })
  /** `GET /deals/{dealId}`: another partner's deal is answered 404, exactly like a missing one. */
  .get('/deals/:dealId', async (c) => {
    const session = sessionWithRole(c, 'partner_user', 'partner_admin', 'channel_manager');
    const params: unknown[] = [c.get('input').path.dealId];
    const scope = dealScope(session, params);
    const [row] = await c.get('services').db.query<DealRow>(`SELECT ${DEAL_COLUMNS} FROM deals WHERE id = $1 AND ${scope}`, params);
    if (!row) throw problems.notFound();
    c.header('etag', etag(row.version));
    return c.json(toDeal(row));
  })
  /** `POST /deals`: registers a deal once per Idempotency-Key, audited. */
  .post('/deals', async (c) => {
    const session = partnerSession(c);
    const input = c.get('input').body as DealCreate;
    // The contract's `date` format allows year 0000, which PostgreSQL has not.
    if (input.expectedCloseDate.startsWith('0000')) throw problems.validation([{ field: '/body/expectedCloseDate', code: 'format', params: { format: 'date' } }]);
    const { clock } = c.get('services');
    return idempotentCreate(c, session.partnerId, async (tx) => {
      const now = clock();
      const [row] = await tx.query<DealRow>(
        `INSERT INTO deals (id, partner_id, reference, customer_company, opportunity_name, amount, currency, status,
                            expected_close_date, created_at, created_by)
         VALUES (gen_random_uuid(), $1, 'DR-' || $2 || '-' || lpad(nextval('deal_reference_seq')::text, 6, '0'),
                 $3, $4, $5, $6, 'submitted', $7, $8, $9)
         RETURNING ${DEAL_COLUMNS}`,
        [session.partnerId, String(now.getUTCFullYear()), input.customerCompany, input.opportunityName, input.amount.amount, input.amount.currency, input.expectedCloseDate, now.toISOString(), session.userId],
      );
      const deal = toDeal(row!);
      await recordAudit(tx, {
        actor: session,
        partnerId: session.partnerId,
        action: 'deal.created',
        entityType: 'deal',
        entityId: deal.id,
        before: null,
        after: { ...input },
        at: now,
        requestId: c.get('requestId'),
      });
      return { status: 201, headers: { etag: etag(row!.version), location: `${new URL(c.req.url).pathname}/${deal.id}` }, body: deal };
    });
  });

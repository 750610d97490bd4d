import { Hono, type Context } from 'hono';
import { stringify } from 'csv-stringify/sync';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { partnerSession, sessionWithRole } from '../http/middleware.ts';
import { ProblemError, problems, type FieldIssue } from '../http/problem.ts';
import { cursorFrom, isTimestamp, pageOf } from '../http/cursor.ts';
import { etag, requireIfMatch } from '../http/etag.ts';
import { idempotentCreate } from '../http/idempotency.ts';
import { recordAudit, changedFields } from '../audit/record-audit.ts';
import type { Queryable } from '../db/database.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';
import { DEAL_FROM, DEAL_SELECT, columnValues, fieldsOf, toDeal, type DealRow } from '../deals/deal-record.ts';
import { dealListSql, dealCursor, type DealListQuery } from '../deals/list-query.ts';
import { findConflicts } from '../deals/conflicts.ts';
import { expireDeals, expiryDueColumn } from '../deals/expiry.ts';
import { recordDealEvent, dealTimeline } from '../deals/deal-events.ts';
import { submitDeal } from '../deals/submission.ts';
import { EDITABLE_STATUSES, mayMake, transitions, type TransitionAction } from '../deals/workflow.ts';

type Deal = components['schemas']['Deal'];
type DealCreate = components['schemas']['DealCreate'];
type DealUpdate = components['schemas']['DealUpdate'];
type DealTransition = components['schemas']['DealTransition'];

const DAY_MS = 86_400_000;

/** The signed-in user (any role) that may read deals. */
const reader = (c: Context<AppEnv>) => sessionWithRole(c, 'partner_user', 'partner_admin', 'channel_manager');

/** One deal in the session's scope, locked for update when asked; 404 when it is not (another partner's included). */
async function readDeal(db: Queryable, id: string, session: SessionClaims, forUpdate = false): Promise<DealRow> {
  const params: unknown[] = [id];
  let scope = '';
  if (session.role !== 'channel_manager') {
    params.push(session.partnerId);
    scope = ' AND d.partner_id = $2';
  }
  const [row] = await db.query<DealRow>(
    `SELECT ${DEAL_SELECT} FROM ${DEAL_FROM} WHERE d.id = $1${scope}${forUpdate ? ' FOR UPDATE OF d' : ''}`,
    params,
  );
  if (!row) throw problems.notFound();
  return row;
}

/** Checks what the contract cannot: products exist, line items are in the deal's currency. */
async function checkReferences(db: Queryable, fields: Partial<DealCreate>, prefix: string): Promise<void> {
  const issues: FieldIssue[] = [];
  // The contract's `date` format allows year 0000, which PostgreSQL has not.
  if (fields.expectedCloseDate?.startsWith('0000')) issues.push({ field: `${prefix}/expectedCloseDate`, code: 'format', params: { format: 'date' } });
  const items = fields.lineItems ?? [];
  if (items.length) {
    const known = new Set(
      (await db.query<{ id: string }>('SELECT id FROM products WHERE id = ANY($1::uuid[]) AND active', [items.map((item) => item.productId)])).map((row) => row.id),
    );
    items.forEach((item, index) => {
      if (!known.has(item.productId)) issues.push({ field: `${prefix}/lineItems/${index}/productId`, code: 'unknown_product', params: {} });
      if (fields.amount && item.unitPrice.currency !== fields.amount.currency) {
        issues.push({ field: `${prefix}/lineItems/${index}/unitPrice/currency`, code: 'currency_mismatch', params: { currency: fields.amount.currency } });
      }
    });
  }
  if (issues.length) throw problems.validation(issues);
}

/** A draft about to be submitted must be complete: checked with the contract's own create schema. */
function requireComplete(c: Context<AppEnv>, deal: Deal): void {
  const create = c.get('services').contract.match('POST', '/deals')!.operation;
  const fields = Object.fromEntries(Object.entries(fieldsOf(deal)).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)));
  const issues = create.checkBody('application/json', { ...fields, submit: true });
  if (issues.length) throw problems.validation(issues.map((issue) => ({ ...issue, field: issue.field.replace(/^\/body/, '/deal') })));
}

function changed(c: Context<AppEnv>, row: DealRow, session: SessionClaims): Response {
  c.header('etag', etag(row.version));
  return c.json(toDeal(row, session.role));
}

export const dealRoutes = new Hono<AppEnv>()
  /** `GET /deals`: filtered, sorted, keyset-paginated. */
  .get('/deals', async (c) => {
    const session = reader(c);
    const { db, clock, deals: settings } = c.get('services');
    const query = c.get('input').query as DealListQuery & { limit: number };
    const now = clock();
    const sql = dealListSql(query, session, now, settings.expiringSoonDays, dealCursor(query));
    const n = sql.params.length;
    const read = () =>
      db.query<DealRow & { sort_key: string; expiry_due: boolean }>(
        `SELECT ${DEAL_SELECT}, ${sql.sortKey} AS sort_key, ${expiryDueColumn(`$${n + 1}`, `$${n + 2}`)}
           FROM ${DEAL_FROM} WHERE ${sql.where} ORDER BY ${sql.orderBy} LIMIT ${Number(query.limit) + 1}`,
        [...sql.params, now.toISOString(), session.partnerId ?? null],
      );
    let rows = await read();
    // Nobody sees a stale status: when a deal in scope is past its protection (or the page is
    // empty, which says nothing), expire first and read again.
    if ((rows.length === 0 || rows[0]!.expiry_due) && (await expireDeals(db, now, session.partnerId)) > 0) rows = await read();
    return c.json(pageOf(rows, query.limit, (row) => toDeal(row, session.role), (row) => ({ key: row.sort_key, id: row.id })));
  })
  /** `GET /deals/export`: the same list as CSV, every page, streamed. */
  .get('/deals/export', async (c) => {
    const session = reader(c);
    const { db, clock, deals: settings } = c.get('services');
    const query = c.get('input').query as DealListQuery;
    const now = clock();
    await expireDeals(db, now, session.partnerId);
    const batch = 1000;
    let after: { key: string; id: string } | undefined;
    let header = true;
    const encoder = new TextEncoder();
    // Each pull reads the next batch after the last row sent: memory stays flat however many deals match.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const sql = dealListSql(query, session, now, settings.expiringSoonDays, after);
        const rows = await db.query<DealRow & { sort_key: string }>(
          `SELECT ${DEAL_SELECT}, ${sql.sortKey} AS sort_key FROM ${DEAL_FROM} WHERE ${sql.where} ORDER BY ${sql.orderBy} LIMIT ${batch}`,
          sql.params,
        );
        controller.enqueue(encoder.encode(csvRows(rows.map((row) => toDeal(row, session.role)), header)));
        header = false;
        const last = rows[rows.length - 1];
        if (rows.length < batch || !last) controller.close();
        else after = { key: last.sort_key, id: last.id };
      },
    });
    return c.body(stream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="deals-${now.toISOString().slice(0, 10)}.csv"`,
    });
  })
  /** `GET /deals/conflicts`: would a registration for this customer conflict? */
  .get('/deals/conflicts', async (c) => {
    const session = reader(c);
    const { db, clock, deals: settings } = c.get('services');
    const query = c.get('input').query as { company?: string; domain?: string; country?: string; excludeDealId?: string };
    const conflicts = await findConflicts(
      db,
      { company: query.company, domain: query.domain, country: query.country, excludeDealId: query.excludeDealId, now: clock(), similarity: settings.companySimilarity },
      session,
    );
    return c.json({ conflicts });
  })
  /** `GET /deals/review-queue`: submitted deals, oldest first, with their age against the review SLA. */
  .get('/deals/review-queue', async (c) => {
    const session = sessionWithRole(c, 'channel_manager');
    const { db, clock, deals: settings } = c.get('services');
    const { query } = c.get('input');
    const limit = query.limit as number;
    const after = cursorFrom(query, isTimestamp);
    const now = clock();
    const params: unknown[] = [];
    let position = '';
    if (after) {
      params.push(after.key, after.id);
      position = ' AND (d.submitted_at, d.id) > ($1::timestamptz, $2::uuid)';
    }
    const rows = await db.query<DealRow & { partner_name: string; submitted_key: string }>(
      `SELECT ${DEAL_SELECT}, p.name AS partner_name, ${'to_char(d.submitted_at AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\')'} AS submitted_key
         FROM ${DEAL_FROM} JOIN partners p ON p.id = d.partner_id
        WHERE d.status = 'submitted'${position}
        ORDER BY d.submitted_at, d.id LIMIT ${limit + 1}`,
      params,
    );
    const page = pageOf(rows, limit, (row) => row, (row) => ({ key: row.submitted_key, id: row.id }));
    const data = await Promise.all(
      page.data.map(async (row) => {
        const age = (now.getTime() - Date.parse(row.submitted_at!)) / 3_600_000;
        const ageHours = Math.round(age * 10) / 10;
        const conflicts = await findConflicts(
          db,
          { company: row.customer_company, domain: row.customer_domain, country: row.customer_country?.trim(), excludeDealId: row.id, now, similarity: settings.companySimilarity },
          session,
        );
        return { deal: toDeal(row, session.role), partnerName: row.partner_name, ageHours, slaHours: settings.reviewSlaHours, overdue: age > settings.reviewSlaHours, conflicts };
      }),
    );
    return c.json({ data, nextCursor: page.nextCursor });
  })
  /** `GET /deals/{dealId}`: another partner's deal is answered 404, exactly like a missing one. */
  .get('/deals/:dealId', async (c) => {
    const session = reader(c);
    const { db, clock } = c.get('services');
    await expireDeals(db, clock(), session.partnerId);
    return changed(c, await readDeal(db, c.get('input').path.dealId as string, session), session);
  })
  /** `GET /deals/{dealId}/events`: the timeline. */
  .get('/deals/:dealId/events', async (c) => {
    const session = reader(c);
    const { db, clock } = c.get('services');
    await expireDeals(db, clock(), session.partnerId);
    const deal = await readDeal(db, c.get('input').path.dealId as string, session);
    return c.json({ data: await dealTimeline(db, deal.id) });
  })
  /** `POST /deals`: a draft, or a submission, once per Idempotency-Key; audited. */
  .post('/deals', async (c) => {
    const session = partnerSession(c);
    const input = c.get('input').body as DealCreate;
    const { submit = true, ...fields } = input;
    const { clock, deals: settings } = c.get('services');
    return idempotentCreate(c, session.partnerId, async (tx) => {
      await checkReferences(tx, fields, '/body');
      const now = clock();
      const values = columnValues(fields);
      const columns = Object.keys(values);
      const [created] = await tx.query<{ id: string }>(
        `INSERT INTO deals (id, partner_id, reference, status, created_at, updated_at, created_by${columns.map((column) => `, ${column}`).join('')})
         VALUES (gen_random_uuid(), $1, 'DR-' || $2 || '-' || lpad(nextval('deal_reference_seq')::text, 6, '0'), 'draft', $3, $3, $4${columns.map((_, index) => `, $${index + 5}`).join('')})
         RETURNING id`,
        [session.partnerId, String(now.getUTCFullYear()), now.toISOString(), session.userId, ...Object.values(values)],
      );
      const id = created!.id;
      await recordDealEvent(tx, { dealId: id, type: 'created', actorId: session.userId, from: null, to: 'draft', at: now });
      if (submit) await submitDeal(tx, await readDeal(tx, id, session, true), session, now, settings);
      const row = await readDeal(tx, id, session);
      const deal = toDeal(row, session.role);
      await recordAudit(tx, {
        actor: session,
        partnerId: session.partnerId,
        action: 'deal.created',
        entityType: 'deal',
        entityId: id,
        before: null,
        after: { ...fields, status: deal.status },
        at: now,
        requestId: c.get('requestId'),
      });
      return { status: 201, headers: { etag: etag(row.version), location: `${new URL(c.req.url).pathname}/${id}` }, body: deal };
    });
  })
  /** `PATCH /deals/{dealId}`: edit a draft or an info-requested registration, guarded by If-Match. */
  .patch('/deals/:dealId', async (c) => {
    const session = partnerSession(c);
    const update = c.get('input').body as DealUpdate;
    const { db, clock } = c.get('services');
    const row = await db.transaction(async (tx) => {
      const current = await readDeal(tx, c.get('input').path.dealId as string, session, true);
      requireIfMatch(c, current.version);
      if (!EDITABLE_STATUSES.includes(current.status)) throw new ProblemError({ status: 409, code: 'illegal_transition', detail: 'deal_not_editable', params: { status: current.status } });
      const before = toDeal(current, session.role);
      await checkReferences(tx, { ...fieldsOf(before), ...update } as Partial<DealCreate>, '/body');
      const values = columnValues(update);
      const now = clock();
      const assignments = Object.keys(values).map((column, index) => `${column} = $${index + 3}`);
      await tx.query(`UPDATE deals SET updated_at = $2, version = version + 1${assignments.map((a) => `, ${a}`).join('')} WHERE id = $1`, [current.id, now.toISOString(), ...Object.values(values)]);
      const after = await readDeal(tx, current.id, session);
      const changes = changedFields(fieldsOf(before), fieldsOf(toDeal(after, session.role)));
      await recordDealEvent(tx, { dealId: current.id, type: 'updated', actorId: session.userId, from: current.status, to: current.status, at: now });
      await recordAudit(tx, { actor: session, partnerId: current.partner_id, action: 'deal.updated', entityType: 'deal', entityId: current.id, ...changes, at: now, requestId: c.get('requestId') });
      return after;
    });
    return changed(c, row, session);
  })
  /** `POST /deals/{dealId}/transitions`: the workflow's moves; anything else is 409. */
  .post('/deals/:dealId/transitions', async (c) => {
    const session = reader(c);
    const { action, reason } = c.get('input').body as DealTransition;
    const { db, clock, deals: settings } = c.get('services');
    if (!mayMake(action, session.role)) throw problems.forbidden();
    const row = await db.transaction(async (tx) => {
      const now = clock();
      await expireDeals(tx, now, session.partnerId);
      const current = await readDeal(tx, c.get('input').path.dealId as string, session, true);
      requireIfMatch(c, current.version);
      const move = transitions[action as TransitionAction];
      if (!move.from.includes(current.status)) {
        throw new ProblemError({ status: 409, code: 'illegal_transition', detail: 'illegal_transition', params: { action, status: current.status } });
      }
      if (action === 'submit') {
        requireComplete(c, toDeal(current, session.role));
        await submitDeal(tx, current, session, now, settings);
      } else {
        const decided = action === 'approve' || action === 'reject' || action === 'request_info';
        const expiresAt = action === 'approve' ? new Date(now.getTime() + settings.protectionDays * DAY_MS).toISOString() : null;
        await tx.query(
          `UPDATE deals SET status = $2, updated_at = $3, version = version + 1,
                  decided_at = CASE WHEN $4 THEN $3::timestamptz ELSE decided_at END,
                  decided_by = CASE WHEN $4 THEN $5::uuid ELSE decided_by END,
                  decision_reason = CASE WHEN $4 THEN $6 ELSE decision_reason END,
                  expires_at = CASE WHEN $7::timestamptz IS NOT NULL THEN $7::timestamptz ELSE expires_at END
            WHERE id = $1`,
          [current.id, move.to, now.toISOString(), decided, session.userId, reason ?? null, expiresAt],
        );
        await recordDealEvent(tx, { dealId: current.id, type: move.event, actorId: session.userId, from: current.status, to: move.to, note: reason ?? null, at: now });
      }
      const after = await readDeal(tx, current.id, session);
      await recordAudit(tx, {
        actor: session,
        partnerId: current.partner_id,
        action: `deal.${action}`,
        entityType: 'deal',
        entityId: current.id,
        before: { status: current.status },
        after: { status: after.status, ...(reason ? { reason } : {}) },
        at: now,
        requestId: c.get('requestId'),
      });
      return after;
    });
    return changed(c, row, session);
  })
  /** `PUT /deals/{dealId}/reviewer`: a channel manager hands the review to another. */
  .put('/deals/:dealId/reviewer', async (c) => {
    const session = sessionWithRole(c, 'channel_manager');
    const { reviewerId } = c.get('input').body as { reviewerId: string };
    const { db, clock } = c.get('services');
    const row = await db.transaction(async (tx) => {
      const current = await readDeal(tx, c.get('input').path.dealId as string, session, true);
      if (current.status !== 'submitted' && current.status !== 'info_requested') {
        throw new ProblemError({ status: 409, code: 'illegal_transition', detail: 'deal_not_in_review', params: { status: current.status } });
      }
      const [reviewer] = await tx.query('SELECT 1 FROM users WHERE id = $1 AND role = $2', [reviewerId, 'channel_manager']);
      if (!reviewer) throw problems.validation([{ field: '/body/reviewerId', code: 'not_a_channel_manager', params: {} }]);
      const now = clock();
      await tx.query('UPDATE deals SET reviewer_id = $2, updated_at = $3, version = version + 1 WHERE id = $1', [current.id, reviewerId, now.toISOString()]);
      await recordDealEvent(tx, { dealId: current.id, type: 'reviewer_assigned', actorId: session.userId, from: current.status, to: current.status, at: now });
      await recordAudit(tx, {
        actor: session,
        partnerId: current.partner_id,
        action: 'deal.reviewer_assigned',
        entityType: 'deal',
        entityId: current.id,
        before: { reviewerId: current.reviewer_id },
        after: { reviewerId },
        at: now,
        requestId: c.get('requestId'),
      });
      return readDeal(tx, current.id, session);
    });
    return changed(c, row, session);
  });

const CSV_COLUMNS: { header: string; value: (deal: Deal) => string | number | null }[] = [
  { header: 'reference', value: (d) => d.reference },
  { header: 'status', value: (d) => d.status },
  { header: 'customer_company', value: (d) => d.customerCompany },
  { header: 'customer_domain', value: (d) => d.customerDomain },
  { header: 'customer_country', value: (d) => d.customerCountry },
  { header: 'contact_name', value: (d) => d.contactName },
  { header: 'contact_email', value: (d) => d.contactEmail },
  { header: 'opportunity', value: (d) => d.opportunityName },
  { header: 'amount', value: (d) => d.amount?.amount ?? null },
  { header: 'currency', value: (d) => d.amount?.currency ?? null },
  { header: 'expected_close_date', value: (d) => d.expectedCloseDate },
  { header: 'stage', value: (d) => d.stage },
  { header: 'deal_type', value: (d) => d.dealType },
  { header: 'partner_role', value: (d) => d.partnerRole },
  { header: 'created_at', value: (d) => d.createdAt },
  { header: 'submitted_at', value: (d) => d.submittedAt },
  { header: 'expires_at', value: (d) => d.expiresAt },
];

/**
 * Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading
 * apostrophe (OWASP's advice against CSV injection); amounts and dates never start that way.
 */
function neutralise(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvRows(deals: Deal[], header: boolean): string {
  const records = deals.map((deal) => CSV_COLUMNS.map((column) => neutralise(column.value(deal))));
  return stringify(header ? [CSV_COLUMNS.map((column) => column.header), ...records] : records, { record_delimiter: 'windows' });
}

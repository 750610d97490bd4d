// Every statement on the deals table (conflicts, timelines and list filters have modules of their own).
import type { components } from '@partnerkit/api';
import type { Queryable } from '../db/database.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';
import type { Position } from '../http/cursor.ts';
import { DEAL_FROM, DEAL_SELECT, type DealRow } from './deal-record.ts';
import type { DealListSql } from './list-query.ts';
import type { DealStatus } from '@partnerkit/api';

type Tier = components['schemas']['Tier'];

/** A row read with `expiry_due`: whether approved deals in the reader's scope are past their protection. */
export interface DueRow {
  expiry_due: boolean;
}

/**
 * A select-list column that is true when approved deals in scope (one partner's when
 * `partnerParam` holds an id, all when it is null) are past their protection, i.e. when
 * `expireDeals` has work to do. Reads carry it so that the common read, with nothing to
 * expire, takes one round trip instead of two.
 */
export function expiryDueColumn(nowParam: string, partnerParam: string): string {
  // The earliest end rather than EXISTS: a min() is read from the first index entry, whatever
  // the planner's statistics think of how many deals are past their end.
  return `COALESCE((SELECT min(due.expires_at) FROM deals due WHERE due.status = 'approved'
    AND (${partnerParam}::uuid IS NULL OR due.partner_id = ${partnerParam}::uuid)) <= ${nowParam}::timestamptz, false) AS expiry_due`;
}

/** One deal in the session's scope (another partner's is absent), locked for update when asked. */
export async function selectDeal(db: Queryable, id: string, session: SessionClaims, now: Date, forUpdate = false): Promise<(DealRow & DueRow) | undefined> {
  const params: unknown[] = [id, now.toISOString(), session.partnerId ?? null];
  const scope = session.role !== 'channel_manager' ? ' AND d.partner_id = $3' : '';
  const [row] = await db.query<DealRow & DueRow>(
    `SELECT ${DEAL_SELECT}, ${expiryDueColumn('$2', '$3')} FROM ${DEAL_FROM} WHERE d.id = $1${scope}${forUpdate ? ' FOR UPDATE OF d' : ''}`,
    params,
  );
  return row;
}

/** Deals of a list or export query, in its order, at most `limit` (a page asks one more, to know whether another follows). */
export function selectDeals(db: Queryable, sql: DealListSql, limit: number, now: Date, partnerId: string | null): Promise<(DealRow & DueRow & { sort_key: string })[]> {
  const n = sql.params.length;
  return db.query(
    `SELECT ${DEAL_SELECT}, ${sql.sortKey} AS sort_key, ${expiryDueColumn(`$${n + 1}`, `$${n + 2}`)}
       FROM ${DEAL_FROM} WHERE ${sql.where} ORDER BY ${sql.orderBy} LIMIT ${Math.trunc(limit)}`,
    [...sql.params, now.toISOString(), partnerId],
  );
}

export type QueueRow = DealRow & DueRow & { partner_name: string; submitted_key: string };

/** Submitted deals, oldest first, after `after` (one row more than `limit`). */
export function selectReviewQueue(db: Queryable, after: Position | undefined, limit: number, now: Date): Promise<QueueRow[]> {
  const params: unknown[] = [now.toISOString(), null];
  let position = '';
  if (after) {
    params.push(after.key, after.id);
    position = ' AND (d.submitted_at, d.id) > ($3::timestamptz, $4::uuid)';
  }
  return db.query<QueueRow>(
    `SELECT ${DEAL_SELECT}, p.name AS partner_name, ${'to_char(d.submitted_at AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\')'} AS submitted_key,
            ${expiryDueColumn('$1', '$2')}
       FROM ${DEAL_FROM} JOIN partners p ON p.id = d.partner_id
      WHERE d.status = 'submitted'${position}
      ORDER BY d.submitted_at, d.id LIMIT ${limit + 1}`,
    params,
  );
}

/** Of these product ids, the ones of active products. */
export async function activeProductIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<{ id: string }>('SELECT id FROM products WHERE id = ANY($1::uuid[]) AND active', [ids]);
  return new Set(rows.map((row) => row.id));
}

export async function partnerTier(db: Queryable, partnerId: string): Promise<Tier> {
  const [partner] = await db.query<{ tier: Tier }>('SELECT tier FROM partners WHERE id = $1', [partnerId]);
  return partner!.tier;
}

export async function isChannelManager(db: Queryable, userId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE id = $1 AND role = $2', [userId, 'channel_manager'])).length > 0;
}

/** A new draft with the next reference of the year; returns its id. */
export async function insertDraft(tx: Queryable, session: SessionClaims & { partnerId: string }, now: Date, values: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(values);
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO deals (id, partner_id, reference, status, created_at, updated_at, created_by${columns.map((column) => `, ${column}`).join('')})
     VALUES (gen_random_uuid(), $1, 'DR-' || $2 || '-' || lpad(nextval('deal_reference_seq')::text, 6, '0'), 'draft', $3, $3, $4${columns.map((_, index) => `, $${index + 5}`).join('')})
     RETURNING id`,
    [session.partnerId, String(now.getUTCFullYear()), now.toISOString(), session.userId, ...Object.values(values)],
  );
  return created!.id;
}

export async function updateDealFields(tx: Queryable, id: string, now: Date, values: Record<string, unknown>): Promise<void> {
  const assignments = Object.keys(values).map((column, index) => `, ${column} = $${index + 3}`);
  await tx.query(`UPDATE deals SET updated_at = $2, version = version + 1${assignments.join('')} WHERE id = $1`, [id, now.toISOString(), ...Object.values(values)]);
}

export interface StatusChange {
  status: DealStatus;
  now: Date;
  /** A channel manager's decision: who decided, and why. */
  decision?: { by: string; reason: string | null };
  /** A new end of protection (approval). */
  expiresAt?: Date;
}

export async function updateDealStatus(tx: Queryable, id: string, change: StatusChange): Promise<void> {
  await tx.query(
    `UPDATE deals SET status = $2, updated_at = $3, version = version + 1,
            decided_at = CASE WHEN $4 THEN $3::timestamptz ELSE decided_at END,
            decided_by = CASE WHEN $4 THEN $5::uuid ELSE decided_by END,
            decision_reason = CASE WHEN $4 THEN $6 ELSE decision_reason END,
            expires_at = CASE WHEN $7::timestamptz IS NOT NULL THEN $7::timestamptz ELSE expires_at END
      WHERE id = $1`,
    [id, change.status, change.now.toISOString(), change.decision !== undefined, change.decision?.by ?? null, change.decision?.reason ?? null, change.expiresAt?.toISOString() ?? null],
  );
}

export interface SubmissionChange {
  now: Date;
  approved: boolean;
  expiresAt: Date;
  outcome: 'auto_approved' | 'review';
  rule: string;
  matchedOn: readonly string[];
}

export async function updateSubmission(tx: Queryable, id: string, change: SubmissionChange): Promise<void> {
  const now = change.now.toISOString();
  await tx.query(
    `UPDATE deals SET status = $2, submitted_at = $3, updated_at = $3, decided_at = $4, decided_by = NULL, decision_reason = NULL,
            expires_at = $5, decision_outcome = $6, decision_rule = $7, conflict_matched_on = $8, version = version + 1
      WHERE id = $1`,
    [id, change.approved ? 'approved' : 'submitted', now, change.approved ? now : null, change.approved ? change.expiresAt.toISOString() : null, change.outcome, change.rule, change.matchedOn],
  );
}

export async function updateReviewer(tx: Queryable, id: string, reviewerId: string, now: Date): Promise<void> {
  await tx.query('UPDATE deals SET reviewer_id = $2, updated_at = $3, version = version + 1 WHERE id = $1', [id, reviewerId, now.toISOString()]);
}

/** Ends the protection of approved deals past it (one partner's when `partnerId` is given); returns them. */
export function updateExpired(tx: Queryable, now: Date, partnerId: string | null): Promise<{ id: string; partner_id: string }[]> {
  return tx.query(
    `UPDATE deals SET status = 'expired', updated_at = $1, version = version + 1
      WHERE status = 'approved' AND expires_at <= $1 AND ($2::uuid IS NULL OR partner_id = $2)
      RETURNING id, partner_id`,
    [now.toISOString(), partnerId],
  );
}

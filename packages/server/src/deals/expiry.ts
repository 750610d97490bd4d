import type { Database, Queryable } from '../db/database.ts';

/**
 * Ends the protection of approved deals whose period is over: status `expired`, a timeline
 * event and an audit event by the system. Limited to one partner when `partnerId` is given.
 * Runs before reads of deals (the list only when its query says something is due, see
 * `expiryDueColumn`) and from a periodic sweep, so nobody sees a stale status.
 */
export async function expireDeals(db: Queryable, now: Date, partnerId?: string | null): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `WITH expired AS (
       UPDATE deals SET status = 'expired', updated_at = $1, version = version + 1
        WHERE status = 'approved' AND expires_at <= $1 AND ($2::uuid IS NULL OR partner_id = $2)
        RETURNING id, partner_id),
     timeline AS (
       INSERT INTO deal_events (id, deal_id, occurred_at, type, actor_id, from_status, to_status)
       SELECT gen_random_uuid(), id, $1, 'expired', NULL, 'approved', 'expired' FROM expired)
     INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, partner_id, action, entity_type, entity_id, before, after, request_id)
     SELECT gen_random_uuid(), $1, NULL, NULL, partner_id, 'deal.expired', 'deal', id, '{"status":"approved"}', '{"status":"expired"}', 'expiry-sweep'
       FROM expired
     RETURNING entity_id AS id`,
    [now.toISOString(), partnerId ?? null],
  );
  return rows.length;
}

/**
 * A select-list column that is true when approved deals in scope (one partner's when
 * `partnerParam` holds an id, all when it is null) are past their protection, i.e. when
 * `expireDeals` has work to do. A list query carries it so that the common read, with nothing
 * to expire, takes one round trip instead of two.
 */
export function expiryDueColumn(nowParam: string, partnerParam: string): string {
  // The earliest end rather than EXISTS: a min() is read from the first index entry, whatever
  // the planner's statistics think of how many deals are past their end.
  return `COALESCE((SELECT min(due.expires_at) FROM deals due WHERE due.status = 'approved'
    AND (${partnerParam}::uuid IS NULL OR due.partner_id = ${partnerParam}::uuid)) <= ${nowParam}::timestamptz, false) AS expiry_due`;
}

/** Runs `expireDeals` every `intervalMs` (default one minute); returns a function that stops it. */
export function startExpirySweep(db: Database, clock: () => Date, intervalMs = 60_000, onError: (error: unknown) => void = () => {}): () => void {
  const timer = setInterval(() => {
    expireDeals(db, clock()).catch(onError);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

import type { Queryable } from '../db/database.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';

/** What changed on one entity: the part of an audit record a feature knows. */
export interface AuditChange {
  partnerId: string | null;
  /** `<entity>.<verb>`, e.g. `partner.updated`. */
  action: string;
  /** The entity's kind as the contract names it (a feature's or the core's). */
  entityType: string;
  entityId: string;
  /** The changed fields before the change; null on creation. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Who changed it, when, and under which request; `actor` is null for the system (a scheduled sweep). */
export interface AuditOrigin {
  actor: SessionClaims | null;
  at: Date;
  requestId: string;
}

/**
 * Records state changes, in one statement whatever their number (an expiry sweep may end
 * thousands of protections at once); call it in the transaction that made them.
 */
export async function recordAudits(tx: Queryable, origin: AuditOrigin, changes: readonly AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  // One JSON parameter rather than a VALUES list: no parameter limit, and the rows keep their order.
  await tx.query(
    `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, partner_id, action, entity_type, entity_id, before, after, request_id)
     SELECT gen_random_uuid(), $1, $2, $3, r.partner_id, r.action, r.entity_type, r.entity_id, r.before, r.after, $4
       FROM jsonb_to_recordset($5::jsonb) AS r(partner_id uuid, action text, entity_type text, entity_id uuid, before jsonb, after jsonb)`,
    [
      origin.at.toISOString(),
      origin.actor?.userId ?? null,
      origin.actor?.role ?? null,
      origin.requestId,
      JSON.stringify(
        changes.map((change) => ({
          partner_id: change.partnerId,
          action: change.action,
          entity_type: change.entityType,
          entity_id: change.entityId,
          before: change.before,
          after: change.after,
        })),
      ),
    ],
  );
}

/** The fields of `after` whose values differ from `before`, as before/after pairs. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return { before: Object.fromEntries(keys.map((key) => [key, before[key]])), after: Object.fromEntries(keys.map((key) => [key, after[key]])) };
}

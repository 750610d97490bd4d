import type { Queryable } from '../db/database.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';

export type AuditEntityType = 'deal' | 'partner';

export interface AuditEntry {
  actor: SessionClaims;
  partnerId: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  /** The changed fields before the change; null on creation. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
  requestId: string;
}

/** Records a state change; call it in the same transaction as the change itself. */
export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, partner_id, action, entity_type, entity_id, before, after, request_id)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.at.toISOString(),
      entry.actor.userId,
      entry.actor.role,
      entry.partnerId,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.requestId,
    ],
  );
}

/** The fields of `after` whose values differ from `before`, as before/after pairs. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return { before: Object.fromEntries(keys.map((key) => [key, before[key]])), after: Object.fromEntries(keys.map((key) => [key, after[key]])) };
}

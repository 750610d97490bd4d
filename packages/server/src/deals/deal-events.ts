import type { components } from '@partnerkit/api';
import type { Queryable } from '../db/database.ts';
import { utc } from '../db/sql.ts';

type DealEvent = components['schemas']['DealEvent'];
type DealStatus = components['schemas']['DealStatus'];

export interface NewDealEvent {
  dealId: string;
  type: DealEvent['type'];
  /** Null for the system (auto-approval, expiry). */
  actorId: string | null;
  from: DealStatus | null;
  to: DealStatus;
  note?: string | null;
  at: Date;
}

/** Appends to a deal's timeline; call it in the transaction that made the change. */
export async function recordDealEvent(tx: Queryable, event: NewDealEvent): Promise<void> {
  await tx.query(
    'INSERT INTO deal_events (id, deal_id, occurred_at, type, actor_id, from_status, to_status, note) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)',
    [event.dealId, event.at.toISOString(), event.type, event.actorId, event.from, event.to, event.note ?? null],
  );
}

interface EventRow {
  id: string;
  occurred_at: string;
  type: DealEvent['type'];
  actor_id: string | null;
  actor_role: DealEvent extends { actor: infer A } ? (A extends { role: infer R } ? R : never) | null : never;
  actor_name: string | null;
  from_status: DealStatus | null;
  to_status: DealStatus;
  note: string | null;
}

/** A deal's timeline, oldest first. */
export async function dealTimeline(db: Queryable, dealId: string): Promise<DealEvent[]> {
  const rows = await db.query<EventRow>(
    `SELECT e.id, ${utc('e.occurred_at')} AS occurred_at, e.type, e.actor_id, u.role AS actor_role, u.name AS actor_name, e.from_status, e.to_status, e.note
       FROM deal_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.deal_id = $1 ORDER BY e.seq`,
    [dealId],
  );
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    type: row.type,
    actor: row.actor_id && row.actor_role && row.actor_name ? { userId: row.actor_id, role: row.actor_role, name: row.actor_name } : null,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    note: row.note,
  }));
}

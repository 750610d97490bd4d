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

/** Appends to deals' timelines, in order, in one statement; the mutation helper calls it in the change's transaction. */
export async function recordDealEvents(tx: Queryable, events: readonly NewDealEvent[]): Promise<void> {
  await tx.query(
    `INSERT INTO deal_events (id, deal_id, occurred_at, type, actor_id, from_status, to_status, note)
     SELECT gen_random_uuid(), e.deal_id, e.occurred_at, e.type, e.actor_id, e.from_status, e.to_status, e.note
       FROM jsonb_to_recordset($1::jsonb) AS e(deal_id uuid, occurred_at timestamptz, type text, actor_id uuid, from_status text, to_status text, note text)`,
    [
      JSON.stringify(
        events.map((event) => ({
          deal_id: event.dealId,
          occurred_at: event.at.toISOString(),
          type: event.type,
          actor_id: event.actorId,
          from_status: event.from,
          to_status: event.to,
          note: event.note ?? null,
        })),
      ),
    ],
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

import type { components } from '@partnerkit/api';
import type { Queryable } from '../db/database.ts';
import { utc } from '../db/sql.ts';

type AuditEvent = components['schemas']['AuditEvent'];

export interface AuditRow {
  id: string;
  seq: string;
  occurred_at: string;
  actor_id: string | null;
  actor_role: NonNullable<AuditEvent['actor']>['role'] | null;
  partner_id: string | null;
  action: string;
  entity_type: AuditEvent['entityType'];
  entity_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditFilter {
  partnerId?: string;
  entityType?: string;
  entityId?: string;
}

const FILTER_COLUMNS = [['partnerId', 'partner_id'], ['entityType', 'entity_type'], ['entityId', 'entity_id']] as const;

/** Audit records, newest first (in the order written), before sequence number `beforeSeq`; one more than `limit`. */
export function selectAuditPage(db: Queryable, filter: AuditFilter, beforeSeq: string | undefined, limit: number): Promise<AuditRow[]> {
  const params: unknown[] = [limit + 1];
  const where: string[] = ['TRUE'];
  for (const [name, column] of FILTER_COLUMNS) {
    if (filter[name] === undefined) continue;
    params.push(filter[name]);
    where.push(`${column} = $${params.length}`);
  }
  if (beforeSeq !== undefined) {
    params.push(beforeSeq);
    where.push(`seq < $${params.length}::bigint`);
  }
  return db.query<AuditRow>(
    `SELECT id, seq::text AS seq, ${utc('occurred_at')} AS occurred_at, actor_id, actor_role, partner_id, action, entity_type, entity_id, before, after
       FROM audit_events WHERE ${where.join(' AND ')} ORDER BY audit_events.seq DESC LIMIT $1`,
    params,
  );
}

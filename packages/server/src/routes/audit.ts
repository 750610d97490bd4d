import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { sessionWithRole } from '../http/middleware.ts';
import { cursorFrom, pageOf } from '../http/cursor.ts';
import { utc } from '../db/sql.ts';

type AuditEvent = components['schemas']['AuditEvent'];

interface AuditRow {
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

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actor: row.actor_id && row.actor_role ? { userId: row.actor_id, role: row.actor_role } : null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    partnerId: row.partner_id,
    before: row.before,
    after: row.after,
  };
}

/** `GET /audit-events`: channel managers read who changed what, newest first (in the order written). */
export const auditRoutes = new Hono<AppEnv>().get('/audit-events', async (c) => {
  sessionWithRole(c, 'channel_manager');
  const { query } = c.get('input');
  const limit = query.limit as number;
  const after = cursorFrom(query, (key) => /^\d{1,19}$/.test(key));
  const params: unknown[] = [limit + 1];
  const where: string[] = ['TRUE'];
  for (const [name, column] of [['partnerId', 'partner_id'], ['entityType', 'entity_type'], ['entityId', 'entity_id']] as const) {
    if (query[name] === undefined) continue;
    params.push(query[name]);
    where.push(`${column} = $${params.length}`);
  }
  if (after) {
    params.push(after.key);
    where.push(`seq < $${params.length}::bigint`);
  }
  const rows = await c.get('services').db.query<AuditRow>(
    `SELECT id, seq::text AS seq, ${utc('occurred_at')} AS occurred_at, actor_id, actor_role, partner_id, action, entity_type, entity_id, before, after
       FROM audit_events WHERE ${where.join(' AND ')} ORDER BY audit_events.seq DESC LIMIT $1`,
    params,
  );
  return c.json(pageOf(rows, limit, toEvent, (row) => ({ key: row.seq, id: row.id })));
});

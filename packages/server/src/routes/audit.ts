import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { sessionWithRole } from '../http/middleware.ts';
import { cursorFrom, pageOf } from '../http/cursor.ts';
import { selectAuditPage, type AuditFilter, type AuditRow } from '../audit/audit-queries.ts';

type AuditEvent = components['schemas']['AuditEvent'];

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
  const rows = await selectAuditPage(c.get('services').db, query as AuditFilter, after?.key, limit);
  return c.json(pageOf(rows, limit, toEvent, (row) => ({ key: row.seq, id: row.id })));
});

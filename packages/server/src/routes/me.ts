import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { requireSession } from '../http/middleware.ts';
import { problems } from '../http/problem.ts';
import type { Role } from '../auth/session-tokens.ts';

const permissionsByRole: Record<Role, readonly string[]> = {
  partner_user: ['deals:read', 'deals:create'],
  partner_admin: ['deals:read', 'deals:create', 'partner:update', 'users:manage'],
  channel_manager: ['deals:read', 'deals:review', 'partners:read', 'audit:read'],
};

interface MeRow {
  user_id: string;
  email: string;
  user_name: string;
  user_locale: string | null;
  partner_id: string;
  partner_name: string;
  tier: 'registered' | 'silver' | 'gold' | 'platinum';
  country: string;
  currency: string;
  partner_locale: string;
}

/** `GET /me`: who the session belongs to. */
export const meRoutes = new Hono<AppEnv>().get('/me', requireSession, async (c) => {
  const session = c.get('session');
  const [row] = await c.get('services').db.query<MeRow>(
    `SELECT u.id AS user_id, u.email, u.name AS user_name, u.locale AS user_locale,
            p.id AS partner_id, p.name AS partner_name, p.tier, p.country, p.currency, p.locale AS partner_locale
       FROM users u JOIN partners p ON p.id = $2
      WHERE u.id = $1 AND u.partner_id = $2`,
    [session.userId, session.partnerId],
  );
  if (!row) throw problems.unauthorized('The session no longer matches a user.');
  return c.json({
    user: { id: row.user_id, email: row.email, name: row.user_name },
    partner: { id: row.partner_id, name: row.partner_name, tier: row.tier, country: row.country.trim() },
    role: session.role,
    permissions: [...permissionsByRole[session.role]],
    locale: row.user_locale ?? row.partner_locale,
    currency: row.currency.trim(),
  });
});

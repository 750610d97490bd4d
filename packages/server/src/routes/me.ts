import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { sessionWithRole } from '../http/middleware.ts';
import { problems } from '../http/problem.ts';
import type { Role } from '../auth/session-tokens.ts';

type Permission = components['schemas']['Permission'];
type Me = components['schemas']['Me'];

export const permissionsByRole: Record<Role, readonly Permission[]> = {
  partner_user: ['deals:read', 'deals:create', 'partner:read'],
  partner_admin: ['deals:read', 'deals:create', 'partner:read', 'partner:update'],
  channel_manager: ['deals:read', 'deals:review', 'partners:read', 'audit:read'],
};

interface MeRow {
  user_id: string;
  email: string;
  user_name: string;
  user_locale: string | null;
  partner_id: string | null;
  partner_name: string | null;
  tier: components['schemas']['Tier'] | null;
  country: string | null;
  currency: string | null;
  partner_locale: string | null;
}

/** `GET /me`: who the session belongs to. */
export const meRoutes = new Hono<AppEnv>().get('/me', async (c) => {
  const session = sessionWithRole(c, 'partner_user', 'partner_admin', 'channel_manager');
  const { db, vendorCurrency } = c.get('services');
  const [row] = await db.query<MeRow>(
    `SELECT u.id AS user_id, u.email, u.name AS user_name, u.locale AS user_locale,
            p.id AS partner_id, p.name AS partner_name, p.tier, p.country, p.currency, p.locale AS partner_locale
       FROM users u LEFT JOIN partners p ON p.id = u.partner_id
      WHERE u.id = $1 AND u.partner_id IS NOT DISTINCT FROM $2`,
    [session.userId, session.partnerId],
  );
  if (!row) throw problems.unauthorized('session_user_gone');
  const partner =
    row.partner_id && row.partner_name && row.tier && row.country && row.currency && row.partner_locale
      ? { id: row.partner_id, name: row.partner_name, tier: row.tier, country: row.country.trim(), currency: row.currency.trim(), locale: row.partner_locale }
      : null;
  const me: Me = {
    user: { id: row.user_id, email: row.email, name: row.user_name },
    partner,
    role: session.role,
    permissions: [...permissionsByRole[session.role]],
    locale: row.user_locale ?? partner?.locale ?? 'en',
    currency: partner?.currency ?? vendorCurrency,
  };
  return c.json(me);
});

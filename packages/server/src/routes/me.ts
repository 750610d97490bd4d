import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { sessionWithRole } from '../http/middleware.ts';
import { problems } from '../http/problem.ts';
import type { Role } from '../auth/session-tokens.ts';
import { selectMe } from '../queries/user-queries.ts';

type Permission = components['schemas']['Permission'];
type Me = components['schemas']['Me'];

export const permissionsByRole: Record<Role, readonly Permission[]> = {
  partner_user: ['deals:read', 'deals:create', 'partner:read'],
  partner_admin: ['deals:read', 'deals:create', 'partner:read', 'partner:update'],
  channel_manager: ['deals:read', 'deals:review', 'partners:read', 'audit:read'],
};

/** `GET /me`: who the session belongs to. */
export const meRoutes = new Hono<AppEnv>().get('/me', async (c) => {
  const session = sessionWithRole(c, 'partner_user', 'partner_admin', 'channel_manager');
  const { db, vendorCurrency } = c.get('services');
  const row = await selectMe(db, session.userId, session.partnerId);
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

import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { problems } from '../http/problem.ts';

type SessionRequest = components['schemas']['SessionRequest'];

/** `POST /sessions`: the vendor backend mints a session token for one of its users. */
export const sessionRoutes = new Hono<AppEnv>().post('/sessions', async (c) => {
  const request = c.get('input').body as SessionRequest;
  const { db, tokens } = c.get('services');
  // A channel manager works across partners: any partnerId sent for one is ignored.
  const partnerId = request.role === 'channel_manager' ? null : request.partnerId!;
  if (partnerId) {
    const [partner] = await db.query('SELECT 1 FROM partners WHERE id = $1', [partnerId]);
    if (!partner) throw problems.notFound('partner_not_found');
  }
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO users (id, external_id, partner_id, email, name, role, locale)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)
     ON CONFLICT (external_id) DO UPDATE
       SET partner_id = EXCLUDED.partner_id, email = EXCLUDED.email, name = EXCLUDED.name,
           role = EXCLUDED.role, locale = COALESCE(EXCLUDED.locale, users.locale), updated_at = now()
     RETURNING id`,
    [request.user.id, partnerId, request.user.email, request.user.name, request.role, request.locale ?? null],
  );
  const session = await tokens.issue({ userId: user!.id, partnerId, role: request.role });
  return c.json({ token: session.token, expiresAt: session.expiresAt.toISOString() }, 201);
});

import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { problems } from '../http/problem.ts';
import { partnerExists } from '../queries/partner-queries.ts';
import { upsertSessionUser } from '../queries/user-queries.ts';

type SessionRequest = components['schemas']['SessionRequest'];

/** `POST /sessions`: the vendor backend mints a session token for one of its users. */
export const sessionRoutes = new Hono<AppEnv>().post('/sessions', async (c) => {
  const request = c.get('input').body as SessionRequest;
  const { db, tokens } = c.get('services');
  // A channel manager works across partners: any partnerId sent for one is ignored.
  const partnerId = request.role === 'channel_manager' ? null : request.partnerId!;
  if (partnerId && !(await partnerExists(db, partnerId))) throw problems.notFound('partner_not_found');
  const userId = await upsertSessionUser(db, request, partnerId);
  const session = await tokens.issue({ userId, partnerId, role: request.role });
  return c.json({ token: session.token, expiresAt: session.expiresAt.toISOString() }, 201);
});

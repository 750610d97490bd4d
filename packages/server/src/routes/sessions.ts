import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { requireSecretKey } from '../http/middleware.ts';
import { problems, type FieldError } from '../http/problem.ts';
import { isRole, type Role } from '../auth/session-tokens.ts';

interface SessionRequest {
  partnerId: string;
  user: { id: string; email: string; name: string };
  role: Role;
  locale?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function text(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= max;
}

function parseSessionRequest(body: unknown): SessionRequest {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field: `/body${field}`, code, message });
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const user = (input.user && typeof input.user === 'object' ? input.user : {}) as Record<string, unknown>;
  if (typeof input.partnerId !== 'string' || !UUID.test(input.partnerId)) fail('/partnerId', 'format', 'must be a UUID');
  if (!text(user.id, 200)) fail('/user/id', 'required', 'must be a non-empty string of at most 200 characters');
  if (!text(user.email, 320) || !EMAIL.test(user.email)) fail('/user/email', 'format', 'must be an email address');
  if (!text(user.name, 200)) fail('/user/name', 'required', 'must be a non-empty string of at most 200 characters');
  if (!isRole(input.role)) fail('/role', 'enum', 'must be partner_user, partner_admin or channel_manager');
  if (input.locale !== undefined && !text(input.locale, 35)) fail('/locale', 'format', 'must be a BCP 47 language tag');
  for (const key of Object.keys(input)) {
    if (!['partnerId', 'user', 'role', 'locale'].includes(key)) fail(`/${key}`, 'additional_property', 'is not allowed');
  }
  if (errors.length) throw problems.validation(errors);
  return input as unknown as SessionRequest;
}

/** `POST /sessions`: the vendor backend mints a session token for one of its users. */
export const sessionRoutes = new Hono<AppEnv>().post('/sessions', requireSecretKey, async (c) => {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw problems.validation([{ field: '/body', code: 'json', message: 'must be a JSON object' }]);
  }
  const request = parseSessionRequest(body);
  const { db, tokens } = c.get('services');
  const [partner] = await db.query<{ id: string }>('SELECT id FROM partners WHERE id = $1', [request.partnerId]);
  if (!partner) throw problems.notFound('No partner organisation has that id.');
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO users (id, external_id, partner_id, email, name, role, locale)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)
     ON CONFLICT (external_id) DO UPDATE
       SET partner_id = EXCLUDED.partner_id, email = EXCLUDED.email, name = EXCLUDED.name,
           role = EXCLUDED.role, locale = COALESCE(EXCLUDED.locale, users.locale), updated_at = now()
     RETURNING id`,
    [request.user.id, request.partnerId, request.user.email, request.user.name, request.role, request.locale ?? null],
  );
  const session = await tokens.issue({ userId: user!.id, partnerId: request.partnerId, role: request.role });
  return c.json({ token: session.token, expiresAt: session.expiresAt.toISOString() }, 201);
});

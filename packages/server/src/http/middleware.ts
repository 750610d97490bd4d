import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { problems } from './problem.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives every request an id (the caller's `X-Request-Id` when well-formed) and echoes it. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', id);
  c.header('x-request-id', id);
  await next();
});

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Requires a valid session token and exposes its claims as `c.get('session')`. */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw problems.unauthorized();
  const claims = await c.get('services').tokens.verify(token);
  if (!claims) throw problems.unauthorized('The session token is invalid or has expired.');
  c.set('session', claims);
  await next();
});

/** Requires the vendor secret key (server-to-server routes). */
export const requireSecretKey = createMiddleware<AppEnv>(async (c, next) => {
  const key = bearerToken(c.req.header('authorization'));
  if (!key || !c.get('services').tokens.isSecretKey(key)) throw problems.unauthorized('The vendor secret key is required.');
  await next();
});

import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv, Caller } from './env.ts';
import { problems } from './problem.ts';
import { countRequest } from './rate-limit.ts';
import type { Role, SessionClaims } from '../auth/session-tokens.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives every request an id (the caller's `X-Request-Id` when well-formed) and echoes it. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', id);
  c.header('x-request-id', id);
  await next();
});

/** One structured record per request: route template, status and duration, nothing personal. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  c.get('services').logger({
    level: c.res.status >= 500 ? 'error' : 'info',
    msg: 'request',
    requestId: c.get('requestId'),
    method: c.req.method,
    route: c.get('operation')?.template ?? 'unmatched',
    status: c.res.status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  });
});

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * Admits a request by the security schemes the contract declares for its operation, so no
 * route can forget authentication: `secretKey` (the vendor's backend) or `sessionToken`.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const schemes = c.get('operation').operation.security;
  if (schemes.length === 0) {
    countRequest(c, undefined);
    return next();
  }
  const acceptsSession = schemes.includes('sessionToken');
  const acceptsSecret = schemes.includes('secretKey');
  const missing = acceptsSession && acceptsSecret ? 'credentials_required' : acceptsSession ? 'session_required' : 'secret_key_required';
  const token = bearerToken(c.req.header('authorization'));
  const { tokens } = c.get('services');
  if (token && acceptsSecret && tokens.isSecretKey(token)) {
    countRequest(c, 'vendor');
    c.set('caller', { kind: 'vendor' });
    return next();
  }
  const claims = token && acceptsSession ? await tokens.verify(token) : null;
  if (!claims) {
    countRequest(c, undefined);
    throw problems.unauthorized(!token ? missing : acceptsSession ? 'session_invalid' : missing);
  }
  countRequest(c, `user:${claims.userId}`);
  c.set('caller', { kind: 'session', session: claims });
  return next();
});

/** The caller's session when its role is one of `roles`; 403 otherwise (the vendor key included). */
export function sessionWithRole(c: Context<AppEnv>, ...roles: Role[]): SessionClaims {
  const caller: Caller = c.get('caller');
  if (caller.kind !== 'session' || !roles.includes(caller.session.role)) throw problems.forbidden();
  return caller.session;
}

/** The partner a partner-role session belongs to; 403 for channel managers and the vendor key. */
export function partnerSession(c: Context<AppEnv>, ...roles: Exclude<Role, 'channel_manager'>[]): SessionClaims & { partnerId: string } {
  const session = sessionWithRole(c, ...(roles.length ? roles : (['partner_user', 'partner_admin'] as const)));
  if (!session.partnerId) throw problems.forbidden();
  return session as SessionClaims & { partnerId: string };
}

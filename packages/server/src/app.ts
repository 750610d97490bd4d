import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Database } from './db/database.ts';
import { SessionTokens } from './auth/session-tokens.ts';
import type { AppEnv, Services } from './http/env.ts';
import { requestId } from './http/middleware.ts';
import { ProblemError, problemResponse, problems } from './http/problem.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { meRoutes } from './routes/me.ts';
import { dealRoutes } from './routes/deals.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppOptions {
  db: Database;
  /** Vendor secret keys; the first signs session tokens, all are accepted (rotation). */
  secrets: readonly string[];
  /** Injected time source, so tests can move time. Default: the system clock. */
  clock?: () => Date;
  /** Origins allowed to call the API from a browser. Default: any (tokens are bearer headers, never cookies). */
  corsOrigins?: string | string[];
  /** Receives one structured record per unexpected failure. Default: console.error as JSON. */
  logError?: (record: Record<string, unknown>) => void;
}

/** Builds the reference API as a Hono app; mount it anywhere or call `app.request()` in tests. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const services: Services = {
    db: options.db,
    clock: options.clock ?? (() => new Date()),
    tokens: new SessionTokens(options.secrets, options.clock ?? (() => new Date())),
  };
  const logError = options.logError ?? ((record) => console.error(JSON.stringify(record)));
  const app = new Hono<AppEnv>();
  app.use('*', requestId);
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', cors({
    origin: options.corsOrigins ?? '*',
    allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'ETag', 'Retry-After'],
    maxAge: 600,
  }));
  app.route('/', healthRoutes);
  app.route('/', sessionRoutes);
  app.route('/', meRoutes);
  app.route('/', dealRoutes);
  app.notFound((c) => problemResponse(c, problems.notFound('No such endpoint.')));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    // Method and path only: no headers, tokens or bodies reach the log.
    logError({ level: 'error', requestId: c.get('requestId'), method: c.req.method, path: c.req.path, error: String(error) });
    return problemResponse(c, new ProblemError(500, 'internal', 'Internal server error', 'Something went wrong on our side.'));
  });
  return app;
}

import { Hono } from 'hono';
import { ContractValidator, readOpenApiDocument } from '@partnerkit/api/contract';
import type { Database } from './db/database.ts';
import { SessionTokens } from './auth/session-tokens.ts';
import type { AppEnv, Services } from './http/env.ts';
import { authenticate, requestId, requestLog } from './http/middleware.ts';
import { limitBody, matchOperation, validateRequest, validateResponse } from './http/contract.ts';
import { apiCors } from './http/cors.ts';
import { RateLimiter, type RateLimitOptions } from './http/rate-limit.ts';
import { jsonLogger, type Logger } from './http/logger.ts';
import { ProblemError, problemResponse, problems } from './http/problem.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { meRoutes } from './routes/me.ts';
import { partnerRoutes } from './routes/partners.ts';
import { auditRoutes } from './routes/audit.ts';
import { productRoutes } from './routes/products.ts';
import { settingsOf, type FeatureModule } from './feature-module.ts';
import { features, type FeatureOptions } from './features.ts';
import { healthRoutes } from './routes/health.ts';

export interface CoreOptions {
  db: Database;
  /** Vendor secret keys; the first signs session tokens, all are accepted (rotation). */
  secrets: readonly string[];
  /** Injected time source, so tests can move time. Default: the system clock. */
  clock?: () => Date;
  /** Origins allowed to call the API from a browser. Default: any (tokens are bearer headers, never cookies). */
  corsOrigins?: string | string[];
  /** Receives one structured record per request and per failure. Default: JSON lines on stdout/stderr. */
  logger?: Logger;
  /** Requests per caller and window; `false` turns limiting off (benchmarks). Default 600 per minute. */
  rateLimit?: RateLimitOptions | false;
  /** `enforce` (default) answers 500 instead of a response that breaks the contract; `log` only logs it. */
  responseValidation?: 'enforce' | 'log' | 'off';
  /** Currency shown to channel managers, who belong to no partner. Default EUR. */
  vendorCurrency?: string;
}

/** The core's options, the features to serve, and each feature's settings under its name (`{ [module.name]: { … } }`, typed from `features.ts`). */
export type AppOptions = CoreOptions &
  FeatureOptions & {
    /** The features to serve. Default: every registered one (`features.ts`). */
    modules?: readonly FeatureModule[];
  };

// Compiled once per process: every app built here checks against the same contract.
let sharedContract: ContractValidator | undefined;

/** Builds the reference API as a Hono app; mount it anywhere or call `app.request()` in tests. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const clock = options.clock ?? (() => new Date());
  const services: Services = {
    db: options.db,
    clock,
    tokens: new SessionTokens(options.secrets, clock),
    contract: (sharedContract ??= new ContractValidator(readOpenApiDocument())),
    logger: options.logger ?? jsonLogger,
    vendorCurrency: options.vendorCurrency ?? 'EUR',
    limiter: options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? { limit: 600, windowMs: 60_000 }, () => clock().getTime()),
  };
  const app = new Hono<AppEnv>();
  app.use('*', requestId);
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('*', requestLog);
  app.use('*', apiCors({
    origin: options.corsOrigins ?? '*',
    allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key', 'If-Match', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'ETag', 'Location', 'Retry-After', 'Idempotent-Replayed', 'Content-Language'],
    maxAge: 600,
  }));
  app.use('*', matchOperation);
  if (options.responseValidation !== 'off') app.use('*', validateResponse(options.responseValidation ?? 'enforce'));
  app.use('*', authenticate);
  app.use('*', limitBody);
  app.use('*', validateRequest);
  app.route('/', healthRoutes);
  app.route('/', sessionRoutes);
  app.route('/', meRoutes);
  app.route('/', partnerRoutes);
  app.route('/', productRoutes);
  for (const module of options.modules ?? features) {
    // Each feature's settings come under its name; the type of AppOptions checks them per feature.
    const overrides: unknown = Reflect.get(options, module.name);
    app.route('/', module.routes(settingsOf(module, overrides)));
  }
  app.route('/', auditRoutes);
  // Reached only when the contract declares an operation that no route implements.
  app.notFound((c) => problemResponse(c, problems.notFound('endpoint_not_found')));
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    // Method, route and the error's kind only: no headers, tokens, bodies, or database messages
    // (which can quote request values) reach the log.
    const code = (error as { code?: unknown }).code;
    services.logger({
      level: 'error',
      msg: 'unexpected failure',
      requestId: c.get('requestId'),
      method: c.req.method,
      route: c.get('operation')?.template,
      error: error.name,
      ...(typeof code === 'string' ? { code } : {}),
    });
    return problemResponse(c, problems.internal());
  });
  return app;
}

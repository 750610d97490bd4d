import { createMiddleware } from 'hono/factory';
import { cors } from 'hono/cors';
import type { AppEnv } from './env.ts';

export interface CorsOptions {
  /** Allowed origins: `*`, one origin, or a list. */
  origin: string | string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  /** Seconds a browser may cache a preflight's answer. */
  maxAge: number;
}

/**
 * CORS for the API. Preflights (`OPTIONS`) are answered by hono/cors. On every other request the
 * headers go in through `c.header` before the route runs, rather than through `c.res` as
 * hono/cors does: touching `c.res` that early makes Hono copy each route's response into a new
 * one, which costs every answer its direct write of the serialized body.
 */
export function apiCors(options: CorsOptions) {
  const preflight = cors(options);
  const expose = options.exposeHeaders.join(',');
  const allowed = (origin: string): string | null => {
    if (options.origin === '*') return '*';
    if (typeof options.origin === 'string') return options.origin === origin ? origin : null;
    return options.origin.includes(origin) ? origin : null;
  };
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = allowed(c.req.header('origin') ?? '');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    if (expose) c.header('Access-Control-Expose-Headers', expose);
    if (options.origin !== '*') c.header('Vary', 'Origin', { append: true });
    await next();
  });
}

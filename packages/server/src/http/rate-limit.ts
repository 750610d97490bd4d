import { createHash } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';
import { problems } from './problem.ts';

export interface RateLimitOptions {
  /** Requests allowed per caller and window. */
  limit: number;
  windowMs: number;
}

/**
 * Fixed-window counter per caller, in this process's memory. Behind a load balancer each
 * process counts on its own (see docs/server.md).
 */
export class RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  readonly #options: RateLimitOptions;
  readonly #now: () => number;

  constructor(options: RateLimitOptions, now: () => number) {
    this.#options = options;
    this.#now = now;
  }

  /** Counts one request; returns the seconds to wait when the caller is over the limit. */
  take(caller: string): number | undefined {
    const now = this.#now();
    let window = this.#windows.get(caller);
    if (!window || window.resetAt <= now) {
      if (this.#windows.size > 10_000) this.#sweep(now);
      window = { count: 0, resetAt: now + this.#options.windowMs };
      this.#windows.set(caller, window);
    }
    window.count += 1;
    return window.count > this.#options.limit ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : undefined;
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
  }
}

/** Who a request counts against: its credentials (hashed, never kept) or else its address. */
function callerKey(authorization: string | undefined, address: string | undefined): string {
  if (authorization) return createHash('sha256').update(authorization).digest('base64url');
  return `ip:${address ?? 'unknown'}`;
}

export function rateLimit(limiter: RateLimiter) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    const wait = limiter.take(callerKey(c.req.header('authorization'), env?.incoming?.socket?.remoteAddress));
    if (wait !== undefined) throw problems.rateLimited(wait);
    await next();
  });
}

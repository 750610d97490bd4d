import type { Context } from 'hono';
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

/** The remote address of a request served by @hono/node-server (none in `app.request()` tests). */
function remoteAddress(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Counts one request against a caller: an authenticated user (`user:<id>`), the vendor key
 * (`vendor`), or — for public operations and failed authentication — the remote address, so
 * that inventing tokens does not escape the limit. Over the limit: 429 with `Retry-After`.
 */
export function countRequest(c: Context<AppEnv>, caller: string | undefined): void {
  const limiter = c.get('services').limiter;
  if (!limiter) return;
  const wait = limiter.take(caller ?? `ip:${remoteAddress(c)}`);
  if (wait !== undefined) throw problems.rateLimited(wait);
}

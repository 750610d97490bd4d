/** Seconds before a token's expiry at which it is treated as expired, to absorb clock skew. */
const EXPIRY_MARGIN_S = 30;

/** Reads `exp` from a JWT without verifying it; the server verifies, the client only schedules. */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp: unknown = JSON.parse(json).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export type TokenSource = () => string | Promise<string>;

/**
 * Caches the host's token until shortly before it expires and shares one in-flight
 * request between concurrent callers, so `getToken` runs once per token lifetime.
 */
export class TokenCache {
  readonly #source: TokenSource;
  readonly #now: () => number;
  #token: string | undefined;
  #expiresAt = 0;
  #pending: Promise<string> | undefined;

  constructor(source: TokenSource, now: () => number = Date.now) {
    this.#source = source;
    this.#now = now;
  }

  get(): Promise<string> {
    if (this.#token && this.#now() < this.#expiresAt) return Promise.resolve(this.#token);
    this.#pending ??= Promise.resolve()
      .then(() => this.#source())
      .then((token) => {
        this.#token = token;
        const exp = tokenExpiry(token);
        this.#expiresAt = exp === undefined ? Number.POSITIVE_INFINITY : exp - EXPIRY_MARGIN_S * 1000;
        return token;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }

  /** Forgets the cached token, e.g. after the server answered 401. */
  invalidate(token?: string): void {
    if (token === undefined || token === this.#token) {
      this.#token = undefined;
      this.#expiresAt = 0;
    }
  }
}

import ky, { HTTPError, NetworkError, TimeoutError, type KyInstance } from 'ky';
import type { components, operations } from './generated/schema.ts';
import { PartnerkitError } from './errors.ts';
import { TokenCache, type TokenSource } from './token-cache.ts';
import { SharedRequests } from './shared-requests.ts';

export type Me = components['schemas']['Me'];
export type Deal = components['schemas']['Deal'];
export type DealPage = components['schemas']['DealPage'];
export type DealStatus = components['schemas']['DealStatus'];
export type Money = components['schemas']['Money'];
export type ListDealsQuery = NonNullable<operations['listDeals']['parameters']['query']>;

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Base URL of the API, e.g. `https://partners.example.com/api`. */
  baseUrl: string;
  /**
   * Returns a session token minted by the vendor's backend. Called lazily, cached until
   * shortly before the token's `exp`, and called again once when the server answers 401.
   */
  getToken?: TokenSource;
  /** Sent as `Accept-Language`, so server messages come back in the user's language. */
  locale?: string;
  /** Replaces the global `fetch` (tests, server-side rendering, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds before a single attempt fails with a `timeout` error. Default 15 000. */
  timeout?: number;
  /** How many times idempotent requests are retried on network failures and 5xx/429. Default 2. */
  retries?: number;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** The typed Partnerkit API client. */
export interface PartnerkitClient {
  readonly baseUrl: string;
  /** The signed-in user, partner organisation, role and permissions. */
  getMe(options?: CallOptions): Promise<Me>;
  /** One page of the signed-in partner's deals. */
  listDeals(query?: ListDealsQuery, options?: CallOptions): Promise<DealPage>;
  /** Every deal matching `query`, page by page. */
  paginateDeals(query?: Omit<ListDealsQuery, 'cursor'>, options?: CallOptions): AsyncGenerator<Deal[], void, undefined>;
}

type Query = Record<string, string | number | boolean | undefined>;

/** Creates a client bound to one API base URL and one token source. */
export function createClient(options: ClientOptions): PartnerkitClient {
  const tokens = options.getToken ? new TokenCache(options.getToken) : undefined;
  const http: KyInstance = ky.create({
    prefix: options.baseUrl,
    timeout: options.timeout ?? 15_000,
    retry: { limit: options.retries ?? 2, methods: ['get'], jitter: true, backoffLimit: 5_000 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { accept: 'application/json', ...(options.locale ? { 'accept-language': options.locale } : {}) },
  });

  const inFlight = new SharedRequests();

  async function get<T>(path: string, query: Query | undefined, signal: AbortSignal, isRetryAfter401 = false): Promise<T> {
    const token = tokens ? await tokens.get() : undefined;
    try {
      return await http
        .get(path, {
          ...(query ? { searchParams: query } : {}),
          signal,
          ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
        })
        .json<T>();
    } catch (error) {
      const mapped = toPartnerkitError(error, signal);
      if (mapped.status === 401 && tokens && !isRetryAfter401) {
        tokens.invalidate(token);
        return get<T>(path, query, signal, true);
      }
      throw mapped;
    }
  }

  /** Concurrent identical GETs share one request. */
  async function send<T>(path: string, query: Query | undefined, call: CallOptions | undefined): Promise<T> {
    try {
      return await inFlight.run(requestKey(path, query), (signal) => get<T>(path, query, signal), call?.signal);
    } catch (error) {
      throw toPartnerkitError(error, call?.signal);
    }
  }

  return {
    baseUrl: options.baseUrl,
    getMe: (call) => send<Me>('me', undefined, call),
    listDeals: (query, call) => send<DealPage>('deals', query, call),
    async *paginateDeals(query, call) {
      let cursor: string | undefined;
      do {
        const page: DealPage = await send<DealPage>('deals', { ...query, cursor }, call);
        yield page.data;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
  };
}

/** Identifies a GET by path and defined query values, so identical reads can share a request. */
function requestKey(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(name, String(value));
  return `${path}?${params}`;
}

function toPartnerkitError(error: unknown, signal: AbortSignal | undefined): PartnerkitError {
  if (error instanceof PartnerkitError) return error;
  if (error instanceof HTTPError) return PartnerkitError.fromAnswer(error.response, error.data);
  if (error instanceof TimeoutError) {
    return new PartnerkitError({ kind: 'timeout', code: 'timeout', title: 'The server took too long to answer', cause: error });
  }
  if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) {
    return new PartnerkitError({ kind: 'aborted', code: 'aborted', title: 'The request was cancelled', cause: error });
  }
  if (error instanceof NetworkError || error instanceof TypeError) {
    return new PartnerkitError({ kind: 'network', code: 'network', title: 'The server could not be reached', cause: error });
  }
  return new PartnerkitError({ kind: 'network', code: 'unknown', title: 'The request failed', cause: error });
}

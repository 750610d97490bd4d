import ky, { HTTPError, NetworkError, TimeoutError, type KyInstance } from 'ky';
import type { components, operations } from './generated/schema.ts';
import { PartnerkitError } from './errors.ts';
import { TokenCache, type TokenSource } from './token-cache.ts';
import { SharedRequests } from './shared-requests.ts';
import { featureClients, type FeatureClients } from './features.ts';

type Schemas = components['schemas'];
export type Me = Schemas['Me'];
export type Money = Schemas['Money'];
export type PartnerSummary = Schemas['PartnerSummary'];
export type PartnerPage = Schemas['PartnerPage'];
export type PartnerProfile = Schemas['PartnerProfile'];
export type PartnerProfileUpdate = Schemas['PartnerProfileUpdate'];
export type AuditEvent = Schemas['AuditEvent'];
export type Product = Schemas['Product'];
export type AuditEventPage = Schemas['AuditEventPage'];
export type ListPartnersQuery = NonNullable<operations['listPartners']['parameters']['query']>;
export type ListAuditEventsQuery = NonNullable<operations['listAuditEvents']['parameters']['query']>;

/** What the `onRequest` hook sees of each attempt; never the token. */
export interface RequestInfo {
  method: string;
  url: string;
  /** 0 for the first attempt, then 1, 2… for retries. */
  attempt: number;
  /** Sent as `X-Request-Id`; the server logs it and echoes it in problem `instance`. */
  requestId: string;
}

/** What the `onResponse` hook sees of each answer. */
export interface ResponseInfo extends RequestInfo {
  status: number;
  durationMs: number;
}

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
  /** Retries of safe requests (GETs, and creates carrying an Idempotency-Key) on network failures, 429 and 5xx. Default 2. */
  retries?: number;
  /** Longest wait a server's `Retry-After` may impose before a retry, in ms. Default 30 000. */
  maxRetryAfter?: number;
  /** Called before every attempt (host instrumentation). */
  onRequest?: (info: RequestInfo) => void;
  /** Called after every answer, successful or not. */
  onResponse?: (info: ResponseInfo) => void;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** Options of a creating call. */
export interface CreateOptions extends CallOptions {
  /**
   * Identifies one logical submission. Generated when omitted; pass your own (and keep it)
   * to retry a submission later — e.g. from an offline outbox — without creating it twice.
   */
  idempotencyKey?: string;
}

/** A resource with the version it was read at, for `If-Match` on the next update. */
export interface Versioned<T> {
  data: T;
  etag: string;
}

/** A cursor-paginated list method of the client. */
export type ListMethod<Query, Item> = (query?: Query & { cursor?: string }, options?: CallOptions) => Promise<{ data: Item[]; nextCursor: string | null }>;

/** The typed Partnerkit API client: the core calls and one slice per feature (`client.deals.list()`). */
export type PartnerkitClient = CoreClient & FeatureClients;

/** The calls every feature builds on: who is signed in, partners, products, audit. */
export interface CoreClient {
  readonly baseUrl: string;
  /** The signed-in user, partner organisation, role and permissions. */
  getMe(options?: CallOptions): Promise<Me>;
  /** Partner organisations (vendor backends and channel managers). */
  listPartners(query?: ListPartnersQuery, options?: CallOptions): Promise<PartnerPage>;
  /** The signed-in partner's profile and its ETag. */
  getPartner(options?: CallOptions): Promise<Versioned<PartnerProfile>>;
  /** Changes the profile; `ifMatch` is the ETag it was read with (412 when someone changed it since). */
  updatePartner(update: PartnerProfileUpdate, options: CallOptions & { ifMatch: string }): Promise<Versioned<PartnerProfile>>;
  /** The product catalogue (line items, learning, assets). */
  listProducts(options?: CallOptions): Promise<Product[]>;
  /** One page of audit events (channel managers). */
  listAuditEvents(query?: ListAuditEventsQuery, options?: CallOptions): Promise<AuditEventPage>;
  /** Every page of a list, in order: `for await (const deals of client.paginate(client.deals.list, { status: 'approved' }))`. */
  paginate<Query, Item>(list: ListMethod<Query, Item>, query?: Query, options?: CallOptions): AsyncGenerator<Item[], void, undefined>;
}

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** One HTTP call as a feature's client slice describes it. */
export interface Call {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  query?: Query | undefined;
  json?: unknown;
  headers?: Record<string, string>;
  signal: AbortSignal | undefined;
  /** Whether failed attempts may be repeated (the request is idempotent). */
  retry: boolean;
}

/**
 * What a feature's client slice builds on: authenticated, retried, typed-error requests. Slices
 * say what to call; the transport decides how (tokens, retries, request ids, error mapping).
 */
export interface Transport {
  /** A GET answered with JSON and its ETag; concurrent identical GETs share one request. */
  get<T>(path: string, query: Query | undefined, call: CallOptions | undefined): Promise<Versioned<T>>;
  /** Any call answered with JSON, with the answer's ETag. */
  send<T>(call: Call): Promise<Versioned<T>>;
  /** A create under one Idempotency-Key per submission (the caller's, or a new one), retried safely. */
  create<T>(path: string, body: unknown, call: CreateOptions | undefined): Promise<T>;
  /** An update with `If-Match`; never retried (a repeat after a lost answer would meet its own change: 412). */
  update<T>(method: 'patch' | 'post', path: string, body: unknown, call: CallOptions & { ifMatch: string }): Promise<Versioned<T>>;
  /** A GET answered with a file. */
  blob(path: string, query: Query | undefined, call: CallOptions | undefined): Promise<Blob>;
}

const RETRY_METHODS = ['get', 'post', 'patch', 'put'];

/** The transport a client and its feature slices share: one base URL, one token source. */
export function createTransport(options: ClientOptions): Transport {
  const tokens = options.getToken ? new TokenCache(options.getToken) : undefined;
  const startedAt = new WeakMap<Request, number>();
  const http: KyInstance = ky.create({
    prefix: options.baseUrl,
    timeout: options.timeout ?? 15_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { accept: 'application/json', ...(options.locale ? { 'accept-language': options.locale } : {}) },
    hooks: {
      beforeRequest: [({ request }) => beforeAttempt(request, 0)],
      beforeRetry: [({ request, retryCount }) => beforeAttempt(request, retryCount)],
      afterResponse: [
        ({ request, response, retryCount }) => {
          options.onResponse?.({ ...describe(request, retryCount), status: response.status, durationMs: performance.now() - (startedAt.get(request) ?? performance.now()) });
        },
      ],
    },
  });

  function describe(request: Request, attempt: number): RequestInfo {
    return { method: request.method, url: request.url, attempt, requestId: request.headers.get('x-request-id') ?? '' };
  }

  function beforeAttempt(request: Request, attempt: number): void {
    // A fresh id per attempt, so the server's log tells retries apart.
    request.headers.set('x-request-id', crypto.randomUUID());
    startedAt.set(request, performance.now());
    options.onRequest?.(describe(request, attempt));
  }

  async function raw(call: Call, isRetryAfter401 = false): Promise<Response> {
    const token = tokens ? await tokens.get() : undefined;
    try {
      return await http(call.path, {
        method: call.method,
        ...(call.query ? { searchParams: searchParams(call.query) } : {}),
        ...(call.json === undefined ? {} : { json: call.json }),
        headers: { ...call.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        retry: call.retry
          ? { limit: options.retries ?? 2, methods: RETRY_METHODS, jitter: true, backoffLimit: 5_000, maxRetryAfter: options.maxRetryAfter ?? 30_000 }
          : 0,
        ...(call.signal ? { signal: call.signal } : {}),
      });
    } catch (error) {
      const mapped = toPartnerkitError(error, call.signal);
      if (mapped.status === 401 && tokens && !isRetryAfter401) {
        tokens.invalidate(token);
        return raw(call, true);
      }
      throw mapped;
    }
  }

  async function send<T>(call: Call): Promise<Versioned<T>> {
    try {
      const response = await raw(call);
      return { data: (await response.json()) as T, etag: response.headers.get('etag') ?? '' };
    } catch (error) {
      throw toPartnerkitError(error, call.signal);
    }
  }

  const inFlight = new SharedRequests();

  return {
    send,
    get<T>(path: string, query: Query | undefined, call: CallOptions | undefined) {
      return inFlight
        .run(requestKey(path, query), (signal) => send<T>({ method: 'get', path, query, signal, retry: true }), call?.signal)
        .catch((error: unknown) => {
          throw toPartnerkitError(error, call?.signal);
        });
    },
    async create<T>(path: string, body: unknown, call: CreateOptions | undefined) {
      const key = call?.idempotencyKey ?? crypto.randomUUID();
      return (await send<T>({ method: 'post', path, json: body, headers: { 'idempotency-key': key }, signal: call?.signal, retry: true })).data;
    },
    update<T>(method: 'patch' | 'post', path: string, body: unknown, call: CallOptions & { ifMatch: string }) {
      return send<T>({ method, path, json: body, headers: { 'if-match': call.ifMatch }, signal: call.signal, retry: false });
    },
    async blob(path: string, query: Query | undefined, call: CallOptions | undefined) {
      try {
        return await (await raw({ method: 'get', path, query, signal: call?.signal, retry: true })).blob();
      } catch (error) {
        throw toPartnerkitError(error, call?.signal);
      }
    },
  };
}

/** Creates a client bound to one API base URL and one token source, with every feature's calls. */
export function createClient(options: ClientOptions): PartnerkitClient {
  const transport = createTransport(options);
  const core: CoreClient = {
    baseUrl: options.baseUrl,
    getMe: async (call) => (await transport.get<Me>('me', undefined, call)).data,
    listPartners: async (query, call) => (await transport.get<PartnerPage>('partners', query, call)).data,
    getPartner: (call) => transport.get<PartnerProfile>('partner', undefined, call),
    updatePartner: (update, call) => transport.update<PartnerProfile>('patch', 'partner', update, call),
    listProducts: async (call) => (await transport.get<{ data: Product[] }>('products', undefined, call)).data.data,
    listAuditEvents: async (query, call) => (await transport.get<AuditEventPage>('audit-events', query, call)).data,
    paginate,
  };
  return Object.assign(core, featureClients(transport));
}

/** Walks a cursor-paginated list page by page until `nextCursor` is null. */
export async function* paginate<Query, Item>(list: ListMethod<Query, Item>, query?: Query, options?: CallOptions): AsyncGenerator<Item[], void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await list({ ...query, ...(cursor ? { cursor } : {}) } as Parameters<typeof list>[0], options);
    yield page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Query values as URL parameters; arrays repeat their name (`status=a&status=b`), undefined is left out. */
function searchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  return params;
}

/** Identifies a GET by path and defined query values, so identical reads can share a request. */
function requestKey(path: string, query: Query | undefined): string {
  return `${path}?${searchParams(query ?? {})}`;
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

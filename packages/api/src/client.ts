import ky, { HTTPError, NetworkError, TimeoutError, type KyInstance } from 'ky';
import type { components, operations } from './generated/schema.ts';
import { PartnerkitError } from './errors.ts';
import { TokenCache, type TokenSource } from './token-cache.ts';
import { SharedRequests } from './shared-requests.ts';

type Schemas = components['schemas'];
export type Me = Schemas['Me'];
export type Deal = Schemas['Deal'];
export type DealPage = Schemas['DealPage'];
export type DealStatus = Schemas['DealStatus'];
export type DealCreate = Schemas['DealCreate'];
export type Money = Schemas['Money'];
export type PartnerSummary = Schemas['PartnerSummary'];
export type PartnerPage = Schemas['PartnerPage'];
export type PartnerProfile = Schemas['PartnerProfile'];
export type PartnerProfileUpdate = Schemas['PartnerProfileUpdate'];
export type AuditEvent = Schemas['AuditEvent'];
export type DealUpdate = Schemas['DealUpdate'];
export type DealTransition = Schemas['DealTransition'];
export type DealEvent = Schemas['DealEvent'];
export type ConflictReport = Schemas['ConflictReport'];
export type Product = Schemas['Product'];
export type ReviewQueuePage = Schemas['ReviewQueuePage'];
export type ExportDealsQuery = NonNullable<operations['exportDeals']['parameters']['query']>;
export type ConflictQuery = NonNullable<operations['checkDealConflicts']['parameters']['query']>;
export type ReviewQueueQuery = NonNullable<operations['listReviewQueue']['parameters']['query']>;
export type AuditEventPage = Schemas['AuditEventPage'];
export type ListDealsQuery = NonNullable<operations['listDeals']['parameters']['query']>;
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

/** The typed Partnerkit API client. */
export interface PartnerkitClient {
  readonly baseUrl: string;
  /** The signed-in user, partner organisation, role and permissions. */
  getMe(options?: CallOptions): Promise<Me>;
  /** Partner organisations (vendor backends and channel managers). */
  listPartners(query?: ListPartnersQuery, options?: CallOptions): Promise<PartnerPage>;
  /** The signed-in partner's profile and its ETag. */
  getPartner(options?: CallOptions): Promise<Versioned<PartnerProfile>>;
  /** Changes the profile; `ifMatch` is the ETag it was read with (412 when someone changed it since). */
  updatePartner(update: PartnerProfileUpdate, options: CallOptions & { ifMatch: string }): Promise<Versioned<PartnerProfile>>;
  /** One page of deals. */
  listDeals(query?: ListDealsQuery, options?: CallOptions): Promise<DealPage>;
  /** One deal and its ETag. */
  getDeal(dealId: string, options?: CallOptions): Promise<Versioned<Deal>>;
  /** Registers a deal; retried safely under one Idempotency-Key. */
  createDeal(deal: DealCreate, options?: CreateOptions): Promise<Deal>;
  /** Edits a draft or an info-requested deal; `ifMatch` is the ETag it was read with. */
  updateDeal(dealId: string, update: DealUpdate, options: CallOptions & { ifMatch: string }): Promise<Versioned<Deal>>;
  /** Moves a deal through the workflow (submit, withdraw, approve, reject, request_info, win, lose). */
  transitionDeal(dealId: string, transition: DealTransition, options: CallOptions & { ifMatch: string }): Promise<Versioned<Deal>>;
  /** The deal's timeline, oldest first. */
  listDealEvents(dealId: string, options?: CallOptions): Promise<DealEvent[]>;
  /** Active registrations a new one for this customer would conflict with. */
  checkDealConflicts(query: ConflictQuery, options?: CallOptions): Promise<ConflictReport>;
  /** The product catalogue for line items. */
  listProducts(options?: CallOptions): Promise<Product[]>;
  /** Submitted deals awaiting review, oldest first (channel managers). */
  listReviewQueue(query?: ReviewQueueQuery, options?: CallOptions): Promise<ReviewQueuePage>;
  /** Hands a deal's review to another channel manager. */
  assignDealReviewer(dealId: string, reviewerId: string, options?: CallOptions): Promise<Versioned<Deal>>;
  /** The deals of a filter as a CSV file. */
  exportDeals(query?: ExportDealsQuery, options?: CallOptions): Promise<Blob>;
  /** One page of audit events (channel managers). */
  listAuditEvents(query?: ListAuditEventsQuery, options?: CallOptions): Promise<AuditEventPage>;
  /** Every page of a list, in order: `for await (const deals of client.paginate(client.listDeals, { status: 'approved' }))`. */
  paginate<Query, Item>(list: ListMethod<Query, Item>, query?: Query, options?: CallOptions): AsyncGenerator<Item[], void, undefined>;
}

type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

interface Call {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  query?: Query | undefined;
  json?: unknown;
  headers?: Record<string, string>;
  signal: AbortSignal | undefined;
  /** Whether failed attempts may be repeated (the request is idempotent). */
  retry: boolean;
}

const RETRY_METHODS = ['get', 'post', 'patch', 'put'];

/** Creates a client bound to one API base URL and one token source. */
export function createClient(options: ClientOptions): PartnerkitClient {
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

  async function send(call: Call, isRetryAfter401 = false): Promise<Response> {
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
        return send(call, true);
      }
      throw mapped;
    }
  }

  async function json<T>(call: Call): Promise<{ data: T; response: Response }> {
    try {
      const response = await send(call);
      return { data: (await response.json()) as T, response };
    } catch (error) {
      throw toPartnerkitError(error, call.signal);
    }
  }

  /** A write answered with the changed resource and its new ETag. */
  async function versioned<T>(call: Call): Promise<Versioned<T>> {
    const { data, response } = await json<T>(call);
    return { data, etag: response.headers.get('etag') ?? '' };
  }

  const inFlight = new SharedRequests();

  /** Concurrent identical GETs share one request; each caller may still abort on its own. */
  function get<T>(path: string, query: Query | undefined, call: CallOptions | undefined): Promise<Versioned<T>> {
    return inFlight
      .run(requestKey(path, query), async (signal) => {
        const { data, response } = await json<T>({ method: 'get', path, query, signal, retry: true });
        return { data, etag: response.headers.get('etag') ?? '' };
      }, call?.signal)
      .catch((error: unknown) => {
        throw toPartnerkitError(error, call?.signal);
      });
  }

  const client: PartnerkitClient = {
    baseUrl: options.baseUrl,
    getMe: async (call) => (await get<Me>('me', undefined, call)).data,
    listPartners: async (query, call) => (await get<PartnerPage>('partners', query, call)).data,
    getPartner: (call) => get<PartnerProfile>('partner', undefined, call),
    async updatePartner(update, call) {
      // Not retried: a repeat after a lost answer would meet its own change and get 412.
      const { data, response } = await json<PartnerProfile>({ method: 'patch', path: 'partner', json: update, headers: { 'if-match': call.ifMatch }, signal: call.signal, retry: false });
      return { data, etag: response.headers.get('etag') ?? '' };
    },
    listDeals: async (query, call) => (await get<DealPage>('deals', query, call)).data,
    getDeal: (dealId, call) => get<Deal>(`deals/${encodeURIComponent(dealId)}`, undefined, call),
    async createDeal(deal, call) {
      const key = call?.idempotencyKey ?? crypto.randomUUID();
      return (await json<Deal>({ method: 'post', path: 'deals', json: deal, headers: { 'idempotency-key': key }, signal: call?.signal, retry: true })).data;
    },
    listAuditEvents: async (query, call) => (await get<AuditEventPage>('audit-events', query, call)).data,
    // Updates and transitions are not retried: a repeat after a lost answer would meet its own change (412).
    updateDeal: (dealId, update, call) =>
      versioned<Deal>({ method: 'patch', path: `deals/${encodeURIComponent(dealId)}`, json: update, headers: { 'if-match': call.ifMatch }, signal: call.signal, retry: false }),
    transitionDeal: (dealId, transition, call) =>
      versioned<Deal>({ method: 'post', path: `deals/${encodeURIComponent(dealId)}/transitions`, json: transition, headers: { 'if-match': call.ifMatch }, signal: call.signal, retry: false }),
    listDealEvents: async (dealId, call) => (await get<{ data: DealEvent[] }>(`deals/${encodeURIComponent(dealId)}/events`, undefined, call)).data.data,
    checkDealConflicts: async (query, call) => (await get<ConflictReport>('deals/conflicts', query, call)).data,
    listProducts: async (call) => (await get<{ data: Product[] }>('products', undefined, call)).data.data,
    listReviewQueue: async (query, call) => (await get<ReviewQueuePage>('deals/review-queue', query, call)).data,
    // Setting the same reviewer twice changes nothing: safe to retry.
    assignDealReviewer: (dealId, reviewerId, call) =>
      versioned<Deal>({ method: 'put', path: `deals/${encodeURIComponent(dealId)}/reviewer`, json: { reviewerId }, signal: call?.signal, retry: true }),
    async exportDeals(query, call) {
      try {
        return await (await send({ method: 'get', path: 'deals/export', query, signal: call?.signal, retry: true })).blob();
      } catch (error) {
        throw toPartnerkitError(error, call?.signal);
      }
    },
    paginate,
  };
  return client;
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

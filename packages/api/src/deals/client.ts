// The deals slice of the typed client: `client.deals.list()`, `client.deals.transition()`, …
import type { components, operations } from '../generated/schema.ts';
import type { CallOptions, CreateOptions, Transport, Versioned } from '../client.ts';
import { segment } from '../path.ts';

type Schemas = components['schemas'];
export type Deal = Schemas['Deal'];
export type DealPage = Schemas['DealPage'];
export type DealCreate = Schemas['DealCreate'];
export type DealUpdate = Schemas['DealUpdate'];
export type DealTransition = Schemas['DealTransition'];
export type DealEvent = Schemas['DealEvent'];
export type ConflictReport = Schemas['ConflictReport'];
export type ReviewQueuePage = Schemas['ReviewQueuePage'];
export type ListDealsQuery = NonNullable<operations['listDeals']['parameters']['query']>;
export type ExportDealsQuery = NonNullable<operations['exportDeals']['parameters']['query']>;
export type ConflictQuery = NonNullable<operations['checkDealConflicts']['parameters']['query']>;
export type ReviewQueueQuery = NonNullable<operations['listReviewQueue']['parameters']['query']>;

/** Deal registration: register, edit, move through the workflow, review, export. */
export interface DealsClient {
  /** One page of deals. */
  list(query?: ListDealsQuery, options?: CallOptions): Promise<DealPage>;
  /** One deal and its ETag. */
  get(dealId: string, options?: CallOptions): Promise<Versioned<Deal>>;
  /** Registers a deal; retried safely under one Idempotency-Key. */
  create(deal: DealCreate, options?: CreateOptions): Promise<Deal>;
  /** Edits a draft or an info-requested deal; `ifMatch` is the ETag it was read with. */
  update(dealId: string, update: DealUpdate, options: CallOptions & { ifMatch: string }): Promise<Versioned<Deal>>;
  /** Moves a deal through the workflow (submit, withdraw, approve, reject, request_info, win, lose). */
  transition(dealId: string, transition: DealTransition, options: CallOptions & { ifMatch: string }): Promise<Versioned<Deal>>;
  /** The deal's timeline, oldest first. */
  events(dealId: string, options?: CallOptions): Promise<DealEvent[]>;
  /** Active registrations a new one for this customer would conflict with. */
  checkConflicts(query: ConflictQuery, options?: CallOptions): Promise<ConflictReport>;
  /** Submitted deals awaiting review, oldest first (channel managers). */
  reviewQueue(query?: ReviewQueueQuery, options?: CallOptions): Promise<ReviewQueuePage>;
  /** Hands a deal's review to another channel manager. */
  assignReviewer(dealId: string, reviewerId: string, options?: CallOptions): Promise<Versioned<Deal>>;
  /** The deals of a filter as a CSV file. */
  export(query?: ExportDealsQuery, options?: CallOptions): Promise<Blob>;
}

export function dealsClient(transport: Transport): DealsClient {
  const path = (dealId: string, rest = '') => `deals/${segment(dealId)}${rest}`;
  return {
    list: async (query, call) => (await transport.get<DealPage>('deals', query, call)).data,
    get: (dealId, call) => transport.get<Deal>(path(dealId), undefined, call),
    create: (deal, call) => transport.create<Deal>('deals', deal, call),
    update: (dealId, update, call) => transport.update<Deal>('patch', path(dealId), update, call),
    transition: (dealId, transition, call) => transport.update<Deal>('post', path(dealId, '/transitions'), transition, call),
    events: async (dealId, call) => (await transport.get<{ data: DealEvent[] }>(path(dealId, '/events'), undefined, call)).data.data,
    checkConflicts: async (query, call) => (await transport.get<ConflictReport>('deals/conflicts', query, call)).data,
    reviewQueue: async (query, call) => (await transport.get<ReviewQueuePage>('deals/review-queue', query, call)).data,
    // Setting the same reviewer twice changes nothing: safe to retry.
    assignReviewer: (dealId, reviewerId, call) => transport.send<Deal>({ method: 'put', path: path(dealId, '/reviewer'), json: { reviewerId }, signal: call?.signal, retry: true }),
    export: (query, call) => transport.blob('deals/export', query, call),
  };
}

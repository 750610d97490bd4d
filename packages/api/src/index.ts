export { createClient, paginate } from './client.ts';
export type {
  ClientOptions,
  CallOptions,
  CreateOptions,
  RequestInfo,
  ResponseInfo,
  Versioned,
  ListMethod,
  PartnerkitClient,
  Me,
  Deal,
  DealPage,
  DealStatus,
  DealCreate,
  Money,
  PartnerSummary,
  PartnerPage,
  PartnerProfile,
  PartnerProfileUpdate,
  AuditEvent,
  AuditEventPage,
  ListDealsQuery,
  ListPartnersQuery,
  ListAuditEventsQuery,
  DealUpdate,
  DealTransition,
  DealEvent,
  ConflictReport,
  Product,
  ReviewQueuePage,
  ExportDealsQuery,
  ConflictQuery,
  ReviewQueueQuery,
} from './client.ts';
export { PartnerkitError, isPartnerkitError } from './errors.ts';
export type { PartnerkitErrorKind, Problem, FieldError } from './errors.ts';
export { TokenCache, tokenExpiry } from './token-cache.ts';
export type { TokenSource } from './token-cache.ts';
export type { paths, components, operations } from './generated/schema.ts';

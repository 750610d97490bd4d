export { createClient, createTransport, paginate } from './client.ts';
export { segment } from './path.ts';
export type {
  ClientOptions,
  CallOptions,
  CreateOptions,
  RequestInfo,
  ResponseInfo,
  Versioned,
  ListMethod,
  PartnerkitClient,
  CoreClient,
  Transport,
  Call,
  Me,
  Money,
  PartnerSummary,
  PartnerPage,
  PartnerProfile,
  PartnerProfileUpdate,
  AuditEvent,
  AuditEventPage,
  ListPartnersQuery,
  ListAuditEventsQuery,
  Product,
} from './client.ts';
export * from './features.ts';
export { PartnerkitError, isPartnerkitError } from './errors.ts';
export type { PartnerkitErrorKind, Problem, FieldError } from './errors.ts';
export { TokenCache, tokenExpiry } from './token-cache.ts';
export type { TokenSource } from './token-cache.ts';
export type { paths, components, operations } from './generated/schema.ts';

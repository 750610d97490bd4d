export { createClient } from './client.ts';
export type { ClientOptions, CallOptions, PartnerkitClient, Me, Deal, DealPage, DealStatus, Money, ListDealsQuery } from './client.ts';
export { PartnerkitError, isPartnerkitError } from './errors.ts';
export type { PartnerkitErrorKind, Problem, FieldError } from './errors.ts';
export { TokenCache, tokenExpiry } from './token-cache.ts';
export type { TokenSource } from './token-cache.ts';
export type { paths, components, operations } from './generated/schema.ts';

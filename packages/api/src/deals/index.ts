export { dealsClient } from './client.ts';
export type { DealsClient, Deal, DealPage, DealCreate, DealUpdate, DealTransition, DealEvent, ConflictReport, ReviewQueuePage, ListDealsQuery, ExportDealsQuery, ConflictQuery, ReviewQueueQuery } from './client.ts';
export * from './rules.ts';

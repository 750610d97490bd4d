import type { Database, Queryable } from '../db/database.ts';
import { mutate, type Changed } from '../db/mutation.ts';
import type { AuditOrigin } from '../audit/record-audit.ts';
import { recordDealEvents, type NewDealEvent } from './deal-events.ts';

/** Every deal write: the change, its timeline events and its audit records in one transaction. */
export function mutateDeals<Result>(db: Database | Queryable, origin: AuditOrigin, change: (tx: Queryable) => Promise<Changed<Result, NewDealEvent>>): Promise<Result> {
  return mutate(db, origin, recordDealEvents, change);
}

import type { Database, Queryable } from './database.ts';
import { recordAudits, type AuditChange, type AuditOrigin } from '../audit/record-audit.ts';

/** What a change did: its result, the feature's timeline events, and the audited changes. */
export interface Changed<Result, Event> {
  result: Result;
  events: readonly Event[];
  audit: readonly AuditChange[];
}

/** A feature's own timeline writer (one statement for all events, in their order). */
export type EventWriter<Event> = (tx: Queryable, events: readonly Event[]) => Promise<void>;

/** For entities without a timeline (a partner profile): only the audit record is written. */
export const noEvents: EventWriter<never> = async () => {};

/**
 * The one way state changes: in one transaction, `change` applies the change and says what it
 * did, then its timeline events and audit records are written, so neither can be forgotten or
 * outlive a rolled-back change. Runs in a transaction of its own on a `Database`, or in the
 * caller's when given one (a create under its idempotency key, an expiry before a locked read).
 */
export async function mutate<Result, Event>(
  db: Database | Queryable,
  origin: AuditOrigin,
  writeEvents: EventWriter<Event>,
  change: (tx: Queryable) => Promise<Changed<Result, Event>>,
): Promise<Result> {
  const run = async (tx: Queryable): Promise<Result> => {
    const changed = await change(tx);
    if (changed.events.length > 0) await writeEvents(tx, changed.events);
    await recordAudits(tx, origin, changed.audit);
    return changed.result;
  };
  return 'transaction' in db ? db.transaction(run) : run(db);
}

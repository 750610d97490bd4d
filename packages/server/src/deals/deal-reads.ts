import type { Queryable } from '../db/database.ts';
import { expireDeals } from './expiry.ts';
import type { DueRow } from './deal-queries.ts';

/**
 * The one path every read of deals takes, so the read-time rules hold everywhere: a deal past
 * its protection is never seen approved. The read carries `expiry_due` (see `expiryDueColumn`),
 * so the common read, with nothing due, is one round trip; when something is due (or nothing
 * was found, which says nothing) the deals in the reader's scope are expired and, if any were,
 * the read runs again.
 */
export async function readCurrent<Row extends DueRow>(db: Queryable, now: Date, partnerId: string | null, read: () => Promise<Row[]>): Promise<Row[]> {
  const rows = await read();
  if (rows.length > 0 && !rows[0]!.expiry_due) return rows;
  return (await expireDeals(db, now, partnerId)) > 0 ? read() : rows;
}

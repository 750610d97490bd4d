import type { Database, Queryable } from '../db/database.ts';
import { mutateDeals } from './deal-mutation.ts';
import { updateExpired } from './deal-queries.ts';

/**
 * Ends the protection of approved deals whose period is over: status `expired`, a timeline
 * event and an audit record by the system, for each. Limited to one partner when `partnerId` is
 * given. Runs from the read path (`deal-reads.ts`) when a read says something is due, and from
 * the periodic sweep, so nobody sees a stale status.
 */
export function expireDeals(db: Database | Queryable, now: Date, partnerId?: string | null): Promise<number> {
  return mutateDeals(db, { actor: null, at: now, requestId: 'expiry-sweep' }, async (tx) => {
    const expired = await updateExpired(tx, now, partnerId ?? null);
    return {
      result: expired.length,
      events: expired.map((deal) => ({ dealId: deal.id, type: 'expired' as const, actorId: null, from: 'approved' as const, to: 'expired' as const, at: now })),
      audit: expired.map((deal) => ({
        partnerId: deal.partner_id,
        action: 'deal.expired',
        entityType: 'deal',
        entityId: deal.id,
        before: { status: 'approved' },
        after: { status: 'expired' },
      })),
    };
  });
}

import type { Queryable } from '../db/database.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';
import { decide } from './auto-approval.ts';
import { findConflicts } from './conflicts.ts';
import { recordDealEvent } from './deal-events.ts';
import type { DealRow } from './deal-record.ts';
import type { DealSettings } from './settings.ts';

/**
 * Submits a deal (draft or info_requested, fields complete): checks conflicts, lets the
 * auto-approval rules decide, and writes the status, decision and timeline. In the caller's
 * transaction, with the deal row locked.
 */
export async function submitDeal(tx: Queryable, deal: DealRow, session: SessionClaims, now: Date, settings: DealSettings): Promise<void> {
  const conflicts = await findConflicts(
    tx,
    { company: deal.customer_company, domain: deal.customer_domain, country: deal.customer_country?.trim(), excludeDealId: deal.id, now, similarity: settings.companySimilarity },
    session,
  );
  const matchedOn = [...new Set(conflicts.map((conflict) => conflict.matchedOn))];
  const [partner] = await tx.query<{ tier: 'registered' | 'silver' | 'gold' | 'platinum' }>('SELECT tier FROM partners WHERE id = $1', [deal.partner_id]);
  const decision = decide({ tier: partner!.tier, amount: { amount: deal.amount!, currency: deal.currency!.trim() }, conflict: conflicts.length > 0 }, settings.autoApproval);
  const approved = decision.outcome === 'auto_approved';
  const expiresAt = new Date(now.getTime() + settings.protectionDays * 86_400_000);
  await tx.query(
    `UPDATE deals SET status = $2, submitted_at = $3, updated_at = $3, decided_at = $4, decided_by = NULL, decision_reason = NULL,
            expires_at = $5, decision_outcome = $6, decision_rule = $7, conflict_matched_on = $8, version = version + 1
      WHERE id = $1`,
    [deal.id, approved ? 'approved' : 'submitted', now.toISOString(), approved ? now.toISOString() : null, approved ? expiresAt.toISOString() : null, decision.outcome, decision.rule, matchedOn],
  );
  await recordDealEvent(tx, { dealId: deal.id, type: 'submitted', actorId: session.userId, from: deal.status, to: 'submitted', at: now });
  if (approved) await recordDealEvent(tx, { dealId: deal.id, type: 'auto_approved', actorId: null, from: 'submitted', to: 'approved', note: decision.rule, at: now });
}

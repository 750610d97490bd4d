import type { Queryable } from '../db/database.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';
import { decide } from './auto-approval.ts';
import { findConflicts } from './conflicts.ts';
import type { NewDealEvent } from './deal-events.ts';
import type { DealRow } from './deal-record.ts';
import { partnerTier, updateSubmission } from './deal-queries.ts';
import type { DealSettings } from './settings.ts';

const DAY_MS = 86_400_000;

/**
 * Submits a deal (draft or info_requested, fields complete): checks conflicts, lets the
 * auto-approval rules decide, and writes the status and decision. In the caller's mutation,
 * with the deal row locked; returns the timeline events for it to write.
 */
export async function submitDeal(tx: Queryable, deal: DealRow, session: SessionClaims, now: Date, settings: DealSettings): Promise<NewDealEvent[]> {
  const conflicts = await findConflicts(
    tx,
    { company: deal.customer_company, domain: deal.customer_domain, country: deal.customer_country?.trim(), excludeDealId: deal.id, now, similarity: settings.companySimilarity },
    session,
  );
  const matchedOn = [...new Set(conflicts.map((conflict) => conflict.matchedOn))];
  const tier = await partnerTier(tx, deal.partner_id);
  const decision = decide({ tier, amount: { amount: deal.amount!, currency: deal.currency!.trim() }, conflict: conflicts.length > 0 }, settings.autoApproval);
  const approved = decision.outcome === 'auto_approved';
  const expiresAt = new Date(now.getTime() + settings.protectionDays * DAY_MS);
  await updateSubmission(tx, deal.id, { now, approved, expiresAt, outcome: decision.outcome, rule: decision.rule, matchedOn });
  const submitted: NewDealEvent = { dealId: deal.id, type: 'submitted', actorId: session.userId, from: deal.status, to: 'submitted', at: now };
  if (!approved) return [submitted];
  return [submitted, { dealId: deal.id, type: 'auto_approved', actorId: null, from: 'submitted', to: 'approved', note: decision.rule, at: now }];
}

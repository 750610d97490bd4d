import type { components } from '@partnerkit/api';
import type { AutoApprovalLimits } from './settings.ts';

type Tier = components['schemas']['Tier'];
export type Decision = components['schemas']['DealDecision'];

/** Compares two non-negative decimal strings exactly (no floats): -1, 0 or 1. */
export function compareDecimal(a: string, b: string): number {
  const [aWhole = '0', aFraction = ''] = a.split('.');
  const [bWhole = '0', bFraction = ''] = b.split('.');
  const width = Math.max(aFraction.length, bFraction.length);
  const left = BigInt(aWhole + aFraction.padEnd(width, '0'));
  const right = BigInt(bWhole + bFraction.padEnd(width, '0'));
  return left === right ? 0 : left < right ? -1 : 1;
}

/**
 * What happens to a submission: approved at once when it conflicts with nothing and its
 * amount is within the partner tier's limit for its currency; otherwise a channel manager
 * reviews it. The rule that decided is named, so partners and auditors can see why.
 */
export function decide(input: { tier: Tier; amount: { amount: string; currency: string }; conflict: boolean }, limits: AutoApprovalLimits): Decision {
  if (input.conflict) return { outcome: 'review', rule: 'conflict' };
  const limit = limits[input.tier]?.[input.amount.currency];
  if (limit === undefined) return { outcome: 'review', rule: `no_limit:${input.tier}:${input.amount.currency}` };
  if (compareDecimal(input.amount.amount, limit) > 0) return { outcome: 'review', rule: `over_limit:${input.tier}:${input.amount.currency}` };
  return { outcome: 'auto_approved', rule: `tier_limit:${input.tier}:${input.amount.currency}` };
}

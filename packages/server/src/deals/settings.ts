import { DEAL_LIMITS, type components } from '@partnerkit/api';

type Tier = components['schemas']['Tier'];

/** Largest amount per tier and currency that a conflict-free submission is approved at once. */
export type AutoApprovalLimits = Partial<Record<Tier, Partial<Record<string, string>>>>;

/** How deal registration behaves; a vendor sets these on createApp. */
export interface DealSettings {
  /** Days of protection from approval. Default 90. */
  protectionDays: number;
  /** Approved deals whose protection ends within this many days are "expiring soon". Default 14. */
  expiringSoonDays: number;
  /** Hours a submission may wait for review before it is overdue. Default 48. */
  reviewSlaHours: number;
  /** Company-name similarity (0–1, trigram, on normalised names) from which names conflict. Default 0.6. */
  companySimilarity: number;
  autoApproval: AutoApprovalLimits;
}

export const defaultDealSettings: DealSettings = {
  ...DEAL_LIMITS,
  companySimilarity: 0.6,
  autoApproval: {
    silver: { EUR: '10000', GBP: '8500', USD: '11000', HUF: '4000000' },
    gold: { EUR: '25000', GBP: '21000', USD: '27000', HUF: '10000000' },
    platinum: { EUR: '50000', GBP: '43000', USD: '55000', HUF: '20000000' },
  },
};

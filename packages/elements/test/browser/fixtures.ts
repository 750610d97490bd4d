import type { Deal, DealPage, Me, PartnerkitClient } from '@partnerkit/api';
import { PartnerkitError } from '@partnerkit/api';
import { generateSeed } from '@partnerkit/server/seed';

// Test data comes from the server's seed generator, typed by the contract.
const seed = generateSeed({ now: new Date('2026-06-01T12:00:00Z'), size: 400 });
const partner = seed.partners[0]!;
const user = seed.users.find((u) => u.partnerId === partner.id)!;

export const seededDeals: Deal[] = seed.deals
  .filter((d) => d.partnerId === partner.id)
  .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  .map((d) => ({
    id: d.id, reference: d.reference, customerCompany: d.customerCompany, opportunityName: d.opportunityName,
    amount: { amount: d.amount, currency: d.currency }, status: d.status, expectedCloseDate: d.expectedCloseDate,
    createdAt: d.createdAt, expiresAt: d.expiresAt,
  }));

export const seededMe: Me = {
  user: { id: user.id, email: user.email, name: user.name },
  partner: { id: partner.id, name: partner.name, tier: partner.tier, country: partner.country },
  role: user.role,
  permissions: ['deals:read'],
  locale: 'en-GB',
  currency: partner.currency,
};

export interface FakeClientOptions {
  deals?: Deal[];
  /** Rejects every deal request with this error. */
  failWith?: PartnerkitError;
  /** Holds deal requests until the returned release() is called. */
  hold?: boolean;
}

/** A client answering from memory, with call counts and a gate for observing loading states. */
export function fakeClient(options: FakeClientOptions = {}) {
  const deals = options.deals ?? seededDeals;
  let release: () => void = () => {};
  let gate = options.hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const calls = { listDeals: 0 };
  let failWith = options.failWith;
  const client: PartnerkitClient = {
    baseUrl: 'memory:',
    getMe: async () => seededMe,
    async listDeals(query = {}) {
      calls.listDeals += 1;
      await gate;
      if (failWith) throw failWith;
      const start = query.cursor ? Number(query.cursor) : 0;
      const limit = query.limit ?? 50;
      const matching = query.status ? deals.filter((d) => d.status === query.status) : deals;
      const page: DealPage = { data: matching.slice(start, start + limit), nextCursor: start + limit < matching.length ? String(start + limit) : null };
      return page;
    },
    async *paginateDeals() {
      yield deals;
    },
  };
  return {
    client,
    calls,
    release: () => release(),
    succeedFromNowOn() {
      failWith = undefined;
      gate = Promise.resolve();
    },
  };
}

export const networkError = () => new PartnerkitError({ kind: 'network', code: 'network', title: 'The server could not be reached' });

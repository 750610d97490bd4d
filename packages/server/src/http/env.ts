import type { ContractValidator, MatchedOperation } from '@partnerkit/api/contract';
import type { Database } from '../db/database.ts';
import type { SessionClaims, SessionTokens } from '../auth/session-tokens.ts';
import type { Logger } from './logger.ts';
import type { RateLimiter } from './rate-limit.ts';

/** What every route can reach: injected once by createApp, so tests swap any of it. */
export interface Services {
  db: Database;
  tokens: SessionTokens;
  clock: () => Date;
  contract: ContractValidator;
  logger: Logger;
  /** Currency shown to channel managers, who belong to no partner. */
  vendorCurrency: string;
  /** Requests per caller and window; absent when limiting is off. */
  limiter: RateLimiter | undefined;
}

/** Who is calling: the vendor's backend (secret key) or a session holder. */
export type Caller = { kind: 'vendor' } | { kind: 'session'; session: SessionClaims };

/** Request parts after validation against the contract: coerced, defaults filled in. */
export interface ValidInput {
  query: Record<string, unknown>;
  path: Record<string, unknown>;
  body: unknown;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    services: Services;
    /** The contract operation the request matched. */
    operation: MatchedOperation;
    caller: Caller;
    input: ValidInput;
  };
}

import type { Database } from '../db/database.ts';
import type { SessionClaims, SessionTokens } from '../auth/session-tokens.ts';

/** What every route can reach: injected once by createApp, so tests swap any of it. */
export interface Services {
  db: Database;
  tokens: SessionTokens;
  clock: () => Date;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    services: Services;
    /** Set by the session middleware on routes that require a session token. */
    session: SessionClaims;
  };
}

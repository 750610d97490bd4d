import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Role = 'partner_user' | 'partner_admin' | 'channel_manager';

/** What a verified session token says about its holder. */
export interface SessionClaims {
  userId: string;
  /** The partner organisation; null for a channel manager, who works across partners. */
  partnerId: string | null;
  role: Role;
}

export const ISSUER = 'partnerkit';
export const AUDIENCE = 'partnerkit-api';
/** Session tokens are short-lived: the host's getToken() mints a new one when needed. */
export const SESSION_TTL_S = 15 * 60;

interface SigningKey {
  kid: string;
  key: Uint8Array;
}

/** The JWT signing key is derived from the vendor secret, so one secret configures the server. */
function signingKeyFor(secretKey: string): SigningKey {
  const key = createHmac('sha256', secretKey).update('partnerkit session signing key v1').digest();
  const kid = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return { kid, key: new Uint8Array(key) };
}

/**
 * Signs and verifies session tokens. The first secret signs; every secret verifies (by key
 * id), so a vendor rotates by putting the new secret first and dropping the old one later.
 */
/** Shortest vendor secret key the server signs sessions with. */
export const MIN_SECRET_KEY_LENGTH = 24;

export class SessionTokens {
  readonly #keys: SigningKey[];
  readonly #secrets: Buffer[];
  readonly #now: () => Date;

  constructor(secretKeys: readonly string[], now: () => Date) {
    if (secretKeys.length === 0 || secretKeys.some((secret) => secret.length < MIN_SECRET_KEY_LENGTH)) {
      throw new Error(`PARTNERKIT_SECRET_KEY must be set to at least ${MIN_SECRET_KEY_LENGTH} characters`);
    }
    this.#keys = secretKeys.map(signingKeyFor);
    this.#secrets = secretKeys.map((secret) => createHash('sha256').update(secret).digest());
    this.#now = now;
  }

  /** True when `candidate` is one of the vendor secret keys (constant-time comparison). */
  isSecretKey(candidate: string): boolean {
    const digest = createHash('sha256').update(candidate).digest();
    return this.#secrets.some((secret) => timingSafeEqual(secret, digest));
  }

  async issue(claims: SessionClaims): Promise<{ token: string; expiresAt: Date }> {
    const signing = this.#keys[0]!;
    const issuedAt = Math.floor(this.#now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + SESSION_TTL_S) * 1000);
    const token = await new SignJWT({ ...(claims.partnerId ? { pid: claims.partnerId } : {}), role: claims.role })
      .setProtectedHeader({ alg: 'HS256', kid: signing.kid })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + SESSION_TTL_S)
      .sign(signing.key);
    return { token, expiresAt };
  }

  /**
   * Tokens already verified, with their expiry: a session sends the same token with every
   * request for 15 minutes, and checking its signature each time was a tenth of a list
   * request's CPU. Bounded; expiry is still checked against the clock on every use.
   */
  readonly #verified = new Map<string, { claims: SessionClaims; expiresAt: number }>();

  /** The token's claims, or null when it is malformed, forged, expired or for another audience. */
  async verify(token: string): Promise<SessionClaims | null> {
    const known = this.#verified.get(token);
    if (known) {
      if (this.#now().getTime() < known.expiresAt) return known.claims;
      this.#verified.delete(token);
      return null;
    }
    const claims = await this.#verifySignature(token);
    if (claims) {
      if (this.#verified.size >= 10_000) this.#verified.delete(this.#verified.keys().next().value!);
      this.#verified.set(token, claims);
      return claims.claims;
    }
    return null;
  }

  async #verifySignature(token: string): Promise<{ claims: SessionClaims; expiresAt: number } | null> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const match = this.#keys.find((k) => k.kid === header.kid);
          if (!match) throw new joseErrors.JWKSNoMatchingKey();
          return match.key;
        },
        { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: this.#now() },
      );
      const { sub, pid, role, exp } = payload;
      if (typeof sub !== 'string' || !isRole(role) || typeof exp !== 'number') return null;
      // Partner roles are bound to one partner; a channel manager's token names none.
      if (role === 'channel_manager' ? pid !== undefined : typeof pid !== 'string') return null;
      return { claims: { userId: sub, partnerId: typeof pid === 'string' ? pid : null, role }, expiresAt: exp * 1000 };
    } catch {
      return null;
    }
  }
}

export function isRole(value: unknown): value is Role {
  return value === 'partner_user' || value === 'partner_admin' || value === 'channel_manager';
}

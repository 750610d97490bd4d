import type { components } from '@partnerkit/api';
import type { Queryable } from '../db/database.ts';

type SessionRequest = components['schemas']['SessionRequest'];

/** Creates or refreshes the vendor's user (by its external id); returns our id for it. */
export async function upsertSessionUser(db: Queryable, request: SessionRequest, partnerId: string | null): Promise<string> {
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO users (id, external_id, partner_id, email, name, role, locale)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)
     ON CONFLICT (external_id) DO UPDATE
       SET partner_id = EXCLUDED.partner_id, email = EXCLUDED.email, name = EXCLUDED.name,
           role = EXCLUDED.role, locale = COALESCE(EXCLUDED.locale, users.locale), updated_at = now()
     RETURNING id`,
    [request.user.id, partnerId, request.user.email, request.user.name, request.role, request.locale ?? null],
  );
  return user!.id;
}

export interface MeRow {
  user_id: string;
  email: string;
  user_name: string;
  user_locale: string | null;
  partner_id: string | null;
  partner_name: string | null;
  tier: components['schemas']['Tier'] | null;
  country: string | null;
  currency: string | null;
  partner_locale: string | null;
}

/** The session's user and partner; absent when the user is gone or has moved to another partner. */
export async function selectMe(db: Queryable, userId: string, partnerId: string | null): Promise<MeRow | undefined> {
  const [row] = await db.query<MeRow>(
    `SELECT u.id AS user_id, u.email, u.name AS user_name, u.locale AS user_locale,
            p.id AS partner_id, p.name AS partner_name, p.tier, p.country, p.currency, p.locale AS partner_locale
       FROM users u LEFT JOIN partners p ON p.id = u.partner_id
      WHERE u.id = $1 AND u.partner_id IS NOT DISTINCT FROM $2`,
    [userId, partnerId],
  );
  return row;
}

import type { components } from '@partnerkit/api';
import type { Queryable } from '../db/database.ts';
import { utc } from '../db/sql.ts';
import type { Position } from '../http/cursor.ts';

type PartnerProfile = components['schemas']['PartnerProfile'];

export interface PartnerRow {
  id: string;
  name: string;
  type: PartnerProfile['type'];
  tier: PartnerProfile['tier'];
  country: string;
  currency: string;
  locale: string;
  website: string | null;
  regions: string[];
  specialisations: string[];
  channel_manager_name: string | null;
  channel_manager_email: string | null;
  channel_manager_phone: string | null;
  version: number;
  updated_at: string;
}

export type PartnerSummaryRow = Pick<PartnerRow, 'id' | 'name' | 'tier' | 'country' | 'currency' | 'locale'>;

/** The profile fields a partner admin may change. */
export type PartnerProfileFields = Pick<PartnerProfile, 'name' | 'type' | 'website' | 'regions' | 'specialisations'>;

const PARTNER_COLUMNS = `id, name, type, tier, country, currency, locale, website, regions, specialisations,
  channel_manager_name, channel_manager_email, channel_manager_phone, version, ${utc('updated_at')} AS updated_at`;

export async function selectPartner(db: Queryable, partnerId: string, forUpdate = false): Promise<PartnerRow | undefined> {
  const [row] = await db.query<PartnerRow>(`SELECT ${PARTNER_COLUMNS} FROM partners WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [partnerId]);
  return row;
}

export async function partnerExists(db: Queryable, partnerId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM partners WHERE id = $1', [partnerId])).length > 0;
}

/** Partners by name after `after`, one more than `limit` (to know whether another page follows). */
export function selectPartnerPage(db: Queryable, after: Position | undefined, limit: number): Promise<PartnerSummaryRow[]> {
  const params: unknown[] = [limit + 1];
  let where = 'TRUE';
  if (after) {
    params.push(after.key, after.id);
    where = '(name, id) > ($2, $3::uuid)';
  }
  return db.query<PartnerSummaryRow>(`SELECT id, name, tier, country, currency, locale FROM partners WHERE ${where} ORDER BY name, id LIMIT $1`, params);
}

export async function updatePartnerProfile(tx: Queryable, partnerId: string, fields: PartnerProfileFields, now: Date): Promise<PartnerRow> {
  const [updated] = await tx.query<PartnerRow>(
    `UPDATE partners SET name = $2, type = $3, website = $4, regions = $5, specialisations = $6,
            version = version + 1, updated_at = $7
      WHERE id = $1 RETURNING ${PARTNER_COLUMNS}`,
    [partnerId, fields.name, fields.type, fields.website, fields.regions, fields.specialisations, now.toISOString()],
  );
  return updated!;
}

import type { Database } from '../db/database.ts';
import type { Seed } from './generate.ts';

const BATCH = 1000;
const DEAL_COLUMNS = 'id, partner_id, reference, customer_company, opportunity_name, amount, currency, status, expected_close_date, created_at, expires_at';

/** Inserts a generated data set in one transaction, unless the database already has partners. */
export async function loadSeed(db: Database, seed: Seed): Promise<boolean> {
  const [existing] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM partners');
  if (existing && existing.count > 0) return false;
  await db.transaction(async (tx) => {
    for (const p of seed.partners) {
      await tx.query(
        `INSERT INTO partners (id, name, tier, country, currency, locale, type, website, regions, specialisations,
                               channel_manager_name, channel_manager_email, channel_manager_phone)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [p.id, p.name, p.tier, p.country, p.currency, p.locale, p.type, p.website, p.regions, p.specialisations, p.channelManager.name, p.channelManager.email, p.channelManager.phone],
      );
    }
    for (const u of seed.users) {
      await tx.query('INSERT INTO users (id, external_id, partner_id, email, name, role, locale) VALUES ($1, $2, $3, $4, $5, $6, $7)', [u.id, u.externalId, u.partnerId, u.email, u.name, u.role, u.locale]);
    }
    // Batched through json_populate_recordset: one round trip per thousand deals.
    for (let start = 0; start < seed.deals.length; start += BATCH) {
      const rows = seed.deals.slice(start, start + BATCH).map((d) => ({
        id: d.id, partner_id: d.partnerId, reference: d.reference, customer_company: d.customerCompany,
        opportunity_name: d.opportunityName, amount: d.amount, currency: d.currency, status: d.status,
        expected_close_date: d.expectedCloseDate, created_at: d.createdAt, expires_at: d.expiresAt,
      }));
      await tx.query(
        `INSERT INTO deals (${DEAL_COLUMNS}) SELECT ${DEAL_COLUMNS} FROM json_populate_recordset(NULL::deals, $1::json)`,
        [JSON.stringify(rows)],
      );
    }
    // Deals created through the API are numbered after the seeded ones.
    if (seed.deals.length) await tx.query('SELECT setval($1, $2)', ['deal_reference_seq', seed.deals.length]);
  });
  return true;
}

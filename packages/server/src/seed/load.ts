import type { Database } from '../db/database.ts';
import type { Seed } from './generate.ts';
import { registrableDomain } from '../deals/domain-key.ts';

const BATCH = 1000;
const DEAL_COLUMNS = [
  'id', 'partner_id', 'reference', 'customer_company', 'customer_domain', 'customer_domain_key', 'customer_country', 'customer_postal_code',
  'industry', 'company_size', 'contact_name', 'contact_email', 'contact_phone', 'contact_title', 'opportunity_name', 'line_items', 'amount',
  'currency', 'stage', 'probability', 'deal_type', 'partner_role', 'status', 'expected_close_date', 'created_at', 'updated_at', 'submitted_at',
  'decided_at', 'decided_by', 'decision_reason', 'expires_at',
].join(', ');

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
        id: d.id, partner_id: d.partnerId, reference: d.reference, customer_company: d.customerCompany, customer_domain: d.customerDomain,
        customer_domain_key: registrableDomain(d.customerDomain), customer_country: d.customerCountry, customer_postal_code: d.customerPostalCode,
        industry: d.industry, company_size: d.companySize, contact_name: d.contactName, contact_email: d.contactEmail, contact_phone: d.contactPhone,
        contact_title: d.contactTitle, opportunity_name: d.opportunityName, line_items: d.lineItems, amount: d.amount, currency: d.currency,
        stage: d.stage, probability: d.probability, deal_type: d.dealType, partner_role: d.partnerRole, status: d.status,
        expected_close_date: d.expectedCloseDate, created_at: d.createdAt, updated_at: d.decidedAt ?? d.createdAt, submitted_at: d.submittedAt,
        decided_at: d.decidedAt, decided_by: d.decidedBy, decision_reason: d.decisionReason, expires_at: d.expiresAt,
      }));
      await tx.query(
        `INSERT INTO deals (${DEAL_COLUMNS}) SELECT ${DEAL_COLUMNS} FROM json_populate_recordset(NULL::deals, $1::json)`,
        [JSON.stringify(rows)],
      );
    }
    // The timeline of each seeded deal: created, submitted, decided.
    await tx.query(
      `INSERT INTO deal_events (id, deal_id, occurred_at, type, actor_id, from_status, to_status, note)
       SELECT gen_random_uuid(), d.id, d.created_at, 'created', d.created_by, NULL, 'draft', NULL FROM deals d
       UNION ALL
       SELECT gen_random_uuid(), d.id, d.submitted_at, 'submitted', NULL, 'draft', 'submitted', NULL FROM deals d WHERE d.submitted_at IS NOT NULL
       UNION ALL
       SELECT gen_random_uuid(), d.id, d.decided_at,
              CASE d.status WHEN 'rejected' THEN 'rejected' WHEN 'info_requested' THEN 'info_requested' ELSE 'approved' END,
              d.decided_by, 'submitted',
              CASE d.status WHEN 'rejected' THEN 'rejected' WHEN 'info_requested' THEN 'info_requested' ELSE 'approved' END, d.decision_reason
         FROM deals d WHERE d.decided_at IS NOT NULL
       UNION ALL
       SELECT gen_random_uuid(), d.id,
              CASE WHEN d.status = 'expired' THEN d.expires_at ELSE least(d.decided_at + interval '30 days', d.expires_at) END,
              d.status, CASE WHEN d.status = 'expired' THEN NULL ELSE d.created_by END, 'approved', d.status, NULL
         FROM deals d WHERE d.status IN ('won', 'lost', 'expired')
       ORDER BY 3`,
    );
    for (const product of seed.products) {
      await tx.query('INSERT INTO products (id, sku, name, family, list_prices) VALUES ($1, $2, $3, $4, $5)', [product.id, product.sku, product.name, product.family, JSON.stringify(product.listPrices)]);
    }
    // Deals created through the API are numbered after the seeded ones.
    if (seed.deals.length) await tx.query('SELECT setval($1, $2)', ['deal_reference_seq', seed.deals.length]);
  });
  return true;
}

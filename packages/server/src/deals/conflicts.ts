import type { components } from '@partnerkit/api';
import type { Database, Queryable } from '../db/database.ts';
import { utc } from '../db/sql.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';
import { registrableDomain } from './domain-key.ts';
import { ACTIVE_DEAL_STATUSES } from '@partnerkit/api';
import { expiryDueColumn, type DueRow } from './deal-queries.ts';

type Conflict = components['schemas']['Conflict'];

export interface ConflictProbe {
  company?: string | null | undefined;
  domain?: string | null | undefined;
  country?: string | null | undefined;
  /** The deal being checked itself, never its own conflict. */
  excludeDealId?: string | undefined;
  now: Date;
  /** Minimum trigram similarity of the normalised company names. */
  similarity: number;
}

/** A match, or (when none) the single row carrying only `expiry_due`. */
interface ConflictRow extends DueRow {
  id: string | null;
  reference: string;
  partner_id: string;
  partner_name: string;
  customer_company: string;
  customer_domain: string | null;
  status: Conflict extends { deal: infer D } ? (D extends { status: infer S } ? S : never) : never;
  expires_at: string | null;
  matched_on: 'domain' | 'company';
  similarity: number;
}

/** Whether the probe names anything to compare (a registrable domain or a company). */
export function probes(probe: ConflictProbe): boolean {
  return Boolean(registrableDomain(probe.domain) || probe.company?.trim());
}

/**
 * Active registrations the probe conflicts with: the same registrable domain, or a company
 * name whose normalised form (see `partnerkit_company_key`) is similar enough — in the same
 * country when both name one. Always at least one row: with no match, one whose only value is
 * `expiry_due` (in `partnerId`'s scope), so the read path learns it in the same round trip.
 */
export async function selectConflicts(db: Queryable | Database, probe: ConflictProbe, partnerId: string | null): Promise<ConflictRow[]> {
  const domainKey = registrableDomain(probe.domain);
  const company = probe.company?.trim() || null;
  // The trigram index returns candidates above pg_trgm's own threshold (0.3 by default): set it
  // to ours, for this transaction only, so a common name yields dozens of candidates, not
  // thousands (measured: ~100 ms → ~10 ms for a name shared by 6,000 deals).
  const threshold = Math.min(1, Math.max(0, probe.similarity)).toFixed(3);
  const run = async (tx: Queryable) => {
    await tx.query(`SET LOCAL pg_trgm.similarity_threshold = ${threshold}`);
    return tx.query<ConflictRow>(
    `WITH probe AS (SELECT partnerkit_company_key($1::text) AS key),
     matches AS (
     SELECT d.id, d.reference, d.partner_id, p.name AS partner_name, d.customer_company, d.customer_domain, d.status,
            ${utc('d.expires_at')} AS expires_at, d.submitted_at,
            CASE WHEN $2::text IS NOT NULL AND d.customer_domain_key = $2 THEN 'domain' ELSE 'company' END AS matched_on,
            CASE WHEN $2::text IS NOT NULL AND d.customer_domain_key = $2 THEN 1 ELSE similarity(d.company_key, probe.key) END AS similarity
       FROM deals d JOIN partners p ON p.id = d.partner_id CROSS JOIN probe
      WHERE d.status = ANY($3::text[])
        AND (d.status <> 'approved' OR d.expires_at > $4)
        AND ($5::uuid IS NULL OR d.id <> $5)
        AND ((d.customer_domain_key = $2)
             OR (probe.key <> '' AND d.company_key % probe.key AND similarity(d.company_key, probe.key) >= $6
                 AND ($7::text IS NULL OR d.customer_country IS NULL OR d.customer_country = $7)))
      ORDER BY similarity DESC, d.submitted_at
      LIMIT 20)
     SELECT m.*, ${expiryDueColumn('$4', '$8')}
       FROM (SELECT 1) AS always LEFT JOIN matches m ON true
      ORDER BY m.similarity DESC, m.submitted_at`,
    [company, domainKey, ACTIVE_DEAL_STATUSES, probe.now.toISOString(), probe.excludeDealId ?? null, probe.similarity, probe.country ?? null, partnerId],
    );
  };
  // Inside a caller's transaction (a submission) the setting ends with it; otherwise with our own.
  return 'transaction' in db ? db.transaction(run) : run(db);
}

/** The conflicts as `viewer` sees them: told of every one, shown the deal only when it is its own partner's or it is a channel manager. */
export function toConflicts(rows: readonly ConflictRow[], viewer: SessionClaims): Conflict[] {
  return rows.flatMap((row) => {
    if (row.id === null) return [];
    const ownPartner = row.partner_id === viewer.partnerId;
    const visible = ownPartner || viewer.role === 'channel_manager';
    return [{
      matchedOn: row.matched_on,
      similarity: Math.round(Number(row.similarity) * 100) / 100,
      ownPartner,
      deal: visible
        ? {
            id: row.id,
            reference: row.reference,
            partnerId: row.partner_id,
            partnerName: row.partner_name,
            customerCompany: row.customer_company,
            customerDomain: row.customer_domain,
            status: row.status,
            expiresAt: row.expires_at,
          }
        : null,
    }];
  });
}

/** The conflicts of a probe as `viewer` sees them, for reads already made current (a submission, the review queue). */
export async function findConflicts(db: Queryable | Database, probe: ConflictProbe, viewer: SessionClaims): Promise<Conflict[]> {
  if (!probes(probe)) return [];
  return toConflicts(await selectConflicts(db, probe, viewer.partnerId ?? null), viewer);
}

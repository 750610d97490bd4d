import type { components } from '@partnerkit/api';
import { dealAffordances, type Role } from '@partnerkit/api';
import { formatAmount, utc } from '../db/sql.ts';
import { registrableDomain } from './domain-key.ts';

type Deal = components['schemas']['Deal'];
type DealFields = components['schemas']['DealFields'];

/** A deals row as DEAL_SELECT reads it. */
export interface DealRow {
  id: string;
  partner_id: string;
  reference: string;
  status: Deal['status'];
  customer_company: string;
  customer_domain: string | null;
  customer_country: string | null;
  customer_region: string | null;
  customer_postal_code: string | null;
  industry: string | null;
  company_size: Deal['companySize'];
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_title: string | null;
  opportunity_name: string | null;
  line_items: Deal['lineItems'];
  amount: string | null;
  currency: string | null;
  expected_close_date: string | null;
  stage: Deal['stage'];
  probability: number | null;
  deal_type: Deal['dealType'];
  partner_role: Deal['partnerRole'];
  notes: string | null;
  attachments: Deal['attachments'];
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  decision_outcome: 'auto_approved' | 'review' | null;
  decision_rule: string | null;
  expires_at: string | null;
  conflict_matched_on: ('domain' | 'company')[];
  reviewer_id: string | null;
  reviewer_name: string | null;
  version: number;
  customer_domain_key: string | null;
  company_key: string;
}

/** Every column of a deal, with the names of its decider and reviewer (`d` is the deals alias). */
export const DEAL_SELECT = `
  d.id, d.partner_id, d.reference, d.status, d.customer_company, d.customer_domain, d.customer_country,
  d.customer_region, d.customer_postal_code, d.industry, d.company_size, d.contact_name, d.contact_email,
  d.contact_phone, d.contact_title, d.opportunity_name, d.line_items, d.amount::text AS amount, d.currency,
  to_char(d.expected_close_date, 'YYYY-MM-DD') AS expected_close_date, d.stage, d.probability, d.deal_type,
  d.partner_role, d.notes, d.attachments, ${utc('d.created_at')} AS created_at, ${utc('d.updated_at')} AS updated_at,
  ${utc('d.submitted_at')} AS submitted_at, ${utc('d.decided_at')} AS decided_at, d.decided_by AS decided_by_id,
  decider.name AS decided_by_name, d.decision_reason, d.decision_outcome, d.decision_rule, ${utc('d.expires_at')} AS expires_at,
  d.conflict_matched_on, d.reviewer_id, reviewer.name AS reviewer_name, d.version, d.customer_domain_key, d.company_key`;

export const DEAL_FROM = `deals d
  LEFT JOIN users decider ON decider.id = d.decided_by
  LEFT JOIN users reviewer ON reviewer.id = d.reviewer_id`;

/** A deal as `role` sees it: what the caller may do with it comes with it (`allowedActions`, `editable`). */
export function toDeal(row: DealRow, role: Role): Deal {
  return {
    id: row.id,
    partnerId: row.partner_id,
    reference: row.reference,
    status: row.status,
    ...dealAffordances(row.status, role),
    customerCompany: row.customer_company,
    customerDomain: row.customer_domain,
    customerCountry: row.customer_country?.trim() ?? null,
    customerRegion: row.customer_region,
    customerPostalCode: row.customer_postal_code,
    industry: row.industry,
    companySize: row.company_size,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactTitle: row.contact_title,
    opportunityName: row.opportunity_name,
    lineItems: row.line_items,
    amount: row.amount !== null && row.currency !== null ? { amount: formatAmount(row.amount), currency: row.currency.trim() } : null,
    expectedCloseDate: row.expected_close_date,
    stage: row.stage,
    probability: row.probability,
    dealType: row.deal_type,
    partnerRole: row.partner_role,
    notes: row.notes,
    attachments: row.attachments,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by_id && row.decided_by_name ? { userId: row.decided_by_id, name: row.decided_by_name } : null,
    decisionReason: row.decision_reason,
    expiresAt: row.expires_at,
    conflict: { detected: row.conflict_matched_on.length > 0, matchedOn: row.conflict_matched_on },
    decision: row.decision_outcome && row.decision_rule ? { outcome: row.decision_outcome, rule: row.decision_rule } : null,
    reviewer: row.reviewer_id && row.reviewer_name ? { userId: row.reviewer_id, name: row.reviewer_name } : null,
  };
}

/** Input field → column. Text is stored verbatim; domains are also keyed for conflict detection. */
const COLUMNS: Record<keyof DealFields, string> = {
  customerCompany: 'customer_company',
  customerDomain: 'customer_domain',
  customerCountry: 'customer_country',
  customerRegion: 'customer_region',
  customerPostalCode: 'customer_postal_code',
  industry: 'industry',
  companySize: 'company_size',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
  contactTitle: 'contact_title',
  opportunityName: 'opportunity_name',
  lineItems: 'line_items',
  amount: 'amount',
  expectedCloseDate: 'expected_close_date',
  stage: 'stage',
  probability: 'probability',
  dealType: 'deal_type',
  partnerRole: 'partner_role',
  notes: 'notes',
  attachments: 'attachments',
};

/** The column values of the fields present in `fields`, ready for an INSERT or UPDATE. */
export function columnValues(fields: DealFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields) as [keyof DealFields, unknown][]) {
    const column = COLUMNS[field];
    if (!column) continue;
    if (field === 'amount') {
      const money = value as { amount: string; currency: string };
      values.amount = money.amount;
      values.currency = money.currency;
    } else if (field === 'lineItems' || field === 'attachments') {
      values[column] = JSON.stringify(value);
    } else {
      values[column] = value;
    }
  }
  if ('customer_domain' in values) values.customer_domain_key = registrableDomain(values.customer_domain as string | null);
  return values;
}

/** The fields of a deal as its partner filled them in (for audit before/after). */
export function fieldsOf(deal: Deal): Record<string, unknown> {
  return Object.fromEntries(Object.keys(COLUMNS).map((field) => [field, deal[field as keyof DealFields]]));
}

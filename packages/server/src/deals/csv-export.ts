import { stringify } from 'csv-stringify/sync';
import type { components } from '@partnerkit/api';

type Deal = components['schemas']['Deal'];

const CSV_COLUMNS: { header: string; value: (deal: Deal) => string | number | null }[] = [
  { header: 'reference', value: (d) => d.reference },
  { header: 'status', value: (d) => d.status },
  { header: 'customer_company', value: (d) => d.customerCompany },
  { header: 'customer_domain', value: (d) => d.customerDomain },
  { header: 'customer_country', value: (d) => d.customerCountry },
  { header: 'contact_name', value: (d) => d.contactName },
  { header: 'contact_email', value: (d) => d.contactEmail },
  { header: 'opportunity', value: (d) => d.opportunityName },
  { header: 'amount', value: (d) => d.amount?.amount ?? null },
  { header: 'currency', value: (d) => d.amount?.currency ?? null },
  { header: 'expected_close_date', value: (d) => d.expectedCloseDate },
  { header: 'stage', value: (d) => d.stage },
  { header: 'deal_type', value: (d) => d.dealType },
  { header: 'partner_role', value: (d) => d.partnerRole },
  { header: 'created_at', value: (d) => d.createdAt },
  { header: 'submitted_at', value: (d) => d.submittedAt },
  { header: 'expires_at', value: (d) => d.expiresAt },
];

/**
 * Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading
 * apostrophe (OWASP's advice against CSV injection); amounts and dates never start that way.
 */
function neutralise(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Deals as CSV lines (CRLF), with the header line first when asked. */
export function csvRows(deals: readonly Deal[], header: boolean): string {
  const records = deals.map((deal) => CSV_COLUMNS.map((column) => neutralise(column.value(deal))));
  return stringify(header ? [CSV_COLUMNS.map((column) => column.header), ...records] : records, { record_delimiter: 'windows' });
}

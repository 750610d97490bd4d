import type { components } from '@partnerkit/api';
import type { ContractValidator } from '@partnerkit/api/contract';
import type { Queryable } from '../db/database.ts';
import { problems, type FieldIssue } from '../http/problem.ts';
import { fieldsOf } from './deal-record.ts';
import { activeProductIds } from './deal-queries.ts';

type Deal = components['schemas']['Deal'];
type DealCreate = components['schemas']['DealCreate'];

/** Checks what the contract cannot: products exist, line items are in the deal's currency. */
export async function checkReferences(db: Queryable, fields: Partial<DealCreate>, prefix: string): Promise<void> {
  const issues: FieldIssue[] = [];
  // The contract's `date` format allows year 0000, which PostgreSQL has not.
  if (fields.expectedCloseDate?.startsWith('0000')) issues.push({ field: `${prefix}/expectedCloseDate`, code: 'format', params: { format: 'date' } });
  const items = fields.lineItems ?? [];
  if (items.length) {
    const known = await activeProductIds(db, items.map((item) => item.productId));
    items.forEach((item, index) => {
      if (!known.has(item.productId)) issues.push({ field: `${prefix}/lineItems/${index}/productId`, code: 'unknown_product', params: {} });
      if (fields.amount && item.unitPrice.currency !== fields.amount.currency) {
        issues.push({ field: `${prefix}/lineItems/${index}/unitPrice/currency`, code: 'currency_mismatch', params: { currency: fields.amount.currency } });
      }
    });
  }
  if (issues.length) throw problems.validation(issues);
}

/** A draft about to be submitted must be complete: checked with the contract's own create schema. */
export function requireComplete(contract: ContractValidator, deal: Deal): void {
  const create = contract.match('POST', '/deals')!.operation;
  const fields = Object.fromEntries(Object.entries(fieldsOf(deal)).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)));
  const issues = create.checkBody('application/json', { ...fields, submit: true });
  if (issues.length) throw problems.validation(issues.map((issue) => ({ ...issue, field: issue.field.replace(/^\/body/, '/deal') })));
}

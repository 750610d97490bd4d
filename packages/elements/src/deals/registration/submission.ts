import { isDealEditable, type ConflictQuery, type Deal, type PartnerkitClient } from '@partnerkit/api';
import type { OutboxAttempt } from '../../core/controllers/outbox-controller.ts';
import { versionedUpdate } from '../../core/controllers/versioned-update.ts';
import type { FieldValues } from './deal-form-fields.ts';
import type { RegistrationEntry } from './stored-state.ts';

/**
 * Sends one attempt of a registration: a new deal is created under the entry's Idempotency-Key;
 * an existing one (server draft or edited deal) gets its fields (If-Match), then the `submit`
 * transition. An edited deal is changed only from the version the form was filled from (a 412
 * becomes `VersionConflictError` for the user to decide); the user's own server draft from
 * whatever version it has now.
 */
export async function sendRegistration(client: PartnerkitClient, entry: RegistrationEntry, attempt: OutboxAttempt<RegistrationEntry>): Promise<Deal> {
  const { dealId } = entry;
  if (!dealId) return client.deals.create(entry.payload, { idempotencyKey: entry.key });
  const current = await client.deals.get(dealId);
  // A retry whose earlier attempt went through (only the answer was lost): done.
  if (attempt.retry && !isDealEditable(current.data.status)) return current.data;
  const updated = await versionedUpdate({
    ifMatch: entry.ifMatch ?? current.etag,
    load: () => client.deals.get(dealId),
    update: (ifMatch) => client.deals.update(dealId, entry.payload, { ifMatch }),
    onConflict: entry.ifMatch ? 'ask' : 'replace',
  });
  if (entry.ifMatch) {
    // Our own update is the version a retry starts from.
    entry.ifMatch = updated.etag;
    attempt.save(entry);
  }
  return (await client.deals.transition(dealId, { action: 'submit' }, { ifMatch: updated.etag })).data;
}

/** Fields whose change may reveal a registration of the same customer. */
export const CONFLICT_FIELDS: readonly string[] = ['customerCompany', 'customerDomain', 'customerCountry'];

/** The conflict check for what the form holds; undefined while there is too little to ask about. */
export function conflictQuery(values: FieldValues, excludeDealId: string | undefined): ConflictQuery | undefined {
  const company = values.customerCompany.trim();
  const domain = values.customerDomain.trim();
  const country = values.customerCountry;
  if (company.length < 2 && !domain) return undefined;
  return {
    ...(company.length >= 2 ? { company: company.slice(0, 200) } : {}),
    ...(domain ? { domain: domain.slice(0, 253) } : {}),
    ...(/^[A-Z]{2}$/.test(country) ? { country } : {}),
    ...(excludeDealId ? { excludeDealId } : {}),
  };
}

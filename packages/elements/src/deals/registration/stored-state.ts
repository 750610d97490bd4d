import type { DealCreate } from '@partnerkit/api';
import type { OutboxEntry } from '../../core/controllers/outbox-controller.ts';
import type { FieldValues, LineRow } from './deal-form-fields.ts';

// The registration's local memory, per portal user: the draft being typed (DraftController) and
// a submission not yet confirmed by the server (OutboxController). Both survive a reload or an
// offline spell. A new registration has one slot per user; the edit of an existing deal has its
// own, so editing one deal never overwrites the draft of another or of a new one.

/** The deal fields as the form submits them. */
export type DealFields = Omit<DealCreate, 'submit'>;

/** The server draft (or edited deal), with the ETag of the last answer. */
export interface ServerRef {
  id: string;
  etag?: string | undefined;
}

/** The form as the user left it. */
export interface RegistrationDraft {
  values: FieldValues;
  lines: LineRow[];
  /** The step the user was on (0-based). */
  step: number;
  /** Idempotency-Key of the server draft's creation: one per draft. */
  draftKey: string;
  /** The server draft once created, or the edited deal, with the version the copy was made from. */
  server?: ServerRef | undefined;
}

/** A submission waiting for the server's confirmation. */
export interface RegistrationEntry extends OutboxEntry<DealFields> {
  /** Set when the submission submits a server draft (or an edited deal) rather than creating one. */
  dealId?: string | undefined;
  /** For an edited deal: the version its fields may be changed from (If-Match). */
  ifMatch?: string | undefined;
}

const DRAFT_PREFIX = 'partnerkit:deal-draft:';
const OUTBOX_PREFIX = 'partnerkit:deal-outbox:';

/** The storage slot of a user's new registration, or of their edit of `dealId`. */
export function slotOf(userId: string, dealId: string): string {
  return dealId ? `${userId}:${dealId}` : userId;
}

export const draftKeyOf = (slot: string) => `${DRAFT_PREFIX}${slot}`;
export const outboxKeyOf = (slot: string) => `${OUTBOX_PREFIX}${slot}`;

/** The draft slot that goes with an outbox slot (both are done with once the submission is). */
export const draftKeyOfOutbox = (outboxKey: string) => DRAFT_PREFIX + outboxKey.slice(OUTBOX_PREFIX.length);

/** Whether a stored value is a registration draft. */
export function isRegistrationDraft(stored: Record<string, unknown>): boolean {
  return typeof stored.values === 'object' && stored.values !== null && Array.isArray(stored.lines);
}

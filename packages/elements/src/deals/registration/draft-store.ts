import type { DealCreate } from '@partnerkit/api';
import type { FieldValues, LineRow } from './deal-form-fields.ts';

// The registration's local memory, per portal user: the draft being typed, and the outbox of a
// submission not yet confirmed by the server. Both survive a reload or an offline spell.

/** The form as the user left it. */
export interface StoredDraft {
  /** When it was saved (RFC 3339). */
  savedAt: string;
  values: FieldValues;
  lines: LineRow[];
  /** The step the user was on (0-based). */
  step: number;
  /** Idempotency-Key of the server draft's creation: one per draft. */
  draftKey: string;
  /** The server draft, once created, with the ETag of the last answer. */
  server?: { id: string; etag?: string | undefined } | undefined;
}

/** A submission waiting for the server's confirmation. */
export interface OutboxEntry {
  /** Idempotency-Key of this logical submission: the same on every attempt. */
  key: string;
  /** The deal fields as submitted. */
  payload: Omit<DealCreate, 'submit'>;
  /** Set when the submission submits a server draft rather than creating the deal. */
  dealId?: string | undefined;
  /** For an edited deal: the version its fields may be changed from (If-Match). */
  ifMatch?: string | undefined;
  /** Attempts started so far (the first one is 1). */
  attempts: number;
  createdAt: string;
}

const DRAFT_PREFIX = 'partnerkit:deal-draft:';
const OUTBOX_PREFIX = 'partnerkit:deal-outbox:';

/**
 * Reads and writes one user's draft and outbox in `localStorage` (quietly, where storage is
 * unavailable). A new registration has one slot per user; the edit of an existing deal has its
 * own (`dealId`), so editing one deal never overwrites the draft of another or of a new one.
 */
export class DraftStore {
  readonly draftKey: string;
  readonly outboxKey: string;
  readonly #storage: Storage | undefined;

  constructor(userId: string, dealId = '', storage: Storage | undefined = safeLocalStorage()) {
    const slot = dealId ? `${userId}:${dealId}` : userId;
    this.draftKey = `${DRAFT_PREFIX}${slot}`;
    this.outboxKey = `${OUTBOX_PREFIX}${slot}`;
    this.#storage = storage;
  }

  loadDraft(): StoredDraft | undefined {
    const draft = this.#read<StoredDraft>(this.draftKey);
    return draft && typeof draft.savedAt === 'string' && draft.values && Array.isArray(draft.lines) ? draft : undefined;
  }

  saveDraft(draft: StoredDraft): void {
    this.#write(this.draftKey, draft);
  }

  clearDraft(): void {
    this.#remove(this.draftKey);
  }

  loadOutbox(): OutboxEntry | undefined {
    const entry = this.#read<OutboxEntry>(this.outboxKey);
    return entry && typeof entry.key === 'string' && entry.payload ? entry : undefined;
  }

  saveOutbox(entry: OutboxEntry): void {
    this.#write(this.outboxKey, entry);
  }

  clearOutbox(): void {
    this.#remove(this.outboxKey);
  }

  #read<T>(key: string): T | undefined {
    try {
      const text = this.#storage?.getItem(key);
      return text ? (JSON.parse(text) as T) : undefined;
    } catch {
      return undefined;
    }
  }

  #write(key: string, value: unknown): void {
    try {
      this.#storage?.setItem(key, JSON.stringify(value));
    } catch {
      // Full or blocked storage: the form still works, it just will not survive a reload.
    }
  }

  #remove(key: string): void {
    try {
      this.#storage?.removeItem(key);
    } catch {
      // As above.
    }
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** A new random key (Idempotency-Key, draft key, row key). */
export function newKey(): string {
  return crypto.randomUUID();
}

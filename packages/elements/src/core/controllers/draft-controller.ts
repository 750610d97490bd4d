import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clearSlot, readSlot, safeLocalStorage, writeSlot } from './local-slot.ts';

/** A draft as stored: the form's own fields plus when it was saved. */
export type StoredDraft<T extends object> = T & {
  /** When it was saved (RFC 3339). */
  savedAt: string;
  /** The draft format it was written in (only when the controller has a `schema`). */
  schema?: number;
};

export interface DraftOptions<T extends object> {
  /** The storage slot, per user and record (e.g. `app:draft:<user>:<id>`); undefined while unknown. */
  key: () => string | undefined;
  /** Whether a stored value has the draft's shape; anything else is dropped on read. */
  accept: (stored: Record<string, unknown>) => boolean;
  /**
   * The draft format. Copies written in another format (or before formats were numbered) give way
   * instead of being restored half-understood. Leave undefined to keep unnumbered copies.
   */
  schema?: number;
  /**
   * The version (ETag) of the server record a draft was made from. With it, `reconcile()` drops a
   * copy made from an older version of the record.
   */
  versionOf?: (draft: T) => string | undefined;
  /** Where drafts live; `localStorage` by default. */
  storage?: Storage | undefined;
}

/**
 * Keeps a form's values on the device so a reload, a crash or an offline spell loses nothing.
 *
 * `save()` writes at once (call it on every change), `restore()` reads the copy left behind and
 * remembers when it was saved (`restoredAt`, for a "draft restored" notice), `discard()` forgets
 * it. A copy in another `schema`, or made from an older version of the record than the server's
 * (`reconcile()`), gives way.
 *
 * @example
 * ```ts
 * #draft = new DraftController<{ values: Values }>(this, {
 *   key: () => this.session && `acme:mdf-draft:${this.session.user.id}`,
 *   accept: (stored) => typeof stored.values === 'object',
 * });
 * ```
 */
export class DraftController<T extends object> implements ReactiveController {
  /** When the restored copy was saved, while its notice should show; cleared by `dismiss()`. */
  restoredAt: string | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #options: DraftOptions<T>;
  readonly #storage: Storage | undefined;
  /** The slot `restoredAt` belongs to. */
  #slot: string | undefined;

  constructor(host: ReactiveControllerHost, options: DraftOptions<T>) {
    this.#host = host;
    this.#options = options;
    this.#storage = 'storage' in options ? options.storage : safeLocalStorage();
    host.addController(this);
  }

  /** Another slot (another user or record): the notice of the previous slot's copy goes. */
  hostUpdate(): void {
    const slot = this.#options.key();
    if (slot === this.#slot) return;
    this.#slot = slot;
    this.restoredAt = undefined;
  }

  /** The stored copy in the current slot, if it has the draft's shape and format. */
  read(): StoredDraft<T> | undefined {
    const key = this.#options.key();
    if (key === undefined) return undefined;
    const stored = readSlot(this.#storage, key);
    if (!stored || typeof stored !== 'object') return undefined;
    const draft = stored as Record<string, unknown>;
    const { schema } = this.#options;
    if (typeof draft.savedAt !== 'string' || (schema !== undefined && draft.schema !== schema) || !this.#options.accept(draft)) {
      // Unreadable or outdated: it would only be restored wrong.
      clearSlot(this.#storage, key);
      return undefined;
    }
    return draft as StoredDraft<T>;
  }

  /** Reads the stored copy and, when there is one, notes it as restored (`restoredAt`). */
  restore(): StoredDraft<T> | undefined {
    const draft = this.read();
    this.#slot = this.#options.key();
    this.restoredAt = draft?.savedAt;
    this.#host.requestUpdate();
    return draft;
  }

  /** Writes the draft now, stamped with the time. */
  save(draft: T): void {
    const key = this.#options.key();
    if (key === undefined) return;
    const { schema } = this.#options;
    writeSlot(this.#storage, key, { ...draft, savedAt: new Date().toISOString(), ...(schema !== undefined ? { schema } : {}) });
  }

  /** Forgets the stored copy (and its notice). */
  discard(): void {
    const key = this.#options.key();
    if (key !== undefined) clearSlot(this.#storage, key);
    this.dismiss();
  }

  /** Hides the restored notice; the copy stays stored. */
  dismiss(): void {
    if (this.restoredAt === undefined) return;
    this.restoredAt = undefined;
    this.#host.requestUpdate();
  }

  /**
   * Compares a restored copy with the record's current version: a copy made from another
   * version gives way (discarded; returns false). Returns true when the copy is current.
   */
  reconcile(draft: T, currentVersion: string): boolean {
    if (this.#options.versionOf?.(draft) === currentVersion) return true;
    this.discard();
    return false;
  }
}

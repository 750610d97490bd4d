import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isPartnerkitError } from '@partnerkit/api';
import { clearSlot, newKey, readSlot, safeLocalStorage, writeSlot } from './local-slot.ts';

/** A submission waiting for the server's confirmation, as stored. */
export interface OutboxEntry<P = unknown> {
  /** Idempotency-Key of this logical submission: the same on every attempt. */
  key: string;
  /** What is submitted. */
  payload: P;
  /** Attempts started so far (the first one is 1). */
  attempts: number;
  /** When it was first submitted (RFC 3339). */
  createdAt: string;
}

/** `idle`: nothing waits; `sending`: an attempt is under way; `waiting`: it failed transiently and waits for a retry. */
export type OutboxStatus = 'idle' | 'sending' | 'waiting';

/** What one attempt learns about its submission. */
export type OutboxOutcome<R> =
  | { kind: 'sent'; result: R }
  | { kind: 'waiting'; error: unknown }
  | { kind: 'refused'; error: unknown }
  /** The attempt did not run: another is under way, or nothing is stored. */
  | { kind: 'skipped' };

/** Passed to `send` with each attempt. */
export interface OutboxAttempt<E> {
  /** A later attempt of the same submission: an earlier one may have gone through unseen. */
  retry: boolean;
  /** Stores the entry again after `send` changed it (e.g. the version a retry starts from). */
  save: (entry: E) => void;
}

export interface OutboxOptions<E extends OutboxEntry, R> {
  /** The storage slot, per user and form; undefined while unknown. */
  key: () => string | undefined;
  /** Sends one attempt. It must use `entry.key` as the Idempotency-Key. */
  send: (entry: E, attempt: OutboxAttempt<E>) => Promise<R>;
  /** Failures worth another attempt later; by default no network, a timeout, 429 and 5xx. */
  retryable?: (error: unknown) => boolean;
  /** Called when an attempt ends (before `submit()`/`retry()` resolve), unless the host moved on meanwhile. */
  onSettled?: (outcome: Exclude<OutboxOutcome<R>, { kind: 'skipped' }>, entry: E) => void | Promise<void>;
  /**
   * Called when an attempt started for this slot ends after the host moved to another slot
   * (`reset()`): the stored entry of that slot is already settled; the host forgets what belongs to it.
   */
  onSettledElsewhere?: (slot: string, outcome: Exclude<OutboxOutcome<R>, { kind: 'skipped' }>) => void;
  /** Where entries live; `localStorage` by default. */
  storage?: Storage | undefined;
}

/** A failure worth trying again later: no network, a timeout, or the server's own trouble. */
export function isTransient(error: unknown): boolean {
  if (!isPartnerkitError(error)) return false;
  return error.kind === 'network' || error.kind === 'timeout' || (error.kind === 'http' && (error.status >= 500 || error.status === 429));
}

/**
 * A submission that is never lost and never made twice. `submit()` writes the entry (with a new
 * Idempotency-Key) to the device before sending it; a transient failure (offline, 5xx) leaves it
 * stored with status `waiting`, and it is sent again with the same key when the browser is back
 * online, when `retry()` is called (a Retry button), or when `resume()` finds it after a reload.
 * A refusal (4xx) ends it. `status` says where the submission is, for the user to see.
 *
 * @example
 * ```ts
 * #outbox = new OutboxController<OutboxEntry<MdfRequest>, MdfRequest>(this, {
 *   key: () => this.session && `acme:mdf-outbox:${this.session.user.id}`,
 *   send: (entry) => this.client!.mdf.create(entry.payload, { idempotencyKey: entry.key }),
 * });
 * ```
 */
export class OutboxController<E extends OutboxEntry, R> implements ReactiveController {
  status: OutboxStatus = 'idle';
  /** The last attempt's failure while `waiting`. */
  error: unknown;

  readonly #host: ReactiveControllerHost;
  readonly #options: OutboxOptions<E, R>;
  readonly #storage: Storage | undefined;
  /** Aborted by `reset()`: outcomes of attempts started before no longer concern the host. */
  #scope = new AbortController();

  constructor(host: ReactiveControllerHost, options: OutboxOptions<E, R>) {
    this.#host = host;
    this.#options = options;
    this.#storage = 'storage' in options ? options.storage : safeLocalStorage();
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
  }

  /** The entry stored in the current slot. */
  get entry(): E | undefined {
    const key = this.#options.key();
    const stored = key === undefined ? undefined : readSlot(this.#storage, key);
    const entry = stored as Partial<OutboxEntry> | undefined;
    return entry && typeof entry.key === 'string' && entry.payload !== undefined ? (stored as E) : undefined;
  }

  /** Stores a new submission (a new Idempotency-Key) and sends it. */
  async submit(fields: Omit<E, keyof OutboxEntry> & Pick<E, 'payload'>): Promise<OutboxOutcome<R>> {
    const slot = this.#options.key();
    if (slot === undefined || this.status === 'sending') return { kind: 'skipped' };
    const entry = { ...fields, key: newKey(), attempts: 0, createdAt: new Date().toISOString() } as E;
    // On the device before it leaves: a reload or a lost answer can neither lose nor duplicate it.
    writeSlot(this.#storage, slot, entry);
    return this.#attempt(slot, entry);
  }

  /** Sends the stored submission again (same Idempotency-Key). With nothing stored, `waiting` ends. */
  async retry(): Promise<OutboxOutcome<R>> {
    const slot = this.#options.key();
    const entry = this.entry;
    if (slot === undefined || !entry) {
      this.#set('idle');
      return { kind: 'skipped' };
    }
    return this.#attempt(slot, entry);
  }

  /** After a (re)connection: a stored submission is shown as waiting and sent again. */
  resume(): Promise<OutboxOutcome<R>> | undefined {
    if (!this.entry) return undefined;
    if (this.status === 'idle') this.#set('waiting');
    return this.retry();
  }

  /** The host moved to another slot: an attempt under way settles its own slot without reporting here. */
  reset(): void {
    this.#scope.abort();
    this.#scope = new AbortController();
    this.error = undefined;
    this.#set('idle');
  }

  async #attempt(slot: string, entry: E): Promise<OutboxOutcome<R>> {
    if (this.status === 'sending') return { kind: 'skipped' };
    const scope = this.#scope.signal;
    const retry = entry.attempts > 0;
    entry.attempts += 1;
    writeSlot(this.#storage, slot, entry);
    this.#set('sending');
    let outcome: Exclude<OutboxOutcome<R>, { kind: 'skipped' }>;
    try {
      const result = await this.#options.send(entry, { retry, save: (changed) => writeSlot(this.#storage, slot, changed) });
      outcome = { kind: 'sent', result };
    } catch (error) {
      outcome = (this.#options.retryable ?? isTransient)(error) ? { kind: 'waiting', error } : { kind: 'refused', error };
    }
    // Sent or refused, the submission is over; waiting, it stays for the next attempt.
    if (outcome.kind !== 'waiting') clearSlot(this.#storage, slot);
    if (scope.aborted) {
      this.#options.onSettledElsewhere?.(slot, outcome);
      return { kind: 'skipped' };
    }
    this.error = outcome.kind === 'waiting' ? outcome.error : undefined;
    this.#set(outcome.kind === 'waiting' ? 'waiting' : 'idle');
    await this.#options.onSettled?.(outcome, entry);
    return outcome;
  }

  #set(status: OutboxStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.#host.requestUpdate();
  }

  readonly #onOnline = () => {
    if (this.status === 'waiting') void this.retry();
  };
}

import type { PartnerkitClient } from '@partnerkit/api';
import { versionedUpdate } from '../../core/controllers/versioned-update.ts';
import type { DealFields, ServerRef } from './stored-state.ts';

/**
 * Saves what is valid so far as the user's server draft: created once (under the draft's own
 * Idempotency-Key), then updated with If-Match; a version changed meanwhile (412) is the user's
 * own draft, so the change is applied again on the current version. Returns the draft as it stands.
 */
export async function saveServerDraft(client: PartnerkitClient, fields: DealFields, server: ServerRef | undefined, draftKey: string, signal: AbortSignal): Promise<ServerRef> {
  if (!server) {
    const deal = await client.deals.create({ ...fields, submit: false }, { idempotencyKey: draftKey, signal });
    return { id: deal.id };
  }
  const answer = await versionedUpdate({
    ifMatch: server.etag,
    load: () => client.deals.get(server.id, { signal }),
    update: (ifMatch) => client.deals.update(server.id, fields, { ifMatch, signal }),
    onConflict: 'replace',
  });
  return { id: server.id, etag: answer.etag };
}

/**
 * Autosave to the server a quiet moment after the last change, one save after another (never
 * two at once). `stop()` abandons what is scheduled or under way: its signal aborts.
 */
export class SerialAutosave {
  readonly #save: (signal: AbortSignal) => Promise<void>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last: Promise<void> = Promise.resolve();
  #scope = new AbortController();

  constructor(save: (signal: AbortSignal) => Promise<void>) {
    this.#save = save;
  }

  /** Saves after `delay` ms of quiet (a later call restarts the wait). */
  schedule(delay: number): void {
    this.cancel();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.now();
    }, delay);
  }

  /** Saves once the save under way (if any) is done. */
  now(): Promise<void> {
    const signal = this.#scope.signal;
    this.#last = this.#last.then(() => (signal.aborted ? undefined : this.#save(signal))).catch(() => {});
    return this.#last;
  }

  /** Drops a scheduled save (one under way finishes). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Resolves when no save is under way. */
  settled(): Promise<void> {
    return this.#last;
  }

  /** Abandons the scheduled save and the one under way. */
  stop(): void {
    this.cancel();
    this.#scope.abort();
    this.#scope = new AbortController();
    this.#last = Promise.resolve();
  }
}

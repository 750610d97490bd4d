import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isPartnerkitError, type PartnerkitClient } from '@partnerkit/api';
import { newKey } from '../../core/controllers/local-slot.ts';
import { versionedUpdate } from '../../core/controllers/versioned-update.ts';
import type { RegistrationForm } from './registration-form.ts';
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

export interface ServerDraftOptions {
  client: () => PartnerkitClient | undefined;
  form: RegistrationForm;
  /** The fields to save now, or undefined when nothing should be saved (not editing, offline, no company yet). */
  fields: () => DealFields | undefined;
  /** The draft was saved (the form's `server` already points at it). */
  onSaved: (server: ServerRef) => void;
}

/**
 * Autosave of the form as the user's server draft, a quiet moment after the last change and
 * when the browser is back online; one save after another, never two at once. `stop()`
 * abandons what is scheduled or under way (its signal aborts).
 */
export class ServerDraftAutosave implements ReactiveController {
  readonly #options: ServerDraftOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last: Promise<void> = Promise.resolve();
  #scope = new AbortController();

  constructor(host: ReactiveControllerHost, options: ServerDraftOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
    this.cancel();
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

  async #save(signal: AbortSignal): Promise<void> {
    const client = this.#options.client();
    const fields = this.#options.fields();
    const { form } = this.#options;
    // The server keeps no draft without a company.
    if (!client || !fields?.customerCompany) return;
    try {
      const server = await saveServerDraft(client, fields, form.server, form.draftKey, signal);
      if (signal.aborted) return;
      // Kept even when a submission started meanwhile: it submits this draft.
      form.server = server;
      this.#options.onSaved(server);
    } catch (error) {
      // The draft stays on the device; the next change or reconnection tries again. A draft gone
      // from the server is created anew, under a new key.
      if (!signal.aborted && isPartnerkitError(error) && error.status === 404) {
        form.server = undefined;
        form.draftKey = newKey();
      }
    }
  }

  readonly #onOnline = () => {
    if (this.#options.form.dirty) this.schedule(0);
  };
}

/** Withdraws a discarded server draft, quietly: it must not linger as the partner's. */
export async function withdrawServerDraft(client: PartnerkitClient, id: string): Promise<void> {
  try {
    const current = await client.deals.get(id);
    if (current.data.status === 'draft') await client.deals.transition(id, { action: 'withdraw' }, { ifMatch: current.etag });
  } catch {
    // It stays a draft on the server; nothing the user needs to act on.
  }
}

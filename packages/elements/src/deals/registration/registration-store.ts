import type { ReactiveControllerHost } from 'lit';
import { PartnerkitError, isDealEditable, type Deal, type PartnerkitClient, type Versioned } from '@partnerkit/api';
import { DraftController } from '../../core/controllers/draft-controller.ts';
import { clearSlot, safeLocalStorage } from '../../core/controllers/local-slot.ts';
import { OutboxController, type OutboxOutcome } from '../../core/controllers/outbox-controller.ts';
import { hasContent } from './deal-form-fields.ts';
import type { RegistrationForm } from './registration-form.ts';
import { draftKeyOf, draftKeyOfOutbox, isRegistrationDraft, outboxKeyOf, slotOf, type RegistrationDraft, type RegistrationEntry } from './stored-state.ts';
import { sendRegistration } from './submission.ts';

export type SettledOutcome = Exclude<OutboxOutcome<Deal>, { kind: 'skipped' }>;

/**
 * The registration's memory on the device, in one slot per user (and per edited deal): the
 * draft being typed and the outbox of a submission not yet confirmed.
 */
export class RegistrationStore {
  readonly draft: DraftController<RegistrationDraft>;
  readonly outbox: OutboxController<RegistrationEntry, Deal>;
  /** Undefined until the user is known (and after a disconnect). */
  #slot: string | undefined;

  constructor(host: ReactiveControllerHost, options: { client: () => PartnerkitClient | undefined; onSettled: (outcome: SettledOutcome, entry: RegistrationEntry) => void | Promise<void> }) {
    this.draft = new DraftController<RegistrationDraft>(host, {
      key: () => this.#slot && draftKeyOf(this.#slot),
      accept: isRegistrationDraft,
      versionOf: (draft) => draft.server?.etag,
    });
    this.outbox = new OutboxController<RegistrationEntry, Deal>(host, {
      key: () => this.#slot && outboxKeyOf(this.#slot),
      send: (entry, attempt) => {
        const client = options.client();
        // Without a client (yet), a submission waits as it would offline.
        if (!client) throw new PartnerkitError({ kind: 'network', code: 'network', title: 'No client yet' });
        return sendRegistration(client, entry, attempt);
      },
      onSettled: options.onSettled,
      // The host moved on to another deal meanwhile: a submission that is over takes its draft along.
      onSettledElsewhere: (slot, outcome) => {
        if (outcome.kind === 'sent') clearSlot(safeLocalStorage(), draftKeyOfOutbox(slot));
      },
    });
  }

  /** Whether a user's slot is open. */
  get open(): boolean {
    return this.#slot !== undefined;
  }

  /**
   * Opens the user's slot (their new registration, or their edit of `dealId`) and fills `form`
   * from the draft left there, unless the user has typed since. A restored draft's notice shows
   * unless a submission of it waits in the outbox.
   */
  openFor(userId: string, dealId: string, form: RegistrationForm): { restored: boolean; waiting: boolean } {
    this.#slot = slotOf(userId, dealId);
    const draft = this.draft.read();
    const waiting = this.outbox.entry !== undefined;
    if (!draft || form.dirty || !hasContent(draft.values, draft.lines)) return { restored: false, waiting };
    form.restore(draft);
    if (!waiting) this.draft.restore();
    return { restored: true, waiting };
  }

  /**
   * The edited deal arrived: a copy on the device made from an older version gives way to it
   * (`replaced`), the form stands on this version, and once the deal can no longer be edited no
   * copy of the customer's details stays on the device.
   */
  adopt({ data: deal, etag }: Versioned<Deal>, form: RegistrationForm): { replaced: boolean } {
    const replaced = form.fromDraft && !this.draft.reconcile(form.snapshot(), etag);
    if (replaced) form.fromDraft = false;
    form.server = { id: deal.id, etag };
    if (!isDealEditable(deal.status) && !this.outbox.entry) {
      this.draft.discard();
      form.fromDraft = false;
    }
    form.fill(deal);
    return { replaced };
  }

  close(): void {
    this.#slot = undefined;
  }
}

import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PartnerkitError, isDealEditable, isPartnerkitError, type ConflictQuery, type ConflictReport, type Deal, type Versioned } from '@partnerkit/api';
import { PortalElement } from '../core/portal-element.ts';
import { DataController } from '../core/data-controller.ts';
import { errorMessage } from '../core/error-message.ts';
import { ContainerWidthController } from '../core/controllers/container-width-controller.ts';
import { DebouncedQueryController } from '../core/controllers/debounced-query-controller.ts';
import { DraftController } from '../core/controllers/draft-controller.ts';
import { clearSlot, newKey, safeLocalStorage } from '../core/controllers/local-slot.ts';
import { OutboxController, type OutboxOutcome } from '../core/controllers/outbox-controller.ts';
import { VersionConflictError } from '../core/controllers/versioned-update.ts';
import { FormControl } from '../ui/form-control.ts';
import { currencyDigits } from '../ui/money-input.ts';
import { dealRegistrationStyles } from './pk-deal-registration.styles.ts';
import { STEPS, buildPayload, changeLine, emptyValues, formOfDeal, hasContent, listPrice, stepOfField, type FieldName, type FieldValues, type LineRow } from './registration/deal-form-fields.ts';
import { controlsIn, firstInvalid, placeFieldErrors, sectionOf, validNames, validateStep, valueOf } from './registration/form-controls.ts';
import { renderCustomer } from './registration/render-customer.ts';
import { renderEditState, renderPending, renderQuestion, renderRestored, renderSuccess } from './registration/render-notices.ts';
import { renderOpportunity } from './registration/render-opportunity.ts';
import { renderReview } from './registration/render-review.ts';
import type { RegistrationView } from './registration/registration-view.ts';
import { SerialAutosave, saveServerDraft } from './registration/server-draft.ts';
import { draftKeyOf, draftKeyOfOutbox, isRegistrationDraft, outboxKeyOf, slotOf, type RegistrationDraft, type RegistrationEntry, type ServerRef } from './registration/stored-state.ts';
import { CONFLICT_FIELDS, conflictQuery, sendRegistration } from './registration/submission.ts';
import { PkDealDraftSavedEvent, PkDealSubmittedEvent, type DealDetail } from './events.ts';

/** Quiet time after the last keystroke in company, domain or country before conflicts are checked. */
const CONFLICT_DELAY_MS = 400;
/** Quiet time after the last change before the draft is saved to the server. */
const SERVER_DRAFT_DELAY_MS = 2000;
/** Containers at least this wide show the form on one page (with `layout="auto"`). */
const WIDE_PX = 960;
const LAST_STEP = STEPS.length - 1;

type Phase = 'editing' | 'sending' | 'pending' | 'success';
export type RegistrationLayout = 'auto' | 'stepper' | 'single';

export type { DraftSavedDetail } from './events.ts';

/**
 * A partner registers a deal: customer and contact, the opportunity (with product line items
 * whose exact total becomes the amount), then a review and the submission.
 *
 * In narrow containers the form is a three-step wizard; from 960px wide (or with
 * `layout="single"`) it is one long form with one submit button. Every change is kept on the
 * device at once (per portal user) and, when online, saved as a server draft a moment later;
 * a draft left behind is restored when the element connects again. While company, domain or
 * country are typed, the server is asked (debounced) whether a similar registration is active.
 *
 * With `deal-id` it edits an existing registration instead: a draft, or one the channel manager
 * asked about (`info_requested`, whose question it shows). The deal's fields fill the form, the
 * edit is kept on the device under that deal, and submitting saves the fields (If-Match) and
 * resubmits the deal. A deal in any other status is shown as no longer editable.
 *
 * The submission carries one Idempotency-Key and is written to a local outbox before it is
 * sent: without a network (or on a server failure) it waits and is sent again — with the same
 * key — when the browser is back online, when the user presses Retry, or when the element
 * connects again after a reload. It is never lost and never registered twice.
 *
 * @tag pk-deal-registration
 * @summary Deal registration form: steps, validation, drafts, conflict warning, offline outbox.
 * @csspart form - The form.
 * @csspart step - Each step's section (customer, opportunity, review).
 * @csspart actions - The row of Back, Next and Submit buttons.
 * @csspart summary - The review's summary list.
 * @csspart conflict - The warning about a similar active registration.
 * @csspart pending - The notice of a submission waiting to be sent.
 * @csspart success - The confirmation after the submission.
 * @csspart notice - The notice of a restored draft, or that the edited deal can no longer be changed.
 * @csspart question - The channel manager's question on a deal returned for more information.
 * @csspart error - A submission error not tied to a field.
 * @cssprop --pk-deal-registration-font - Font of the form; defaults to `--pk-font-body`.
 * @cssprop --pk-deal-registration-gap - Space between fields and sections; defaults to `--pk-space-4`.
 * @fires pk-deal-draft-saved - The draft was saved; `detail` is `{ where: 'local' | 'server', dealId? }`.
 * @fires pk-deal-submitted - The registration was submitted; `detail` is `{ deal }`.
 */
export class PkDealRegistration extends PortalElement {
  static override styles = dealRegistrationStyles;

  /** `auto`: steps in narrow containers, one page from 960px; `stepper` or `single` force one. */
  @property({ reflect: true }) layout: RegistrationLayout = 'auto';

  /** Id of an existing deal to edit and resubmit; empty (the default) registers a new deal. */
  @property({ attribute: 'deal-id' }) dealId = '';

  @state() private step = 0;
  @state() private values: FieldValues = emptyValues();
  @state() private lines: LineRow[] = [];
  @state() private announcement = '';
  @state() private submitted: Deal | undefined;
  @state() private formError = '';
  /** The edited deal as the server last gave it (with `deal-id`). */
  @state() private editing: Deal | undefined;
  /** The last submission answered a channel manager's question. */
  @state() private resubmitted = false;
  /** Submitting: waiting for the server draft's save before the submission is stored and sent. */
  @state() private preparing = false;

  /** The user's storage slot (user, and deal when editing); undefined until the user is known. */
  #slot: string | undefined;
  /** Identifies this opening of the edited deal: a new one loads the deal afresh. */
  #editSession = newKey();
  #draftKey = newKey();
  #server: ServerRef | undefined;
  #dirty = false;
  /** The form holds a draft restored from the device rather than the server's fields. */
  #fromDraft = false;
  /** The edited deal's status when the form was filled. */
  #statusAtLoad: Deal['status'] | undefined;

  readonly #width = new ContainerWidthController(this, { breakpoints: [WIDE_PX] });
  readonly #draft = new DraftController<RegistrationDraft>(this, {
    key: () => this.#slot && draftKeyOf(this.#slot),
    accept: isRegistrationDraft,
    versionOf: (draft) => draft.server?.etag,
  });
  readonly #outbox = new OutboxController<RegistrationEntry, Deal>(this, {
    key: () => this.#slot && outboxKeyOf(this.#slot),
    send: (entry, attempt) => sendRegistration(this.#clientOrWait(), entry, attempt),
    onSettled: (outcome, entry) => this.#settled(outcome, entry),
    // The element moved on to another deal meanwhile: a submission that is over takes its draft along.
    onSettledElsewhere: (slot, outcome) => {
      if (outcome.kind === 'sent') clearSlot(safeLocalStorage(), draftKeyOfOutbox(slot));
    },
  });
  readonly #conflicts = new DebouncedQueryController<ConflictQuery, ConflictReport>(this, {
    delay: CONFLICT_DELAY_MS,
    input: () => (this.client ? conflictQuery(this.values, this.#server?.id) : undefined),
    query: (query, signal) => this.client!.deals.checkConflicts(query, { signal }),
  });
  // Without the catalogue the amount is entered directly.
  readonly #products = new DataController(this, { client: () => this.client, key: () => 'products', load: (client) => client.listProducts() });
  readonly #deal = new DataController<Versioned<Deal> & { key: string }>(this, {
    client: () => this.client,
    key: () => this.#dealKey(),
    load: async (client, signal) => {
      const key = this.#dealKey()!;
      return { ...(await client.deals.get(this.dealId, { signal })), key };
    },
  });
  readonly #autosave = new SerialAutosave((signal) => this.#saveServerDraft(signal));

  readonly #onOnline = () => {
    if (this.#phase === 'editing' && this.#dirty) this.#autosave.schedule(0);
  };

  /** Whether the form shows one step at a time. */
  get stepped(): boolean {
    return this.layout === 'stepper' || (this.layout === 'auto' && !this.#width.atLeast(WIDE_PX));
  }

  get #phase(): Phase {
    if (this.submitted) return 'success';
    if (this.preparing || this.#outbox.status === 'sending') return 'sending';
    return this.#outbox.status === 'waiting' ? 'pending' : 'editing';
  }

  /** The edited deal's currency; for a new registration, the partner's. */
  get #currency(): string {
    return this.editing?.amount?.currency ?? this.editing?.lineItems[0]?.unitPrice.currency ?? this.l10n?.currency ?? 'EUR';
  }

  /** The client; without one (yet), a submission waits as it would offline. */
  #clientOrWait() {
    if (!this.client) throw new PartnerkitError({ kind: 'network', code: 'network', title: 'No client yet' });
    return this.client;
  }

  #dealKey(): string | undefined {
    return this.dealId && this.#slot ? `deal-edit:${this.dealId}:${this.#editSession}` : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    // Reconnected after a disconnect: pick up where the stored state says.
    if (this.hasUpdated) this.#initialize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.#autosave.cancel();
    this.#slot = undefined;
  }

  // Untyped map: the consumed properties are protected, so they are not keys of `this`.
  protected override willUpdate(changed: PropertyValues): void {
    // Before rendering, so a restored draft shows in the first render with the user known.
    if (changed.has('dealId') && this.#slot) {
      // Another deal (or a new registration) in the same element: its own stored state.
      this.#clearForm();
      this.#slot = undefined;
    }
    if ((changed.has('session') || changed.has('l10n') || changed.has('client') || changed.has('dealId')) && !this.#slot) this.#initialize();
    const loaded = this.#deal.value;
    if (loaded && !this.editing && loaded.key === this.#dealKey()) this.#fill(loaded);
  }

  // ---- stored state ----

  /** Restores the user's draft and resends a waiting submission, once the user is known. */
  #initialize(): void {
    if (this.#slot || !this.session || !this.l10n) return;
    this.#slot = slotOf(this.session.user.id, this.dealId);
    const draft = this.#draft.read();
    const waiting = this.#outbox.entry;
    if (draft && !this.#dirty && hasContent(draft.values, draft.lines)) {
      this.#fromDraft = true;
      this.values = { ...emptyValues(), ...draft.values };
      this.lines = draft.lines;
      this.step = Math.min(Math.max(0, draft.step | 0), LAST_STEP);
      this.#draftKey = draft.draftKey || newKey();
      this.#server = draft.server;
      if (!waiting) {
        this.#draft.restore();
        // The customer may have been registered since the draft was left.
        if (CONFLICT_FIELDS.some((name) => this.values[name as FieldName])) this.#conflicts.schedule();
      }
    } else if (this.#dirty) this.#saveLocal();
    if (waiting) {
      this.step = LAST_STEP;
      void this.#outbox.resume();
    }
  }

  /** The edited deal's fields, into the form unless a draft from the device is already there. */
  #fill({ data: deal, etag }: Versioned<Deal>): void {
    // Changed elsewhere since this device's copy was made: the current version wins.
    if (this.#fromDraft && !this.#draft.reconcile(this.#currentDraft(), etag)) {
      this.#fromDraft = false;
      if (!this.#dirty) this.#announce(this.#t('edit.copyReplaced'));
    }
    this.editing = deal;
    this.#statusAtLoad = deal.status;
    this.#server = { id: deal.id, etag };
    if (!isDealEditable(deal.status) && !this.#outbox.entry) {
      // Nothing left to edit: no copy of the customer's details stays on the device.
      this.#draft.discard();
      this.#fromDraft = false;
    }
    if (!this.#fromDraft && !this.#dirty) ({ values: this.values, lines: this.lines } = formOfDeal(deal, newKey));
  }

  #currentDraft(): RegistrationDraft {
    return { values: this.values, lines: this.lines, step: this.step, draftKey: this.#draftKey, server: this.#server };
  }

  #saveLocal(): void {
    if (!this.#slot) return;
    this.#draft.save(this.#currentDraft());
    this.dispatchEvent(new PkDealDraftSavedEvent({ where: 'local' }));
  }

  // ---- editing ----

  #onFieldEvent(event: Event): void {
    const control = event.target;
    if (!(control instanceof FormControl) || this.#phase !== 'editing') return;
    const value = valueOf(control);
    if (control.dataset.row !== undefined) {
      const lines = changeLine(this.lines, Number(control.dataset.row), control.name, value, (id) => listPrice(this.#products.value?.find((product) => product.id === id), this.#currency));
      if (lines) this.#changed({ lines });
      return;
    }
    const name = control.name as FieldName;
    if (!(name in this.values) || this.values[name] === value) return;
    this.#changed({ values: { ...this.values, [name]: value } });
    if (CONFLICT_FIELDS.includes(name)) this.#conflicts.schedule();
  }

  /** Something the user typed or chose changed: keep it. */
  #changed(change: { values?: FieldValues; lines?: LineRow[] }): void {
    if (change.values) this.values = change.values;
    if (change.lines) this.lines = change.lines;
    this.#dirty = true;
    this.#saveLocal();
    this.#autosave.schedule(SERVER_DRAFT_DELAY_MS);
  }

  async #addLine(): Promise<void> {
    this.#changed({ lines: [...this.lines, { key: newKey(), productId: '', quantity: '1', unitPrice: '' }] });
    await this.updateComplete;
    [...this.renderRoot.querySelectorAll<HTMLElement>('.line pk-select')].at(-1)?.focus();
  }

  async #removeLine(index: number): Promise<void> {
    this.#changed({ lines: this.lines.filter((_, position) => position !== index) });
    await this.updateComplete;
    (this.renderRoot.querySelectorAll<HTMLElement>('.line pk-select')[index] ?? this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
  }

  /** Saves what is valid so far as the server draft (the user's own; an edited deal only while a draft). */
  async #saveServerDraft(signal: AbortSignal): Promise<void> {
    const client = this.client;
    if (!client || !this.#slot || this.#phase !== 'editing' || !navigator.onLine) return;
    // A deal under review (information requested) changes on the server only when resubmitted.
    if (this.dealId && this.editing?.status !== 'draft') return;
    const valid = validNames(this.renderRoot);
    const fields = buildPayload(this.values, this.lines, { currency: this.#currency, digits: currencyDigits(this.#currency), include: (name) => valid.has(name) });
    if (!fields.customerCompany) return; // The server keeps no draft without a company.
    try {
      const server = await saveServerDraft(client, fields, this.#server, this.#draftKey, signal);
      if (signal.aborted) return;
      // Kept even when a submission started meanwhile: it submits this draft.
      this.#server = server;
      if (this.#phase !== 'editing') return;
      this.#saveLocal();
      this.dispatchEvent(new PkDealDraftSavedEvent({ where: 'server', dealId: server.id }));
      this.#announce(this.#t('draft.savedServer'));
    } catch (error) {
      // The draft stays on this device; the next change or reconnection tries again.
      if (!signal.aborted && isPartnerkitError(error) && error.status === 404) {
        this.#server = undefined;
        this.#draftKey = newKey();
      }
    }
  }

  // ---- steps and submission ----

  async #goTo(step: number, focus: 'heading' | FormControl = 'heading'): Promise<void> {
    this.step = step;
    if (this.#dirty || this.#fromDraft) this.#saveLocal();
    await this.updateComplete;
    if (focus === 'heading') sectionOf(this.renderRoot, step)?.querySelector<HTMLElement>('h3')?.focus();
    else {
      await focus.updateComplete;
      focus.focus();
    }
  }

  #next(): void {
    if (validateStep(this.renderRoot, this.step)) void this.#goTo(Math.min(this.step + 1, LAST_STEP));
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    if (this.#phase !== 'editing') return;
    if (this.stepped && this.step < LAST_STEP) this.#next();
    else void this.#submit();
  }

  async #submit(): Promise<void> {
    const invalid = firstInvalid(this.renderRoot);
    if (invalid) {
      if (this.stepped && this.step !== invalid.step) await this.#goTo(invalid.step, invalid.control);
      else {
        invalid.control.reportValidity();
        invalid.control.focus();
      }
      return;
    }
    this.formError = '';
    this.#autosave.cancel();
    this.preparing = true;
    await this.#autosave.settled();
    if (!this.preparing) return; // The form was cleared meanwhile.
    this.preparing = false;
    const payload = buildPayload(this.values, this.lines, { currency: this.#currency, digits: currencyDigits(this.#currency) });
    // An edited deal is changed only from the version the form was filled from.
    const ifMatch = this.dealId && this.#server?.etag ? { ifMatch: this.#server.etag } : {};
    await this.#outbox.submit({ payload, dealId: this.#server?.id, ...ifMatch });
  }

  async #settled(outcome: Exclude<OutboxOutcome<Deal>, { kind: 'skipped' }>, entry: RegistrationEntry): Promise<void> {
    if (outcome.kind === 'sent') return this.#succeed(outcome.result);
    if (outcome.kind === 'waiting') {
      this.step = LAST_STEP;
      return this.#announce(this.#t('pending.message'));
    }
    // Refused: this submission is over; what was typed stays for the user to correct.
    await this.updateComplete;
    const { error } = outcome;
    if (!(error instanceof VersionConflictError)) return this.#showError(error);
    // Changed on the server since the form was filled: nothing is overwritten unasked. The form
    // keeps what was typed and now stands on the current version, so submitting again replaces it.
    const current = (error as VersionConflictError<Deal>).current;
    if (current) {
      this.editing = current.data;
      this.#server = { id: entry.dealId!, etag: current.etag };
      this.#saveLocal();
    }
    this.formError = this.#t('edit.changedElsewhere');
  }

  #succeed(deal: Deal): void {
    this.#draft.discard();
    this.#server = undefined;
    this.#dirty = false;
    this.#fromDraft = false;
    this.resubmitted = this.#statusAtLoad === 'info_requested';
    if (this.dealId) this.editing = deal;
    this.submitted = deal;
    this.#conflicts.clear();
    this.#announce(this.#t('success.announce', { reference: deal.reference }));
    this.dispatchEvent(new PkDealSubmittedEvent({ deal }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#success-heading')?.focus());
  }

  /** Server field errors go beside their fields (the form moves to the first); anything else above the actions. */
  #showError(error: unknown): void {
    const l10n = this.l10n!;
    const fieldsMessage = l10n.t('registration.error.fields', { ns: 'deals' });
    const { first, unplaced } = placeFieldErrors(this.renderRoot, isPartnerkitError(error) ? error.fieldErrors : [], l10n.t('registration.error.field', { ns: 'deals' }));
    if (first) {
      this.formError = unplaced ? fieldsMessage : '';
      const step = stepOfField(first.name);
      if (this.stepped && step >= 0) void this.#goTo(step, first);
      else first.focus();
      return;
    }
    this.formError = isPartnerkitError(error) ? (error.status === 400 || error.status === 422 ? fieldsMessage : errorMessage(error, l10n)) : l10n.t('error.generic', { ns: 'common' });
  }

  // ---- draft notice, start over ----

  async #discard(): Promise<void> {
    const server = this.#server;
    const client = this.client;
    this.#reset();
    // The edit is dropped, never the deal: the form shows the server's fields again.
    this.#announce(this.#t(this.dealId ? 'edit.discarded' : 'draft.discarded'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.dealId ? '#title' : '#heading-customer')?.focus();
    // A new registration's server draft is withdrawn too, quietly: it must not linger as the partner's.
    if (this.dealId || !server || !client) return;
    try {
      const current = await client.deals.get(server.id);
      if (current.data.status === 'draft') await client.deals.transition(server.id, { action: 'withdraw' }, { ifMatch: current.etag });
    } catch {
      // It stays a draft on the server; nothing the user needs to act on.
    }
  }

  /** Forgets what the form holds and the device's draft of it. */
  #reset(): void {
    this.#draft.discard();
    this.#clearForm();
    for (const control of controlsIn(this.renderRoot)) control.form?.reset();
  }

  /** Empties the form in memory (work under way, values, notices); what is stored stays. */
  #clearForm(): void {
    this.#autosave.stop();
    this.#conflicts.clear();
    this.#outbox.reset();
    this.#draft.dismiss();
    this.#editSession = newKey();
    this.#draftKey = newKey();
    this.#server = undefined;
    this.#dirty = false;
    this.#fromDraft = false;
    this.#statusAtLoad = undefined;
    this.editing = undefined;
    this.values = emptyValues();
    this.lines = [];
    this.step = 0;
    this.formError = '';
    this.submitted = undefined;
    this.resubmitted = false;
    this.preparing = false;
  }

  async #registerAnother(): Promise<void> {
    this.#reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#heading-customer')?.focus();
  }

  #announce(text: string): void {
    // Cleared first, so the same sentence twice is announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  #t(key: string, variables: Record<string, unknown> = {}): string {
    return this.l10n ? this.l10n.t(`registration.${key}`, { ns: 'deals', ...variables }) : '';
  }

  // ---- rendering ----

  protected override render() {
    if (!this.l10n) return nothing;
    // Session aware: a role that may not register (a channel manager) is told so, not shown a form.
    if (this.session && !this.session.permissions.includes('deals:create')) {
      return html`<h2 id="title">${this.#t('title')}</h2>
        <p>${this.#t('notPermitted')}</p>`;
    }
    const title = !this.dealId ? this.#t('title') : this.editing ? this.#t('edit.title', { reference: this.editing.reference }) : this.#t('edit.heading');
    const view: RegistrationView = { l10n: this.l10n, t: (key, variables) => this.#t(key, variables), values: this.values, lines: this.lines, products: this.#products.value ?? [], currency: this.#currency };
    const another = this.dealId ? undefined : () => void this.#registerAnother();
    const edit = this.dealId
      ? renderEditState(view, { deal: this.editing, error: this.#deal.status === 'error' ? this.#deal.error : undefined, busy: this.#phase !== 'editing', onRetry: () => void this.#deal.refresh({ force: true }) })
      : undefined;
    return html`
      <h2 id="title" tabindex="-1">${title}</h2>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.submitted ? renderSuccess(view, this.submitted, { resubmitted: this.resubmitted, onAnother: another }) : (edit ?? this.#renderForm(view))}
    `;
  }

  #renderForm(view: RegistrationView): TemplateResult {
    const stepped = this.stepped;
    const phase = this.#phase;
    const hidden = (step: number) => stepped && this.step !== step;
    const restoredAt = this.#draft.restoredAt;
    return html`
      ${renderQuestion(view, this.editing)}
      ${restoredAt ? renderRestored(view, restoredAt, this.#t(this.dealId ? 'edit.discard' : 'action.discard'), () => void this.#discard()) : nothing}
      ${phase === 'pending' ? renderPending(view, () => void this.#outbox.retry()) : nothing}
      ${stepped ? html`<pk-stepper .steps=${STEPS.map((name) => this.#t(`steps.${name}`))} current=${this.step + 1} label=${this.#t('stepsLabel')}></pk-stepper>` : nothing}
      <form part="form" novalidate aria-labelledby="title" @submit=${this.#onSubmit} @input=${this.#onFieldEvent} @change=${this.#onFieldEvent}>
        <fieldset class="steps" ?disabled=${phase !== 'editing'}>
          ${renderCustomer(view, hidden(0), this.#conflicts.value?.conflicts ?? [])}
          ${renderOpportunity(view, hidden(1), { onAdd: () => void this.#addLine(), onRemove: (index) => void this.#removeLine(index) })} ${renderReview(view, hidden(2))}
        </fieldset>
        ${this.formError ? html`<pk-alert part="error" variant="danger">${this.formError}</pk-alert>` : nothing} ${this.#renderActions(stepped, phase)}
      </form>
    `;
  }

  #renderActions(stepped: boolean, phase: Phase): TemplateResult {
    const last = !stepped || this.step === LAST_STEP;
    const submit = html`<pk-button type="submit" ?loading=${phase === 'sending'}>${this.#t(this.editing?.status === 'info_requested' ? 'action.resubmit' : 'action.submit')}</pk-button>`;
    return html`<div part="actions">
      ${stepped && this.step > 0 ? html`<pk-button type="button" variant="secondary" ?disabled=${phase !== 'editing'} @click=${() => void this.#goTo(Math.max(this.step - 1, 0))}>${this.#t('action.back')}</pk-button>` : nothing}
      <div class="end">${last ? (phase === 'pending' ? nothing : submit) : html`<pk-button type="button" @click=${() => this.#next()}>${this.#t('action.next')}</pk-button>`}</div>
    </div>`;
  }
}

/** `detail` of `pk-deal-submitted`. */
export type DealSubmittedDetail = DealDetail;

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-registration': PkDealRegistration;
  }
}

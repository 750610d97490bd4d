import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ConflictQuery, type ConflictReport, type Deal, type Versioned } from '@partnerkit/api';
import { PortalElement } from '../core/portal-element.ts';
import { DataController } from '../core/data-controller.ts';
import { ContainerWidthController } from '../core/controllers/container-width-controller.ts';
import { DebouncedQueryController } from '../core/controllers/debounced-query-controller.ts';
import { VersionConflictError } from '../core/controllers/versioned-update.ts';
import { FormControl } from '../ui/form-control.ts';
import { dealRegistrationStyles } from './pk-deal-registration.styles.ts';
import { STEPS, listPrice, stepOfField, type FieldName } from './registration/deal-form-fields.ts';
import { EditedDeal } from './registration/edited-deal.ts';
import { controlsIn, firstInvalid, placeSubmissionError, reportAndFocus, sectionOf, validNames, validateStep, valueOf } from './registration/form-controls.ts';
import { RegistrationForm } from './registration/registration-form.ts';
import { renderForm, type FormPhase } from './registration/render-form.ts';
import { renderEditState, renderSuccess } from './registration/render-notices.ts';
import type { RegistrationView } from './registration/registration-view.ts';
import { ServerDraftAutosave, withdrawServerDraft } from './registration/server-draft.ts';
import { RegistrationStore, type SettledOutcome } from './registration/registration-store.ts';
import type { RegistrationEntry } from './registration/stored-state.ts';
import { CONFLICT_FIELDS, conflictQuery } from './registration/submission.ts';
import { PkDealDraftSavedEvent, PkDealSubmittedEvent } from './events.ts';
import { invalidate } from '../core/data-cache.ts';
import type { ElementDependencies } from '../core/define.ts';
import { dealsNamespace } from './locales.ts';
import { PkAlert } from '../ui/pk-alert.ts';
import { PkButton } from '../ui/pk-button.ts';
import { PkDateField } from '../ui/pk-date-field.ts';
import { PkErrorState } from '../ui/pk-error-state.ts';
import { PkMoneyField } from '../ui/pk-money-field.ts';
import { PkRadioGroup } from '../ui/pk-radio-group.ts';
import { PkSelect } from '../ui/pk-select.ts';
import { PkSkeleton } from '../ui/pk-skeleton.ts';
import { PkStepper } from '../ui/pk-stepper.ts';
import { PkTextField } from '../ui/pk-text-field.ts';
import { PkTextarea } from '../ui/pk-textarea.ts';
import { Announcer } from '../core/controllers/announcer.ts';


/** Quiet time after the last keystroke in company, domain or country before conflicts are checked. */
const CONFLICT_DELAY_MS = 400;
/** Quiet time after the last change before the draft is saved to the server. */
const SERVER_DRAFT_DELAY_MS = 2000;
/** Containers at least this wide show the form on one page (with `layout="auto"`). */
const WIDE_PX = 960;
const LAST_STEP = STEPS.length - 1;

export type RegistrationLayout = 'auto' | 'stepper' | 'single';


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
 * @fires pk-loaded - The edited deal (with `deal-id`) or the product catalogue arrived.
 * @fires pk-load-error - The edited deal or the catalogue could not be loaded; `detail.kind` says why.
 */
export class PkDealRegistration extends PortalElement {
  /** The elements it renders, registered with it. @internal */
  static dependencies: ElementDependencies = { 'pk-alert': PkAlert, 'pk-button': PkButton, 'pk-date-field': PkDateField, 'pk-error-state': PkErrorState, 'pk-money-field': PkMoneyField, 'pk-radio-group': PkRadioGroup, 'pk-select': PkSelect, 'pk-skeleton': PkSkeleton, 'pk-stepper': PkStepper, 'pk-text-field': PkTextField, 'pk-textarea': PkTextarea };
  /** Its strings' namespaces, loaded before it renders text. @internal */
  static override namespaces = [dealsNamespace];
  static override styles = dealRegistrationStyles;

  /** `auto`: steps in narrow containers, one page from 960px; `stepper` or `single` force one. */
  @property({ reflect: true }) layout: RegistrationLayout = 'auto';

  /** Id of an existing deal to edit and resubmit; empty (the default) registers a new deal. */
  @property({ attribute: 'deal-id' }) dealId = '';

  @state() private submitted: Deal | undefined;
  @state() private formError = '';
  /** The edited deal as the server last gave it (with `deal-id`). */
  @state() private editing: Deal | undefined;
  /** The last submission answered a channel manager's question. */
  @state() private resubmitted = false;
  /** Submitting: waiting for the server draft's save before the submission is stored and sent. */
  @state() private preparing = false;

  /** The edited deal's status when the form was filled. */
  #statusAtLoad: Deal['status'] | undefined;

  readonly #form = new RegistrationForm(this);
  readonly #announcer = new Announcer(this);
  readonly #width = new ContainerWidthController(this, { breakpoints: [WIDE_PX] });
  readonly #store = new RegistrationStore(this, { client: () => this.client, onSettled: (outcome, entry) => this.#settled(outcome, entry) });
  readonly #conflicts = new DebouncedQueryController<ConflictQuery, ConflictReport>(this, {
    delay: CONFLICT_DELAY_MS,
    input: () => (this.client ? conflictQuery(this.#form.values, this.#form.server?.id) : undefined),
    query: (query, signal) => this.client!.deals.checkConflicts(query, { signal }),
  });
  // Without the catalogue the amount is entered directly.
  readonly #products = new DataController(this, { client: () => this.client, key: () => 'products', load: (client) => client.listProducts() });
  readonly #deal = new EditedDeal(this, { client: () => this.client, dealId: () => (this.#store.open ? this.dealId : undefined) });
  readonly #autosave = new ServerDraftAutosave(this, {
    client: () => this.client,
    form: this.#form,
    // What is valid so far. A deal under review (information requested) changes on the server only when resubmitted.
    fields: () => (this.#store.open && this.#phase === 'editing' && navigator.onLine && (!this.dealId || this.editing?.status === 'draft') ? this.#form.payload(this.#currency, validNames(this.renderRoot)) : undefined),
    onSaved: (server) => {
      if (this.#phase !== 'editing') return;
      this.#saveLocal();
      // A new or changed server draft shows in any deal list on the page.
      if (this.client) invalidate(this.client, ['deals', `deal:${server.id}`]);
      this.dispatchEvent(new PkDealDraftSavedEvent({ where: 'server', dealId: server.id }));
      this.#announcer.announce(this.#t('draft.savedServer'));
    },
  });

  /** Whether the form shows one step at a time. */
  get stepped(): boolean {
    return this.layout === 'stepper' || (this.layout === 'auto' && !this.#width.atLeast(WIDE_PX));
  }

  get #phase(): FormPhase {
    if (this.preparing || this.#store.outbox.status === 'sending') return 'sending';
    return this.#store.outbox.status === 'waiting' ? 'pending' : 'editing';
  }

  /** The edited deal's currency; for a new registration, the partner's. */
  get #currency(): string {
    return this.editing?.amount?.currency ?? this.editing?.lineItems[0]?.unitPrice.currency ?? this.l10n?.currency ?? 'EUR';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a disconnect: pick up where the stored state says.
    if (this.hasUpdated) this.#initialize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#store.close();
  }

  // Untyped map: the consumed properties are protected, so they are not keys of `this`.
  protected override willUpdate(changed: PropertyValues): void {
    // Before rendering, so a restored draft shows in the first render with the user known.
    if (changed.has('dealId') && this.#store.open) {
      // Another deal (or a new registration) in the same element: its own stored state.
      this.#clearForm();
      this.#store.close();
    }
    if ((changed.has('session') || changed.has('l10n') || changed.has('client') || changed.has('dealId')) && !this.#store.open) this.#initialize();
    const loaded = this.#deal.loaded;
    if (loaded && !this.editing) this.#fill(loaded);
  }

  // ---- stored state ----

  /** Restores the user's draft and resends a waiting submission, once the user is known. */
  #initialize(): void {
    if (this.#store.open || !this.session || !this.l10n) return;
    const { restored, waiting } = this.#store.openFor(this.session.user.id, this.dealId, this.#form);
    // The customer may have been registered since the draft was left.
    if (restored && !waiting && CONFLICT_FIELDS.some((name) => this.#form.values[name as FieldName])) this.#conflicts.schedule();
    if (!restored && this.#form.dirty) this.#saveLocal();
    if (waiting) {
      this.#form.go(LAST_STEP);
      void this.#store.outbox.resume();
    }
  }

  /** The edited deal's fields, into the form unless a draft from the device is already there. */
  #fill(loaded: Versioned<Deal>): void {
    // Changed elsewhere since this device's copy was made: the current version wins.
    if (this.#store.adopt(loaded, this.#form).replaced && !this.#form.dirty) this.#announcer.announce(this.#t('edit.copyReplaced'));
    this.editing = loaded.data;
    this.#statusAtLoad = loaded.data.status;
  }

  #saveLocal(): void {
    if (!this.#store.open) return;
    this.#store.draft.save(this.#form.snapshot());
    this.dispatchEvent(new PkDealDraftSavedEvent({ where: 'local' }));
  }

  // ---- editing ----

  #onFieldEvent(event: Event): void {
    const control = event.target;
    if (!(control instanceof FormControl) || this.#phase !== 'editing') return;
    const changed = this.#form.take(control.name, control.dataset.row, valueOf(control), (id) => listPrice(this.#products.value?.find((product) => product.id === id), this.#currency));
    if (!changed) return;
    this.#changed();
    if (CONFLICT_FIELDS.includes(changed)) this.#conflicts.schedule();
  }

  /** Something the user typed or chose changed: keep it. */
  #changed(): void {
    this.#saveLocal();
    this.#autosave.schedule(SERVER_DRAFT_DELAY_MS);
  }

  /** A line added (focus on its product) or removed (focus on the next line's, or on Add). */
  async #changeLines(removed?: number): Promise<void> {
    if (removed === undefined) this.#form.addLine();
    else this.#form.removeLine(removed);
    this.#changed();
    await this.updateComplete;
    const products = [...this.renderRoot.querySelectorAll<HTMLElement>('.line pk-select')];
    (removed === undefined ? products.at(-1) : (products[removed] ?? this.renderRoot.querySelector<HTMLElement>('.add')))?.focus();
  }

  // ---- steps and submission ----

  async #goTo(step: number, focus: 'heading' | FormControl = 'heading'): Promise<void> {
    this.#form.go(step);
    if (this.#form.dirty || this.#form.fromDraft) this.#saveLocal();
    await this.updateComplete;
    if (focus === 'heading') sectionOf(this.renderRoot, step)?.querySelector<HTMLElement>('h3')?.focus();
    else await focus.updateComplete.then(() => focus.focus());
  }

  #next(): void {
    if (validateStep(this.renderRoot, this.#form.step)) void this.#goTo(Math.min(this.#form.step + 1, LAST_STEP));
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    if (this.#phase !== 'editing') return;
    if (this.stepped && this.#form.step < LAST_STEP) this.#next();
    else void this.#submit();
  }

  async #submit(): Promise<void> {
    const invalid = firstInvalid(this.renderRoot);
    if (invalid) return this.stepped && this.#form.step !== invalid.step ? this.#goTo(invalid.step, invalid.control) : reportAndFocus(invalid.control);
    this.formError = '';
    this.#autosave.cancel();
    this.preparing = true;
    await this.#autosave.settled();
    if (!this.preparing) return; // The form was cleared meanwhile.
    this.preparing = false;
    const payload = this.#form.payload(this.#currency);
    // An edited deal is changed only from the version the form was filled from.
    const ifMatch = this.dealId && this.#form.server?.etag ? { ifMatch: this.#form.server.etag } : {};
    await this.#store.outbox.submit({ payload, dealId: this.#form.server?.id, ...ifMatch });
  }

  async #settled(outcome: SettledOutcome, entry: RegistrationEntry): Promise<void> {
    if (outcome.kind === 'sent') return this.#succeed(outcome.result);
    if (outcome.kind === 'waiting') {
      this.#form.go(LAST_STEP);
      return this.#announcer.announce(this.#t('pending.message'));
    }
    // Refused: this submission is over; what was typed stays for the user to correct.
    await this.updateComplete;
    const { error } = outcome;
    if (!(error instanceof VersionConflictError)) return this.#showError(error);
    // Changed on the server since the form was filled: nothing is overwritten unasked. The form
    // keeps what was typed and now stands on the current version, so submitting again replaces it.
    const { current } = error as VersionConflictError<Deal>;
    if (current) {
      this.editing = current.data;
      this.#form.server = { id: entry.dealId!, etag: current.etag };
      this.#saveLocal();
    }
    this.formError = this.#t('edit.changedElsewhere');
  }

  #succeed(deal: Deal): void {
    this.#store.draft.discard();
    this.#form.submitted();
    this.resubmitted = this.#statusAtLoad === 'info_requested';
    if (this.dealId) this.editing = deal;
    this.submitted = deal;
    this.#conflicts.clear();
    this.#announcer.announce(this.#t('success.announce', { reference: deal.reference }));
    // Lists and details of this deal on the page refresh themselves.
    if (this.client) invalidate(this.client, ['deals', `deal:${deal.id}`]);
    this.dispatchEvent(new PkDealSubmittedEvent({ deal }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#success-heading')?.focus());
  }

  /** Server field errors go beside their fields (the form moves to the first); anything else above the actions. */
  #showError(error: unknown): void {
    const { message, first } = placeSubmissionError(this.renderRoot, error, this.l10n!);
    this.formError = message;
    const step = first ? stepOfField(first.name) : -1;
    if (first && this.stepped && step >= 0) void this.#goTo(step, first);
    else first?.focus();
  }

  // ---- draft notice, start over ----

  async #discard(): Promise<void> {
    const server = this.#form.server;
    const client = this.client;
    // The edit is dropped, never the deal: the form shows the server's fields again.
    await this.#startOver(this.#t(this.dealId ? 'edit.discarded' : 'draft.discarded'));
    // A new registration's server draft is withdrawn too.
    if (!this.dealId && server && client) await withdrawServerDraft(client, server.id);
  }

  /** Forgets what the form holds and the device's draft of it; focus goes to the top of the form. */
  async #startOver(announcement?: string): Promise<void> {
    this.#store.draft.discard();
    this.#clearForm();
    for (const control of controlsIn(this.renderRoot)) control.form?.reset();
    if (announcement) this.#announcer.announce(announcement);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(this.dealId ? '#title' : '#heading-customer')?.focus();
  }

  /** Empties the form in memory (work under way, values, notices); what is stored stays. */
  #clearForm(): void {
    this.#autosave.stop();
    this.#conflicts.clear();
    this.#store.outbox.reset();
    this.#store.draft.dismiss();
    this.#form.clear();
    this.#deal.reopen();
    this.#statusAtLoad = undefined;
    this.editing = undefined;
    this.formError = '';
    this.submitted = undefined;
    this.resubmitted = false;
    this.preparing = false;
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
    const view: RegistrationView = { l10n: this.l10n, t: (key, variables) => this.#t(key, variables), values: this.#form.values, lines: this.#form.lines, products: this.#products.value ?? [], currency: this.#currency };
    const phase = this.#phase;
    const edit = this.dealId && !this.submitted ? renderEditState(view, { deal: this.editing, error: this.#deal.error, busy: phase !== 'editing', onRetry: () => this.#deal.retry() }) : undefined;
    return html`
      <h2 id="title" tabindex="-1">${title}</h2>
      ${this.#announcer.region()}
      ${this.submitted
        ? renderSuccess(view, this.submitted, { resubmitted: this.resubmitted, onAnother: this.dealId ? undefined : () => void this.#startOver() })
        : (edit ??
          renderForm(view, { phase, stepped: this.stepped, step: this.#form.step, deal: this.editing, restoredAt: this.#store.draft.restoredAt, conflicts: this.#conflicts.value?.conflicts ?? [], error: this.formError, discardLabel: this.#t(this.dealId ? 'edit.discard' : 'action.discard') }, this.#actions))}
    `;
  }

  readonly #actions = {
    onSubmit: (event: Event) => this.#onSubmit(event),
    onField: (event: Event) => this.#onFieldEvent(event),
    onDiscard: () => void this.#discard(),
    onRetry: () => void this.#store.outbox.retry(),
    onBack: () => void this.#goTo(Math.max(this.#form.step - 1, 0)),
    onNext: () => this.#next(),
    onAddLine: () => void this.#changeLines(),
    onRemoveLine: (index: number) => void this.#changeLines(index),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-registration': PkDealRegistration;
  }
}

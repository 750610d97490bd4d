import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isPartnerkitError, type ConflictReport, type Deal, type PartnerkitClient, type PartnerkitError, type Product } from '@partnerkit/api';
import { PortalElement } from '../core/portal-element.ts';
import { asPartnerkitError, errorMessage } from '../core/error-message.ts';
import { countryName, formatDate, formatElapsed, formatList, formatMoney, formatPercent } from '../core/format.ts';
import { FormControl } from '../ui/form-control.ts';
import { currencyDigits } from '../ui/money-input.ts';
import type { ChoiceOption } from '../ui/choice-options.ts';
import { dealRegistrationStyles } from './pk-deal-registration.styles.ts';
import {
  COMPANY_SIZES,
  DEAL_TYPES,
  PARTNER_ROLES,
  STAGES,
  STEPS,
  buildPayload,
  EDITABLE_STATUSES,
  countryOptions,
  emptyValues,
  fieldOfPointer,
  formOfDeal,
  hasContent,
  lineTotal,
  linesTotal,
  listPrice,
  stepOfField,
  today,
  type FieldName,
  type FieldValues,
  type LineRow,
} from './registration/deal-form-fields.ts';
import { DraftStore, newKey, type OutboxEntry, type StoredDraft } from './registration/draft-store.ts';
import { PkDealDraftSavedEvent, PkDealSubmittedEvent, type DealDetail, type DraftSavedDetail } from './events.ts';
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

type Conflict = ConflictReport['conflicts'][number];

/** Quiet time after the last keystroke in company, domain or country before conflicts are checked. */
const CONFLICT_DELAY_MS = 400;
/** Quiet time after the last change before the draft is saved to the server. */
const SERVER_DRAFT_DELAY_MS = 2000;
/** Containers at least this wide show the form on one page (with `layout="auto"`). */
const WIDE_PX = 960;

const CONTROLS = 'pk-text-field, pk-select, pk-money-field, pk-date-field, pk-textarea, pk-radio-group, pk-checkbox';
const CONFLICT_FIELDS: readonly string[] = ['customerCompany', 'customerDomain', 'customerCountry'];

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
  /** The elements it renders, registered with it. @internal */
  static dependencies: ElementDependencies = { 'pk-alert': PkAlert, 'pk-button': PkButton, 'pk-date-field': PkDateField, 'pk-error-state': PkErrorState, 'pk-money-field': PkMoneyField, 'pk-radio-group': PkRadioGroup, 'pk-select': PkSelect, 'pk-skeleton': PkSkeleton, 'pk-stepper': PkStepper, 'pk-text-field': PkTextField, 'pk-textarea': PkTextarea };
  /** Its strings' namespaces, loaded before it renders text. @internal */
  static override namespaces = [dealsNamespace];
  static override styles = dealRegistrationStyles;

  /** `auto`: steps in narrow containers, one page from 960px; `stepper` or `single` force one. */
  @property({ reflect: true }) layout: RegistrationLayout = 'auto';

  /** Id of an existing deal to edit and resubmit; empty (the default) registers a new deal. */
  @property({ attribute: 'deal-id' }) dealId = '';




  @state() private step = 0;
  @state() private values: FieldValues = emptyValues();
  @state() private lines: LineRow[] = [];
  @state() private products: Product[] = [];
  @state() private phase: Phase = 'editing';
  @state() private conflicts: Conflict[] = [];
  @state() private restoredAt: string | undefined;
  @state() private announcement = '';
  @state() private submitted: Deal | undefined;
  @state() private formError = '';
  @state() private wide = false;
  /** The edited deal as the server last gave it (with `deal-id`). */
  @state() private editing: Deal | undefined;
  @state() private loadError: PartnerkitError | undefined;
  /** The last submission answered a channel manager's question. */
  @state() private resubmitted = false;

  #store: DraftStore | undefined;
  #draftKey = newKey();
  #server: StoredDraft['server'];
  #dirty = false;
  /** The form holds a draft restored from the device rather than the server's fields. */
  #fromDraft = false;
  /** The deal id whose fields were last asked for. */
  #dealRequested: string | undefined;
  /** The edited deal's status when the form was filled. */
  #statusAtLoad: Deal['status'] | undefined;
  #productsFor: PartnerkitClient | undefined;
  #conflictTimer: ReturnType<typeof setTimeout> | undefined;
  #conflictAbort: AbortController | undefined;
  #draftTimer: ReturnType<typeof setTimeout> | undefined;
  #serverSave: Promise<void> | undefined;
  #sending = false;
  /** Counts the forms this element has held: work started for an earlier one must not touch the current one. */
  #generation = 0;
  #resize: ResizeObserver | undefined;

  readonly #onOnline = () => {
    if (this.phase === 'pending') void this.#resend();
    else if (this.phase === 'editing' && this.#dirty) this.#scheduleServerDraft(0);
  };

  /** Whether the form shows one step at a time. */
  get stepped(): boolean {
    return this.layout === 'stepper' || (this.layout === 'auto' && !this.wide);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    this.#resize = new ResizeObserver(([entry]) => {
      const wide = (entry?.contentBoxSize?.[0]?.inlineSize ?? entry?.contentRect.width ?? 0) >= WIDE_PX;
      if (wide !== this.wide) this.wide = wide;
    });
    this.#resize.observe(this);
    // Reconnected after a disconnect: pick up where the stored state says.
    if (this.hasUpdated) this.#initialize();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.#resize?.disconnect();
    clearTimeout(this.#conflictTimer);
    this.#conflictAbort?.abort();
    if (this.#draftTimer !== undefined) {
      clearTimeout(this.#draftTimer);
      this.#draftTimer = undefined;
    }
    this.#store = undefined;
  }

  // Untyped maps: the consumed properties are protected, so they are not keys of `this`.
  protected override willUpdate(changed: PropertyValues): void {
    // Before rendering, so a restored draft shows in the first render with the user known.
    if (changed.has('dealId') && this.#store) {
      // Another deal (or a new registration) in the same element: its own stored state.
      this.#clearForm();
      this.#store = undefined;
    }
    if ((changed.has('session') || changed.has('l10n') || changed.has('client') || changed.has('dealId')) && !this.#store) this.#initialize();
  }

  protected override updated(): void {
    if (this.client && this.#productsFor !== this.client) void this.#loadProducts(this.client);
    if (this.dealId && this.client && this.#store && this.#dealRequested !== this.dealId) void this.#loadDeal(this.client, this.dealId);
  }

  // ---- stored state ----

  /** Restores the user's draft and resends a waiting submission, once the user is known. */
  #initialize(): void {
    if (this.#store || !this.session || !this.l10n) return;
    this.#store = new DraftStore(this.session.user.id, this.dealId);
    const draft = this.#store.loadDraft();
    const outbox = this.#store.loadOutbox();
    if (draft && !this.#dirty && hasContent(draft.values, draft.lines)) {
      this.#fromDraft = true;
      this.values = { ...emptyValues(), ...draft.values };
      this.lines = draft.lines;
      this.step = Math.min(Math.max(0, draft.step | 0), STEPS.length - 1);
      this.#draftKey = draft.draftKey || newKey();
      this.#server = draft.server;
      if (!outbox) {
        this.restoredAt = draft.savedAt;
        // The customer may have been registered since the draft was left.
        if (CONFLICT_FIELDS.some((name) => this.values[name as FieldName])) this.#scheduleConflictCheck();
      }
    } else if (this.#dirty) {
      this.#saveLocal();
    }
    if (outbox) {
      this.phase = 'pending';
      this.step = STEPS.length - 1;
      void this.#resend();
    }
  }

  /** The edited deal's fields, into the form unless a draft from the device is already there. */
  async #loadDeal(client: PartnerkitClient, id: string): Promise<void> {
    const generation = this.#generation;
    this.#dealRequested = id;
    this.loadError = undefined;
    try {
      const { data: deal, etag } = await client.deals.get(id);
      if (generation !== this.#generation) return;
      const store = this.#store;
      const copyVersion = this.#fromDraft ? this.#server?.etag : undefined;
      this.editing = deal;
      this.#statusAtLoad = deal.status;
      this.#server = { id: deal.id, etag };
      if (this.#fromDraft && copyVersion !== etag) {
        // Changed elsewhere since this device's copy was made: the current version wins.
        store?.clearDraft();
        this.#fromDraft = false;
        this.restoredAt = undefined;
        if (!this.#dirty) this.#announce(this.#t('edit.copyReplaced'));
      }
      if (!EDITABLE_STATUSES.includes(deal.status) && !store?.loadOutbox()) {
        // Nothing left to edit: no copy of the customer's details stays on the device.
        store?.clearDraft();
        this.#fromDraft = false;
      }
      if (!this.#fromDraft && !this.#dirty) {
        const form = formOfDeal(deal, newKey);
        this.values = form.values;
        this.lines = form.lines;
      }
    } catch (error) {
      if (generation === this.#generation) this.loadError = asPartnerkitError(error);
    }
  }

  #retryLoad(): void {
    this.#dealRequested = undefined;
    this.loadError = undefined;
  }

  #saveLocal(): void {
    if (!this.#store) return;
    this.#store.saveDraft({ savedAt: new Date().toISOString(), values: this.values, lines: this.lines, step: this.step, draftKey: this.#draftKey, server: this.#server });
    this.#emitSaved({ where: 'local' });
  }

  #emitSaved(detail: DraftSavedDetail): void {
    this.dispatchEvent(new PkDealDraftSavedEvent(detail));
  }

  async #loadProducts(client: PartnerkitClient): Promise<void> {
    this.#productsFor = client;
    try {
      const products = await client.listProducts();
      if (this.client === client) this.products = products;
    } catch {
      // Without the catalogue the amount is entered directly.
    }
  }

  // ---- editing ----

  #onFieldEvent(event: Event): void {
    const control = event.target;
    if (!(control instanceof FormControl) || this.phase !== 'editing') return;
    const value = control.localName === 'pk-money-field' ? (control as FormControl & { amount: string }).amount : String((control as FormControl & { value: unknown }).value ?? '');
    const row = control.dataset.row;
    if (row !== undefined) {
      this.#onLineChange(Number(row), control.name, value);
      return;
    }
    const name = control.name as FieldName;
    if (!(name in this.values) || this.values[name] === value) return;
    this.values = { ...this.values, [name]: value };
    this.#changed();
    if (CONFLICT_FIELDS.includes(name)) this.#scheduleConflictCheck();
  }

  #onLineChange(index: number, name: string, value: string): void {
    const line = this.lines[index];
    if (!line) return;
    const next = { ...line };
    if (name === 'productId') {
      if (line.productId === value) return;
      next.productId = value;
      const price = listPrice(this.products.find((product) => product.id === value), this.#currency);
      if (price) next.unitPrice = price;
    } else if (name === 'quantity' || name === 'unitPrice') {
      if (line[name] === value) return;
      next[name] = value;
    } else return;
    this.lines = this.lines.map((candidate, position) => (position === index ? next : candidate));
    this.#changed();
  }

  /** Something the user typed or chose changed: keep it. */
  #changed(): void {
    this.#dirty = true;
    this.#saveLocal();
    this.#scheduleServerDraft();
  }

  async #addLine(): Promise<void> {
    this.lines = [...this.lines, { key: newKey(), productId: '', quantity: '1', unitPrice: '' }];
    this.#changed();
    await this.updateComplete;
    const rows = this.renderRoot.querySelectorAll<HTMLElement>('.line pk-select');
    rows[rows.length - 1]?.focus();
  }

  async #removeLine(index: number): Promise<void> {
    this.lines = this.lines.filter((_, position) => position !== index);
    this.#changed();
    await this.updateComplete;
    const next = this.renderRoot.querySelectorAll<HTMLElement>('.line pk-select')[index] ?? this.renderRoot.querySelector<HTMLElement>('.add');
    next?.focus();
  }

  /** The edited deal's currency; for a new registration, the partner's. */
  get #currency(): string {
    return this.editing?.amount?.currency ?? this.editing?.lineItems[0]?.unitPrice.currency ?? this.l10n?.currency ?? 'EUR';
  }

  // ---- conflicts ----

  #scheduleConflictCheck(): void {
    clearTimeout(this.#conflictTimer);
    this.#conflictTimer = setTimeout(() => void this.#checkConflicts(), CONFLICT_DELAY_MS);
  }

  async #checkConflicts(): Promise<void> {
    this.#conflictAbort?.abort();
    const client = this.client;
    const company = this.values.customerCompany.trim();
    const domain = this.values.customerDomain.trim();
    const country = this.values.customerCountry;
    if (!client || (company.length < 2 && !domain)) {
      this.conflicts = [];
      return;
    }
    const abort = new AbortController();
    this.#conflictAbort = abort;
    try {
      const report = await client.deals.checkConflicts(
        {
          ...(company.length >= 2 ? { company: company.slice(0, 200) } : {}),
          ...(domain ? { domain: domain.slice(0, 253) } : {}),
          ...(/^[A-Z]{2}$/.test(country) ? { country } : {}),
          ...(this.#server?.id ? { excludeDealId: this.#server.id } : {}),
        },
        { signal: abort.signal },
      );
      if (!abort.signal.aborted) this.conflicts = report.conflicts;
    } catch {
      // A check that fails says nothing; the channel manager checks again on review.
    }
  }

  // ---- server draft ----

  #scheduleServerDraft(delay = SERVER_DRAFT_DELAY_MS): void {
    if (this.#draftTimer !== undefined) clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => {
      this.#draftTimer = undefined;
      void this.#saveServerDraft();
    }, delay);
  }

  /** Saves what is valid so far as a server draft: created once (one key per draft), then updated with If-Match. */
  #saveServerDraft(): Promise<void> {
    const client = this.client;
    if (!client || !this.#store || this.phase !== 'editing' || !navigator.onLine) return Promise.resolve();
    // A deal under review (information requested) changes on the server only when resubmitted.
    if (this.dealId && this.editing?.status !== 'draft') return Promise.resolve();
    const valid = this.#validNames();
    const fields = buildPayload(this.values, this.lines, { currency: this.#currency, digits: currencyDigits(this.#currency), include: (name) => valid.has(name) });
    if (!fields.customerCompany) return Promise.resolve(); // The server keeps no draft without a company.
    const generation = this.#generation;
    const previous = this.#serverSave ?? Promise.resolve();
    const save = previous.then(async () => {
      if (generation !== this.#generation) return;
      try {
        if (!this.#server) {
          const deal = await client.deals.create({ ...fields, submit: false }, { idempotencyKey: this.#draftKey });
          if (generation !== this.#generation) return;
          this.#server = { id: deal.id };
        } else {
          const server = this.#server;
          const etag = server.etag ?? (await client.deals.get(server.id)).etag;
          let answer;
          try {
            answer = await client.deals.update(server.id, fields, { ifMatch: etag });
          } catch (error) {
            if (!isPartnerkitError(error) || error.status !== 412) throw error;
            // Changed elsewhere since our last answer: take the fresh version and try once more.
            const fresh = await client.deals.get(server.id);
            answer = await client.deals.update(server.id, fields, { ifMatch: fresh.etag });
          }
          server.etag = answer.etag;
        }
        if (generation !== this.#generation || this.phase !== 'editing') return;
        this.#saveLocal();
        this.#emitSaved({ where: 'server', dealId: this.#server.id });
        this.#announce(this.#t('draft.savedServer'));
      } catch (error) {
        // The draft stays on this device; the next change or reconnection tries again.
        if (generation === this.#generation && isPartnerkitError(error) && error.status === 404) {
          this.#server = undefined;
          this.#draftKey = newKey();
        }
      }
    });
    this.#serverSave = save;
    return save;
  }

  /** Names of the fields whose controls hold a valid, non-empty value. */
  #validNames(): Set<string> {
    const valid = new Set<string>();
    let linesValid = true;
    for (const control of this.#controls(this.renderRoot)) {
      const ok = control.validity.valid;
      if (control.dataset.row !== undefined) linesValid &&= ok;
      else if (ok) valid.add(control.name);
    }
    if (linesValid) valid.add('lineItems');
    return valid;
  }

  // ---- steps and validation ----

  #controls(root: ParentNode): FormControl[] {
    return [...root.querySelectorAll(CONTROLS)].filter((element): element is FormControl => element instanceof FormControl);
  }

  #section(step: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`section[data-step="${STEPS[step]}"]`);
  }

  /** Validates a step's controls: shows every error beside its field and focuses the first. */
  #validateStep(step: number): boolean {
    const section = this.#section(step);
    if (!section) return true;
    const invalid = this.#controls(section).filter((control) => !control.checkValidity());
    const first = invalid[0];
    if (!first) return true;
    first.reportValidity();
    first.focus();
    return false;
  }

  async #goTo(step: number, focus: 'heading' | FormControl = 'heading'): Promise<void> {
    this.step = step;
    if (this.#store && (this.#dirty || this.#fromDraft)) this.#saveLocal();
    await this.updateComplete;
    if (focus === 'heading') this.#section(step)?.querySelector<HTMLElement>('h3')?.focus();
    else {
      await focus.updateComplete;
      focus.focus();
    }
  }

  #next(): void {
    if (!this.#validateStep(this.step)) return;
    void this.#goTo(Math.min(this.step + 1, STEPS.length - 1));
  }

  #back(): void {
    void this.#goTo(Math.max(this.step - 1, 0));
  }

  #onSubmit(event: Event): void {
    event.preventDefault();
    if (this.phase !== 'editing') return;
    if (this.stepped && this.step < STEPS.length - 1) {
      this.#next();
      return;
    }
    void this.#submit();
  }

  /** Validates every step: shows each error beside its field, goes to the first invalid one's step and focuses it. */
  async #validateAll(): Promise<boolean> {
    let first: FormControl | undefined;
    let firstStep = -1;
    for (let step = 0; step < STEPS.length - 1; step += 1) {
      const section = this.#section(step);
      if (!section) continue;
      for (const control of this.#controls(section)) {
        if (!control.checkValidity() && !first) {
          first = control;
          firstStep = step;
        }
      }
    }
    if (!first) return true;
    if (this.stepped && this.step !== firstStep) await this.#goTo(firstStep, first);
    else {
      first.reportValidity();
      first.focus();
    }
    return false;
  }

  // ---- submission ----

  async #submit(): Promise<void> {
    if (this.#sending || !(await this.#validateAll())) return;
    this.formError = '';
    if (this.#draftTimer !== undefined) {
      clearTimeout(this.#draftTimer);
      this.#draftTimer = undefined;
    }
    this.#sending = true;
    this.phase = 'sending';
    const generation = this.#generation;
    await this.#serverSave?.catch(() => {});
    if (generation !== this.#generation) return;
    const payload = buildPayload(this.values, this.lines, { currency: this.#currency, digits: currencyDigits(this.#currency) });
    const entry: OutboxEntry = {
      key: newKey(),
      payload,
      dealId: this.#server?.id,
      // An edited deal is changed only from the version the form was filled from.
      ...(this.dealId && this.#server?.etag ? { ifMatch: this.#server.etag } : {}),
      attempts: 0,
      createdAt: new Date().toISOString(),
    };
    // In the outbox before it leaves: a reload or a lost answer cannot lose or duplicate it.
    this.#store?.saveOutbox(entry);
    this.#sending = false;
    await this.#send(entry);
  }

  /** Sends the waiting submission again (same Idempotency-Key). */
  async #resend(): Promise<void> {
    const entry = this.#store?.loadOutbox();
    if (!entry) {
      if (this.phase === 'pending') this.phase = 'editing';
      return;
    }
    await this.#send(entry);
  }

  async #send(entry: OutboxEntry): Promise<void> {
    const client = this.client;
    const store = this.#store;
    if (this.#sending || !client || !store) return;
    const generation = this.#generation;
    this.#sending = true;
    this.phase = 'sending';
    const retry = entry.attempts > 0;
    entry.attempts += 1;
    store.saveOutbox(entry);
    try {
      const deal = entry.dealId ? await this.#submitDraft(client, store, entry.dealId, entry, retry) : await client.deals.create(entry.payload, { idempotencyKey: entry.key });
      if (generation !== this.#generation) {
        // The element moved on to another deal meanwhile: this one's stored state is done with.
        store.clearOutbox();
        store.clearDraft();
        return;
      }
      this.#succeed(deal);
    } catch (error) {
      if (generation !== this.#generation) {
        if (!transient(error)) store.clearOutbox();
        return;
      }
      if (transient(error)) {
        this.phase = 'pending';
        this.step = STEPS.length - 1;
        this.#announce(this.#t('pending.message'));
      } else {
        // Refused: this submission is over; what was typed stays for the user to correct.
        store.clearOutbox();
        this.phase = 'editing';
        await this.updateComplete;
        if (entry.ifMatch && isPartnerkitError(error) && error.status === 412) await this.#changedElsewhere(client, entry.dealId!);
        else this.#showError(error);
      }
    } finally {
      if (generation === this.#generation) this.#sending = false;
    }
  }

  /**
   * The edited deal changed on the server since the form was filled: nothing is overwritten
   * unasked. The form keeps what was typed and now stands on the current version, so submitting
   * again replaces it knowingly; Discard changes shows the current version instead.
   */
  async #changedElsewhere(client: PartnerkitClient, dealId: string): Promise<void> {
    const generation = this.#generation;
    try {
      const { data, etag } = await client.deals.get(dealId);
      if (generation !== this.#generation) return;
      this.editing = data;
      this.#server = { id: dealId, etag };
      this.#saveLocal();
    } catch {
      // The next submission finds out again.
    }
    this.formError = this.#t('edit.changedElsewhere');
  }

  /**
   * Submits an existing deal: its fields with If-Match, then the `submit` transition. An edited
   * deal is updated only from the version the form was filled from (a 412 goes to the user); the
   * user's own server draft from whatever version it has now.
   */
  async #submitDraft(client: PartnerkitClient, store: DraftStore, dealId: string, entry: OutboxEntry, retry: boolean): Promise<Deal> {
    const current = await client.deals.get(dealId);
    // A retry whose earlier attempt went through (only the answer was lost): done.
    if (retry && !EDITABLE_STATUSES.includes(current.data.status)) return current.data;
    let updated;
    try {
      updated = await client.deals.update(dealId, entry.payload, { ifMatch: entry.ifMatch ?? current.etag });
    } catch (error) {
      if (entry.ifMatch || !isPartnerkitError(error) || error.status !== 412) throw error;
      const fresh = await client.deals.get(dealId);
      updated = await client.deals.update(dealId, entry.payload, { ifMatch: fresh.etag });
    }
    if (entry.ifMatch) {
      // Our own update is the version a retry starts from.
      entry.ifMatch = updated.etag;
      store.saveOutbox(entry);
    }
    return (await client.deals.transition(dealId, { action: 'submit' }, { ifMatch: updated.etag })).data;
  }

  #succeed(deal: Deal): void {
    this.#store?.clearOutbox();
    this.#store?.clearDraft();
    this.#server = undefined;
    this.#dirty = false;
    this.#fromDraft = false;
    this.resubmitted = this.#statusAtLoad === 'info_requested';
    if (this.dealId) this.editing = deal;
    this.submitted = deal;
    this.phase = 'success';
    this.restoredAt = undefined;
    this.conflicts = [];
    this.#announce(this.#t('success.announce', { reference: deal.reference }));
    this.dispatchEvent(new PkDealSubmittedEvent({ deal }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#success-heading')?.focus());
  }

  /** Server field errors go beside their fields (the form moves to the first); anything else above the actions. */
  #showError(error: unknown): void {
    const l10n = this.l10n!;
    const fieldErrors = isPartnerkitError(error) ? error.fieldErrors : [];
    let first: FormControl | undefined;
    let unplaced = false;
    for (const fieldError of fieldErrors) {
      const target = fieldOfPointer(fieldError.field);
      const control = target ? this.#controlFor(target.name, target.row) : undefined;
      if (!control) {
        unplaced = true;
        continue;
      }
      control.error = fieldError.message || l10n.t('registration.error.field', { ns: 'deals' });
      first ??= control;
    }
    if (first) {
      this.formError = unplaced ? l10n.t('registration.error.fields', { ns: 'deals' }) : '';
      const step = stepOfField(first.name);
      if (this.stepped && step >= 0) void this.#goTo(step, first);
      else first.focus();
      return;
    }
    this.formError = isPartnerkitError(error) ? (error.status === 400 || error.status === 422 ? l10n.t('registration.error.fields', { ns: 'deals' }) : errorMessage(error, l10n)) : l10n.t('error.generic', { ns: 'common' });
  }

  #controlFor(name: string, row: number | undefined): FormControl | undefined {
    const controls = this.#controls(this.renderRoot);
    if (row !== undefined) return controls.find((control) => control.dataset.row === String(row) && control.name === name);
    if (name === 'lineItems') return controls.find((control) => control.dataset.row !== undefined);
    return controls.find((control) => control.dataset.row === undefined && control.name === name);
  }

  // ---- draft notice, start over ----

  async #discard(): Promise<void> {
    if (this.dealId) {
      // The edit is dropped, never the deal: the form shows the server's fields again.
      this.#reset();
      this.#announce(this.#t('edit.discarded'));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
      return;
    }
    const server = this.#server;
    const client = this.client;
    this.#reset();
    this.#announce(this.#t('draft.discarded'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`section[data-step="${STEPS[0]}"] h3`)?.focus();
    // The server draft is withdrawn too, quietly: it must not linger as the partner's.
    if (server && client) {
      try {
        const current = await client.deals.get(server.id);
        if (current.data.status === 'draft') await client.deals.transition(server.id, { action: 'withdraw' }, { ifMatch: current.etag });
      } catch {
        // It stays a draft on the server; nothing the user needs to act on.
      }
    }
  }

  /** Forgets what the form holds and the device's draft of it. */
  #reset(): void {
    this.#store?.clearDraft();
    this.#clearForm();
    for (const control of this.#controls(this.renderRoot)) control.form?.reset();
  }

  /** Empties the form in memory (timers, values, notices); what is stored stays. */
  #clearForm(): void {
    this.#generation += 1;
    this.#sending = false;
    this.#serverSave = undefined;
    if (this.#draftTimer !== undefined) clearTimeout(this.#draftTimer);
    this.#draftTimer = undefined;
    clearTimeout(this.#conflictTimer);
    this.#conflictAbort?.abort();
    this.#draftKey = newKey();
    this.#server = undefined;
    this.#dirty = false;
    this.#fromDraft = false;
    this.#dealRequested = undefined;
    this.#statusAtLoad = undefined;
    this.editing = undefined;
    this.loadError = undefined;
    this.values = emptyValues();
    this.lines = [];
    this.step = 0;
    this.conflicts = [];
    this.restoredAt = undefined;
    this.formError = '';
    this.submitted = undefined;
    this.resubmitted = false;
    this.phase = 'editing';
  }

  async #registerAnother(): Promise<void> {
    this.#reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`section[data-step="${STEPS[0]}"] h3`)?.focus();
  }

  // ---- live region ----

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
    return html`
      <h2 id="title" tabindex="-1">${title}</h2>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.phase === 'success' && this.submitted ? this.#renderSuccess(this.submitted) : this.dealId ? this.#renderEdit() : this.#renderForm()}
    `;
  }

  /** An existing deal: loading, failed, no longer editable, or its form. */
  #renderEdit(): TemplateResult {
    const l10n = this.l10n!;
    if (this.loadError && !this.editing) {
      return html`<pk-error-state request-id=${this.loadError.requestId ?? ''} @pk-retry=${() => this.#retryLoad()}>${errorMessage(this.loadError, l10n)}</pk-error-state>`;
    }
    const deal = this.editing;
    if (!deal) {
      return html`<p class="visually-hidden" role="status">${this.#t('edit.loading')}</p>
        <pk-skeleton lines="6"></pk-skeleton>`;
    }
    if (!EDITABLE_STATUSES.includes(deal.status) && this.phase === 'editing') {
      return html`<pk-alert part="notice" variant="info">${this.#t('edit.notEditable', { status: l10n.t(`status.${deal.status}`, { ns: 'deals' }) })}</pk-alert>`;
    }
    return this.#renderForm(deal);
  }

  #renderForm(deal?: Deal): TemplateResult {
    const stepped = this.stepped;
    const busy = this.phase !== 'editing';
    const labels = STEPS.map((name) => this.#t(`steps.${name}`));
    const question = deal?.status === 'info_requested' && deal.decisionReason;
    return html`
      ${question
        ? html`<pk-alert part="question" class="notice" variant="info"><strong slot="heading">${this.#t('edit.question')}</strong>${question}</pk-alert>`
        : nothing}
      ${this.restoredAt ? this.#renderRestored(this.restoredAt) : nothing} ${this.phase === 'pending' ? this.#renderPending() : nothing}
      ${stepped ? html`<pk-stepper .steps=${labels} current=${this.step + 1} label=${this.#t('stepsLabel')}></pk-stepper>` : nothing}
      <form part="form" novalidate aria-labelledby="title" @submit=${this.#onSubmit} @input=${this.#onFieldEvent} @change=${this.#onFieldEvent}>
        <fieldset class="steps" ?disabled=${busy}>
          ${this.#renderCustomer(stepped && this.step !== 0)} ${this.#renderOpportunity(stepped && this.step !== 1)}
          ${this.#renderReview(stepped && this.step !== 2)}
        </fieldset>
        ${this.formError ? html`<pk-alert part="error" variant="danger">${this.formError}</pk-alert>` : nothing} ${this.#renderActions(stepped)}
      </form>
    `;
  }

  #renderRestored(savedAt: string): TemplateResult {
    const l10n = this.l10n!;
    return html`<pk-alert part="notice" class="notice" variant="info">
      ${this.#t('draft.restored', { when: formatElapsed(savedAt, l10n.locale) })}
      <pk-button slot="actions" type="button" variant="secondary" size="small" @click=${() => void this.#discard()}>${this.#t(this.dealId ? 'edit.discard' : 'action.discard')}</pk-button>
    </pk-alert>`;
  }

  #renderActions(stepped: boolean): TemplateResult {
    const sending = this.phase === 'sending';
    const last = !stepped || this.step === STEPS.length - 1;
    return html`<div part="actions">
      ${stepped && this.step > 0 ? html`<pk-button type="button" variant="secondary" ?disabled=${this.phase !== 'editing'} @click=${() => this.#back()}>${this.#t('action.back')}</pk-button>` : nothing}
      <div class="end">
        ${last
          ? this.phase === 'pending'
            ? nothing
            : html`<pk-button type="submit" ?loading=${sending}>${this.#t(this.editing?.status === 'info_requested' ? 'action.resubmit' : 'action.submit')}</pk-button>`
          : html`<pk-button type="button" @click=${() => this.#next()}>${this.#t('action.next')}</pk-button>`}
      </div>
    </div>`;
  }

  #renderPending(): TemplateResult {
    return html`<pk-alert part="pending" class="notice" variant="info">
      <strong slot="heading">${this.#t('pending.heading')}</strong>
      ${this.#t('pending.message')}
      <pk-button slot="actions" type="button" variant="secondary" size="small" @click=${() => void this.#resend()}>${this.#t('action.retry')}</pk-button>
    </pk-alert>`;
  }

  #heading(step: number): TemplateResult {
    const name = STEPS[step]!;
    return html`<h3 id=${`heading-${name}`} tabindex="-1">${this.#t(`section.${name}`)}</h3>`;
  }

  #label(name: string): string {
    return this.#t(`field.${name}`);
  }

  #text(name: FieldName, options: { required?: boolean; type?: 'text' | 'email' | 'tel' | 'number'; autocomplete?: string; maxlength?: number; minlength?: number; min?: string; max?: string; hint?: boolean; wide?: boolean } = {}): TemplateResult {
    return html`<pk-text-field
      class=${options.wide ? 'wide' : ''}
      name=${name}
      label=${this.#label(name)}
      hint=${options.hint ? this.#t(`hint.${name}`) : ''}
      type=${options.type ?? 'text'}
      autocomplete=${options.autocomplete ?? 'off'}
      .maxlength=${options.maxlength}
      .minlength=${options.minlength}
      min=${options.min ?? ''}
      max=${options.max ?? ''}
      step=${options.type === 'number' ? '1' : ''}
      ?required=${options.required ?? false}
      .value=${this.values[name]}
    ></pk-text-field>`;
  }

  #choices(group: string, values: readonly string[]): ChoiceOption[] {
    return values.map((value) => ({ value, label: this.#t(`${group}.${value}`) }));
  }

  #renderCustomer(hidden: boolean): TemplateResult {
    const locale = this.l10n!.locale;
    return html`<section part="step" data-step="customer" aria-labelledby="heading-customer" ?hidden=${hidden}>
      ${this.#heading(0)}
      <div class="fields">
        ${this.#text('customerCompany', { required: true, autocomplete: 'organization', minlength: 2, maxlength: 200 })}
        ${this.#text('customerDomain', { hint: true, maxlength: 253 })}
        <pk-select
          name="customerCountry"
          label=${this.#label('customerCountry')}
          placeholder=${this.#t('placeholder.country')}
          autocomplete="country"
          required
          .options=${countryOptions(locale)}
          .value=${this.values.customerCountry}
        ></pk-select>
        ${this.conflicts.length ? this.#renderConflict() : nothing} ${this.#text('customerRegion', { autocomplete: 'address-level1', maxlength: 100 })}
        ${this.#text('customerPostalCode', { autocomplete: 'postal-code', maxlength: 20 })} ${this.#text('industry', { maxlength: 100 })}
        <pk-select
          name="companySize"
          label=${this.#label('companySize')}
          placeholder=${this.#t('placeholder.notSpecified')}
          .options=${this.#choices('companySize', COMPANY_SIZES)}
          .value=${this.values.companySize}
        ></pk-select>
      </div>
      <div class="fields">
        ${this.#text('contactName', { required: true, autocomplete: 'name', maxlength: 200 })}
        ${this.#text('contactEmail', { required: true, type: 'email', autocomplete: 'email', maxlength: 320 })}
        ${this.#text('contactPhone', { type: 'tel', autocomplete: 'tel', maxlength: 40 })}
        ${this.#text('contactTitle', { autocomplete: 'organization-title', maxlength: 100 })}
      </div>
    </section>`;
  }

  #renderConflict(): TemplateResult {
    const l10n = this.l10n!;
    const own = this.conflicts.filter((conflict) => conflict.ownPartner && conflict.deal).map((conflict) => conflict.deal!.reference);
    const other = this.conflicts.some((conflict) => !conflict.ownPartner);
    return html`<pk-alert part="conflict" class="wide" variant="warning">
      <strong slot="heading">${this.#t('conflict.heading')}</strong>
      ${own.length ? html`<p>${this.#t('conflict.own', { references: formatList([...new Set(own)], l10n.locale) })}</p>` : nothing}
      ${other ? html`<p>${this.#t('conflict.other')}</p>` : nothing}
    </pk-alert>`;
  }

  #renderOpportunity(hidden: boolean): TemplateResult {
    return html`<section part="step" data-step="opportunity" aria-labelledby="heading-opportunity" ?hidden=${hidden}>
      ${this.#heading(1)}
      <div class="fields">
        ${this.#text('opportunityName', { required: true, minlength: 2, maxlength: 200, wide: true })}
      </div>
      ${this.#renderLines()}
      <div class="fields">
        <pk-date-field
          name="expectedCloseDate"
          label=${this.#label('expectedCloseDate')}
          hint=${this.#t('hint.expectedCloseDate')}
          min=${today()}
          required
          .value=${this.values.expectedCloseDate}
        ></pk-date-field>
        <pk-select
          name="stage"
          label=${this.#label('stage')}
          placeholder=${this.#t('placeholder.notSpecified')}
          .options=${this.#choices('stage', STAGES)}
          .value=${this.values.stage}
        ></pk-select>
        ${this.#text('probability', { type: 'number', min: '0', max: '100', hint: true })}
      </div>
      <div class="fields">
        <pk-radio-group name="dealType" label=${this.#label('dealType')} orientation="horizontal" required .options=${this.#choices('dealType', DEAL_TYPES)} .value=${this.values.dealType}></pk-radio-group>
        <pk-radio-group
          name="partnerRole"
          label=${this.#label('partnerRole')}
          orientation="horizontal"
          required
          .options=${this.#choices('partnerRole', PARTNER_ROLES)}
          .value=${this.values.partnerRole}
        ></pk-radio-group>
        <pk-textarea class="wide" name="notes" label=${this.#label('notes')} maxlength="10000" .value=${this.values.notes}></pk-textarea>
      </div>
    </section>`;
  }

  #renderLines(): TemplateResult {
    const l10n = this.l10n!;
    const currency = this.#currency;
    const digits = currencyDigits(currency);
    const options = this.products.map((product) => ({ value: product.id, label: `${product.name} (${product.sku})` }));
    const total = this.lines.length ? linesTotal(this.lines, digits) : null;
    return html`<fieldset class="lines">
      <legend>${this.#label('lineItems')}</legend>
      ${this.lines.length
        ? html`<ol class="line-list">
            ${repeat(
              this.lines,
              (line) => line.key,
              (line, index) => {
                const lineAmount = lineTotal(line);
                return html`<li>
                  <fieldset class="line">
                    <legend class="visually-hidden">${this.#t('line.row', { n: index + 1 })}</legend>
                    <pk-select name="productId" data-row=${index} label=${this.#t('line.product')} placeholder=${this.#t('placeholder.product')} required .options=${options} .value=${line.productId}></pk-select>
                    <pk-text-field name="quantity" data-row=${index} type="number" min="1" max="100000" step="1" required label=${this.#t('line.quantity')} .value=${line.quantity}></pk-text-field>
                    <pk-money-field name="unitPrice" data-row=${index} label=${this.#t('line.unitPrice')} required min="0" currency=${currency} .amount=${line.unitPrice}></pk-money-field>
                    <pk-button type="button" variant="ghost" size="small" label=${this.#t('line.remove', { n: index + 1 })} @click=${() => void this.#removeLine(index)}
                      >${this.#t('line.removeShort')}</pk-button
                    >
                    <p class="line-total">${this.#t('line.lineTotal')}: ${lineAmount !== null ? formatMoney({ amount: lineAmount, currency }, l10n.locale) : '—'}</p>
                  </fieldset>
                </li>`;
              },
            )}
          </ol>`
        : html`<p class="muted">${this.#t('line.none')}</p>`}
      <pk-button class="add" type="button" variant="secondary" ?disabled=${!this.products.length} @click=${() => void this.#addLine()}>${this.#t('line.add')}</pk-button>
      ${this.lines.length
        ? html`<p class="total" aria-live="polite">${this.#t('line.total')}: ${total !== null ? formatMoney({ amount: total, currency }, l10n.locale) : this.#t('line.incomplete')}</p>`
        : html`<pk-money-field name="amount" label=${this.#label('amount')} required min="0.01" currency=${currency} .amount=${this.values.amount}></pk-money-field>`}
    </fieldset>`;
  }

  #renderReview(hidden: boolean): TemplateResult {
    return html`<section part="step" data-step="review" aria-labelledby="heading-review" ?hidden=${hidden}>
      ${this.#heading(2)}
      <div part="summary" class="summary">${this.#renderSummary()}</div>
    </section>`;
  }

  #renderSummary(): TemplateResult {
    const l10n = this.l10n!;
    const { locale } = l10n;
    const values = this.values;
    const currency = this.#currency;
    const empty = this.#t('summary.empty');
    const country = values.customerCountry ? countryName(values.customerCountry, locale) : '';
    const choice = (group: string, value: string) => (value ? this.#t(`${group}.${value}`) : '');
    const row = (name: string, value: string | TemplateResult) => html`<dt>${this.#label(name)}</dt><dd>${value === '' ? empty : value}</dd>`;
    const amount = this.lines.length ? linesTotal(this.lines, currencyDigits(currency)) : values.amount || null;
    const productName = (id: string) => this.products.find((product) => product.id === id)?.name ?? id;
    return html`
      <div class="summary-group">
        <h4>${this.#t('section.customer')}</h4>
        <dl>
          ${row('customerCompany', values.customerCompany)} ${row('customerDomain', values.customerDomain)} ${row('customerCountry', country)}
          ${row('customerRegion', values.customerRegion)} ${row('customerPostalCode', values.customerPostalCode)} ${row('industry', values.industry)}
          ${row('companySize', choice('companySize', values.companySize))} ${row('contactName', values.contactName)} ${row('contactEmail', values.contactEmail)}
          ${row('contactPhone', values.contactPhone)} ${row('contactTitle', values.contactTitle)}
        </dl>
      </div>
      <div class="summary-group">
        <h4>${this.#t('section.opportunity')}</h4>
        <dl>
          ${row('opportunityName', values.opportunityName)}
          ${this.lines.length
            ? row(
                'lineItems',
                html`<ul>
                  ${this.lines.map((line) => {
                    const total = lineTotal(line);
                    return html`<li>${this.#t('summary.lineItem', { quantity: line.quantity, product: productName(line.productId), total: total !== null ? formatMoney({ amount: total, currency }, locale) : empty })}</li>`;
                  })}
                </ul>`,
              )
            : nothing}
          ${row('amount', amount ? formatMoney({ amount, currency }, locale) : '')}
          ${row('expectedCloseDate', values.expectedCloseDate ? formatDate(values.expectedCloseDate, locale) : '')} ${row('stage', choice('stage', values.stage))}
          ${row('probability', values.probability ? formatPercent(Number(values.probability) / 100, locale) : '')}
          ${row('dealType', choice('dealType', values.dealType))} ${row('partnerRole', choice('partnerRole', values.partnerRole))} ${row('notes', values.notes)}
        </dl>
      </div>
    `;
  }

  #renderSuccess(deal: Deal): TemplateResult {
    const l10n = this.l10n!;
    const status = deal.status;
    const next =
      status === 'approved'
        ? deal.expiresAt
          ? this.#t('success.next.approved', { date: formatDate(deal.expiresAt.slice(0, 10), l10n.locale) })
          : this.#t('success.next.approvedNoDate')
        : ['submitted', 'info_requested', 'rejected'].includes(status)
          ? this.#t(`success.next.${status}`)
          : this.#t('success.next.other');
    return html`<section part="success" aria-labelledby="success-heading">
      <h3 id="success-heading" tabindex="-1">${this.#t(this.resubmitted ? 'edit.resubmitted' : 'success.heading')}</h3>
      <dl>
        <dt>${this.#t('success.reference')}</dt>
        <dd class="reference">${deal.reference}</dd>
        <dt>${this.#t('success.status')}</dt>
        <dd>${l10n.t(`status.${status}`, { ns: 'deals' })}</dd>
      </dl>
      <p>${next}</p>
      ${this.dealId ? nothing : html`<pk-button type="button" @click=${() => void this.#registerAnother()}>${this.#t('action.another')}</pk-button>`}
    </section>`;
  }
}

/** A failure worth trying again later: no network, a timeout, or the server's own trouble. */
function transient(error: unknown): boolean {
  if (!isPartnerkitError(error)) return false;
  return error.kind === 'network' || error.kind === 'timeout' || (error.kind === 'http' && (error.status >= 500 || error.status === 429));
}

/** `detail` of `pk-deal-submitted`. */
export type DealSubmittedDetail = DealDetail;

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-registration': PkDealRegistration;
  }
}

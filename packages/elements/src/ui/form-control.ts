import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { localizationContext } from '../core/contexts.ts';
import type { Localization } from '../core/i18n.ts';

/** What a control hands to its form: a string, a file, several entries, or nothing. */
export type FormValue = string | File | FormData | null;

/** A constraint the current value breaks, with its message in the user's language. */
export interface Problem {
  flag: keyof ValidityStateFlags;
  message: string;
}

/** The native element a control validates and describes. */
export type NativeControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** `t` options of the `forms` namespace. */
type Variables = Record<string, string | number>;

let ids = 0;

/**
 * The shared base of Partnerkit's form controls: a form-associated custom element
 * (`ElementInternals`) that takes part in its form like a native control — it is submitted
 * under its `name`, reset by `form.reset()`, disabled by a disabled `<fieldset>`, restored by
 * the browser's history, and validated by `form.checkValidity()` / `reportValidity()` with
 * messages in the user's language (the `forms` locale namespace).
 *
 * Errors show beside the field only once the user has changed the field and left it, or tried to
 * submit the form (the `invalid` event); from then on they follow every keystroke. The native
 * control inside carries `aria-invalid` and `aria-describedby` pointing at the hint and the
 * error, and the error's container is a polite live region (`role="status"`).
 *
 * The `error` property is a message from the server (e.g. a problem+json field error): it shows
 * at once, makes the control invalid (`customError`) and is cleared when the user edits the field
 * or the form is reset. `setCustomValidity(message)` sets it too.
 *
 * Subclasses declare `value` with their own type and implement the abstract hooks.
 *
 * @csspart form-control - The wrapper of label, hint, field and error.
 * @csspart label - The label.
 * @csspart required - The "required" marker after the label.
 * @csspart hint - The hint below the label.
 * @csspart error - The error message container.
 * @slot label - Rich label content; the `label` attribute is simpler.
 * @slot hint - Rich hint content; the `hint` attribute is simpler.
 * @cssprop --pk-field-border-color - Border of the field; defaults to `--pk-color-text-muted` (3:1 against the surface).
 * @cssprop --pk-field-background - Background of the field; defaults to `--pk-color-surface`.
 * @cssprop --pk-field-radius - Corner radius of the field; defaults to `--pk-radius`.
 */
export abstract class FormControl extends LitElement {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  protected readonly internals: ElementInternals;

  /** Name under which the value is submitted with the form. */
  @property({ reflect: true }) name = '';

  /** Visible label. Every control needs one (or content in the `label` slot) for its accessible name. */
  @property() label = '';

  /** Hides the label visually; it still names the control for assistive technology. */
  @property({ type: Boolean, attribute: 'hide-label' }) hideLabel = false;

  /** Help text below the label, linked to the control with `aria-describedby`. */
  @property() hint = '';

  /** A message from the server about this field; cleared when the user edits the field or the form is reset. */
  @property() error = '';

  /** The form cannot be submitted while the control is empty. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Not editable, not submitted, not validated. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @consume({ context: localizationContext, subscribe: true })
  @state()
  protected l10n: Localization | undefined;

  /** Disabled by the element's own attribute or by a disabled ancestor `<fieldset>`. */
  @state() protected formDisabled = false;

  /** The user changed the field and left it, or tried to submit: client-side errors show. */
  @state() protected touched = false;

  /** The current problem (recomputed before every render), shown once `touched`. */
  protected problem: Problem | null = null;

  /** Unique prefix for ids the control's light-DOM neighbours might need. */
  protected readonly uid = `pk-fc-${++ids}`;

  #edited = false;
  #default: unknown;

  constructor() {
    super();
    this.internals = this.attachInternals();
    // Fired by form.checkValidity(), requestSubmit() and reportValidity() when the value is invalid.
    this.addEventListener('invalid', () => {
      this.touched = true;
    });
    this.addEventListener('focusout', (event: FocusEvent) => {
      if (this.#edited && !(event.relatedTarget instanceof Node && this.shadowRoot?.contains(event.relatedTarget))) this.touched = true;
    });
  }

  // ---- hooks ----

  /** The native element whose validity and position the control reports (the anchor of reportValidity). */
  protected abstract get nativeControl(): NativeControl | HTMLElement | null;

  /** What the form submits, and the state the browser keeps for history restoration. */
  protected abstract formData(): { value: FormValue; state?: FormValue };

  /** A copy of the current value, taken as the default on first render and from default attributes. */
  protected abstract snapshot(): unknown;

  /** Puts back a snapshot (form reset). */
  protected abstract restore(snapshot: unknown): void;

  /** Puts back what `formData()` stored as state (history navigation, autofill). */
  protected abstract restoreState(state: FormValue): void;

  /** The first constraint the value breaks, or null. */
  protected abstract findProblem(): Problem | null;

  /** Attributes that set the default value (as `value` does for `<input>`). */
  protected static defaultAttributes: readonly string[] = ['value'];

  // ---- form-associated lifecycle ----

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** @internal */
  formResetCallback(): void {
    this.restore(this.#default);
    this.error = '';
    this.touched = false;
    this.#edited = false;
  }

  /** @internal */
  formStateRestoreCallback(state: FormValue): void {
    this.restoreState(state);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (this.hasUpdated && (this.constructor as unknown as typeof FormControl).defaultAttributes.includes(name)) this.#default = this.snapshot();
  }

  // ---- the native form-control API ----

  /** The form the control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The `<label>` elements of the page that point at the control. */
  get labels(): NodeList {
    return this.internals.labels;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message of the first broken constraint, in the user's language; empty when valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** False when the control is disabled or read-only and therefore not validated. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Whether the value meets its constraints; fires `invalid` when not. */
  checkValidity(): boolean {
    this.#revalidate();
    return this.internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the error beside the field when invalid. */
  reportValidity(): boolean {
    this.#revalidate();
    return this.internals.reportValidity();
  }

  /** Sets a custom error (like the native method): a non-empty message makes the control invalid. */
  setCustomValidity(message: string): void {
    this.error = message;
  }

  // ---- for subclasses ----

  /** True while the control cannot be used. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** Call on every user edit; `commit` when the edit is complete (a choice, not a keystroke). */
  protected userEdited(commit = false): void {
    this.#edited = true;
    if (this.error) this.error = '';
    if (commit) this.touched = true;
  }

  /** Re-dispatches `change` from the host (the native one does not leave the shadow root). */
  protected emitChange(): void {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Submits the form as Enter in a native text field would, unless its default button is disabled. */
  protected implicitSubmit(): void {
    const form = this.internals.form;
    if (!form) return;
    const button = [...form.elements].find((element) => element.matches('button:not([type]), button[type="submit"], input[type="submit"], pk-button:not([type]), pk-button[type="submit"]'));
    if (button && (button.matches(':disabled') || button.hasAttribute('disabled') || button.hasAttribute('loading'))) return;
    form.requestSubmit();
  }

  /** A `forms` string in the user's language, or undefined before translations arrive. */
  protected msg(key: string, variables: Variables = {}): string | undefined {
    return this.l10n?.t(key, { ns: 'forms', ...variables });
  }

  /** The locale for Intl formatting. */
  protected get locale(): string {
    return this.l10n?.locale ?? (document.documentElement.lang || 'en');
  }

  protected formatNumber(value: number | string, options: Intl.NumberFormatOptions = {}): string {
    return new Intl.NumberFormat(this.locale, options).format(value as Intl.StringNumericLiteral);
  }

  /** The problem of a too short or too long text, or null. */
  protected lengthProblem(text: string, minlength: number | undefined, maxlength: number | undefined, fallback: NativeControl | null): Problem | null {
    if (!text) return null;
    const length = codePoints(text);
    const variables = { length: this.formatNumber(length) };
    if (minlength !== undefined && minlength >= 0 && length < minlength) {
      return { flag: 'tooShort', message: this.msg('validation.tooShort', { count: minlength, n: this.formatNumber(minlength), ...variables }) ?? fallback?.validationMessage ?? `${length} < ${minlength}` };
    }
    if (maxlength !== undefined && maxlength >= 0 && length > maxlength) {
      return { flag: 'tooLong', message: this.msg('validation.tooLong', { count: maxlength, n: this.formatNumber(maxlength), ...variables }) ?? fallback?.validationMessage ?? `${length} > ${maxlength}` };
    }
    return null;
  }

  /**
   * The problem the native control reports, worded in the user's language (the browser's own
   * message until translations arrive). `required` is the key of the "missing" message.
   */
  protected nativeProblem(control: NativeControl, required = 'validation.required'): Problem | null {
    const validity = control.validity;
    if (validity.valid) return null;
    const fallback = control.validationMessage || ' ';
    const say = (flag: keyof ValidityStateFlags, key: string, variables: Variables = {}): Problem => ({ flag, message: this.msg(key, variables) ?? fallback });
    const type = control instanceof HTMLInputElement ? control.type : '';
    if (validity.valueMissing) return say('valueMissing', required);
    if (validity.badInput) return say('badInput', type === 'date' ? 'validation.date' : 'validation.number');
    if (validity.typeMismatch) return say('typeMismatch', `validation.${type === 'url' ? 'url' : 'email'}`);
    if (control instanceof HTMLInputElement) {
      const date = type === 'date';
      const show = (raw: string) => (date ? this.formatDate(raw) : this.formatNumber(raw));
      if (validity.rangeUnderflow) return say('rangeUnderflow', date ? 'validation.minDate' : 'validation.min', { min: show(control.min) });
      if (validity.rangeOverflow) return say('rangeOverflow', date ? 'validation.maxDate' : 'validation.max', { max: show(control.max) });
      if (validity.stepMismatch) return say('stepMismatch', 'validation.step', this.#nearestSteps(control));
    }
    if (validity.patternMismatch) return say('patternMismatch', 'validation.pattern');
    if (validity.tooShort) return say('tooShort', 'validation.tooShort', { count: Number(control.getAttribute('minlength')), n: this.formatNumber(control.getAttribute('minlength') ?? 0), length: this.formatNumber(control.value.length) });
    if (validity.tooLong) return say('tooLong', 'validation.tooLong', { count: Number(control.getAttribute('maxlength')), n: this.formatNumber(control.getAttribute('maxlength') ?? 0), length: this.formatNumber(control.value.length) });
    return { flag: 'customError', message: fallback };
  }

  protected formatDate(date: string): string {
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime())) return date;
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(parsed);
  }

  /** The valid values either side of a number that misses the step, e.g. 10 and 15 for 12 with step 5. */
  #nearestSteps(input: HTMLInputElement): Variables {
    const step = Number(input.step) || 1;
    const base = input.min !== '' ? Number(input.min) : 0;
    const value = input.valueAsNumber;
    const decimals = Math.max(decimalsOf(input.step), decimalsOf(input.min));
    const lower = base + Math.floor((value - base) / step) * step;
    const options = { maximumFractionDigits: decimals };
    return { lower: this.formatNumber(lower, options), upper: this.formatNumber(lower + step, options) };
  }

  // ---- rendering ----

  /** The error shown beside the field: the server's, or the client's once touched. */
  protected get shownError(): string {
    if (this.error) return this.error;
    return this.touched && this.problem ? this.problem.message : '';
  }

  /** `aria-describedby` of the native control. */
  protected describedBy(...extra: string[]): string {
    return ['hint', ...extra, 'error'].filter((id) => id !== 'hint' || this.hasHint).join(' ');
  }

  protected get hasHint(): boolean {
    return Boolean(this.hint) || this.querySelector(':scope > [slot="hint"]') !== null;
  }

  protected renderLabel(forId: string | undefined = 'control'): TemplateResult {
    const marker = this.required ? this.msg('requiredMarker') : undefined;
    const content = html`<span class="label-text">${this.label}<slot name="label"></slot></span>${marker ? html`<span part="required" class="required" aria-hidden="true">${marker}</span>` : nothing}`;
    // A <label for> focuses its control on click; groups are named by an element with an id.
    return forId
      ? html`<label part="label" id="label" for=${forId} class=${this.hideLabel ? 'visually-hidden' : ''}>${content}</label>`
      : html`<span part="label" id="label" class=${this.hideLabel ? 'label visually-hidden' : 'label'}>${content}</span>`;
  }

  protected renderHint(): TemplateResult {
    return html`<div part="hint" id="hint" class="hint" ?hidden=${!this.hasHint}>${this.hint}<slot name="hint" @slotchange=${() => this.requestUpdate()}></slot></div>`;
  }

  protected renderError(): TemplateResult {
    const message = this.shownError;
    const prefix = this.msg('errorPrefix');
    // Always in the DOM: a live region announces changes, not its own arrival.
    return html`<div part="error" id="error" class=${message ? 'error shown' : 'error'} role="status">${message
      ? html`<svg class="error-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill="currentColor" d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm-.75 3.5h1.5v5h-1.5v-5Zm0 6.25h1.5v1.5h-1.5v-1.5Z"/></svg>${prefix ? html`<span class="visually-hidden">${prefix} </span>` : nothing}<span class="error-text">${message}</span>`
      : nothing}</div>`;
  }

  /** Label, hint, the control and the error, in that order. */
  protected renderFormControl(control: TemplateResult, labelFor: string | undefined = 'control'): TemplateResult {
    return html`<div part="form-control" class=${this.shownError ? 'form-control invalid' : 'form-control'}>
      ${this.renderLabel(labelFor)}${this.renderHint()}${control}${this.renderError()}
    </div>`;
  }

  // ---- syncing with the form ----

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasUpdated) this.#default = this.snapshot();
    // Validated before rendering, from the properties (not the DOM), so the error renders in the same update.
    this.problem = this.#currentProblem();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#applyToForm();
  }

  #currentProblem(): Problem | null {
    return this.error ? { flag: 'customError', message: this.error } : this.findProblem();
  }

  /** Re-validates now (between updates), re-rendering when the problem changed. */
  #revalidate(): void {
    const problem = this.#currentProblem();
    if (problem?.flag !== this.problem?.flag || problem?.message !== this.problem?.message) {
      this.problem = problem;
      this.requestUpdate();
    }
    this.#applyToForm();
  }

  /** Tells the form the current value and validity. */
  #applyToForm(): void {
    const { value, state } = this.formData();
    this.internals.setFormValue(value, state === undefined ? value : state);
    const problem = this.problem;
    if (problem) this.internals.setValidity({ [problem.flag]: true }, problem.message || ' ', this.nativeControl ?? undefined);
    else this.internals.setValidity({});
  }
}

/** Counts as the server does (JSON Schema lengths count code points, not UTF-16 units). */
export function codePoints(text: string): number {
  return [...text].length;
}

function decimalsOf(text: string): number {
  return text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
}

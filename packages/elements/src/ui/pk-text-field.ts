import { css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { type Problem } from './form-control.ts';
import { TextValueControl } from './text-value-control.ts';
import { formControlStyles } from './form-control.styles.ts';

export type TextFieldType = 'text' | 'email' | 'url' | 'tel' | 'number';

// Digits, spaces and + ( ) - . / only, with at least three digits.
const PHONE = /^\+?[\d\s().\-/]*$/;
const digitCount = (text: string) => text.replace(/\D/g, '').length;

/**
 * A single-line text input that takes part in its form like a native `<input>`.
 *
 * @tag pk-text-field
 * @summary Text, email, URL, phone or number input with label, hint and localized validation.
 * @csspart field - The box around the prefix, input and suffix.
 * @csspart input - The native `<input>`.
 * @slot prefix - Content before the input inside the box (an icon, a unit).
 * @slot suffix - Content after the input inside the box.
 * @fires input - On every edit.
 * @fires change - When an edit is committed (on leaving the field).
 */
export class PkTextField extends TextValueControl {
  static override styles = [
    formControlStyles,
    css`
      input {
        min-block-size: var(--_min-size);
      }
    `,
  ];

  /** The current text. Setting the `value` attribute also sets the default that `form.reset()` restores. */
  @property() value = '';

  /** Kind of text; `email`, `url`, `tel` and `number` are checked and get a fitting keyboard. */
  @property({ reflect: true }) type: TextFieldType = 'text';

  @property() placeholder = '';

  @property({ type: Number }) minlength: number | undefined;

  @property({ type: Number }) maxlength: number | undefined;

  /** A regular expression the whole value must match (as for `<input pattern>`). */
  @property() pattern = '';

  /** Smallest number (type `number`). */
  @property() min = '';

  /** Largest number (type `number`). */
  @property() max = '';

  /** Granularity of numbers (type `number`), e.g. `0.01` or `any`. */
  @property() step = '';

  /** Autofill hint, e.g. `email`, `organization`, `tel`. */
  @property() autocomplete: string | undefined;

  /** Virtual keyboard hint, e.g. `numeric` or `decimal`. */
  @property() inputmode: string | undefined;

  /** The value can be read and selected but not changed (and is not validated). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @query('input') private input!: HTMLInputElement | null;

  /** A detached input with the same constraints, validated from properties before rendering. */
  readonly #probe = document.createElement('input');

  protected override get nativeControl() {
    return this.input;
  }

  protected override findProblem(): Problem | null {
    if (this.readonly) return null;
    // What the user typed into a number field that is not a number never reaches `value`.
    if (this.type === 'number' && this.input?.validity.badInput) return { flag: 'badInput', message: this.msg('validation.number') ?? this.input.validationMessage };
    const probe = this.#probe;
    probe.type = this.type;
    for (const name of ['min', 'max', 'step', 'pattern'] as const) {
      if (this[name] && (name === 'pattern' || this.type === 'number')) probe.setAttribute(name, this[name]);
      else probe.removeAttribute(name);
    }
    probe.required = this.required;
    probe.value = this.value;
    const native = this.nativeProblem(probe);
    if (native && (native.flag === 'valueMissing' || native.flag === 'typeMismatch' || native.flag === 'badInput')) return native;
    if (this.type === 'tel' && this.value && (!PHONE.test(this.value.trim()) || digitCount(this.value) < 3)) {
      return { flag: 'typeMismatch', message: this.msg('validation.tel') ?? ' ' };
    }
    return this.lengthProblem(this.value, this.minlength, this.maxlength, probe) ?? native;
  }

  #onInput(event: Event) {
    this.value = (event.target as HTMLInputElement).value;
    this.userEdited();
    this.requestUpdate(); // A number field's bad input changes validity without changing `value`.
  }

  #onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.isComposing) this.implicitSubmit();
  }

  protected override render() {
    const invalid = Boolean(this.shownError);
    const number = this.type === 'number';
    return this.renderFormControl(html`
      <div part="field" class=${this.isDisabled ? 'field disabled' : 'field'}>
        <span class="affix"><slot name="prefix"></slot></span>
        <input
          id="control"
          part="input"
          type=${this.type}
          .value=${live(this.value)}
          placeholder=${ifDefined(this.placeholder || undefined)}
          minlength=${ifDefined(this.minlength)}
          maxlength=${ifDefined(this.maxlength)}
          pattern=${ifDefined(this.pattern || undefined)}
          min=${ifDefined(number && this.min ? this.min : undefined)}
          max=${ifDefined(number && this.max ? this.max : undefined)}
          step=${ifDefined(number && this.step ? this.step : undefined)}
          autocomplete=${ifDefined(this.autocomplete as AutoFill | undefined)}
          inputmode=${ifDefined(this.inputmode)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${this.describedBy()}
          @input=${this.#onInput}
          @change=${() => this.emitChange()}
          @keydown=${this.#onKeydown}
        />
        <span class="affix"><slot name="suffix"></slot></span>
      </div>
    `);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-text-field': PkTextField;
  }
}

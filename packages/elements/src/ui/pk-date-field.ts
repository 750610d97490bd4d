import { css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { type Problem } from './form-control.ts';
import { TextValueControl } from './text-value-control.ts';
import { formControlStyles } from './form-control.styles.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in `YYYY-MM-DD` form. */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/**
 * A calendar date on a native `<input type="date">` (the browser's own picker and keyboard
 * entry, in the user's date format); `value` is `YYYY-MM-DD`, as the contract's dates.
 *
 * @tag pk-date-field
 * @summary Native date input with label, hint, min/max and localized validation.
 * @csspart field - The box around the input.
 * @csspart input - The native `<input type="date">`.
 * @fires input - On every edit.
 * @fires change - When a date is committed.
 */
export class PkDateField extends TextValueControl {
  static override styles = [
    formControlStyles,
    css`
      input {
        min-block-size: var(--_min-size);
      }
      input::-webkit-calendar-picker-indicator {
        cursor: pointer;
      }
    `,
  ];

  /** The date as `YYYY-MM-DD`, empty when none. The `value` attribute is also the default. */
  @property() value = '';

  /** Earliest date allowed, `YYYY-MM-DD`. */
  @property() min = '';

  /** Latest date allowed, `YYYY-MM-DD`. */
  @property() max = '';

  @property() autocomplete: string | undefined;

  /** The value can be read but not changed (and is not validated). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @query('input') private input!: HTMLInputElement | null;

  readonly #probe = Object.assign(document.createElement('input'), { type: 'date' });

  protected override get nativeControl() {
    return this.input;
  }

  protected override findProblem(): Problem | null {
    if (this.readonly) return null;
    // A partly typed date (day and month, no year) is nothing to the input's `value`.
    if (this.input?.validity.badInput || (this.value && !isCalendarDate(this.value))) return { flag: 'badInput', message: this.msg('validation.date') ?? ' ' };
    const probe = this.#probe;
    probe.min = isCalendarDate(this.min) ? this.min : '';
    probe.max = isCalendarDate(this.max) ? this.max : '';
    probe.required = this.required;
    probe.value = this.value;
    return this.nativeProblem(probe);
  }

  #onInput(event: Event) {
    this.value = (event.target as HTMLInputElement).value;
    this.userEdited();
    this.requestUpdate(); // Bad input changes validity without changing `value`.
  }

  #onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.isComposing) this.implicitSubmit();
  }

  protected override render() {
    return this.renderFormControl(html`
      <div part="field" class=${this.isDisabled ? 'field disabled' : 'field'}>
        <input
          id="control"
          part="input"
          type="date"
          .value=${live(this.value)}
          min=${ifDefined(isCalendarDate(this.min) ? this.min : undefined)}
          max=${ifDefined(isCalendarDate(this.max) ? this.max : undefined)}
          autocomplete=${ifDefined(this.autocomplete as AutoFill | undefined)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          aria-invalid=${this.shownError ? 'true' : 'false'}
          aria-describedby=${this.describedBy()}
          @input=${this.#onInput}
          @change=${() => this.emitChange()}
          @keydown=${this.#onKeydown}
        />
      </div>
    `);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-date-field': PkDateField;
  }
}

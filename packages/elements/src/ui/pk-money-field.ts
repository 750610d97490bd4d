import { css, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Money } from '@partnerkit/api';
import { FormControl, type FormValue, type Problem } from './form-control.ts';
import { formControlStyles } from './form-control.styles.ts';
import { compareDecimals, currencyDigits, formatAmount, isDecimal, parseAmount, type ParseResult } from './money-input.ts';
import { token } from '../core/theme/tokens.ts';

/**
 * An amount of money, as the contract's `Money`: `value` is `{ amount, currency }` with the
 * amount as a decimal string (`"1234.56"`), or null while the field is empty or not a number.
 *
 * The user types in their own notation — `1.234,56` in German, `1 234,56` in French or
 * Hungarian, `1,234.56` in English — and the field shows it formatted that way once they leave
 * it. Amounts are parsed and compared as strings, never through a floating-point number.
 * Text that is not an amount stays as typed and makes the field invalid (`badInput`).
 *
 * In a form it submits two entries: the amount under `name` (a decimal string with the
 * currency's decimals, e.g. `1234.50`, or empty) and the currency code under `currency-name`,
 * which defaults to `<name>-currency` (e.g. `amount` and `amount-currency`).
 *
 * The currency is fixed (`currency`, else the portal's) unless `currencies` lists choices, which
 * are then offered in a native `<select>` beside the amount.
 *
 * @tag pk-money-field
 * @summary Localized money input (amount as a decimal string plus currency).
 * @csspart field - The box around the amount and currency.
 * @csspart input - The native amount `<input>`.
 * @csspart currency - The currency code, or the currency `<select>`.
 * @fires input - On every edit of the amount, or when the currency changes.
 * @fires change - When the amount is committed (on leaving the field) or the currency changes.
 */
export class PkMoneyField extends FormControl {
  protected static override defaultAttributes: readonly string[] = ['amount', 'currency'];

  static override styles = [
    formControlStyles,
    css`
      input {
        min-block-size: var(--_min-size);
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .currency {
        color: ${token('color-text-muted')};
        font-variant-numeric: tabular-nums;
      }
      .field select {
        flex: none;
        align-self: center;
        min-block-size: calc(var(--_min-size) - 0.5rem);
        padding-inline: ${token('space-2')};
        border-inline-start: 1px solid var(--_border);
        border-radius: 0;
        cursor: pointer;
      }
      .field select:focus-visible {
        outline: var(--_focus);
      }
      option {
        background: var(--_background);
      }
    `,
  ];

  /** The amount as a decimal string (`1234.56`), empty when none. The attribute is the default. */
  @property() amount = '';

  /** ISO 4217 code; defaults to the portal's currency. The attribute is the default. */
  @property() currency = '';

  /** Currencies the user may choose from, space-separated (`EUR USD GBP`); none: the currency is fixed. */
  @property({ converter: { fromAttribute: (value: string | null) => (value ?? '').split(/[\s,]+/).filter(Boolean) } })
  currencies: string[] = [];

  /** Name of the form entry with the currency code; default `<name>-currency`. */
  @property({ attribute: 'currency-name' }) currencyName = '';

  /** Smallest amount allowed, a decimal string (e.g. `0.01`). */
  @property() min = '';

  /** Largest amount allowed, a decimal string. */
  @property() max = '';

  @property() placeholder = '';

  /** The value can be read and selected but not changed (and is not validated). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** What the amount box shows: the user's text while typing, the formatted amount otherwise. */
  @state() private text = '';

  #parsed: ParseResult = { ok: true, amount: '' };
  /** The amount the text was last parsed into (to tell the user's edits from the host's). */
  #textAmount: string | undefined;
  #textLocale = '';

  @query('input') private input!: HTMLInputElement | null;

  /** `{ amount, currency }`, or null when the amount is empty or not a number. */
  get value(): Money | null {
    return this.amount && isDecimal(this.amount) ? { amount: this.amount, currency: this.effectiveCurrency } : null;
  }

  set value(money: Money | null | undefined) {
    this.amount = money?.amount ?? '';
    if (money?.currency) this.currency = money.currency;
  }

  /** The currency in use: the chosen or given one, else the portal's, else EUR. */
  get effectiveCurrency(): string {
    return this.currency || this.currencies[0] || this.l10n?.currency || 'EUR';
  }

  get #digits(): number {
    return currencyDigits(this.effectiveCurrency);
  }

  protected override get nativeControl() {
    return this.input;
  }

  protected override formData(): { value: FormValue; state: FormValue } {
    if (!this.name) return { value: null, state: null };
    const data = new FormData();
    data.append(this.name, this.#parsed.ok ? this.amount : '');
    data.append(this.currencyName || `${this.name}-currency`, this.effectiveCurrency);
    const state = new FormData();
    state.append('text', this.text);
    state.append('amount', this.amount);
    state.append('currency', this.currency);
    return { value: data, state };
  }

  protected override snapshot(): unknown {
    return { amount: this.amount, currency: this.currency };
  }

  protected override restore(snapshot: unknown): void {
    const { amount, currency } = (snapshot ?? {}) as { amount?: string; currency?: string };
    this.amount = amount ?? '';
    this.currency = currency ?? '';
    this.#textAmount = undefined; // Show the restored amount formatted, even if it equals the last one.
  }

  protected override restoreState(state: FormValue): void {
    if (!(state instanceof FormData)) return;
    this.currency = String(state.get('currency') ?? '');
    this.amount = String(state.get('amount') ?? '');
    this.text = String(state.get('text') ?? '');
    this.#parse();
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The host (or a reset) set the amount, or the language changed: show it formatted.
    const localeChanged = this.#textLocale !== this.locale;
    if (this.amount !== this.#textAmount || (localeChanged && this.#parsed.ok)) {
      this.text = this.amount && isDecimal(this.amount) ? formatAmount(this.amount, this.locale, Math.max(this.#digits, decimals(this.amount))) : this.amount;
      this.#textLocale = this.locale;
      this.#parse();
    } else if (changed.has('currency') || changed.has('currencies')) {
      this.#parse(); // Another currency, other decimals.
    }
    super.willUpdate(changed);
  }

  /** Reads `text` into `amount`. */
  #parse(): void {
    this.#parsed = parseAmount(this.text, this.locale, this.#digits);
    this.amount = this.#parsed.ok ? this.#parsed.amount : '';
    this.#textAmount = this.amount;
  }

  protected override findProblem(): Problem | null {
    if (this.readonly) return null;
    const parsed = this.#parsed;
    const digits = this.#digits;
    if (!parsed.ok) {
      if (parsed.reason === 'decimals') {
        return digits === 0
          ? { flag: 'stepMismatch', message: this.msg('validation.noDecimals') ?? ' ' }
          : { flag: 'stepMismatch', message: this.msg('validation.decimals', { count: digits, n: this.formatNumber(digits) }) ?? ' ' };
      }
      if (parsed.reason === 'too-large') return { flag: 'rangeOverflow', message: this.msg('validation.amountTooLarge') ?? ' ' };
      const example = formatAmount(digits > 0 ? `1234.${'5678'.slice(0, digits)}` : '1234', this.locale, digits);
      return { flag: 'badInput', message: this.msg('validation.amount', { example }) ?? ' ' };
    }
    if (!this.amount) return this.required ? { flag: 'valueMissing', message: this.msg('validation.required') ?? ' ' } : null;
    const money = (amount: string) => new Intl.NumberFormat(this.locale, { style: 'currency', currency: this.effectiveCurrency }).format(amount as Intl.StringNumericLiteral);
    if (this.min && isDecimal(this.min) && compareDecimals(this.amount, this.min) < 0) return { flag: 'rangeUnderflow', message: this.msg('validation.min', { min: money(this.min) }) ?? ' ' };
    if (this.max && isDecimal(this.max) && compareDecimals(this.amount, this.max) > 0) return { flag: 'rangeOverflow', message: this.msg('validation.max', { max: money(this.max) }) ?? ' ' };
    return null;
  }

  #onInput(event: Event) {
    this.text = (event.target as HTMLInputElement).value;
    this.#parse();
    this.userEdited();
  }

  #onBlur() {
    // Formats what was typed; text that is no amount stays as the user left it.
    if (this.#parsed.ok && this.amount) {
      const formatted = formatAmount(this.amount, this.locale, this.#digits);
      if (formatted !== this.text) this.text = formatted;
    }
  }

  #onCurrency(event: Event) {
    this.currency = (event.target as HTMLSelectElement).value;
    this.userEdited(true);
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.emitChange();
  }

  #onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.isComposing) this.implicitSubmit();
  }

  #currencyName(code: string): string {
    try {
      return new Intl.DisplayNames(this.locale, { type: 'currency' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  protected override render() {
    const currency = this.effectiveCurrency;
    const choices = this.currencies.length ? this.currencies : undefined;
    return this.renderFormControl(html`
      <div part="field" class=${this.isDisabled ? 'field disabled' : 'field'}>
        <input
          id="control"
          part="input"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          .value=${live(this.text)}
          placeholder=${ifDefined(this.placeholder || undefined)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          aria-invalid=${this.shownError ? 'true' : 'false'}
          aria-describedby=${choices ? this.describedBy() : this.describedBy('currency')}
          @input=${this.#onInput}
          @change=${() => this.emitChange()}
          @blur=${this.#onBlur}
          @keydown=${this.#onKeydown}
        />
        ${choices
          ? html`<select part="currency" aria-label=${this.msg('money.currency') ?? currency} ?disabled=${this.isDisabled || this.readonly} @change=${this.#onCurrency}>
              ${choices.map((code) => html`<option value=${code} .selected=${code === currency}>${code}</option>`)}
            </select>`
          : html`<span part="currency" id="currency" class="currency" title=${this.#currencyName(currency)}>${currency}</span>`}
      </div>
    `);
  }
}

const decimals = (amount: string) => amount.split('.')[1]?.length ?? 0;

declare global {
  interface HTMLElementTagNameMap {
    'pk-money-field': PkMoneyField;
  }
}

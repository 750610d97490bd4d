import { css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { codePoints, type Problem } from './form-control.ts';
import { TextValueControl } from './text-value-control.ts';
import { formControlStyles } from './form-control.styles.ts';
import { token } from '../core/theme/tokens.ts';

/** Quiet time after the last keystroke before the remaining count is announced. */
const ANNOUNCE_DELAY_MS = 1000;

/**
 * A multi-line text input that takes part in its form like a native `<textarea>`.
 * With `maxlength`, a counter below it says how many characters are left (or too many: typing
 * past the limit is allowed, and reported as an error, so nothing pasted is cut off silently).
 * The counter is part of the textarea's description, and screen readers hear the count once
 * the user pauses typing.
 *
 * @tag pk-textarea
 * @summary Multi-line text input with a localized character counter.
 * @csspart field - The box around the textarea.
 * @csspart textarea - The native `<textarea>`.
 * @csspart counter - The character counter.
 * @fires input - On every edit.
 * @fires change - When an edit is committed (on leaving the field).
 */
export class PkTextarea extends TextValueControl {
  static override styles = [
    formControlStyles,
    css`
      .field {
        padding-block: ${token('space-2')};
      }
      textarea {
        resize: vertical;
        min-block-size: 3lh;
        line-height: 1.4;
      }
      .counter {
        font-size: ${token('font-size-small')};
        color: ${token('color-text-muted')};
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .counter.over {
        color: var(--_danger);
        font-weight: 600;
      }
    `,
  ];

  /** The current text. Setting the `value` attribute also sets the default that `form.reset()` restores. */
  @property() value = '';

  @property() placeholder = '';

  @property({ type: Number }) minlength: number | undefined;

  /** Most characters; shows the counter. */
  @property({ type: Number }) maxlength: number | undefined;

  /** Visible lines. */
  @property({ type: Number }) rows = 4;

  @property() autocomplete: string | undefined;

  /** The value can be read and selected but not changed (and is not validated). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @query('textarea') private textarea!: HTMLTextAreaElement | null;

  /** What the live region says; set after the user pauses typing. */
  @state() private announcement = '';

  #timer: ReturnType<typeof setTimeout> | undefined;

  protected override get nativeControl() {
    return this.textarea;
  }

  protected override findProblem(): Problem | null {
    if (this.readonly) return null;
    if (this.required && !this.value.trim()) return { flag: 'valueMissing', message: this.msg('validation.required') ?? ' ' };
    return this.lengthProblem(this.value, this.minlength, this.maxlength, null);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  #counterText(): string {
    if (this.maxlength === undefined) return '';
    const left = this.maxlength - codePoints(this.value);
    const n = Math.abs(left);
    return this.msg(left >= 0 ? 'counter.left' : 'counter.over', { count: n, n: this.formatNumber(n) }) ?? '';
  }

  #onInput(event: Event) {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.userEdited();
    clearTimeout(this.#timer);
    if (this.maxlength !== undefined) this.#timer = setTimeout(() => (this.announcement = this.#counterText()), ANNOUNCE_DELAY_MS);
  }

  protected override render() {
    const counter = this.#counterText();
    const over = this.maxlength !== undefined && codePoints(this.value) > this.maxlength;
    return this.renderFormControl(html`
      <div part="field" class=${this.isDisabled ? 'field disabled' : 'field'}>
        <textarea
          id="control"
          part="textarea"
          .value=${live(this.value)}
          rows=${this.rows}
          placeholder=${ifDefined(this.placeholder || undefined)}
          autocomplete=${ifDefined(this.autocomplete as AutoFill | undefined)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly}
          aria-invalid=${this.shownError ? 'true' : 'false'}
          aria-describedby=${this.maxlength !== undefined ? this.describedBy('counter') : this.describedBy()}
          @input=${this.#onInput}
          @change=${() => this.emitChange()}
        ></textarea>
      </div>
      ${this.maxlength !== undefined
        ? html`<div part="counter" id="counter" class=${over ? 'counter over' : 'counter'}>${counter}</div>
            <div class="visually-hidden" role="status">${this.announcement}</div>`
        : nothing}
    `);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-textarea': PkTextarea;
  }
}

import { css, html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { FormControl, type FormValue, type Problem } from './form-control.ts';
import { formControlStyles } from './form-control.styles.ts';
import { token } from '../core/theme/tokens.ts';

/**
 * A checkbox built on a native one, taking part in its form like it: when checked, `value`
 * (default `on`) is submitted under `name`; unchecked, nothing is. `required` means it must be
 * checked (e.g. accepting terms). The `checked` attribute is the default `form.reset()` restores.
 *
 * @tag pk-checkbox
 * @summary Checkbox with label, hint and localized validation.
 * @csspart checkbox - The native `<input type="checkbox">`.
 * @fires input - When the user toggles the checkbox.
 * @fires change - When the user toggles the checkbox.
 */
export class PkCheckbox extends FormControl {
  protected static override defaultAttributes: readonly string[] = ['checked'];

  static override styles = [
    formControlStyles,
    css`
      .check {
        display: flex;
        align-items: flex-start;
        gap: ${token('space-2')};
        min-block-size: 1.5rem;
      }
      @media (pointer: coarse) {
        .check {
          min-block-size: ${token('target-size')};
          align-items: center;
        }
      }
      input {
        flex: none;
        inline-size: 1.25rem;
        block-size: 1.25rem;
        margin: 0.125rem 0 0;
        accent-color: ${token('color-primary')};
        cursor: pointer;
      }
      input:focus-visible {
        outline: var(--_focus);
        outline-offset: 2px;
      }
      input:disabled,
      input:disabled + label {
        cursor: not-allowed;
        opacity: 0.6;
      }
      .invalid input {
        outline: 2px solid var(--_danger);
        outline-offset: 1px;
      }
      label {
        font-weight: 400;
        cursor: pointer;
        padding-block: 0.125rem;
      }
      .details {
        padding-inline-start: calc(1.25rem + ${token('space-2')});
        display: flex;
        flex-direction: column;
        gap: ${token('space-1')};
      }
    `,
  ];

  @property({ type: Boolean }) checked = false;

  /** Neither checked nor unchecked (e.g. "select all" over a partial selection); cleared when the user toggles. */
  @property({ type: Boolean }) indeterminate = false;

  /** Submitted under `name` when checked. */
  @property() value = 'on';

  @query('input') private input!: HTMLInputElement | null;

  protected override get nativeControl() {
    return this.input;
  }

  protected override formData(): { value: FormValue; state: FormValue } {
    return { value: this.checked ? this.value : null, state: this.checked ? 'checked' : 'unchecked' };
  }

  protected override snapshot(): unknown {
    return this.checked;
  }

  protected override restore(snapshot: unknown): void {
    this.checked = Boolean(snapshot);
    this.indeterminate = false;
  }

  protected override restoreState(state: FormValue): void {
    this.checked = state === 'checked';
  }

  protected override findProblem(): Problem | null {
    if (this.required && !this.checked) return { flag: 'valueMissing', message: this.msg('validation.requiredCheckbox') ?? ' ' };
    return null;
  }

  #onChange(event: Event) {
    const input = event.target as HTMLInputElement;
    this.checked = input.checked;
    this.indeterminate = false;
    this.userEdited(true);
    this.emitChange();
  }

  protected override render() {
    const marker = this.required ? this.msg('requiredMarker') : undefined;
    return html`<div part="form-control" class=${this.shownError ? 'form-control invalid' : 'form-control'}>
      <div class="check">
        <input
          id="control"
          part="checkbox"
          type="checkbox"
          .checked=${this.checked}
          .indeterminate=${this.indeterminate}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          aria-invalid=${this.shownError ? 'true' : 'false'}
          aria-describedby=${this.describedBy()}
          @change=${this.#onChange}
        />
        <label part="label" id="label" for="control" class=${this.hideLabel ? 'visually-hidden' : ''}>${this.label}<slot name="label"></slot>${marker
          ? html`<span part="required" class="required" aria-hidden="true">${marker}</span>`
          : nothing}</label>
      </div>
      <div class="details">${this.renderHint()}${this.renderError()}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-checkbox': PkCheckbox;
  }
}

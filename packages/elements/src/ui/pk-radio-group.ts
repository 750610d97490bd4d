import { css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { FormControl, type FormValue, type Problem } from './form-control.ts';
import { formControlStyles } from './form-control.styles.ts';
import { ChildOptionsController, readChildOptions, type ChoiceOption } from './choice-options.ts';
import { token } from '../core/theme/tokens.ts';

/**
 * A group of radio buttons, one form value: the chosen option's `value` is submitted under
 * `name`. Options come from child `<option>` elements or the `options` property (which wins).
 *
 * Keyboard as for native radios: Tab reaches the group once (the chosen option, or the first);
 * the arrow keys move to the next or previous option and choose it, wrapping around — in a
 * right-to-left layout ArrowLeft goes forward and ArrowRight back; Home and End go to the first
 * and last option; Space chooses the focused option.
 *
 * @tag pk-radio-group
 * @summary Radio buttons with roving focus, label, hint and localized validation.
 * @csspart group - The element with `role="radiogroup"`.
 * @csspart radio - One option (`role="radio"`).
 * @csspart indicator - The circle of an option.
 * @fires input - When the user chooses an option.
 * @fires change - When the user chooses an option.
 */
export class PkRadioGroup extends FormControl {
  static override styles = [
    formControlStyles,
    css`
      .group {
        display: flex;
        flex-direction: column;
        gap: ${token('space-1')};
      }
      :host([orientation='horizontal']) .group {
        flex-direction: row;
        flex-wrap: wrap;
        column-gap: ${token('space-4')};
      }
      [role='radio'] {
        display: inline-flex;
        align-items: center;
        gap: ${token('space-2')};
        min-block-size: 1.5rem;
        padding-inline-end: ${token('space-1')};
        border-radius: ${token('radius')};
        cursor: pointer;
        inline-size: fit-content;
      }
      @media (pointer: coarse) {
        [role='radio'] {
          min-block-size: ${token('target-size')};
        }
      }
      [role='radio']:focus-visible {
        outline: var(--_focus);
        outline-offset: 2px;
      }
      [role='radio'][aria-disabled='true'] {
        cursor: not-allowed;
        opacity: 0.6;
      }
      .indicator {
        flex: none;
        box-sizing: border-box;
        inline-size: 1.25rem;
        block-size: 1.25rem;
        border-radius: 50%;
        border: 2px solid var(--_border);
        background: var(--_background);
        display: grid;
        place-items: center;
      }
      [aria-checked='true'] .indicator {
        border-color: ${token('color-primary')};
      }
      [aria-checked='true'] .indicator::after {
        content: '';
        inline-size: 0.625rem;
        block-size: 0.625rem;
        border-radius: 50%;
        background: ${token('color-primary')};
      }
      .invalid .indicator {
        border-color: var(--_danger);
      }
    `,
  ];

  /** The chosen option's value; empty when none is. The `value` attribute also sets the default. */
  @property() value = '';

  /** Options as data; when set, child `<option>`s are ignored. */
  @property({ attribute: false }) options: ChoiceOption[] | undefined;

  /** Stacks the options (`vertical`) or lines them up (`horizontal`). Arrow keys work either way. */
  @property({ reflect: true }) orientation: 'vertical' | 'horizontal' = 'vertical';

  @state() private childOptions: ChoiceOption[] = [];
  #childSelected: string | undefined;

  /** The option that takes Tab focus when nothing is chosen yet (moves with the arrow keys). */
  @state() private focusIndex = -1;

  constructor() {
    super();
    new ChildOptionsController(this, () => {
      const { options, selected } = readChildOptions(this);
      this.childOptions = options;
      this.#childSelected = selected;
    });
  }

  get choices(): ChoiceOption[] {
    return this.options ?? this.childOptions;
  }

  protected override get nativeControl(): HTMLElement | null {
    return this.#radios()[this.#tabStop()] ?? null;
  }

  protected override formData(): { value: FormValue } {
    return { value: this.value || null };
  }

  protected override snapshot(): unknown {
    return this.value;
  }

  protected override restore(snapshot: unknown): void {
    this.value = String(snapshot ?? '');
  }

  protected override restoreState(state: FormValue): void {
    this.value = typeof state === 'string' ? state : '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated && !this.value && this.#childSelected !== undefined) this.value = this.#childSelected;
    super.willUpdate(changed);
  }

  protected override findProblem(): Problem | null {
    if (this.required && !this.choices.some((option) => option.value === this.value)) {
      return { flag: 'valueMissing', message: this.msg('validation.requiredChoice') ?? ' ' };
    }
    return null;
  }

  /** Focuses the chosen option, or the first one. */
  override focus(options?: FocusOptions): void {
    this.#radios()[this.#tabStop()]?.focus(options);
  }

  #radios(): HTMLElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLElement>('[role="radio"]') ?? [])];
  }

  /** Index of the one option in the tab order. */
  #tabStop(): number {
    const choices = this.choices;
    const chosen = choices.findIndex((option) => option.value === this.value && !option.disabled);
    if (chosen >= 0) return chosen;
    if (this.focusIndex >= 0 && choices[this.focusIndex] && !choices[this.focusIndex]!.disabled) return this.focusIndex;
    return choices.findIndex((option) => !option.disabled);
  }

  #choose(index: number) {
    const option = this.choices[index];
    if (!option || option.disabled || this.isDisabled) return;
    this.focusIndex = index;
    if (option.value !== this.value) {
      this.value = option.value;
      this.userEdited(true);
      this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      this.emitChange();
    }
  }

  async #move(from: number, step: 1 | -1 | 'first' | 'last') {
    const choices = this.choices;
    const enabled = choices.map((option, index) => (option.disabled ? -1 : index)).filter((index) => index >= 0);
    if (!enabled.length) return;
    let target: number;
    if (step === 'first') target = enabled[0]!;
    else if (step === 'last') target = enabled[enabled.length - 1]!;
    else {
      const position = enabled.indexOf(from);
      target = enabled[(position + step + enabled.length) % enabled.length]!;
    }
    this.#choose(target);
    await this.updateComplete;
    this.#radios()[target]?.focus();
  }

  #onKeydown(event: KeyboardEvent) {
    if (this.isDisabled) return;
    const index = this.#radios().indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let handled = true;
    if (event.key === 'ArrowDown' || event.key === forward) void this.#move(index, 1);
    else if (event.key === 'ArrowUp' || event.key === back) void this.#move(index, -1);
    else if (event.key === 'Home') void this.#move(index, 'first');
    else if (event.key === 'End') void this.#move(index, 'last');
    else if (event.key === ' ') this.#choose(index);
    else handled = false;
    if (handled) event.preventDefault();
  }

  protected override render() {
    const tabStop = this.#tabStop();
    const invalid = Boolean(this.shownError);
    return this.renderFormControl(
      html`<div
        part="group"
        class="group"
        role="radiogroup"
        aria-labelledby="label"
        aria-describedby=${this.describedBy()}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-disabled=${this.isDisabled ? 'true' : 'false'}
        @keydown=${this.#onKeydown}
      >
        ${this.choices.map(
          (option, index) => html`<div
            part="radio"
            role="radio"
            id=${`option-${index}`}
            aria-checked=${option.value === this.value ? 'true' : 'false'}
            aria-disabled=${option.disabled || this.isDisabled ? 'true' : 'false'}
            tabindex=${index === tabStop && !this.isDisabled ? 0 : -1}
            @click=${() => this.#choose(index)}
          >
            <span part="indicator" class="indicator"></span><span>${option.label}</span>
          </div>`,
        )}
      </div>`,
      undefined,
    );
  }

  protected override firstUpdated(): void {
    // The group's label is no <label for>: a click on it focuses the tab stop, as for other controls.
    this.shadowRoot!.getElementById('label')?.addEventListener('click', () => this.focus());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-radio-group': PkRadioGroup;
  }
}

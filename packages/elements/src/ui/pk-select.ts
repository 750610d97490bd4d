import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { type Problem } from './form-control.ts';
import { TextValueControl } from './text-value-control.ts';
import { formControlStyles } from './form-control.styles.ts';
import { ChildOptionsController, readChildOptions, type ChoiceOption } from './choice-options.ts';

/**
 * A drop-down choice built on a native `<select>` (so keyboards, screen readers and mobile
 * pickers behave as users expect), taking part in its form like one. Options come from child
 * `<option>` elements (in `<optgroup>`s if wanted), or from the `options` property, which wins.
 *
 * @tag pk-select
 * @summary Native select with label, hint, placeholder and localized validation.
 * @csspart field - The box around the select.
 * @csspart select - The native `<select>`.
 * @fires input - When the user picks an option.
 * @fires change - When the user picks an option.
 */
export class PkSelect extends TextValueControl {
  static override styles = [
    formControlStyles,
    css`
      .field {
        position: relative;
        padding-inline: 0;
      }
      select {
        appearance: none;
        min-block-size: var(--_min-size);
        padding-inline: 0.75rem 2.25rem;
        cursor: pointer;
      }
      select:disabled {
        cursor: not-allowed;
      }
      .chevron {
        position: absolute;
        inset-inline-end: 0.75rem;
        inline-size: 0.75rem;
        block-size: 0.75rem;
        pointer-events: none;
      }
      option {
        background: var(--_background);
        color: inherit;
      }
    `,
  ];

  /** The chosen option's value. Setting the `value` attribute also sets the default that `form.reset()` restores. */
  @property() value = '';

  /** Options as data; when set, child `<option>`s are ignored. */
  @property({ attribute: false }) options: ChoiceOption[] | undefined;

  /** Text of an empty first choice, e.g. "Choose a country"; with `required`, the user must pick another. */
  @property() placeholder = '';

  @property() autocomplete: string | undefined;

  @state() private childOptions: ChoiceOption[] = [];
  #childSelected: string | undefined;

  @query('select') private select!: HTMLSelectElement | null;

  constructor() {
    super();
    new ChildOptionsController(this, () => {
      const { options, selected } = readChildOptions(this);
      this.childOptions = options;
      this.#childSelected = selected;
    });
  }

  /** The options shown. */
  get choices(): ChoiceOption[] {
    return this.options ?? this.childOptions;
  }

  protected override get nativeControl() {
    return this.select;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Like a native select: an `<option selected>` is the first choice, else the first option
    // (or the placeholder); a value no option has falls back the same way.
    if (!this.hasUpdated && !this.value && this.#childSelected !== undefined) this.value = this.#childSelected;
    const choices = this.choices;
    if (choices.length && !choices.some((option) => option.value === this.value) && !(this.placeholder && this.value === '')) {
      this.value = this.placeholder ? '' : (choices.find((option) => !option.disabled)?.value ?? '');
    }
    super.willUpdate(changed);
  }

  protected override findProblem(): Problem | null {
    if (this.required && this.value === '') return { flag: 'valueMissing', message: this.msg('validation.requiredChoice') ?? ' ' };
    return null;
  }

  #onChange(event: Event) {
    this.value = (event.target as HTMLSelectElement).value;
    this.userEdited(true);
    this.emitChange();
  }

  #renderOptions(): TemplateResult[] {
    const out: TemplateResult[] = [];
    const choices = this.choices;
    for (let index = 0; index < choices.length; ) {
      const group = choices[index]!.group;
      if (!group) {
        out.push(this.#renderOption(choices[index]!));
        index += 1;
        continue;
      }
      const members: ChoiceOption[] = [];
      while (index < choices.length && choices[index]!.group === group) members.push(choices[index++]!);
      out.push(html`<optgroup label=${group}>${members.map((option) => this.#renderOption(option))}</optgroup>`);
    }
    return out;
  }

  #renderOption(option: ChoiceOption): TemplateResult {
    return html`<option value=${option.value} ?disabled=${option.disabled ?? false} .selected=${option.value === this.value}>${option.label}</option>`;
  }

  protected override render() {
    return this.renderFormControl(html`
      <div part="field" class=${this.isDisabled ? 'field disabled' : 'field'}>
        <select
          id="control"
          part="select"
          autocomplete=${ifDefined(this.autocomplete as AutoFill | undefined)}
          ?required=${this.required}
          ?disabled=${this.isDisabled}
          aria-invalid=${this.shownError ? 'true' : 'false'}
          aria-describedby=${this.describedBy()}
          @change=${this.#onChange}
        >
          ${this.placeholder ? html`<option value="" .selected=${this.value === ''}>${this.placeholder}</option>` : nothing}
          ${this.#renderOptions()}
        </select>
        <svg class="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M1.5 4 6 8.5 10.5 4" fill="none" stroke="currentColor" stroke-width="1.75" /></svg>
      </div>
    `);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-select': PkSelect;
  }
}

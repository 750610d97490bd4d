import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FormControl, type FormValue, type Problem } from './form-control.ts';
import { formControlStyles } from './form-control.styles.ts';
import { comboboxStyles } from './pk-combobox.styles.ts';
import { nextActiveIndex, popupMessageKey, renderPopup, type ComboboxOption, type ComboboxSearch, type SearchStatus } from './combobox-popup.ts';

export type { ComboboxOption, ComboboxSearch } from './combobox-popup.ts';

/**
 * A text input that suggests options as the user types (the ARIA 1.2 combobox pattern with a
 * list popup): the suggestions come from the async `search` function, called once typing pauses
 * (`debounce`, 250 ms) with an `AbortSignal` that aborts when a newer query starts — and a
 * slower, older answer is never shown over a newer one.
 *
 * Keyboard: ↓/↑ open the list and move through the suggestions (focus stays in the input;
 * `aria-activedescendant` points at the active one), Enter chooses, Escape closes the list, or
 * clears the input when the list is closed, Alt+↓ opens the list without moving. "Searching…",
 * "No results" and the number of results are announced politely.
 *
 * The chosen option's `value` is submitted with the form under `name`; the input shows its
 * `label`. Typing again clears the value until another option is chosen. With `required`, the
 * form cannot be submitted without a choice; text that was typed but not chosen is an error too.
 *
 * @tag pk-combobox
 * @summary Searchable input with async suggestions (debounced, cancellable), submitted as a form value.
 * @csspart field - The box around the input.
 * @csspart input - The native `<input role="combobox">`.
 * @csspart popup - The drop-down below the field.
 * @csspart listbox - The list of suggestions.
 * @csspart option - One suggestion (also `option-active` for the active one).
 * @csspart description - A suggestion's second line.
 * @csspart message - "Searching…", "No results" or the error shown in the popup.
 * @cssprop --pk-combobox-popup-max-height - Tallest the list gets before it scrolls; defaults to 18rem.
 * @cssprop --pk-combobox-active-background - Background of the active suggestion; defaults to a tint of `--pk-color-primary`.
 * @fires input - On every edit of the text.
 * @fires change - When the user chooses a suggestion, or clears a chosen value by editing or Escape.
 */
export class PkCombobox extends FormControl {
  static override styles = [formControlStyles, comboboxStyles];

  /** The chosen option's value; empty until the user chooses. Setting the `value` attribute also sets the default that `form.reset()` restores. */
  @property() value = '';

  /** The text shown for a preset `value` (its option's label), since suggestions only arrive on search. */
  @property({ attribute: 'selected-label' }) selectedLabel = '';

  /** Finds suggestions: `(query, signal) => Promise<{ value, label, description? }[]>`. */
  @property({ attribute: false }) search: ComboboxSearch | undefined;

  /** Milliseconds typing must pause before a search starts. */
  @property({ type: Number }) debounce = 250;

  /** Fewest characters that start a search. */
  @property({ type: Number, attribute: 'min-chars' }) minChars = 1;

  @property() placeholder = '';

  /** The current suggestions. */
  @state() private options: ComboboxOption[] = [];

  /** The text in the input. */
  @state() private text = '';

  @state() private open = false;

  @state() private activeIndex = -1;

  @state() private status: SearchStatus = 'idle';

  /** What the live region says. */
  @state() private announcement = '';

  @query('input') private input!: HTMLInputElement | null;

  /** The label the component itself just set (as opposed to the host), which must not overwrite the text. */
  #ownLabel: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | undefined;

  protected static override defaultAttributes: readonly string[] = ['value', 'selected-label'];

  // ---- FormControl hooks ----

  protected override get nativeControl() {
    return this.input;
  }

  protected override formData(): { value: FormValue; state: FormValue } {
    const state = new FormData();
    state.set('value', this.value);
    state.set('label', this.selectedLabel);
    return { value: this.value, state };
  }

  protected override snapshot(): unknown {
    return { value: this.value, label: this.selectedLabel };
  }

  protected override restore(snapshot: unknown): void {
    const { value = '', label = '' } = (snapshot ?? {}) as { value?: string; label?: string };
    this.#cancel();
    this.value = value;
    this.selectedLabel = label;
    this.text = label;
    this.#close();
  }

  protected override restoreState(state: FormValue): void {
    if (state instanceof FormData) this.restore({ value: String(state.get('value') ?? ''), label: String(state.get('label') ?? '') });
  }

  protected override findProblem(): Problem | null {
    if (this.value === '' && this.text.trim() !== '') {
      return { flag: this.required ? 'valueMissing' : 'badInput', message: this.l10n?.t('combobox.pickSuggestion', { ns: 'ui' }) ?? ' ' };
    }
    if (this.required && this.value === '') return { flag: 'valueMissing', message: this.msg('validation.requiredChoice') ?? ' ' };
    return null;
  }

  // ---- lifecycle ----

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('selectedLabel') && this.selectedLabel !== this.#ownLabel) this.text = this.selectedLabel;
    this.#ownLabel = undefined;
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('activeIndex') && this.activeIndex >= 0) {
      this.renderRoot.querySelector(`#option-${this.activeIndex}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancel();
  }

  // ---- searching ----

  /** Stops the pending timer and aborts the search in flight. */
  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#controller?.abort();
    this.#controller = undefined;
  }

  #schedule(query: string, delay: number): void {
    this.#cancel();
    if (query.trim().length < this.minChars || !this.search) {
      this.#close();
      this.options = [];
      this.status = 'idle';
      return;
    }
    this.#timer = setTimeout(() => void this.#run(query), Math.max(0, delay));
  }

  async #run(query: string): Promise<void> {
    const search = this.search;
    if (!search) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.status = 'searching';
    this.open = true;
    this.#announce(this.#t('combobox.searching'));
    let results: ComboboxOption[];
    try {
      results = await search(query, controller.signal);
    } catch (error) {
      if (controller.signal.aborted || this.#controller !== controller) return;
      this.#controller = undefined;
      this.status = 'error';
      this.options = [];
      this.activeIndex = -1;
      this.#announce(this.#t('combobox.searchFailed'));
      if (!(error instanceof DOMException && error.name === 'AbortError')) console.warn('[partnerkit] pk-combobox search failed', error);
      return;
    }
    // A newer query started meanwhile: its answer (not this older one) is shown.
    if (controller.signal.aborted || this.#controller !== controller) return;
    this.#controller = undefined;
    this.options = Array.isArray(results) ? results : [];
    this.activeIndex = -1;
    this.status = 'done';
    this.open = this.#hasFocus();
    const count = this.options.length;
    this.#announce(count === 0 ? this.#t('combobox.noResults') : this.#t('combobox.resultCount', { count, n: this.formatNumber(count) }));
  }

  #t(key: string, variables: Record<string, string | number> = {}): string {
    return this.l10n?.t(key, { ns: 'ui', ...variables }) ?? '';
  }

  #announce(text: string): void {
    // The same words again (e.g. two searches with 3 results) must still be heard.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  #hasFocus(): boolean {
    return this.shadowRoot?.activeElement === this.input;
  }

  #close(): void {
    this.open = false;
    this.activeIndex = -1;
  }

  #choose(option: ComboboxOption): void {
    this.#cancel();
    const changed = option.value !== this.value;
    this.value = option.value;
    this.selectedLabel = option.label;
    this.text = option.label;
    this.status = 'idle';
    this.#close();
    this.userEdited(true);
    if (changed) this.emitChange();
  }

  #clearChoice(): void {
    this.value = '';
    this.#ownLabel = '';
    this.selectedLabel = '';
    this.emitChange();
  }

  // ---- events ----

  #onInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.userEdited();
    // The text no longer names the chosen option.
    if (this.value !== '') this.#clearChoice();
    this.#schedule(this.text, this.debounce);
  }

  #onKeydown(event: KeyboardEvent): void {
    if (event.isComposing || event.ctrlKey || event.metaKey) return;
    const count = this.options.length;
    const listShown = this.open && count > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!listShown) {
          if (count > 0) {
            this.open = true;
            if (!event.altKey) this.activeIndex = event.key === 'ArrowDown' ? 0 : count - 1;
          } else if (this.text.trim().length >= this.minChars && this.status !== 'searching') {
            this.#schedule(this.text, 0);
          }
          return;
        }
        if (event.altKey) return;
        this.activeIndex = nextActiveIndex(this.activeIndex, event.key === 'ArrowDown' ? 1 : -1, count);
        return;
      }
      case 'Home':
      case 'End':
        // Within the text, as in any text field.
        return;
      case 'Enter': {
        const option = listShown ? this.options[this.activeIndex] : undefined;
        if (option) {
          event.preventDefault();
          this.#choose(option);
        } else if (!this.open) {
          this.implicitSubmit();
        } else {
          event.preventDefault();
        }
        return;
      }
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.#cancel();
          this.#close();
        } else if (this.text) {
          event.preventDefault();
          this.#cancel();
          this.text = '';
          this.userEdited();
          if (this.value !== '') this.#clearChoice();
        }
        return;
      case 'Tab':
        this.#close();
        return;
      default:
        return;
    }
  }

  #onFocusout(event: FocusEvent): void {
    if (event.relatedTarget instanceof Node && this.shadowRoot?.contains(event.relatedTarget)) return;
    this.#cancel();
    if (this.status === 'searching') this.status = 'idle';
    this.#close();
  }

  readonly #onOptionClick = (option: ComboboxOption): void => {
    this.#choose(option);
    this.input?.focus();
  };

  // ---- rendering ----

  protected override render() {
    const count = this.options.length;
    const listShown = this.open && count > 0;
    const messageKey = this.open && count === 0 ? popupMessageKey(this.status) : undefined;
    const message = messageKey ? this.#t(messageKey) : '';
    const active = listShown && this.activeIndex >= 0 ? `option-${this.activeIndex}` : undefined;
    return this.renderFormControl(html`
      <div class="anchor">
        <div part="field" class=${this.isDisabled ? 'field disabled' : 'field'}>
          <input
            id="control"
            part="input"
            type="text"
            role="combobox"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            aria-autocomplete="list"
            aria-expanded=${listShown ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${ifDefined(active)}
            aria-invalid=${this.shownError ? 'true' : 'false'}
            aria-describedby=${this.describedBy()}
            placeholder=${ifDefined(this.placeholder || undefined)}
            .value=${live(this.text)}
            ?required=${this.required}
            ?disabled=${this.isDisabled}
            @input=${this.#onInput}
            @keydown=${this.#onKeydown}
            @focusout=${this.#onFocusout}
            @change=${(event: Event) => event.stopPropagation()}
          />
          <svg class="chevron" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M1.5 4 6 8.5 10.5 4" fill="none" stroke="currentColor" stroke-width="1.75" /></svg>
        </div>
        ${renderPopup({ options: this.options, activeIndex: this.activeIndex, listShown, message, onChoose: this.#onOptionClick })}
      </div>
      <div class="visually-hidden" role="status">${this.announcement}</div>
    `);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-combobox': PkCombobox;
  }
}

import { html, nothing } from 'lit';

// `<pk-combobox>`'s suggestions: their types, the popup that lists them, and moving through them.

/** One suggestion of a combobox search. */
export interface ComboboxOption {
  /** What the form submits. */
  value: string;
  /** What the user sees, and what the input shows once chosen. */
  label: string;
  /** A second, quieter line (e.g. a SKU or a country). */
  description?: string;
}

/** Finds suggestions for what the user typed; stop work when `signal` aborts (a newer query replaced it). */
export type ComboboxSearch = (query: string, signal: AbortSignal) => Promise<ComboboxOption[]>;

/** Where a combobox's search is. */
export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

/** The `ui` string the popup shows instead of suggestions, if any. */
export function popupMessageKey(status: SearchStatus): string | undefined {
  if (status === 'searching') return 'combobox.searching';
  if (status === 'error') return 'combobox.searchFailed';
  if (status === 'done') return 'combobox.noResults';
  return undefined;
}

/** The suggestion ↓ (`step` 1) or ↑ (`step` -1) moves to, wrapping around; from none, the first or the last. */
export function nextActiveIndex(active: number, step: 1 | -1, count: number): number {
  return active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count;
}

export interface PopupState {
  options: readonly ComboboxOption[];
  activeIndex: number;
  /** The list is open and has suggestions. */
  listShown: boolean;
  /** Shown instead of suggestions ("Searching…", "No results"…); empty for none. */
  message: string;
  onChoose: (option: ComboboxOption) => void;
}

/** The drop-down: the listbox of suggestions, or a message. Mouse presses keep focus in the input. */
export function renderPopup({ options, activeIndex, listShown, message, onChoose }: PopupState) {
  return html`<div part="popup" ?hidden=${!(listShown || message)} @mousedown=${(event: MouseEvent) => event.preventDefault()}>
    <ul part="listbox" id="listbox" role="listbox" aria-labelledby="label" ?hidden=${!listShown}>
      ${options.map((option, index) => html`<li
        part=${index === activeIndex ? 'option option-active' : 'option'}
        id="option-${index}"
        role="option"
        aria-selected=${index === activeIndex ? 'true' : 'false'}
        @click=${() => onChoose(option)}
      >
        <span class="option-label">${option.label}</span>
        ${option.description ? html`<span part="description">${option.description}</span>` : nothing}
      </li>`)}
    </ul>
    ${message ? html`<p part="message">${message}</p>` : nothing}
  </div>`;
}

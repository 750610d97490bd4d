// The deal list's toolbar: search, the presets, the status filter disclosure, "Clear filters"
// and the CSV export. It renders into the list's own shadow root; the list owns the filter.
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { DealStatus } from '@partnerkit/api';
import { DEAL_STATUSES } from './deal-list-filter.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the toolbar shows. */
export interface ToolbarView {
  searchText: string;
  status: readonly DealStatus[];
  expiringSoon: boolean;
  needsAction: boolean;
  filtered: boolean;
  exporting: boolean;
  /** Why the last export failed, in the user's language. */
  exportError: string | undefined;
}

/** What the user can do in it. */
export interface ToolbarActions {
  searchInput: (event: InputEvent) => void;
  searchSubmit: (event: SubmitEvent) => void;
  toggleStatus: (status: DealStatus) => void;
  toggleExpiringSoon: () => void;
  toggleNeedsAction: () => void;
  clear: () => void;
  export: () => void;
}

/** The status filter's `<details>`: Escape closes it back on its summary, and so does a click or focus elsewhere. */
export class StatusDisclosure implements ReactiveController {
  readonly #host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment };

  constructor(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#stopWatching();
  }

  readonly onKeydown = (event: KeyboardEvent) => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (event.key !== 'Escape' || !details.open) return;
    event.preventDefault();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  readonly onToggle = (event: Event) => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (details.open) {
      document.addEventListener('pointerdown', this.#closeOutside, true);
      document.addEventListener('focusin', this.#closeOutside, true);
    } else {
      this.#stopWatching();
    }
  };

  readonly #closeOutside = (event: Event) => {
    const details = this.#host.renderRoot.querySelector<HTMLDetailsElement>('details.status-filter');
    if (details && !event.composedPath().includes(details)) details.open = false;
  };

  #stopWatching(): void {
    document.removeEventListener('pointerdown', this.#closeOutside, true);
    document.removeEventListener('focusin', this.#closeOutside, true);
  }
}

export function renderDealListToolbar(view: ToolbarView, on: ToolbarActions, disclosure: StatusDisclosure, t: Translate) {
  const selected = new Set(view.status);
  return html`
    <div class="toolbar" part="toolbar">
      <form class="search" part="search" role="search" aria-label=${t('filter.search')} @submit=${on.searchSubmit}>
        <label for="search">${t('filter.search')}</label>
        <input id="search" part="search-input" type="search" name="q" autocomplete="off" enterkeyhint="search" .value=${live(view.searchText)} @input=${on.searchInput} />
      </form>
      <div class="presets" part="presets" role="group" aria-label=${t('filter.presets')}>
        <button type="button" part="preset" class="toggle" aria-pressed=${view.expiringSoon ? 'true' : 'false'} @click=${on.toggleExpiringSoon}>${t('filter.expiringSoon')}</button>
        <button type="button" part="preset" class="toggle" aria-pressed=${view.needsAction ? 'true' : 'false'} @click=${on.toggleNeedsAction}>${t('filter.needsAction')}</button>
      </div>
      <details class="status-filter" part="status-filter" @keydown=${disclosure.onKeydown} @toggle=${disclosure.onToggle}>
        <summary>
          ${selected.size ? t('filter.statusCount', { count: selected.size }) : t('filter.status')}
          <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" /></svg>
        </summary>
        <fieldset>
          <legend class="visually-hidden">${t('filter.status')}</legend>
          ${DEAL_STATUSES.map(
            (status) => html`<label class="check">
              <input type="checkbox" name="status" value=${status} .checked=${live(selected.has(status))} @change=${() => on.toggleStatus(status)} />
              <span>${t(`status.${status}`)}</span>
            </label>`,
          )}
        </fieldset>
      </details>
      <div class="actions">
        ${view.filtered ? html`<button type="button" part="clear" class="secondary" @click=${on.clear}>${t('filter.clear')}</button>` : nothing}
        <button type="button" part="export" class="secondary" aria-disabled=${view.exporting ? 'true' : 'false'} @click=${on.export}>
          ${view.exporting ? t('export.busy') : t('export.button')}
        </button>
      </div>
    </div>
    ${view.exportError ? html`<p role="alert" part="error" class="export-error">${t('export.failed')} ${view.exportError}</p>` : nothing}
  `;
}

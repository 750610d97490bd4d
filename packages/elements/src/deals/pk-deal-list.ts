import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Deal, DealPage, DealStatus, ExportDealsQuery } from '@partnerkit/api';
import { PortalElement } from '../core/portal-element.ts';
import { DataController, cursorPages } from '../core/data-controller.ts';
import { errorMessage } from '../core/error-message.ts';
import { renderStates } from '../core/render-states.ts';
import type { DataTableColumn, RowActivateDetail, SortChangeDetail } from '../ui/pk-data-table.ts';
import { dealListStyles } from './pk-deal-list.styles.ts';
import { PkDealFilterChangeEvent, PkDealSelectedEvent, type DealDetail, type DealListFilter, type DealSort } from './events.ts';
import { DEFAULT_SORT, NEEDS_ACTION, SEARCH_DELAY_MS, sameStatuses, sortConverter, statusConverter, toStatuses } from './deal-list-filter.ts';
import { PLACEHOLDER_COLUMNS, dealListColumns, toServerSort, toTableSort } from './deal-list-columns.ts';
import { StatusDisclosure, renderDealListToolbar } from './deal-list-toolbar.ts';
import { DealListExport } from './deal-list-export.ts';
import type { ElementDependencies } from '../core/define.ts';
import { dealsNamespace } from './locales.ts';
import { PkAlert } from '../ui/pk-alert.ts';
import { PkDataTable } from '../ui/pk-data-table.ts';
import { PkErrorState } from '../ui/pk-error-state.ts';
import { PkStatusChip } from '../ui/pk-status-chip.ts';

/** The orders `GET /deals` offers. */
export type { DealSort, DealListFilter, DealFilterChangeDetail } from './events.ts';
export { DEAL_STATUSES, NEEDS_ACTION, SEARCH_DELAY_MS } from './deal-list-filter.ts';

/** `detail` of `pk-deal-selected`. */
export type DealSelectedDetail = DealDetail;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The signed-in partner's deal registrations: a virtualised, sortable table (cards in narrow
 * containers) with search, status filters, the "Expiring soon" and "Needs my action" presets,
 * "Load more" paging and a CSV export of the same filter.
 *
 * The filter lives in attributes (`status`, `q`, `expiring-soon`, `sort`), so a host can link
 * to a filtered list and keep its URL in step through `pk-deal-filter-change`. Any change of the
 * filter loads the list again from the first page; typing in the search box waits for a pause
 * of 300 ms and aborts the request it replaces. Sorting is done by the server. A change made
 * elsewhere on the page (an action in `<pk-deal-detail>`) refreshes the list by itself, pages
 * loaded so far included.
 *
 * ```html
 * <pk-deal-list status="submitted info_requested" sort="amount_desc"></pk-deal-list>
 * <script type="module">
 *   list.addEventListener('pk-deal-selected', (event) => detail.setAttribute('deal-id', event.detail.deal.id));
 * </script>
 * ```
 *
 * @tag pk-deal-list
 * @summary The partner's deal registrations with search, filters, sorting, paging and CSV export.
 * @csspart title - The heading naming the list.
 * @csspart toolbar - The row of search, filters and export.
 * @csspart search - The search form.
 * @csspart search-input - The search box.
 * @csspart presets - The group of preset toggles.
 * @csspart preset - A preset toggle ("Expiring soon", "Needs my action").
 * @csspart status-filter - The status filter disclosure.
 * @csspart clear - The button that clears the filters.
 * @csspart export - The CSV export button.
 * @csspart table - The `<pk-data-table>` of deals.
 * @csspart row - One deal's row (a card in narrow containers).
 * @csspart cell - A cell of a row.
 * @csspart status - A deal's status chip (`<pk-status-chip>`).
 * @csspart header - A column header.
 * @csspart card-label - A cell's label in the card layout.
 * @csspart empty - The message when no deals match.
 * @csspart footer - The count of deals shown and the "Load more" button.
 * @csspart load-more - The button that loads the next page.
 * @csspart error - The `<pk-error-state>` (with "Try again") when a page could not be loaded; the export's error message.
 * @csspart offline - The note that the deals shown may be out of date.
 * @cssprop --pk-deal-list-font - Font of the list; defaults to `--pk-font-body`.
 * @cssprop --pk-deal-list-gap - Space between the toolbar, the table and the footer; defaults to `--pk-space-3`.
 * @fires pk-deal-selected - The user opened a deal (click or Enter on its row); `detail.deal` is the deal.
 * @fires pk-deal-filter-change - The user changed the filter, search or order; `detail.filter` has `status`, `q`, `expiringSoon` and `sort`.
 * @fires pk-loaded - Deals are on screen: the first page, each refresh and each further page; `detail.empty` when none match.
 * @fires pk-load-error - A page could not be loaded; `detail.kind` says why (connection, authentication, server…).
 */
export class PkDealList extends PortalElement {
  /** The elements it renders, registered with it. @internal */
  static dependencies: ElementDependencies = { 'pk-alert': PkAlert, 'pk-data-table': PkDataTable, 'pk-error-state': PkErrorState, 'pk-status-chip': PkStatusChip };
  /** Its strings' namespaces, loaded before it renders text. @internal */
  static override namespaces = [dealsNamespace];
  static override styles = dealListStyles;

  /** Deals per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Only deals in these statuses (space-separated in the attribute: `status="submitted info_requested"`); all when empty. */
  @property({ reflect: true, converter: statusConverter, hasChanged: (value: DealStatus[], old: DealStatus[] | undefined) => !sameStatuses(value, old) })
  status: DealStatus[] = [];

  /** Search text: customer, opportunity, reference or contact name. */
  @property({ reflect: true }) q = '';

  /** Only approved deals whose protection ends within 14 days. */
  @property({ type: Boolean, reflect: true, attribute: 'expiring-soon' }) expiringSoon = false;

  /** The order: `created_desc` (default), `created_asc`, `close_asc`, `close_desc`, `amount_desc` or `amount_asc`. */
  @property({ reflect: true, converter: sortConverter }) sort: DealSort = DEFAULT_SORT;

  /** What the search box holds; `q` follows it after a pause. */
  @state() private searchText = '';

  @query('pk-data-table') private table!: PkDataTable<Deal> | null;
  @query('[part="load-more"]') private loadMoreButton!: HTMLButtonElement | null;

  #columns: DataTableColumn<Deal>[] = PLACEHOLDER_COLUMNS;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #disclosure = new StatusDisclosure(this);
  readonly #export = new DealListExport(this);

  // Keyed by the filter: a change loads from the first page, aborting the load it replaces.
  readonly #deals = new DataController<DealPage>(this, {
    client: () => this.client,
    key: () => `deals?${JSON.stringify({ ...this.query, limit: this.pageSize })}`,
    // A filter seen before shows at once, and is checked again.
    staleMs: 0,
    tags: () => ['deals'],
    pages: cursorPages<DealPage>(),
    load: (client, signal, cursor) => client.deals.list({ ...this.query, limit: this.pageSize, ...(cursor ? { cursor } : {}) }, { signal }),
  });

  /** The filter as query parameters of `listDeals` and `exportDeals`. */
  get query(): ExportDealsQuery {
    return {
      ...(this.status.length ? { status: [...this.status] } : {}),
      ...(this.q ? { q: this.q } : {}),
      ...(this.expiringSoon ? { expiringSoon: true } : {}),
      sort: this.sort,
    };
  }

  /** Reloads the deals shown (every page loaded so far). */
  refresh(): Promise<void> {
    return this.#deals.refresh({ force: true });
  }

  async #loadMore(): Promise<void> {
    const focused = this.shadowRoot?.activeElement === this.loadMoreButton;
    const shown = this.#deals.value?.data.length ?? 0;
    await this.#deals.loadMore();
    // The last page removes the button: focus moves on to the first new deal instead of being lost.
    if (focused && !this.#deals.hasMore && (this.#deals.value?.data.length ?? 0) > shown) {
      await this.updateComplete;
      await this.table?.focusRow(shown);
    }
  }

  /** Applies a change the user made and tells the host. */
  #setFilter(change: Partial<DealListFilter>): void {
    if (change.status) this.status = toStatuses(change.status);
    if (change.q !== undefined) this.q = change.q;
    if (change.expiringSoon !== undefined) this.expiringSoon = change.expiringSoon;
    if (change.sort) this.sort = change.sort;
    const filter: DealListFilter = { status: [...this.status], q: this.q, expiringSoon: this.expiringSoon, sort: this.sort };
    this.dispatchEvent(new PkDealFilterChangeEvent({ filter }));
  }

  get #filtered(): boolean {
    return this.status.length > 0 || this.q !== '' || this.expiringSoon;
  }

  get #needsAction(): boolean {
    return sameStatuses(this.status, toStatuses(NEEDS_ACTION));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  // Untyped map: `l10n` is protected, so it is not a key of `this`.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('l10n')) this.#columns = this.l10n ? dealListColumns(this.l10n) : PLACEHOLDER_COLUMNS;
    // Set from outside (attribute or property): the search box shows it, and a pending search is dropped.
    if (changed.has('q') && this.q !== this.searchText.trim()) {
      clearTimeout(this.#searchTimer);
      this.searchText = this.q;
    }
  }

  // ---- user actions ----

  readonly #actions = {
    searchInput: (event: InputEvent) => {
      this.searchText = (event.target as HTMLInputElement).value;
      clearTimeout(this.#searchTimer);
      this.#searchTimer = setTimeout(() => this.#search(), SEARCH_DELAY_MS);
    },
    searchSubmit: (event: SubmitEvent) => {
      event.preventDefault();
      this.#search();
    },
    toggleStatus: (status: DealStatus) => {
      this.#setFilter({ status: this.status.includes(status) ? this.status.filter((s) => s !== status) : [...this.status, status] });
    },
    toggleExpiringSoon: () => this.#setFilter(this.expiringSoon ? { expiringSoon: false } : { expiringSoon: true, status: [] }),
    toggleNeedsAction: () => this.#setFilter(this.#needsAction ? { status: [] } : { status: [...NEEDS_ACTION], expiringSoon: false }),
    clear: () => {
      clearTimeout(this.#searchTimer);
      this.searchText = '';
      this.#setFilter({ status: [], q: '', expiringSoon: false });
      this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
    },
    export: () => {
      if (this.client && this.l10n) void this.#export.run(this.client, this.query, this.l10n.t('export.fileName', { ns: 'deals', date: new Date().toISOString().slice(0, 10) }));
    },
  };

  #search(): void {
    clearTimeout(this.#searchTimer);
    const q = this.searchText.trim();
    if (q !== this.q) this.#setFilter({ q });
  }

  readonly #onSortChange = (event: CustomEvent<SortChangeDetail>) => {
    event.stopPropagation();
    const sort = toServerSort(event.detail.sort);
    if (!sort) {
      event.preventDefault();
      return;
    }
    this.#setFilter({ sort });
  };

  readonly #onRowActivate = (event: CustomEvent<RowActivateDetail<Deal>>) => {
    event.stopPropagation();
    this.dispatchEvent(new PkDealSelectedEvent({ deal: event.detail.row }));
  };

  // ---- rendering ----

  protected override render() {
    const l10n = this.l10n;
    // Until translations arrive there is nothing to say: the table's skeleton only.
    if (!l10n) return html`<pk-data-table part="table" loading .columns=${PLACEHOLDER_COLUMNS}></pk-data-table>`;
    const t: Translate = (key, options = {}) => l10n.t(key, { ns: 'deals', ...options });
    const deals = this.#deals;
    const failed = deals.value === undefined && deals.status === 'error';
    const loading = deals.value === undefined && !failed;
    const count = deals.value?.data.length ?? 0;
    const said = loading ? t('list.loading') : deals.empty ? this.#emptyText(t) : t('list.count', { count });
    const exportError = this.#export.error ? errorMessage(this.#export.error, l10n) : undefined;
    const view = { searchText: this.searchText, status: this.status, expiringSoon: this.expiringSoon, needsAction: this.#needsAction, filtered: this.#filtered, exporting: this.#export.busy, exportError };
    return html`
      <h2 id="title" part="title">${t('list.title')}</h2>
      ${renderDealListToolbar(view, this.#actions, this.#disclosure, t)}
      ${renderStates(deals, {
        l10n,
        skeleton: () => this.#renderTable([], true, t),
        data: (page) => this.#renderTable(page.data, deals.refreshing, t),
        empty: () => this.#renderTable([], false, t),
      })}
      <div class="footer" part="footer" ?hidden=${failed}>
        <p role="status" class=${loading || deals.empty ? 'visually-hidden' : ''}>${failed ? '' : said}</p>
        ${deals.hasMore && !loading
          ? html`<button type="button" part="load-more" aria-disabled=${deals.moreStatus === 'loading' || deals.refreshing ? 'true' : 'false'} @click=${() => void this.#loadMore()}>${t('list.loadMore')}</button>`
          : nothing}
      </div>
      ${deals.moreStatus === 'error' && deals.error
        ? html`<pk-error-state part="error" request-id=${deals.error.requestId ?? ''} @pk-retry=${() => void this.#loadMore()}>${errorMessage(deals.error, l10n)}</pk-error-state>`
        : nothing}
    `;
  }

  /** The table: skeleton rows while `loading` without rows, the empty message in its slot when there are none. */
  #renderTable(rows: Deal[], loading: boolean, t: Translate) {
    return html`<pk-data-table
      part="table"
      exportparts="row, cell, status, header, card-label"
      label=${t('list.title')}
      row-key="id"
      .columns=${this.#columns}
      .rows=${rows}
      .sort=${toTableSort(this.sort)}
      ?loading=${loading}
      @pk-sort-change=${this.#onSortChange}
      @pk-row-activate=${this.#onRowActivate}
    >
      ${rows.length === 0 && !loading
        ? html`<div slot="empty" part="empty" class="empty">
            <p>${this.#emptyText(t)}</p>
            ${this.#filtered ? html`<button type="button" class="secondary" @click=${this.#actions.clear}>${t('filter.clear')}</button>` : nothing}
          </div>`
        : nothing}
    </pk-data-table>`;
  }

  #emptyText(t: Translate): string {
    return this.#filtered ? t('list.emptyFiltered') : t('list.empty');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-list': PkDealList;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { PartnerkitError, type Deal, type DealPage, type DealStatus, type ExportDealsQuery } from '@partnerkit/api';
import { PortalElement } from '../core/portal-element.ts';
import type { Localization } from '../core/i18n.ts';
import { ResourceController } from '../core/resource-controller.ts';
import { errorMessage } from '../core/error-message.ts';
import { formatDate, formatMoney, formatRelative } from '../core/format.ts';
import type { DataTableColumn, DataTableSort, RowActivateDetail, SortChangeDetail } from '../ui/pk-data-table.ts';
import type { Tone } from '../ui/display-shared.ts';
import { dealListStyles } from './pk-deal-list.styles.ts';
import { PkDealFilterChangeEvent, PkDealSelectedEvent, type DealDetail, type DealListFilter, type DealSort } from './events.ts';
import type { ElementDependencies } from '../core/define.ts';
import { dealsNamespace } from './locales.ts';
import { PkDataTable } from '../ui/pk-data-table.ts';
import { PkStatusChip } from '../ui/pk-status-chip.ts';

/** The orders `GET /deals` offers. */
export type { DealSort, DealListFilter, DealFilterChangeDetail } from './events.ts';

/** `detail` of `pk-deal-selected`. */
export type DealSelectedDetail = DealDetail;

export const DEAL_STATUSES: readonly DealStatus[] = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn'];
const SORTS: readonly DealSort[] = ['created_desc', 'created_asc', 'close_asc', 'close_desc', 'amount_desc', 'amount_asc'];
const DEFAULT_SORT: DealSort = 'created_desc';

/** The "Needs my action" preset: deals waiting for the partner. */
export const NEEDS_ACTION: readonly DealStatus[] = ['info_requested', 'draft'];

/** How long typing pauses before the search runs. */
export const SEARCH_DELAY_MS = 300;

/** Sortable columns and the field of `sort` each stands for. */
const SORT_FIELDS = { createdAt: 'created', expectedCloseDate: 'close', amount: 'amount' } as const;
type SortColumn = keyof typeof SORT_FIELDS;

const STATUS_TONES: Record<DealStatus, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  info_requested: 'warning',
  approved: 'success',
  rejected: 'danger',
  won: 'success',
  lost: 'neutral',
  expired: 'danger',
  withdrawn: 'neutral',
};

const COLUMN_KEYS = ['reference', 'customer', 'opportunity', 'amount', 'status', 'expectedClose', 'protection', 'created'] as const;

/** Columns before the translations arrive: the skeleton's shape, no words. */
const PLACEHOLDER_COLUMNS: DataTableColumn<Deal>[] = COLUMN_KEYS.map((key) => ({ key, header: '' }));

/** Known statuses only, each once, in the workflow's order. */
function toStatuses(values: readonly string[]): DealStatus[] {
  return DEAL_STATUSES.filter((status) => values.includes(status));
}

const statusConverter = {
  fromAttribute: (value: string | null): DealStatus[] => toStatuses(value?.split(/\s+/) ?? []),
  toAttribute: (value: DealStatus[]): string | null => (value.length ? value.join(' ') : null),
};

const sortConverter = {
  fromAttribute: (value: string | null): DealSort => ((SORTS as readonly string[]).includes(value ?? '') ? (value as DealSort) : DEFAULT_SORT),
  toAttribute: (value: DealSort): string | null => (value === DEFAULT_SORT ? null : value),
};

const sameStatuses = (a: readonly DealStatus[] | undefined, b: readonly DealStatus[] | undefined) => (a ?? []).join(' ') === (b ?? []).join(' ');

/** The table's column sort as the server's `sort`, and back. */
function toServerSort(sort: DataTableSort): DealSort | undefined {
  const field = SORT_FIELDS[sort.key as SortColumn];
  return field ? (`${field}_${sort.direction === 'ascending' ? 'asc' : 'desc'}` as DealSort) : undefined;
}

function toTableSort(sort: DealSort): DataTableSort {
  const [field, direction] = sort.split('_');
  const key = (Object.keys(SORT_FIELDS) as SortColumn[]).find((column) => SORT_FIELDS[column] === field) ?? 'createdAt';
  return { key, direction: direction === 'asc' ? 'ascending' : 'descending' };
}

/**
 * Formatted values by locale and value. Many deals share a day, and formatting with Intl costs
 * far more than a lookup, which matters while thousands of rows scroll by.
 */
const formatted = new Map<string, string>();

function memo(key: string, format: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 20_000) formatted.clear();
    formatted.set(key, (text = format()));
  }
  return text;
}

/** A calendar date (`YYYY-MM-DD`) for the locale, once per day. */
function formatDay(date: string, locale: string): string {
  return memo(`date|${locale}|${date}`, () => formatDate(date, locale));
}

const createdFormats = new Map<string, Intl.DateTimeFormat>();

/** The day a deal was registered, in the user's time zone. */
function formatCreated(instant: string, locale: string): string {
  const moment = new Date(instant);
  const day = `${moment.getFullYear()}-${moment.getMonth()}-${moment.getDate()}`;
  return memo(`created|${locale}|${day}`, () => {
    let format = createdFormats.get(locale);
    if (!format) createdFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })));
    return format.format(moment);
  });
}

const DAY_MS = 86_400_000;

/**
 * "ends in 12 days" / "ended 3 days ago" / "—" for an expiry, relative to now. The text depends
 * only on the whole days left and the side of now, so each is built once per language.
 */
function protectionText({ t, locale }: Localization): (expiresAt: string | null) => string {
  const none = t('protection.none', { ns: 'deals' });
  const texts = new Map<string, string>();
  return (expiresAt) => {
    if (!expiresAt) return none;
    const now = Date.now();
    const at = Date.parse(expiresAt);
    const key = `${at > now ? 'ends' : 'ended'}:${Math.round((at - now) / DAY_MS)}`;
    let text = texts.get(key);
    if (text === undefined) {
      const when = formatRelative(expiresAt, locale, now);
      texts.set(key, (text = at > now ? t('protection.ends', { ns: 'deals', when }) : t('protection.ended', { ns: 'deals', when })));
    }
    return text;
  };
}

function toError(error: unknown): PartnerkitError {
  return error instanceof PartnerkitError ? error : new PartnerkitError({ kind: 'network', code: 'unknown', title: String(error), cause: error });
}

/**
 * The signed-in partner's deal registrations: a virtualised, sortable table (cards in narrow
 * containers) with search, status filters, the "Expiring soon" and "Needs my action" presets,
 * "Load more" paging and a CSV export of the same filter.
 *
 * The filter lives in attributes (`status`, `q`, `expiring-soon`, `sort`), so a host can link
 * to a filtered list and keep its URL in step through `pk-deal-filter-change`. Any change of the
 * filter loads the list again from the first page; typing in the search box waits for a pause
 * of 300 ms and aborts the request it replaces. Sorting is done by the server.
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
 * @csspart error - An error message with its retry button.
 * @cssprop --pk-deal-list-font - Font of the list; defaults to `--pk-font-body`.
 * @cssprop --pk-deal-list-gap - Space between the toolbar, the table and the footer; defaults to `--pk-space-3`.
 * @fires pk-deal-selected - The user opened a deal (click or Enter on its row); `detail.deal` is the deal.
 * @fires pk-deal-filter-change - The user changed the filter, search or order; `detail.filter` has `status`, `q`, `expiringSoon` and `sort`.
 */
export class PkDealList extends PortalElement {
  /** The elements it renders, registered with it. @internal */
  static dependencies: ElementDependencies = { 'pk-data-table': PkDataTable, 'pk-status-chip': PkStatusChip };
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

  @state() private deals: Deal[] = [];
  @state() private nextCursor: string | null = null;
  @state() private moreStatus: 'idle' | 'loading' | 'error' = 'idle';
  @state() private moreError: PartnerkitError | undefined;
  /** What the search box holds; `q` follows it after a pause. */
  @state() private searchText = '';
  @state() private exporting = false;
  @state() private exportError: PartnerkitError | undefined;

  @query('pk-data-table') private table!: PkDataTable<Deal> | null;
  @query('[part="load-more"]') private loadMoreButton!: HTMLButtonElement | null;

  #columns: DataTableColumn<Deal>[] = PLACEHOLDER_COLUMNS;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #moreAbort: AbortController | undefined;

  #firstPage = new ResourceController<DealPage>(this, (signal) => this.#fetchPage(undefined, signal), (page) => {
    this.deals = page.data;
    this.nextCursor = page.nextCursor;
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

  #fetchPage(cursor: string | undefined, signal: AbortSignal): Promise<DealPage> {
    if (!this.client) return Promise.reject(new Error('no client'));
    return this.client.deals.list({ ...this.query, limit: this.pageSize, ...(cursor ? { cursor } : {}) }, { signal });
  }

  /** Reloads the first page. */
  refresh(): Promise<void> {
    return this.#loadFirstPage();
  }

  #loadFirstPage(): Promise<void> {
    this.#moreAbort?.abort();
    this.moreStatus = 'idle';
    this.moreError = undefined;
    return this.#firstPage.run();
  }

  async #loadMore(): Promise<void> {
    const cursor = this.nextCursor;
    if (!cursor || !this.client || this.moreStatus === 'loading') return;
    const abort = new AbortController();
    this.#moreAbort = abort;
    this.moreStatus = 'loading';
    this.moreError = undefined;
    const shown = this.deals.length;
    try {
      const page = await this.#fetchPage(cursor, abort.signal);
      if (abort.signal.aborted) return;
      const focused = this.shadowRoot?.activeElement === this.loadMoreButton;
      this.deals = [...this.deals, ...page.data];
      this.nextCursor = page.nextCursor;
      this.moreStatus = 'idle';
      // The last page removes the button: focus moves on to the first new deal instead of being lost.
      if (focused && !page.nextCursor && page.data.length) {
        await this.updateComplete;
        await this.table?.focusRow(shown);
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      this.moreError = toError(error);
      this.moreStatus = 'error';
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

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.client && this.#firstPage.status === 'idle') void this.#loadFirstPage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    this.#stopWatchingOutside();
    this.#moreAbort?.abort();
    if (this.moreStatus === 'loading') this.moreStatus = 'idle';
  }

  // Untyped map: `client` and `l10n` are protected, so they are not keys of `this`.
  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('l10n')) this.#columns = this.l10n ? this.#makeColumns(this.l10n) : PLACEHOLDER_COLUMNS;
    // Set from outside (attribute or property): the search box shows it, and a pending search is dropped.
    if (changed.has('q') && this.q !== this.searchText.trim()) {
      clearTimeout(this.#searchTimer);
      this.searchText = this.q;
    }
  }

  protected override updated(changed: PropertyValues): void {
    const filter = ['client', 'pageSize', 'status', 'q', 'expiringSoon', 'sort'].some((name) => changed.has(name));
    if (filter && this.client) void this.#loadFirstPage();
  }

  // ---- user actions ----

  readonly #onSearchInput = (event: InputEvent) => {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#search(), SEARCH_DELAY_MS);
  };

  readonly #onSearchSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.#search();
  };

  #search(): void {
    clearTimeout(this.#searchTimer);
    const q = this.searchText.trim();
    if (q !== this.q) this.#setFilter({ q });
  }

  #toggleStatus(status: DealStatus): void {
    const next = this.status.includes(status) ? this.status.filter((s) => s !== status) : [...this.status, status];
    this.#setFilter({ status: next });
  }

  #toggleExpiringSoon(): void {
    this.#setFilter(this.expiringSoon ? { expiringSoon: false } : { expiringSoon: true, status: [] });
  }

  #toggleNeedsAction(): void {
    this.#setFilter(this.#needsAction ? { status: [] } : { status: [...NEEDS_ACTION], expiringSoon: false });
  }

  #clearFilters(): void {
    clearTimeout(this.#searchTimer);
    this.searchText = '';
    this.#setFilter({ status: [], q: '', expiringSoon: false });
    this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
  }

  /** Escape closes the status filter, back on its summary. */
  readonly #onStatusKeydown = (event: KeyboardEvent) => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (event.key !== 'Escape' || !details.open) return;
    event.preventDefault();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  /** While the status filter is open, a click or focus elsewhere closes it. */
  readonly #onStatusToggle = (event: Event) => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (details.open) {
      document.addEventListener('pointerdown', this.#closeStatusOutside, true);
      document.addEventListener('focusin', this.#closeStatusOutside, true);
    } else {
      this.#stopWatchingOutside();
    }
  };

  readonly #closeStatusOutside = (event: Event) => {
    const details = this.renderRoot.querySelector<HTMLDetailsElement>('details.status-filter');
    if (details && !event.composedPath().includes(details)) details.open = false;
  };

  #stopWatchingOutside(): void {
    document.removeEventListener('pointerdown', this.#closeStatusOutside, true);
    document.removeEventListener('focusin', this.#closeStatusOutside, true);
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

  /** Downloads the deals of the current filter as CSV, through an object URL (no script, allowed by a strict CSP). */
  async #export(): Promise<void> {
    const client = this.client;
    if (!client || this.exporting || !this.l10n) return;
    this.exporting = true;
    this.exportError = undefined;
    try {
      const blob = await client.deals.export(this.query);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = this.l10n.t('export.fileName', { ns: 'deals', date: new Date().toISOString().slice(0, 10) });
      link.hidden = true;
      this.renderRoot.append(link);
      link.click();
      link.remove();
      // The download has its own reference to the file by now; a little later for slower browsers.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.exportError = toError(error);
    } finally {
      this.exporting = false;
    }
  }

  // ---- rendering ----

  #makeColumns(l10n: Localization): DataTableColumn<Deal>[] {
    const { t, locale } = l10n;
    const header = (key: (typeof COLUMN_KEYS)[number]) => t(`column.${key}`, { ns: 'deals' });
    // Rows render as they scroll into view: words that repeat are looked up once per language.
    const statusLabels = Object.fromEntries(DEAL_STATUSES.map((status) => [status, t(`status.${status}`, { ns: 'deals' })])) as Record<DealStatus, string>;
    const protection = protectionText(l10n);
    return [
      { key: 'reference', header: header('reference'), width: 'minmax(9.5rem, 1fr)' },
      { key: 'customerCompany', header: header('customer'), width: 'minmax(0, 1.5fr)' },
      { key: 'opportunity', header: header('opportunity'), width: 'minmax(0, 1.5fr)', render: (deal) => deal.opportunityName ?? '—' },
      { key: 'amount', header: header('amount'), sortable: true, align: 'end', width: 'minmax(0, 1.1fr)', render: (deal) => (deal.amount ? formatMoney(deal.amount, locale) : '—') },
      {
        key: 'status',
        header: header('status'),
        width: 'minmax(0, 1.2fr)',
        render: (deal) => html`<pk-status-chip part="status" status=${deal.status} variant=${STATUS_TONES[deal.status]}>${statusLabels[deal.status]}</pk-status-chip>`,
      },
      { key: 'expectedCloseDate', header: header('expectedClose'), sortable: true, width: 'minmax(0, 1.1fr)', render: (deal) => (deal.expectedCloseDate ? formatDay(deal.expectedCloseDate, locale) : '—') },
      { key: 'protection', header: header('protection'), width: 'minmax(0, 1.1fr)', render: (deal) => protection(deal.expiresAt) },
      { key: 'createdAt', header: header('created'), sortable: true, width: 'minmax(0, 1.1fr)', render: (deal) => formatCreated(deal.createdAt, locale) },
    ];
  }

  protected override render() {
    const l10n = this.l10n;
    // Until translations arrive there is nothing to say: the table's skeleton only.
    if (!l10n) return html`<pk-data-table part="table" loading .columns=${PLACEHOLDER_COLUMNS}></pk-data-table>`;
    const t = (key: string, options: Record<string, unknown> = {}) => l10n.t(key, { ns: 'deals', ...options });
    const first = this.#firstPage;
    const failed = first.status === 'error' && first.error;
    const loading = first.status === 'loading' || first.status === 'idle';
    const empty = !loading && this.deals.length === 0;
    const said = loading ? t('list.loading') : empty ? this.#emptyText(t) : t('list.count', { count: this.deals.length });
    return html`
      <h2 id="title" part="title">${t('list.title')}</h2>
      ${this.#renderToolbar(t)}
      ${failed
        ? this.#renderError(first.error!, () => this.#loadFirstPage())
        : html`<pk-data-table
              part="table"
              exportparts="row, cell, status, header, card-label"
              label=${t('list.title')}
              row-key="id"
              .columns=${this.#columns}
              .rows=${this.deals}
              .sort=${toTableSort(this.sort)}
              ?loading=${loading}
              @pk-sort-change=${this.#onSortChange}
              @pk-row-activate=${this.#onRowActivate}
            >
              ${empty
                ? html`<div slot="empty" part="empty" class="empty">
                    <p>${this.#emptyText(t)}</p>
                    ${this.#filtered ? html`<button type="button" class="secondary" @click=${() => this.#clearFilters()}>${t('filter.clear')}</button>` : nothing}
                  </div>`
                : nothing}
            </pk-data-table>`}
      <div class="footer" part="footer" ?hidden=${Boolean(failed)}>
        <p role="status" class=${loading || empty ? 'visually-hidden' : ''}>${failed ? '' : said}</p>
        ${this.nextCursor && !loading && !failed
          ? html`<button type="button" part="load-more" aria-disabled=${this.moreStatus === 'loading' ? 'true' : 'false'} @click=${() => void this.#loadMore()}>
              ${t('list.loadMore')}
            </button>`
          : nothing}
      </div>
      ${this.moreStatus === 'error' && this.moreError ? this.#renderError(this.moreError, () => void this.#loadMore()) : nothing}
    `;
  }

  #emptyText(t: (key: string) => string): string {
    return this.#filtered ? t('list.emptyFiltered') : t('list.empty');
  }

  #renderToolbar(t: (key: string, options?: Record<string, unknown>) => string) {
    const selected = new Set(this.status);
    const needsAction = this.#needsAction;
    return html`
      <div class="toolbar" part="toolbar">
        <form class="search" part="search" role="search" aria-label=${t('filter.search')} @submit=${this.#onSearchSubmit}>
          <label for="search">${t('filter.search')}</label>
          <input id="search" part="search-input" type="search" name="q" autocomplete="off" enterkeyhint="search" .value=${live(this.searchText)} @input=${this.#onSearchInput} />
        </form>
        <div class="presets" part="presets" role="group" aria-label=${t('filter.presets')}>
          <button type="button" part="preset" class="toggle" aria-pressed=${this.expiringSoon ? 'true' : 'false'} @click=${() => this.#toggleExpiringSoon()}>${t('filter.expiringSoon')}</button>
          <button type="button" part="preset" class="toggle" aria-pressed=${needsAction ? 'true' : 'false'} @click=${() => this.#toggleNeedsAction()}>${t('filter.needsAction')}</button>
        </div>
        <details class="status-filter" part="status-filter" @keydown=${this.#onStatusKeydown} @toggle=${this.#onStatusToggle}>
          <summary>
            ${selected.size ? t('filter.statusCount', { count: selected.size }) : t('filter.status')}
            <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" /></svg>
          </summary>
          <fieldset>
            <legend class="visually-hidden">${t('filter.status')}</legend>
            ${DEAL_STATUSES.map(
              (status) => html`<label class="check">
                <input type="checkbox" name="status" value=${status} .checked=${live(selected.has(status))} @change=${() => this.#toggleStatus(status)} />
                <span>${t(`status.${status}`)}</span>
              </label>`,
            )}
          </fieldset>
        </details>
        <div class="actions">
          ${this.#filtered ? html`<button type="button" part="clear" class="secondary" @click=${() => this.#clearFilters()}>${t('filter.clear')}</button>` : nothing}
          <button type="button" part="export" class="secondary" aria-disabled=${this.exporting ? 'true' : 'false'} @click=${() => void this.#export()}>
            ${this.exporting ? t('export.busy') : t('export.button')}
          </button>
        </div>
      </div>
      ${this.exportError ? html`<p role="alert" part="error" class="export-error">${t('export.failed')} ${errorMessage(this.exportError, this.l10n!)}</p>` : nothing}
    `;
  }

  #renderError(error: PartnerkitError, retry: () => void) {
    const l10n = this.l10n!;
    return html`
      <div role="alert" part="error" class="error">
        <p>${errorMessage(error, l10n)}</p>
        ${error.requestId ? html`<p class="request-id">${l10n.t('errorReference', { ns: 'common', id: error.requestId })}</p>` : nothing}
        <button type="button" @click=${retry}>${l10n.t('retry', { ns: 'common' })}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-list': PkDealList;
  }
}

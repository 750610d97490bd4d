import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { virtualize as Virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { localizationContext } from '../core/contexts.ts';
import type { Localization } from '../core/i18n.ts';
import { dataTableStyles } from './pk-data-table.styles.ts';
import { PkRowActivateEvent, PkSelectionChangeEvent, PkSortChangeEvent, type DataTableSort, type RowKey, type SortDirection } from './events.ts';
import { cellText, gridTracks, renderHeader, renderSelectAll, renderSkeleton, sortConverter, type DataTableColumn } from './data-table-parts.ts';
import { announcementsFor, announcementText, type Announcement } from './data-table-announcements.ts';
import { FIRST_ROWS, VIRTUALIZE_AFTER, loadVirtualizer, loadedVirtualRows } from './data-table-virtualizer.ts';
import { fromControl, pageSize, regionKeyTarget, reveal, rowKeyAction, rowOf, scrollNear, type ScrollArea } from './data-table-keyboard.ts';

export type { RowKey, SortDirection, DataTableSort, SortChangeDetail, SelectionChangeDetail, RowActivateDetail } from './events.ts';
export type { DataTableColumn } from './data-table-parts.ts';
export { VIRTUALIZE_AFTER } from './data-table-virtualizer.ts';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * A table for large row sets: beyond 60 rows, only the rows in and near view are in the DOM
 * (`@lit-labs/virtualizer`, loaded only by tables that need it), so ten thousand rows scroll as
 * smoothly as ten; the scroll area then has a fixed height (`--pk-data-table-max-height`, or the
 * host's own height). The component shows rows; it never reorders or filters them — sorting asks
 * the host (`pk-sort-change`), which sorts locally or on the server and sets new `rows`. While
 * `loading`, the table is `aria-busy`: with skeleton rows when there are none yet, with a moving
 * bar under the header when rows are being replaced.
 *
 * Keyboard: the scroll area is a labelled, focusable region; rows form one Tab stop (roving
 * `tabindex`): ↑/↓ move by a row, Page Up/Page Down by a screenful, Home/End to the first/last
 * row (scrolling it into view), Enter activates a row (`pk-row-activate`, as a click does) and
 * Space toggles its selection when `selectable`. Sortable headers are buttons in the header
 * cells, with `aria-sort`. Row counts, sorting and selection are announced politely.
 *
 * When the table is narrower than 40rem (a container query: the element's own width counts,
 * not the window's), rows become cards with a label before each value and the header row
 * becomes a bar of sort buttons.
 *
 * ```js
 * table.columns = [
 *   { key: 'reference', header: 'Reference', sortable: true },
 *   { key: 'amount', header: 'Amount', align: 'end', render: (deal) => formatMoney(deal.amount, 'en-GB') },
 * ];
 * table.rows = deals;
 * table.rowKey = 'id';
 * ```
 *
 * @tag pk-data-table
 * @summary Virtualised, sortable, selectable table for thousands of rows; cards in narrow containers.
 * @slot empty - Shown instead of rows when there are none (and not loading); "Nothing to show." by default.
 * @csspart base - The container whose width decides between table and cards.
 * @csspart scroll - The scrolling region.
 * @csspart table - The table.
 * @csspart header-row - The header row.
 * @csspart header - A header cell.
 * @csspart sort-button - The button of a sortable header.
 * @csspart row - A body row (also `row-selected` when selected).
 * @csspart cell - A body cell.
 * @csspart card-label - A cell's label in the card layout.
 * @csspart empty - The wrapper of the `empty` slot.
 * @cssprop --pk-data-table-max-height - Tallest the scroll area gets; defaults to 32rem. Give the host a height to fill it instead.
 * @cssprop --pk-data-table-font - Font family; defaults to `--pk-font-body`.
 * @cssprop --pk-data-table-border-color - Borders; defaults to `--pk-color-border`.
 * @cssprop --pk-data-table-background - Rows' background; defaults to `--pk-color-surface`.
 * @cssprop --pk-data-table-header-background - Header background; defaults to `--pk-color-surface-variant`.
 * @cssprop --pk-data-table-row-hover-background - Row under the pointer; defaults to `--pk-color-surface-variant`.
 * @cssprop --pk-data-table-row-selected-background - Selected rows; defaults to a tint of `--pk-color-primary`.
 * @cssprop --pk-data-table-radius - Corner radius of the scroll area; defaults to `--pk-radius`.
 * @fires pk-sort-change - The user asked for another order; `detail.sort` is `{ key, direction }`. Cancelable: `preventDefault()` keeps the current `sort`.
 * @fires pk-selection-change - The user changed the selection; `detail.selectedKeys` is the new selection.
 * @fires pk-row-activate - The user clicked a row or pressed Enter on it; `detail` has `row`, `key` and `index`.
 */
export class PkDataTable<T extends object = Record<string, unknown>> extends LitElement {
  static override styles = dataTableStyles;

  @consume({ context: localizationContext, subscribe: true })
  @state()
  protected l10n: Localization | undefined;

  /** The columns, in order. */
  @property({ attribute: false }) columns: DataTableColumn<T>[] = [];

  /** The rows, in the order shown. Set a new array to change them. */
  @property({ attribute: false }) rows: T[] = [];

  /** A row's key: the name of a property (`row-key` attribute, `id` by default) or a function. */
  @property({ attribute: 'row-key' }) rowKey: string | ((row: T) => RowKey) = 'id';

  /** The current order, shown with `aria-sort`; set by the host, and by the user through sortable headers. Attribute: `key` or `key:descending`. */
  @property({ reflect: true, converter: sortConverter }) sort: DataTableSort | undefined;

  /** A checkbox per row and one to select all rows. */
  @property({ type: Boolean, reflect: true }) selectable = false;

  /** Keys of the selected rows. */
  @property({ attribute: false }) selectedKeys: RowKey[] = [];

  /** Accessible name of the table and its scroll region, e.g. "Deal registrations". */
  @property() label = '';

  /** Rows are (re)loading: `aria-busy`, skeleton rows while there are none yet, a bar under the header otherwise. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** The row in the Tab order. */
  @state() private activeIndex = 0;

  @state() private announcement: Announcement[] = [];

  /**
   * The virtualize directive, once loaded. It starts only once the body it fills is in the
   * document (not inside the fragment of a first render), since it looks for its scroll
   * container when it starts.
   */
  @state() private virtualizeDirective: typeof Virtualize | undefined;

  /**
   * A frame has begun since the rows came and the virtualizer has not arrived: the first rows
   * show without it meanwhile. (It usually arrives within microtasks, from a bundle or the module
   * cache; rendering rows that it replaces at once would only double the work of that frame.)
   */
  @state() private firstRowsDue = false;

  #waitingForVirtualizer = false;

  @query('.scroll') private scroller!: HTMLElement | null;
  @query('thead') private head!: HTMLElement | null;
  @query('table') private table!: HTMLElement | null;

  #selected = new Set<RowKey>();
  #selectedInRows = 0;

  /** Focuses a row by position, scrolling it into view (rendering it first if needed). */
  async focusRow(index: number): Promise<void> {
    const count = this.rows.length;
    if (count === 0) return;
    const target = Math.max(0, Math.min(count - 1, index));
    const from = this.activeIndex;
    this.activeIndex = target;
    let row = this.#row(target);
    if (!row && this.rows.length > VIRTUALIZE_AFTER && !this.virtualizeDirective) {
      this.virtualizeDirective = await loadVirtualizer();
      await this.updateComplete;
    }
    // Scroll where the row will be, again as the virtualizer refines its estimate of the rows' heights.
    for (let frame = 0; frame < 40 && !row; frame += 1) {
      if (frame % 4 === 0) this.#scrollNear(target, target >= from);
      await nextFrame();
      row = this.#row(target);
    }
    await this.updateComplete;
    row = this.#row(target);
    if (!row) return;
    row.focus({ preventScroll: true });
    const area = this.#area();
    if (area) reveal(area, row);
  }

  /** The scroll area and sticky header, once rendered. */
  #area(): ScrollArea | undefined {
    return this.scroller ? { scroller: this.scroller, head: this.head } : undefined;
  }

  #scrollNear(index: number, below: boolean): void {
    const area = this.#area();
    const body = this.renderRoot.querySelector<HTMLElement>('tbody.virtual');
    if (area && body) scrollNear(area, body, this.rows.length, index, below);
  }

  /** A string of the `ui` namespace; empty until translations arrive. */
  protected ui(key: string, variables: Record<string, unknown> = {}): string {
    return this.l10n ? this.l10n.t(key, { ns: 'ui', ...variables }) : '';
  }

  /** The key of a row. */
  keyOf(row: T, index = -1): RowKey {
    const rowKey = this.rowKey;
    if (typeof rowKey === 'function') return rowKey(row);
    const value = (row as Record<string, unknown>)[rowKey];
    return typeof value === 'string' || typeof value === 'number' ? value : index;
  }

  #row(index: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
  }

  #pageSize(): number {
    const area = this.#area();
    return area ? pageSize(area, this.#row(this.activeIndex) ?? this.renderRoot.querySelector<HTMLElement>('tr.row')) : 10;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Once this table has rendered, its body is in the document: a loaded virtualizer can start.
    const loaded = loadedVirtualRows();
    if (!this.virtualizeDirective && loaded && this.hasUpdated && this.rows.length > VIRTUALIZE_AFTER) this.virtualizeDirective = loaded.virtualize;
    if (changed.has('selectedKeys') || changed.has('rows') || changed.has('rowKey')) this.#syncSelection();
    if (changed.has('rows') && this.activeIndex >= this.rows.length) this.activeIndex = Math.max(0, this.rows.length - 1);
    const sort = this.sort;
    const said = announcementsFor({
      first: !this.hasUpdated,
      loading: this.loading,
      loadingChanged: changed.has('loading'),
      rowCount: this.rows.length,
      previousRowCount: (changed.get('rows') as T[] | undefined)?.length,
      rowsChanged: changed.has('rows'),
      sort,
      previousSort: changed.get('sort') as DataTableSort | undefined,
      sortChanged: changed.has('sort'),
      sortHeader: sort ? this.columns.find((c) => c.key === sort.key)?.header : undefined,
      selectedCount: changed.has('selectedKeys') && this.selectable ? this.#selectedInRows : undefined,
    });
    if (said.length) this.announcement = said;
  }

  /** The selection as a set, and how many of the rows it holds (for select-all). */
  #syncSelection(): void {
    this.#selected = new Set(this.selectedKeys);
    this.#selectedInRows = this.#selected.size === 0 ? 0 : this.rows.reduce<number>((n, row, index) => n + (this.#selected.has(this.keyOf(row, index)) ? 1 : 0), 0);
  }

  protected override updated(): void {
    if (!this.virtualizeDirective && this.rows.length > VIRTUALIZE_AFTER && !this.#waitingForVirtualizer) {
      this.#waitingForVirtualizer = true;
      void loadVirtualizer().then((directive) => (this.virtualizeDirective = directive));
      requestAnimationFrame(() => (this.firstRowsDue = true));
    }
    // Column widths as one grid template for header and body rows (CSSOM: allowed by a strict CSP).
    this.table?.style.setProperty('--_columns', gridTracks(this.columns, this.selectable));
  }

  // ---- user actions ----

  readonly #toggleSort = (column: DataTableColumn<T>): void => {
    const current = this.sort;
    const direction: SortDirection = current?.key === column.key && current.direction === 'ascending' ? 'descending' : 'ascending';
    const sort = { key: column.key, direction };
    const event = new PkSortChangeEvent({ sort });
    if (this.dispatchEvent(event)) this.sort = sort;
  };

  #setSelection(keys: Set<RowKey>): void {
    this.selectedKeys = [...keys];
    this.#syncSelection(); // Now, for a second toggle before the next render.
    this.dispatchEvent(new PkSelectionChangeEvent({ selectedKeys: this.selectedKeys }));
  }

  #toggleRow(index: number): void {
    const row = this.rows[index];
    if (!row || !this.selectable) return;
    const key = this.keyOf(row, index);
    const keys = new Set(this.#selected);
    if (keys.has(key)) keys.delete(key);
    else keys.add(key);
    this.#setSelection(keys);
  }

  readonly #toggleAll = (): void => {
    const keys = new Set(this.#selected);
    const all = this.rows.length > 0 && this.#selectedInRows === this.rows.length;
    this.rows.forEach((row, index) => (all ? keys.delete(this.keyOf(row, index)) : keys.add(this.keyOf(row, index))));
    this.#setSelection(keys);
  };

  #activate(index: number): void {
    const row = this.rows[index];
    if (!row) return;
    this.dispatchEvent(new PkRowActivateEvent<T>({ row, key: this.keyOf(row, index), index }));
  }

  readonly #onBodyKeydown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = rowOf(event);
    if (!row) return;
    const index = Number(row.dataset.index);
    const action = rowKeyAction(event, { index, rowCount: this.rows.length, onRow: !fromControl(event, row), selectable: this.selectable, pageSize: () => this.#pageSize() });
    if (!action) return;
    event.preventDefault();
    if ('move' in action) void this.focusRow(action.move);
    else if ('activate' in action) this.#activate(index);
    else this.#toggleRow(index);
  };

  /** From the region itself, the arrow, Page and Home/End keys go to the rows. */
  readonly #onRegionKeydown = (event: KeyboardEvent) => {
    if (event.target !== this.scroller || event.altKey || event.ctrlKey || event.metaKey || !this.renderRoot.querySelector('tr.row')) return;
    const target = regionKeyTarget(event.key, this.activeIndex, this.rows.length);
    if (target === undefined) return;
    event.preventDefault();
    void this.focusRow(target);
  };

  readonly #onBodyClick = (event: MouseEvent) => {
    const row = rowOf(event);
    if (!row || fromControl(event, row)) return;
    this.#activate(Number(row.dataset.index));
  };

  readonly #onBodyFocusin = (event: FocusEvent) => {
    const row = rowOf(event);
    if (row) this.activeIndex = Number(row.dataset.index);
  };

  /**
   * Rows scrolled out leave marker comments behind (see `dropStrayMarkers`): they go once the
   * rows of the new range are in place (the directive renders them from its own `rangeChanged`
   * listener, so a microtask later).
   */
  readonly #onRangeChanged = (event: Event) => {
    const body = event.currentTarget as Element;
    queueMicrotask(() => loadedVirtualRows()?.dropStrayMarkers(body));
  };

  // ---- rendering ----

  protected override render() {
    const label = this.label || this.ui('table.label');
    const rows = this.rows;
    const skeleton = this.loading && rows.length === 0;
    const empty = !this.loading && rows.length === 0;
    const virtual = rows.length > VIRTUALIZE_AFTER;
    const keyOf = (row: T, index: number) => this.keyOf(row, index);
    const renderRow = (row: T, index: number) => this.#renderRow(row, index);
    return html`
      <div part="base" class="base">
        <div part="scroll" class=${virtual ? 'scroll virtual' : 'scroll'} role="region" tabindex="0" aria-label=${label || nothing} @keydown=${this.#onRegionKeydown}>
          <table
            part="table"
            role="table"
            aria-label=${label || nothing}
            aria-busy=${this.loading ? 'true' : 'false'}
            aria-rowcount=${ifDefined(skeleton ? undefined : rows.length + 1)}
          >
            <thead role="rowgroup">
              <tr part="header-row" role="row" aria-rowindex="1">
                ${this.selectable
                  ? renderSelectAll({ count: rows.length, selected: this.#selectedInRows, disabled: empty || skeleton, label: this.ui('table.selectAll'), onToggle: this.#toggleAll })
                  : nothing}
                ${this.columns.map((column) => renderHeader(column, this.sort, this.#toggleSort))}
              </tr>
            </thead>
            ${skeleton ? renderSkeleton((this.selectable ? 1 : 0) + this.columns.length) : nothing}
            ${!skeleton && !empty && !virtual
              ? html`<tbody class="static" role="rowgroup" @keydown=${this.#onBodyKeydown} @click=${this.#onBodyClick} @focusin=${this.#onBodyFocusin}>
                  ${rows.map(renderRow)}
                </tbody>`
              : nothing}
            <tbody
              class="virtual"
              role="rowgroup"
              ?hidden=${!virtual}
              @keydown=${this.#onBodyKeydown}
              @click=${this.#onBodyClick}
              @focusin=${this.#onBodyFocusin}
              @rangeChanged=${this.#onRangeChanged}
            >
              ${!virtual
                ? nothing
                : this.virtualizeDirective
                  ? this.virtualizeDirective({ items: rows, keyFunction: keyOf, renderItem: renderRow })
                  : this.firstRowsDue
                    ? rows.slice(0, FIRST_ROWS).map(renderRow)
                    : nothing}
            </tbody>
          </table>
          ${empty ? html`<div part="empty" class="empty"><slot name="empty">${this.ui('table.empty')}</slot></div>` : nothing}
        </div>
        <div class="visually-hidden" role="status">${this.l10n ? this.announcement.map((said) => announcementText(said, this.l10n!)).join(' ') : ''}</div>
        <span id="select-row" class="visually-hidden" aria-hidden="true">${this.ui('table.selectRow')}</span>
      </div>
    `;
  }

  // The template must stay one `<tr>` with nothing before or after it (no whitespace, no
  // comment): `dropStrayMarkers` tells a live row marker by the element beside it.
  #renderRow(row: T, index: number) {
    const key = this.keyOf(row, index);
    const selected = this.selectable && this.#selected.has(key);
    const classes = `row${selected ? ' selected' : ''}${this.selectable ? ' selectable' : ''}`;
    return html`<tr part=${selected ? 'row row-selected' : 'row'} role="row" class=${classes} data-index=${index} aria-rowindex=${index + 2} tabindex=${index === this.activeIndex ? '0' : '-1'}>
      ${this.selectable
        ? html`<td role="cell" class="select">
            <label class="hit">
              <input type="checkbox" tabindex="-1" .checked=${selected} aria-labelledby="select-row r${index}c0" @change=${() => this.#toggleRow(index)} />
            </label>
          </td>`
        : nothing}
      ${this.columns.map((column, position) => html`<td part="cell" role="cell" id=${position === 0 ? `r${index}c0` : nothing} class=${column.align === 'end' ? 'end' : 'start'}>
        <span part="card-label" class="card-label" aria-hidden="true">${column.cardLabel ?? column.header}</span>
        <span class="value">${column.render ? column.render(row) : cellText((row as Record<string, unknown>)[column.key])}</span>
      </td>`)}
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-data-table': PkDataTable;
  }
}

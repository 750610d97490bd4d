import { html, svg, type TemplateResult } from 'lit';
import type { DataTableSort } from './events.ts';

// The header, select-all and skeleton parts of `<pk-data-table>` (its rows stay in the element,
// on the virtualizer's hot path).

/** One column of a `<pk-data-table>`. */
export interface DataTableColumn<T = Record<string, unknown>> {
  /** The row property shown (unless `render` says otherwise); also the sort key. */
  key: string;
  /** Header text. */
  header: string;
  /** The header is a button that asks the host to sort by this column. */
  sortable?: boolean;
  /** `end` for numbers and amounts. */
  align?: 'start' | 'end';
  /** The cell's content; text by default (`String(row[key])`). Return a template for markup, never HTML strings. */
  render?: (row: T) => TemplateResult | string;
  /** Label of the cell in the card layout; the header by default. */
  cardLabel?: string;
  /** Width as a CSS grid track, e.g. `8rem` or `2fr`; `minmax(0, 1fr)` by default. */
  width?: string;
}

const SKELETON_ROWS = 5;

/** `key` or `key:descending` (the `sort` attribute). */
export const sortConverter = {
  fromAttribute(value: string | null): DataTableSort | undefined {
    if (!value) return undefined;
    const [key = '', direction] = value.split(':');
    return key ? { key, direction: direction === 'descending' ? 'descending' : 'ascending' } : undefined;
  },
  toAttribute(value: DataTableSort | undefined): string | null {
    return value ? `${value.key}:${value.direction}` : null;
  },
};

const sortIcons = {
  ascending: svg`<path d="M8 3v10M4 7l4-4 4 4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />`,
  descending: svg`<path d="M8 13V3M4 9l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" />`,
  none: svg`<path d="M5 6l3-3 3 3M5 10l3 3 3-3" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" />`,
};

/** A header cell: a sort button with `aria-sort` when the column is sortable. */
export function renderHeader<T>(column: DataTableColumn<T>, sort: DataTableSort | undefined, onSort: (column: DataTableColumn<T>) => void) {
  const align = column.align === 'end' ? 'end' : 'start';
  if (!column.sortable) return html`<th part="header" role="columnheader" scope="col" class=${align}>${column.header}</th>`;
  const direction = sort?.key === column.key ? sort.direction : undefined;
  return html`<th part="header" role="columnheader" scope="col" class="sortable ${align}" aria-sort=${direction ?? 'none'}>
    <button type="button" part="sort-button" class="sort" @click=${() => onSort(column)}>
      <span>${column.header}</span><svg class="sort-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">${sortIcons[direction ?? 'none']}</svg>
    </button>
  </th>`;
}

export interface SelectAllState {
  /** Rows in the table, and how many of them are selected. */
  count: number;
  selected: number;
  disabled: boolean;
  label: string;
  onToggle: () => void;
}

/** The header cell with the select-all checkbox (mixed when some rows are selected). */
export function renderSelectAll({ count, selected, disabled, label, onToggle }: SelectAllState) {
  const all = count > 0 && selected === count;
  const some = selected > 0 && !all;
  return html`<th part="header" class="select" role="columnheader" scope="col">
    <label class="hit">
      <input type="checkbox" part="select-all" aria-label=${label} .checked=${all} .indeterminate=${some} ?disabled=${disabled} @change=${onToggle} />
    </label>
  </th>`;
}

/** Placeholder rows while the first rows load, hidden from assistive technology (the table is `aria-busy`). */
export function renderSkeleton(cells: number) {
  return html`<tbody role="rowgroup" aria-hidden="true">
    ${Array.from({ length: SKELETON_ROWS }, () => html`<tr class="skeleton-row">${Array.from({ length: cells }, () => html`<td><span class="skeleton"></span></td>`)}</tr>`)}
  </tbody>`;
}

/** The columns' widths as one grid template, shared by header and body rows. */
export function gridTracks<T>(columns: readonly DataTableColumn<T>[], selectable: boolean): string {
  return [...(selectable ? ['var(--_select-size)'] : []), ...columns.map((column) => column.width ?? 'minmax(0, 1fr)')].join(' ');
}

/** A cell value as text: empty for null and undefined. */
export function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

import type { Localization } from '../core/i18n.ts';
import type { DataTableSort } from './events.ts';

// What `<pk-data-table>` tells screen-reader users politely: row counts, loading, sorting and selection.

/** A string of the `ui` namespace to announce, with its variables. */
export type Announcement = { key: string; variables?: Record<string, string | number> };

/** What changed in the table since its last render, as `willUpdate` sees it. */
export interface TableChange {
  /** First render. */
  first: boolean;
  loading: boolean;
  loadingChanged: boolean;
  rowCount: number;
  /** Rows before the change, when they changed. */
  previousRowCount: number | undefined;
  rowsChanged: boolean;
  sort: DataTableSort | undefined;
  previousSort: DataTableSort | undefined;
  sortChanged: boolean;
  /** The header of the sorted column. */
  sortHeader: string | undefined;
  /** Selected rows, when the selection changed in a selectable table. */
  selectedCount: number | undefined;
}

export const countAnnouncement = (rowCount: number): Announcement => (rowCount === 0 ? { key: 'table.empty' } : { key: 'table.rowCount', variables: { count: rowCount } });

/** The announcements a change calls for, in the order they are read. */
export function announcementsFor(change: TableChange): Announcement[] {
  const said: Announcement[] = [];
  if (change.first) {
    if (!change.loading) said.push(countAnnouncement(change.rowCount));
    return said;
  }
  const { sort, previousSort } = change;
  if (change.sortChanged && sort && (sort.key !== previousSort?.key || sort.direction !== previousSort?.direction)) {
    said.push({ key: `table.sorted.${sort.direction}`, variables: { column: change.sortHeader ?? sort.key } });
  }
  if (change.loadingChanged && change.loading) said.push({ key: 'table.loading' });
  else if ((change.loadingChanged && !change.loading) || (change.rowsChanged && change.previousRowCount !== change.rowCount && !change.loading)) said.push(countAnnouncement(change.rowCount));
  if (change.selectedCount !== undefined) said.push({ key: 'table.selectedCount', variables: { count: change.selectedCount } });
  return said;
}

/** Counts in announcements, one number format per locale (not one per announcement and render). */
const countFormats = new Map<string, Intl.NumberFormat>();

/** The text of an announcement; a count is also given formatted for the locale, as `n`. */
export function announcementText({ key, variables = {} }: Announcement, l10n: Localization): string {
  const ui = (vars: Record<string, unknown>) => l10n.t(key, { ns: 'ui', ...vars });
  const count = variables.count;
  if (typeof count !== 'number') return ui(variables);
  const locale = l10n.locale;
  let format = countFormats.get(locale);
  if (!format) countFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return ui({ ...variables, n: format.format(count) });
}

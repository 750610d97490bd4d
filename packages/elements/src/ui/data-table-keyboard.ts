// Keyboard and pointer handling of `<pk-data-table>`'s rows, and the scrolling that brings a row into view.

const INTERACTIVE = new Set(['a', 'button', 'input', 'select', 'textarea', 'label', 'summary', 'details']);

/** The body row an event happened in. */
export function rowOf(event: Event): HTMLElement | null {
  return (event.composedPath().find((node) => node instanceof HTMLElement && node.localName === 'tr' && node.dataset.index !== undefined) as HTMLElement | undefined) ?? null;
}

/** Whether the event started on a control inside the row (a link, button, checkbox…) rather than on the row. */
export function fromControl(event: Event, row: HTMLElement): boolean {
  const path = event.composedPath();
  const inside = path.slice(0, path.indexOf(row));
  return inside.some((node) => node instanceof HTMLElement && (INTERACTIVE.has(node.localName) || node.isContentEditable || node.getAttribute('role') === 'button' || node.getAttribute('role') === 'link'));
}

/** What a key pressed in a row does: move to another row, activate it, toggle its selection, or nothing. */
export type RowKeyAction = { move: number } | { activate: true } | { toggle: true } | undefined;

export interface RowKeyContext {
  /** The row the key was pressed in. */
  index: number;
  rowCount: number;
  /** The key was pressed on the row itself, not on a control inside it. */
  onRow: boolean;
  selectable: boolean;
  /** Rows per screenful. */
  pageSize: () => number;
}

/** ↑/↓ by a row, Page Up/Down by a screenful, Home/End to the ends, Enter activates, Space selects. */
export function rowKeyAction(event: KeyboardEvent, { index, rowCount, onRow, selectable, pageSize }: RowKeyContext): RowKeyAction {
  switch (event.key) {
    case 'ArrowDown':
      return { move: index + 1 };
    case 'ArrowUp':
      return { move: index - 1 };
    case 'PageDown':
      return { move: index + pageSize() };
    case 'PageUp':
      return { move: index - pageSize() };
    case 'Home':
      return onRow ? { move: 0 } : undefined;
    case 'End':
      return onRow ? { move: rowCount - 1 } : undefined;
    case 'Enter':
      return onRow && !event.repeat ? { activate: true } : undefined;
    case ' ':
      return onRow && selectable ? { toggle: true } : undefined;
    default:
      return undefined;
  }
}

/** The row a key pressed on the scroll area itself goes to: the row in the Tab order, or the first or last. */
export function regionKeyTarget(key: string, activeIndex: number, rowCount: number): number | undefined {
  const targets: Record<string, number> = { ArrowDown: activeIndex, ArrowUp: activeIndex, PageDown: activeIndex, PageUp: activeIndex, Home: 0, End: rowCount - 1 };
  return targets[key];
}

/** The table's scroll area and sticky header, for placing rows in view. */
export interface ScrollArea {
  scroller: HTMLElement;
  head: HTMLElement | null;
}

/** Scrolls just enough to show the row below the sticky header. */
export function reveal({ scroller, head }: ScrollArea, row: HTMLElement): void {
  const box = scroller.getBoundingClientRect();
  const top = Math.max(box.top + scroller.clientTop, head?.getBoundingClientRect().bottom ?? box.top);
  const bottom = box.top + scroller.clientTop + scroller.clientHeight;
  const rect = row.getBoundingClientRect();
  if (rect.top < top) scroller.scrollTop -= top - rect.top;
  else if (rect.bottom > bottom) scroller.scrollTop += Math.min(rect.bottom - bottom, rect.top - top);
}

/**
 * Scrolls to where a row that is not rendered yet will be, from the body's height (the
 * virtualizer sizes it to the rows' measured or estimated total), so the virtualizer renders it.
 */
export function scrollNear({ scroller, head }: ScrollArea, body: HTMLElement, rowCount: number, index: number, below: boolean): void {
  const bodyBox = body.getBoundingClientRect();
  const rowSize = bodyBox.height / rowCount;
  const bodyTop = bodyBox.top - scroller.getBoundingClientRect().top - scroller.clientTop + scroller.scrollTop;
  const rowTop = bodyTop + index * rowSize;
  scroller.scrollTop = below ? rowTop + rowSize - scroller.clientHeight : rowTop - (head?.offsetHeight ?? 0);
}

/** Rows per screenful, for Page Up/Page Down (10 until a row is there to measure). */
export function pageSize({ scroller, head }: ScrollArea, row: HTMLElement | null): number {
  if (!row) return 10;
  const visible = scroller.clientHeight - (head?.offsetHeight ?? 0);
  return Math.max(1, Math.floor(visible / Math.max(1, row.offsetHeight)) - 1);
}

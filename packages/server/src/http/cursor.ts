import { problems } from './problem.ts';

/**
 * Keyset position of the last item on a page — the sort key and the id — opaque to clients
 * and stable under inserts.
 */
export interface Position {
  key: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

/** The position, or null when the cursor was not made by encodeCursor. */
export function decodeCursor(cursor: string): Position | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [key, id] = value as unknown[];
    if (typeof key !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
    return { key, id };
  } catch {
    return null;
  }
}

/** The `cursor` query parameter as a position (undefined on the first page), or 400. */
export function cursorFrom(query: Record<string, unknown>, isKey: (key: string) => boolean = () => true): Position | undefined {
  if (typeof query.cursor !== 'string') return undefined;
  const position = decodeCursor(query.cursor);
  if (!position || !isKey(position.key)) throw problems.validation([{ field: '/query/cursor', code: 'cursor', params: {} }]);
  return position;
}

/** A page of rows fetched with `LIMIT limit + 1`: the data and the cursor of the next page. */
export function pageOf<Row, Item>(rows: Row[], limit: number, toItem: (row: Row) => Item, positionOf: (row: Row) => Position): { data: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { data: page.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}

export const isTimestamp = (key: string) => !Number.isNaN(Date.parse(key));

// What a `<pk-data-table>` loads once it has more rows than it renders at once: the virtualizer,
// and the clean-up its rows need. Fetched only by tables that need it.
export { virtualize } from '@lit-labs/virtualizer/virtualize.js';

/**
 * The virtualizer renders rows with lit-html's `repeat`, whose `removePart` (lit-html 3.3.1 to
 * 3.3.3 at least, lit/lit#5298) leaves each removed row's end marker, an empty comment, behind.
 * Scrolling removes rows all the time, so the body filled with thousands of comments, and the
 * virtualizer, which walks the body's children several times a frame, got slower the further one
 * scrolled. This removes the empty comments in `body` that belong to no row: every row is a part
 * of its own, `<!---->` `<tr>` `<!---->`, so its markers each have the row beside them, and a
 * comment with no element on either side is left over. (Nothing to do once lit-html removes end
 * markers itself.)
 */
export function dropStrayMarkers(body: Element): void {
  let node = body.firstChild;
  while (node) {
    const next: ChildNode | null = node.nextSibling;
    if (node.nodeType === Node.COMMENT_NODE && (node as Comment).data === '' && node.previousSibling?.nodeType !== Node.ELEMENT_NODE && next?.nodeType !== Node.ELEMENT_NODE) node.remove();
    node = next;
  }
}

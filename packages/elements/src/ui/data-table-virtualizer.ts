import type * as VirtualRows from './virtual-rows.ts';

// When `<pk-data-table>` virtualises, and the virtualizer itself, fetched only by tables that need it.

/**
 * Up to this many rows render all at once and the scroll area fits them (up to its maximum
 * height); more are virtualised in a scroll area of fixed height. (A virtualised list in an area
 * that grows with its content would resize the area while the virtualizer measures rows.)
 */
export const VIRTUALIZE_AFTER = 60;

/**
 * Rows shown while the virtualizer loads (it is fetched only by tables that need it), from the
 * first frame it has not arrived by.
 */
export const FIRST_ROWS = 40;

let virtualRows: Promise<typeof VirtualRows> | undefined;
let virtualRowsLoaded: typeof VirtualRows | undefined;

/** Loads the virtualizer (once per page) and gives its directive. */
export const loadVirtualizer = () => (virtualRows ??= import('./virtual-rows.ts').then((module) => (virtualRowsLoaded = module))).then((module) => module.virtualize);

/** The virtualizer and its helpers, once a table has loaded them. */
export const loadedVirtualRows = (): typeof VirtualRows | undefined => virtualRowsLoaded;

// The primitives' events (see core/events.ts for the shape every Partnerkit event shares).
import { PartnerkitEvent } from '../core/events.ts';

export type CloseReason = 'escape' | 'close-button' | 'backdrop' | 'api';
export type ToastDismissReason = 'timeout' | 'close-button' | 'escape' | 'api';
/** What identifies a table row: for selection, for keeping a row's DOM when rows change. */
export type RowKey = string | number;
export type SortDirection = 'ascending' | 'descending';

/** The column the rows are ordered by, as the host ordered them. */
export interface DataTableSort {
  key: string;
  direction: SortDirection;
}

export interface SortChangeDetail {
  sort: DataTableSort;
}

export interface SelectionChangeDetail {
  selectedKeys: RowKey[];
}

export interface RowActivateDetail<T = unknown> {
  row: T;
  key: RowKey;
  index: number;
}

/** An alert's close button was pressed; cancel it to keep the alert. */
export class PkDismissEvent extends PartnerkitEvent {
  static readonly type = 'pk-dismiss';
  constructor() {
    super(PkDismissEvent.type, undefined, { cancelable: true });
  }
}

/** A toast went away. */
export class PkToastDismissEvent extends PartnerkitEvent<{ id: string; reason: ToastDismissReason }> {
  static readonly type = 'pk-toast-dismiss';
  constructor(detail: { id: string; reason: ToastDismissReason }) {
    super(PkToastDismissEvent.type, detail);
  }
}

/** A dialog or drawer is about to close; cancel it to keep it open. */
export class PkRequestCloseEvent extends PartnerkitEvent<{ reason: CloseReason }> {
  static readonly type = 'pk-request-close';
  constructor(detail: { reason: CloseReason }) {
    super(PkRequestCloseEvent.type, detail, { cancelable: true });
  }
}

/** A dialog or drawer closed. */
export class PkCloseEvent extends PartnerkitEvent<{ reason: CloseReason }> {
  static readonly type = 'pk-close';
  constructor(detail: { reason: CloseReason }) {
    super(PkCloseEvent.type, detail);
  }
}

/** The user asked to try a failed load again. */
export class PkRetryEvent extends PartnerkitEvent {
  static readonly type = 'pk-retry';
  constructor() {
    super(PkRetryEvent.type, undefined);
  }
}

/** Another tab was selected. */
export class PkTabChangeEvent extends PartnerkitEvent<{ index: number; tab: HTMLElement; panel: HTMLElement | undefined }> {
  static readonly type = 'pk-tab-change';
  constructor(detail: { index: number; tab: HTMLElement; panel: HTMLElement | undefined }) {
    super(PkTabChangeEvent.type, detail);
  }
}

/** A sortable header asked the host to order the rows; cancel to refuse. */
export class PkSortChangeEvent extends PartnerkitEvent<SortChangeDetail> {
  static readonly type = 'pk-sort-change';
  constructor(detail: SortChangeDetail) {
    super(PkSortChangeEvent.type, detail, { cancelable: true });
  }
}

/** The selected rows changed. */
export class PkSelectionChangeEvent extends PartnerkitEvent<SelectionChangeDetail> {
  static readonly type = 'pk-selection-change';
  constructor(detail: SelectionChangeDetail) {
    super(PkSelectionChangeEvent.type, detail);
  }
}

/** A row was activated (click, Enter). */
export class PkRowActivateEvent<T = unknown> extends PartnerkitEvent<RowActivateDetail<T>> {
  static readonly type = 'pk-row-activate';
  constructor(detail: RowActivateDetail<T>) {
    super(PkRowActivateEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-dismiss': PkDismissEvent;
    'pk-toast-dismiss': PkToastDismissEvent;
    'pk-request-close': PkRequestCloseEvent;
    'pk-close': PkCloseEvent;
    'pk-retry': PkRetryEvent;
    'pk-tab-change': PkTabChangeEvent;
    'pk-sort-change': PkSortChangeEvent;
    'pk-selection-change': PkSelectionChangeEvent;
    'pk-row-activate': PkRowActivateEvent;
  }
}

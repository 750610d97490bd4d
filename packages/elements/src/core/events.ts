// Partnerkit's events: one `Event` subclass per name, each declared once on the global event map,
// so `addEventListener('pk-deal-submitted', (e) => e.detail.deal)` is typed in the host's code.
import type { PartnerkitError } from '@partnerkit/api';

/**
 * Base of every Partnerkit event: it bubbles and crosses shadow roots, and carries one payload
 * shape per name in `detail` (as `CustomEvent` would, so host code reads `event.detail`).
 */
export class PartnerkitEvent<Detail = undefined> extends Event {
  readonly detail: Detail;

  constructor(type: string, detail: Detail, init: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
    this.detail = detail;
  }
}

/** The portal's language changed and its components re-rendered. */
export class PkLocalizedEvent extends PartnerkitEvent<{ locale: string; dir: 'ltr' | 'rtl' }> {
  static readonly type = 'pk-localized';
  constructor(detail: { locale: string; dir: 'ltr' | 'rtl' }) {
    super(PkLocalizedEvent.type, detail);
  }
}

/** The session token could not be had or renewed: the host signs the user in again. */
export class PkSessionExpiredEvent extends PartnerkitEvent {
  static readonly type = 'pk-session-expired';
  constructor() {
    super(PkSessionExpiredEvent.type, undefined);
  }
}

/** `detail` of `pk-loaded`. */
export interface LoadedDetail {
  /** What was loaded (the data key, e.g. `deal:…`). */
  key: string;
  /** Whether there was nothing to show. */
  empty: boolean;
}

/** A component has its first (or refreshed) data on screen. */
export class PkLoadedEvent extends PartnerkitEvent<LoadedDetail> {
  static readonly type = 'pk-loaded';
  constructor(detail: LoadedDetail) {
    super(PkLoadedEvent.type, detail);
  }
}

/** What went wrong, in the terms a host acts on. */
export type LoadErrorKind = 'connection' | 'timeout' | 'authentication' | 'forbidden' | 'not_found' | 'invalid_request' | 'rate_limit' | 'server';

/** Classifies a failed load for the host. */
export function loadErrorKind(error: PartnerkitError): LoadErrorKind {
  if (error.kind === 'network' || error.kind === 'aborted') return 'connection';
  if (error.kind === 'timeout') return 'timeout';
  const status = error.status ?? 500;
  if (status === 401) return 'authentication';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 429) return 'rate_limit';
  if (status >= 500) return 'server';
  return 'invalid_request';
}

/** `detail` of `pk-load-error`. */
export interface LoadErrorDetail {
  key: string;
  /** What kind of failure, for the host to act on (sign in again, show offline, report). */
  kind: LoadErrorKind;
  /** HTTP status, when the server answered. */
  status: number | undefined;
  error: PartnerkitError;
}

/** A component could not load its data; it shows the error itself, the host may act too. */
export class PkLoadErrorEvent extends PartnerkitEvent<LoadErrorDetail> {
  static readonly type = 'pk-load-error';
  constructor(detail: LoadErrorDetail) {
    super(PkLoadErrorEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-localized': PkLocalizedEvent;
    'pk-session-expired': PkSessionExpiredEvent;
    'pk-loaded': PkLoadedEvent;
    'pk-load-error': PkLoadErrorEvent;
  }
}

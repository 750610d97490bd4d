// The states every loading component shows, the same way everywhere: a skeleton until the first
// data (never empty-then-full), then the data or its empty state; an error with "Try again"; a
// permission problem without; and a note while offline data stays on screen.
import { css, html, nothing } from 'lit';
import type { PartnerkitError } from '@partnerkit/api';
import type { DataController } from './data-controller.ts';
import { errorMessage } from './error-message.ts';
import type { Localization } from './i18n.ts';
import { token } from './theme/tokens.ts';

/** For a component that shows its data in a block: the notes above the data (offline, a failed refresh) keep apart from it. */
export const stateNoticeStyles = css`
  [part='offline'],
  [part='error'] {
    margin-block-end: ${token('space-3')};
  }
`;

export interface StateViews<T> {
  /** Until translations arrive only the skeleton shows: there is nothing to say yet. */
  l10n: Localization | undefined;
  /** The placeholder in the shape of the content. */
  skeleton: () => unknown;
  /** Said to screen readers beside the skeleton ("Loading the deal…"). */
  loadingLabel?: string | undefined;
  /** The content. */
  data: (value: T, l10n: Localization) => unknown;
  /** Instead of `data` when the value has nothing to show. */
  empty?: (value: T, l10n: Localization) => unknown;
  /** The session may not see this at all (nothing was loaded): the sentence that says so. */
  forbidden?: string | undefined;
}

/**
 * Renders `data`'s state with the component's views. Every state renders through one template,
 * so a skeleton and the content made by the same template (a table with and without rows) keep
 * their elements. The error state is a `<pk-error-state part="error">` whose `pk-retry` reloads
 * (above the data when a refresh failed and the data stays);
 * a 403 or `forbidden` is an `<pk-alert part="forbidden">` without retry; offline data gets an
 * `<pk-alert part="offline">` above it. The host renders `pk-error-state` and `pk-alert`.
 */
export function renderStates<T>(data: DataController<T>, views: StateViews<T>): unknown {
  const { l10n } = views;
  let notice: unknown = nothing;
  let body: unknown;
  const value = data.value;
  if (l10n && views.forbidden !== undefined) {
    body = html`<pk-alert part="forbidden" variant="info">${views.forbidden}</pk-alert>`;
  } else if (value === undefined && data.status === 'error' && data.error && l10n) {
    const error = data.error;
    body = error.status === 403 ? html`<pk-alert part="forbidden" variant="info">${errorMessage(error, l10n)}</pk-alert>` : errorState(data, error, l10n);
  } else if (value === undefined || !l10n) {
    // Not marked busy: a busy live region keeps its "Loading…" from being read.
    notice = views.loadingLabel ? html`<p class="visually-hidden" role="status">${views.loadingLabel}</p>` : nothing;
    body = views.skeleton();
  } else {
    const error = data.error;
    if (data.offline) notice = html`<pk-alert part="offline" variant="info">${l10n.t('offline', { ns: 'common' })}</pk-alert>`;
    // A refresh failed: what was there stays, with the reason and a way to try again.
    else if (error && data.moreStatus !== 'error') notice = errorState(data, error, l10n);
    body = data.empty && views.empty ? views.empty(value, l10n) : views.data(value, l10n);
  }
  return html`${notice}${body}`;
}

function errorState<T>(data: DataController<T>, error: PartnerkitError, l10n: Localization) {
  return html`<pk-error-state part="error" request-id=${error.requestId ?? ''} @pk-retry=${() => void data.refresh({ force: true })}>${errorMessage(error, l10n)}</pk-error-state>`;
}

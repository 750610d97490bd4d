// The deal list's filter as attributes hold it: statuses, presets and orders.
import type { DealStatus } from '@partnerkit/api';
import type { DealSort } from './events.ts';

export const DEAL_STATUSES: readonly DealStatus[] = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn'];
const SORTS: readonly DealSort[] = ['created_desc', 'created_asc', 'close_asc', 'close_desc', 'amount_desc', 'amount_asc'];
export const DEFAULT_SORT: DealSort = 'created_desc';

/** The "Needs my action" preset: deals waiting for the partner. */
export const NEEDS_ACTION: readonly DealStatus[] = ['info_requested', 'draft'];

/** How long typing pauses before the search runs. */
export const SEARCH_DELAY_MS = 300;

/** Known statuses only, each once, in the workflow's order. */
export function toStatuses(values: readonly string[]): DealStatus[] {
  return DEAL_STATUSES.filter((status) => values.includes(status));
}

export const statusConverter = {
  fromAttribute: (value: string | null): DealStatus[] => toStatuses(value?.split(/\s+/) ?? []),
  toAttribute: (value: DealStatus[]): string | null => (value.length ? value.join(' ') : null),
};

export const sortConverter = {
  fromAttribute: (value: string | null): DealSort => ((SORTS as readonly string[]).includes(value ?? '') ? (value as DealSort) : DEFAULT_SORT),
  toAttribute: (value: DealSort): string | null => (value === DEFAULT_SORT ? null : value),
};

export const sameStatuses = (a: readonly DealStatus[] | undefined, b: readonly DealStatus[] | undefined) => (a ?? []).join(' ') === (b ?? []).join(' ');

import type { components } from '@partnerkit/api';
import type { Role } from '../auth/session-tokens.ts';

type DealStatus = components['schemas']['DealStatus'];
export type TransitionAction = components['schemas']['DealTransition']['action'];
type EventType = components['schemas']['DealEventType'];

interface Transition {
  from: readonly DealStatus[];
  to: DealStatus;
  /** Who may make it: the partner's own users, or the vendor's channel managers. */
  by: 'partner' | 'channel_manager';
  event: EventType;
}

/** The registration workflow: every legal move. Anything else is answered 409. */
export const transitions: Record<TransitionAction, Transition> = {
  submit: { from: ['draft', 'info_requested'], to: 'submitted', by: 'partner', event: 'submitted' },
  withdraw: { from: ['draft', 'submitted', 'info_requested'], to: 'withdrawn', by: 'partner', event: 'withdrawn' },
  approve: { from: ['submitted'], to: 'approved', by: 'channel_manager', event: 'approved' },
  reject: { from: ['submitted'], to: 'rejected', by: 'channel_manager', event: 'rejected' },
  request_info: { from: ['submitted'], to: 'info_requested', by: 'channel_manager', event: 'info_requested' },
  win: { from: ['approved'], to: 'won', by: 'partner', event: 'won' },
  lose: { from: ['approved'], to: 'lost', by: 'partner', event: 'lost' },
};

export function mayMake(action: TransitionAction, role: Role): boolean {
  const by = transitions[action].by;
  return by === 'channel_manager' ? role === 'channel_manager' : role !== 'channel_manager';
}

/** Statuses whose registration still protects its customer (conflicts are checked against them). */
export const ACTIVE_STATUSES: readonly DealStatus[] = ['submitted', 'info_requested', 'approved'];

/** Statuses in which the partner may still edit the fields. */
export const EDITABLE_STATUSES: readonly DealStatus[] = ['draft', 'info_requested'];

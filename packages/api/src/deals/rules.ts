// The deal-registration rules, as data: the server enforces them, the elements render from them
// and the test fakes obey them. One copy, so no part of the product runs a looser workflow.
import type { components } from '../generated/schema.ts';

type Schemas = components['schemas'];
export type DealStatus = Schemas['DealStatus'];
export type DealAction = Schemas['DealAction'];
export type DealEventType = Schemas['DealEventType'];
export type Role = Schemas['Role'];

/** Which side of the channel makes a move: the partner's own users or the vendor's channel managers. */
export type DealActor = 'partner' | 'channel_manager';

export interface DealTransitionRule {
  from: readonly DealStatus[];
  to: DealStatus;
  by: DealActor;
  /** The timeline event the move records. */
  event: DealEventType;
  /** The move must say why (a channel manager's rejection or question). */
  needsReason: boolean;
}

/** The registration workflow: every legal move. Anything else is refused (409). */
export const dealTransitions: Readonly<Record<DealAction, DealTransitionRule>> = {
  submit: { from: ['draft', 'info_requested'], to: 'submitted', by: 'partner', event: 'submitted', needsReason: false },
  withdraw: { from: ['draft', 'submitted', 'info_requested'], to: 'withdrawn', by: 'partner', event: 'withdrawn', needsReason: false },
  approve: { from: ['submitted'], to: 'approved', by: 'channel_manager', event: 'approved', needsReason: false },
  reject: { from: ['submitted'], to: 'rejected', by: 'channel_manager', event: 'rejected', needsReason: true },
  request_info: { from: ['submitted'], to: 'info_requested', by: 'channel_manager', event: 'info_requested', needsReason: true },
  win: { from: ['approved'], to: 'won', by: 'partner', event: 'won', needsReason: false },
  lose: { from: ['approved'], to: 'lost', by: 'partner', event: 'lost', needsReason: false },
};

/** Every action, in the order a user is offered them. */
export const DEAL_ACTIONS: readonly DealAction[] = ['submit', 'win', 'lose', 'withdraw', 'approve', 'request_info', 'reject'];

export const actorOf = (role: Role): DealActor => (role === 'channel_manager' ? 'channel_manager' : 'partner');

/** Whether `role` may ever make `action` (whatever the deal's status). */
export function mayMake(action: DealAction, role: Role): boolean {
  return dealTransitions[action].by === actorOf(role);
}

/** Whether `role` may make `action` on a deal in `status` now. */
export function canTransition(action: DealAction, status: DealStatus, role: Role): boolean {
  return mayMake(action, role) && dealTransitions[action].from.includes(status);
}

/** The actions `role` may take on a deal in `status`, in offering order. */
export function allowedDealActions(status: DealStatus, role: Role): DealAction[] {
  return DEAL_ACTIONS.filter((action) => canTransition(action, status, role));
}

/** Statuses whose registration still protects its customer (new registrations are checked against them). */
export const ACTIVE_DEAL_STATUSES: readonly DealStatus[] = ['submitted', 'info_requested', 'approved'];

/** Statuses in which the partner may still change the fields. */
export const EDITABLE_DEAL_STATUSES: readonly DealStatus[] = ['draft', 'info_requested'];

export const isDealEditable = (status: DealStatus): boolean => EDITABLE_DEAL_STATUSES.includes(status);

/** What `role` may do with a deal in `status`, as the deal carries it (`allowedActions`, `editable`). */
export function dealAffordances(status: DealStatus, role: Role): { allowedActions: DealAction[]; editable: boolean } {
  return { allowedActions: allowedDealActions(status, role), editable: actorOf(role) === 'partner' && isDealEditable(status) };
}

/** Default limits; a vendor may change them on its server (they come back on each deal as dates). */
export const DEAL_LIMITS = {
  /** Days an approved registration protects its customer. */
  protectionDays: 90,
  /** An approved deal whose protection ends within this many days is "expiring soon". */
  expiringSoonDays: 14,
  /** Hours a submission may wait for review before it is overdue. */
  reviewSlaHours: 48,
} as const;

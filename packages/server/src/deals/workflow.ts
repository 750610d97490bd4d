// The workflow itself lives with the contract (`@partnerkit/api`), shared with the elements and the test fakes.
export { dealTransitions as transitions, mayMake, ACTIVE_DEAL_STATUSES as ACTIVE_STATUSES, EDITABLE_DEAL_STATUSES as EDITABLE_STATUSES } from '@partnerkit/api';
export type { DealAction as TransitionAction, DealStatus } from '@partnerkit/api';

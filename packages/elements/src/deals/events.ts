// Deal registration's events (see core/events.ts for the shape every Partnerkit event shares).
import type { Deal, ListDealsQuery, DealStatus } from '@partnerkit/api';
import { PartnerkitEvent } from '../core/events.ts';

export type DealSort = NonNullable<ListDealsQuery['sort']>;

/** What the deal list shows, as its attributes hold it; `pk-deal-filter-change` reports it. */
export interface DealListFilter {
  status: DealStatus[];
  q: string;
  expiringSoon: boolean;
  sort: DealSort;
}

/** `detail` of the events that concern one deal. */
export interface DealDetail {
  deal: Deal;
}

/** `detail` of `pk-deal-submitted`. */
export type DealSubmittedDetail = DealDetail;

export interface DraftSavedDetail {
  where: 'local' | 'server';
  dealId?: string;
}

export interface DealFilterChangeDetail {
  filter: DealListFilter;
}

/** A registration was submitted (or sent to the server after waiting offline). */
export class PkDealSubmittedEvent extends PartnerkitEvent<DealDetail> {
  static readonly type = 'pk-deal-submitted';
  constructor(detail: DealDetail) {
    super(PkDealSubmittedEvent.type, detail);
  }
}

/** The registration form kept its draft, on the device or as a server draft. */
export class PkDealDraftSavedEvent extends PartnerkitEvent<DraftSavedDetail> {
  static readonly type = 'pk-deal-draft-saved';
  constructor(detail: DraftSavedDetail) {
    super(PkDealDraftSavedEvent.type, detail);
  }
}

/** A workflow action on a deal succeeded; `detail.deal` is the deal as it is now. */
export class PkDealChangedEvent extends PartnerkitEvent<DealDetail> {
  static readonly type = 'pk-deal-changed';
  constructor(detail: DealDetail) {
    super(PkDealChangedEvent.type, detail);
  }
}

/** The partner asked to edit a deal; the host opens its form. */
export class PkDealEditEvent extends PartnerkitEvent<DealDetail> {
  static readonly type = 'pk-deal-edit';
  constructor(detail: DealDetail) {
    super(PkDealEditEvent.type, detail);
  }
}

/** A deal in the list was opened. */
export class PkDealSelectedEvent extends PartnerkitEvent<DealDetail> {
  static readonly type = 'pk-deal-selected';
  constructor(detail: DealDetail) {
    super(PkDealSelectedEvent.type, detail);
  }
}

/** The list's filter or sort changed (the host may keep it in the URL). */
export class PkDealFilterChangeEvent extends PartnerkitEvent<DealFilterChangeDetail> {
  static readonly type = 'pk-deal-filter-change';
  constructor(detail: DealFilterChangeDetail) {
    super(PkDealFilterChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pk-deal-submitted': PkDealSubmittedEvent;
    'pk-deal-draft-saved': PkDealDraftSavedEvent;
    'pk-deal-changed': PkDealChangedEvent;
    'pk-deal-edit': PkDealEditEvent;
    'pk-deal-selected': PkDealSelectedEvent;
    'pk-deal-filter-change': PkDealFilterChangeEvent;
  }
}

import { defineElement } from '../core/define.ts';
import { PkDealReviewQueue } from '../deals/pk-deal-review-queue.ts';
import './pk-deal-detail.ts';
import './pk-badge.ts';
import './pk-empty-state.ts';

defineElement('pk-deal-review-queue', PkDealReviewQueue);

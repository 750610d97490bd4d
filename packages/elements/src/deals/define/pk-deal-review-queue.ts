import { defineElement } from '../../core/define.ts';
import { PkDealReviewQueue } from '../pk-deal-review-queue.ts';

defineElement('pk-deal-review-queue', PkDealReviewQueue);

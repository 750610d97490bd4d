import { defineElement } from '../core/define.ts';
import { PkDealDetail } from '../deals/pk-deal-detail.ts';

defineElement('pk-deal-detail', PkDealDetail);

import { defineElement } from '../../core/define.ts';
import { PkDealDetail } from '../pk-deal-detail.ts';

defineElement('pk-deal-detail', PkDealDetail);

import { defineElement } from '../core/define.ts';
import { PkDealList } from '../deals/pk-deal-list.ts';

defineElement('pk-deal-list', PkDealList);

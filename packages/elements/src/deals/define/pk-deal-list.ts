import { defineElement } from '../../core/define.ts';
import { PkDealList } from '../pk-deal-list.ts';

defineElement('pk-deal-list', PkDealList);

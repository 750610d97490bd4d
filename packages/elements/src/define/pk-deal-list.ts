import { defineElement } from '../core/define.ts';
import { PkDealList } from '../deals/pk-deal-list.ts';
// What the list renders, so defining the list alone is enough.
import './pk-data-table.ts';
import './pk-status-chip.ts';

defineElement('pk-deal-list', PkDealList);

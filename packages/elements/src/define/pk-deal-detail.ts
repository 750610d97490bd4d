import { defineElement } from '../core/define.ts';
import { PkDealDetail } from '../deals/pk-deal-detail.ts';
import './pk-status-chip.ts';
import './pk-button.ts';
import './pk-alert.ts';
import './pk-dialog.ts';
import './pk-textarea.ts';
import './pk-skeleton.ts';
import './pk-error-state.ts';

defineElement('pk-deal-detail', PkDealDetail);

import { defineElement } from '../core/define.ts';
import { PkStatusChip } from '../ui/pk-status-chip.ts';

defineElement('pk-status-chip', PkStatusChip);

import { defineElement } from '../core/define.ts';
import { PkEmptyState } from '../ui/pk-empty-state.ts';

defineElement('pk-empty-state', PkEmptyState);

import { defineElement } from '../core/define.ts';
import { PkErrorState } from '../ui/pk-error-state.ts';

defineElement('pk-error-state', PkErrorState);

import { defineElement } from '../core/define.ts';
import { PkAlert } from '../ui/pk-alert.ts';

defineElement('pk-alert', PkAlert);

import { defineElement } from '../core/define.ts';
import { PkCheckbox } from '../ui/pk-checkbox.ts';

defineElement('pk-checkbox', PkCheckbox);

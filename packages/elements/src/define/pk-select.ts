import { defineElement } from '../core/define.ts';
import { PkSelect } from '../ui/pk-select.ts';

defineElement('pk-select', PkSelect);

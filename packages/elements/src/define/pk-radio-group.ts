import { defineElement } from '../core/define.ts';
import { PkRadioGroup } from '../ui/pk-radio-group.ts';

defineElement('pk-radio-group', PkRadioGroup);

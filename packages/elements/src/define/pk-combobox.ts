import { defineElement } from '../core/define.ts';
import { PkCombobox } from '../ui/pk-combobox.ts';

defineElement('pk-combobox', PkCombobox);

import { defineElement } from '../core/define.ts';
import { PkDateField } from '../ui/pk-date-field.ts';

defineElement('pk-date-field', PkDateField);

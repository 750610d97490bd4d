import { defineElement } from '../core/define.ts';
import { PkMoneyField } from '../ui/pk-money-field.ts';

defineElement('pk-money-field', PkMoneyField);

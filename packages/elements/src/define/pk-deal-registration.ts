import { defineElement } from '../core/define.ts';
import { PkDealRegistration } from '../deals/pk-deal-registration.ts';
import './pk-alert.ts';
import './pk-button.ts';
import './pk-stepper.ts';
import './pk-text-field.ts';
import './pk-select.ts';
import './pk-money-field.ts';
import './pk-date-field.ts';
import './pk-textarea.ts';
import './pk-radio-group.ts';

defineElement('pk-deal-registration', PkDealRegistration);

import { defineElement } from '../../core/define.ts';
import { PkDealRegistration } from '../pk-deal-registration.ts';

defineElement('pk-deal-registration', PkDealRegistration);

import { defineElement } from '../core/define.ts';
import { PkDealRegistration } from '../deals/pk-deal-registration.ts';

defineElement('pk-deal-registration', PkDealRegistration);

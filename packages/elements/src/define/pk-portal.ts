import { defineElement } from '../core/define.ts';
import { PkPortal } from '../portal/pk-portal.ts';

defineElement('pk-portal', PkPortal);

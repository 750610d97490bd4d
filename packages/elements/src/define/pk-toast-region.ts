import { defineElement } from '../core/define.ts';
import { PkToastRegion } from '../ui/pk-toast-region.ts';

defineElement('pk-toast-region', PkToastRegion);

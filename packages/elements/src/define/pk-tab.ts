import { defineElement } from '../core/define.ts';
import { PkTab } from '../ui/pk-tab.ts';

defineElement('pk-tab', PkTab);

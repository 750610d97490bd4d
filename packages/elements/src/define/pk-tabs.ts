import { defineElement } from '../core/define.ts';
import { PkTabs } from '../ui/pk-tabs.ts';

defineElement('pk-tabs', PkTabs);

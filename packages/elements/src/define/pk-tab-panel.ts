import { defineElement } from '../core/define.ts';
import { PkTabPanel } from '../ui/pk-tab-panel.ts';

defineElement('pk-tab-panel', PkTabPanel);

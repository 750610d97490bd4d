import { defineElement } from '../core/define.ts';
import { PkTabs } from '../ui/pk-tabs.ts';
import './pk-tab.ts';
import './pk-tab-panel.ts';

defineElement('pk-tabs', PkTabs);

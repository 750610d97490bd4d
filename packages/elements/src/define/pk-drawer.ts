import { defineElement } from '../core/define.ts';
import { PkDrawer } from '../ui/pk-drawer.ts';

defineElement('pk-drawer', PkDrawer);

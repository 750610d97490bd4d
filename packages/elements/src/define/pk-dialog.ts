import { defineElement } from '../core/define.ts';
import { PkDialog } from '../ui/pk-dialog.ts';

defineElement('pk-dialog', PkDialog);

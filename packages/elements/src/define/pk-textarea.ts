import { defineElement } from '../core/define.ts';
import { PkTextarea } from '../ui/pk-textarea.ts';

defineElement('pk-textarea', PkTextarea);

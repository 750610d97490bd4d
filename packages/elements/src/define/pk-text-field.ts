import { defineElement } from '../core/define.ts';
import { PkTextField } from '../ui/pk-text-field.ts';

defineElement('pk-text-field', PkTextField);

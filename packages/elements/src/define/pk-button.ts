import { defineElement } from '../core/define.ts';
import { PkButton } from '../ui/pk-button.ts';

defineElement('pk-button', PkButton);

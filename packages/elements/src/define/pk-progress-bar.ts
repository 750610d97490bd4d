import { defineElement } from '../core/define.ts';
import { PkProgressBar } from '../ui/pk-progress-bar.ts';

defineElement('pk-progress-bar', PkProgressBar);

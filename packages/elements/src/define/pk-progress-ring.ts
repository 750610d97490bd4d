import { defineElement } from '../core/define.ts';
import { PkProgressRing } from '../ui/pk-progress-ring.ts';

defineElement('pk-progress-ring', PkProgressRing);

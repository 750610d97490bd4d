import { defineElement } from '../core/define.ts';
import { PkSkeleton } from '../ui/pk-skeleton.ts';

defineElement('pk-skeleton', PkSkeleton);

import { defineElement } from '../core/define.ts';
import { PkBadge } from '../ui/pk-badge.ts';

defineElement('pk-badge', PkBadge);

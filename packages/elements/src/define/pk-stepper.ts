import { defineElement } from '../core/define.ts';
import { PkStepper } from '../ui/pk-stepper.ts';

defineElement('pk-stepper', PkStepper);

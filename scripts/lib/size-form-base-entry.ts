// The core plus the base class every form control extends (measured once; controls on top).
export * from './size-core-entry.ts';
export { FormControl } from '../../packages/elements/src/ui/form-control.ts';
export { formControlStyles } from '../../packages/elements/src/ui/form-control.styles.ts';

import { isPartnerkitError } from '@partnerkit/api';
import { errorMessage } from '../../core/error-message.ts';
import type { Localization } from '../../core/i18n.ts';
import { FormControl } from '../../ui/form-control.ts';
import { STEPS, fieldOfPointer } from './deal-form-fields.ts';

// The registration's controls in its shadow root: finding, validating and reading them.

const CONTROLS = 'pk-text-field, pk-select, pk-money-field, pk-date-field, pk-textarea, pk-radio-group, pk-checkbox';

export function controlsIn(root: ParentNode): FormControl[] {
  return [...root.querySelectorAll(CONTROLS)].filter((element): element is FormControl => element instanceof FormControl);
}

/** The section of a step (0-based). */
export function sectionOf(root: ParentNode, step: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`section[data-step="${STEPS[step]}"]`);
}

/** A control's value as the form keeps it (amounts as decimal strings). */
export function valueOf(control: FormControl): string {
  if (control.localName === 'pk-money-field') return (control as FormControl & { amount: string }).amount;
  return String((control as FormControl & { value: unknown }).value ?? '');
}

/** Validates a step's controls: shows every error beside its field and focuses the first. */
export function validateStep(root: ParentNode, step: number): boolean {
  const section = sectionOf(root, step);
  if (!section) return true;
  const first = controlsIn(section).filter((control) => !control.checkValidity())[0];
  if (!first) return true;
  reportAndFocus(first);
  return false;
}

/** Shows a control's error beside it and moves focus there. */
export function reportAndFocus(control: FormControl): void {
  control.reportValidity();
  control.focus();
}

/** Validates every step before the review (each error shows beside its field); the first invalid control and its step. */
export function firstInvalid(root: ParentNode): { control: FormControl; step: number } | undefined {
  let found: { control: FormControl; step: number } | undefined;
  for (let step = 0; step < STEPS.length - 1; step += 1) {
    const section = sectionOf(root, step);
    if (!section) continue;
    for (const control of controlsIn(section)) if (!control.checkValidity() && !found) found = { control, step };
  }
  return found;
}

/** Names of the fields whose controls hold a valid value (`lineItems` when every line's do). */
export function validNames(root: ParentNode): Set<string> {
  const valid = new Set<string>();
  let linesValid = true;
  for (const control of controlsIn(root)) {
    const ok = control.validity.valid;
    if (control.dataset.row !== undefined) linesValid &&= ok;
    else if (ok) valid.add(control.name);
  }
  if (linesValid) valid.add('lineItems');
  return valid;
}

/** The control of a field, of a line item's field (`row`), or the first line's for `lineItems`. */
export function controlFor(root: ParentNode, name: string, row: number | undefined): FormControl | undefined {
  const controls = controlsIn(root);
  if (row !== undefined) return controls.find((control) => control.dataset.row === String(row) && control.name === name);
  if (name === 'lineItems') return controls.find((control) => control.dataset.row !== undefined);
  return controls.find((control) => control.dataset.row === undefined && control.name === name);
}

/** Puts the server's field errors beside their controls: the first control that got one, and whether some found none. */
export function placeFieldErrors(root: ParentNode, fieldErrors: readonly { field: string; message?: string | undefined }[], fallback: string): { first: FormControl | undefined; unplaced: boolean } {
  let first: FormControl | undefined;
  let unplaced = false;
  for (const fieldError of fieldErrors) {
    const target = fieldOfPointer(fieldError.field);
    const control = target ? controlFor(root, target.name, target.row) : undefined;
    if (!control) {
      unplaced = true;
      continue;
    }
    control.error = fieldError.message || fallback;
    first ??= control;
  }
  return { first, unplaced };
}

/**
 * A refused submission: the server's field errors go beside their fields (`first` is the control
 * to move to); `message` is what shows above the actions (empty when every error found its field).
 */
export function placeSubmissionError(root: ParentNode, error: unknown, l10n: Localization): { message: string; first: FormControl | undefined } {
  const fields = l10n.t('registration.error.fields', { ns: 'deals' });
  const { first, unplaced } = placeFieldErrors(root, isPartnerkitError(error) ? error.fieldErrors : [], l10n.t('registration.error.field', { ns: 'deals' }));
  if (first) return { message: unplaced ? fields : '', first };
  const message = isPartnerkitError(error) ? (error.status === 400 || error.status === 422 ? fields : errorMessage(error, l10n)) : l10n.t('error.generic', { ns: 'common' });
  return { message, first: undefined };
}

import { FormControl, type FormValue } from './form-control.ts';

/**
 * A form control whose value is one string (text, textarea, select, date): it submits the
 * string, remembers it for `form.reset()` and restores it after navigation.
 */
export abstract class TextValueControl extends FormControl {
  abstract value: string;

  protected override formData(): { value: FormValue } {
    return { value: this.value };
  }

  protected override snapshot(): unknown {
    return this.value;
  }

  protected override restore(snapshot: unknown): void {
    this.value = String(snapshot ?? '');
  }

  protected override restoreState(state: FormValue): void {
    if (typeof state === 'string') this.value = state;
  }
}

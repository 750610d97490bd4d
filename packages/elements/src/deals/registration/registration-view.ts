import { html, type TemplateResult } from 'lit';
import type { Product } from '@partnerkit/api';
import type { Localization } from '../../core/i18n.ts';
import type { ChoiceOption } from '../../ui/choice-options.ts';
import { STEPS, type FieldName, type FieldValues, type LineRow } from './deal-form-fields.ts';

/** What the registration's templates read: the form's data and the user's language. */
export interface RegistrationView {
  l10n: Localization;
  /** A `registration.*` string of the deals namespace. */
  t: (key: string, variables?: Record<string, unknown>) => string;
  values: FieldValues;
  lines: readonly LineRow[];
  products: readonly Product[];
  /** Currency of the amounts. */
  currency: string;
}

export const label = (view: RegistrationView, name: string) => view.t(`field.${name}`);

/** A step's heading, focused when the step shows. */
export function heading(view: RegistrationView, step: number): TemplateResult {
  const name = STEPS[step]!;
  return html`<h3 id=${`heading-${name}`} tabindex="-1">${view.t(`section.${name}`)}</h3>`;
}

export function choices(view: RegistrationView, group: string, values: readonly string[]): ChoiceOption[] {
  return values.map((value) => ({ value, label: view.t(`${group}.${value}`) }));
}

export interface TextOptions {
  required?: boolean;
  type?: 'text' | 'email' | 'tel' | 'number';
  autocomplete?: string;
  maxlength?: number;
  minlength?: number;
  min?: string;
  max?: string;
  /** Shows the field's `hint.*` string. */
  hint?: boolean;
  /** Spans the whole row. */
  wide?: boolean;
}

export function textField(view: RegistrationView, name: FieldName, options: TextOptions = {}): TemplateResult {
  return html`<pk-text-field
    class=${options.wide ? 'wide' : ''}
    name=${name}
    label=${label(view, name)}
    hint=${options.hint ? view.t(`hint.${name}`) : ''}
    type=${options.type ?? 'text'}
    autocomplete=${options.autocomplete ?? 'off'}
    .maxlength=${options.maxlength}
    .minlength=${options.minlength}
    min=${options.min ?? ''}
    max=${options.max ?? ''}
    step=${options.type === 'number' ? '1' : ''}
    ?required=${options.required ?? false}
    .value=${view.values[name]}
  ></pk-text-field>`;
}

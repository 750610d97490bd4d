import { html, nothing, type TemplateResult } from 'lit';
import type { ConflictReport } from '@partnerkit/api';
import { formatList } from '../../core/format.ts';
import { COMPANY_SIZES, countryOptions } from './deal-form-fields.ts';
import { choices, heading, label, textField, type RegistrationView } from './registration-view.ts';

export type Conflict = ConflictReport['conflicts'][number];

/** The first step: customer and contact, with the warning about a similar active registration. */
export function renderCustomer(view: RegistrationView, hidden: boolean, conflicts: readonly Conflict[]): TemplateResult {
  const { values } = view;
  return html`<section part="step" data-step="customer" aria-labelledby="heading-customer" ?hidden=${hidden}>
    ${heading(view, 0)}
    <div class="fields">
      ${textField(view, 'customerCompany', { required: true, autocomplete: 'organization', minlength: 2, maxlength: 200 })}
      ${textField(view, 'customerDomain', { hint: true, maxlength: 253 })}
      <pk-select
        name="customerCountry"
        label=${label(view, 'customerCountry')}
        placeholder=${view.t('placeholder.country')}
        autocomplete="country"
        required
        .options=${countryOptions(view.l10n.locale)}
        .value=${values.customerCountry}
      ></pk-select>
      ${conflicts.length ? renderConflict(view, conflicts) : nothing} ${textField(view, 'customerRegion', { autocomplete: 'address-level1', maxlength: 100 })}
      ${textField(view, 'customerPostalCode', { autocomplete: 'postal-code', maxlength: 20 })} ${textField(view, 'industry', { maxlength: 100 })}
      <pk-select
        name="companySize"
        label=${label(view, 'companySize')}
        placeholder=${view.t('placeholder.notSpecified')}
        .options=${choices(view, 'companySize', COMPANY_SIZES)}
        .value=${values.companySize}
      ></pk-select>
    </div>
    <div class="fields">
      ${textField(view, 'contactName', { required: true, autocomplete: 'name', maxlength: 200 })}
      ${textField(view, 'contactEmail', { required: true, type: 'email', autocomplete: 'email', maxlength: 320 })}
      ${textField(view, 'contactPhone', { type: 'tel', autocomplete: 'tel', maxlength: 40 })}
      ${textField(view, 'contactTitle', { autocomplete: 'organization-title', maxlength: 100 })}
    </div>
  </section>`;
}

/** Own registrations are named by reference; another partner's only said to exist. */
function renderConflict(view: RegistrationView, conflicts: readonly Conflict[]): TemplateResult {
  const own = conflicts.filter((conflict) => conflict.ownPartner && conflict.deal).map((conflict) => conflict.deal!.reference);
  const other = conflicts.some((conflict) => !conflict.ownPartner);
  return html`<pk-alert part="conflict" class="wide" variant="warning">
    <strong slot="heading">${view.t('conflict.heading')}</strong>
    ${own.length ? html`<p>${view.t('conflict.own', { references: formatList([...new Set(own)], view.l10n.locale) })}</p>` : nothing}
    ${other ? html`<p>${view.t('conflict.other')}</p>` : nothing}
  </pk-alert>`;
}

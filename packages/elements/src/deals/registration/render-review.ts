import { html, nothing, type TemplateResult } from 'lit';
import { countryName, formatDate, formatMoney, formatPercent } from '../../core/format.ts';
import { currencyDigits } from '../../ui/money-input.ts';
import { lineTotal, linesTotal } from './deal-form-fields.ts';
import { heading, label, type RegistrationView } from './registration-view.ts';

/** The last step: everything entered, as the user will submit it. */
export function renderReview(view: RegistrationView, hidden: boolean): TemplateResult {
  return html`<section part="step" data-step="review" aria-labelledby="heading-review" ?hidden=${hidden}>
    ${heading(view, 2)}
    <div part="summary" class="summary">${renderSummary(view)}</div>
  </section>`;
}

function renderSummary(view: RegistrationView): TemplateResult {
  const { values, lines, currency, t } = view;
  const { locale } = view.l10n;
  const empty = t('summary.empty');
  const country = values.customerCountry ? countryName(values.customerCountry, locale) : '';
  const choice = (group: string, value: string) => (value ? t(`${group}.${value}`) : '');
  const row = (name: string, value: string | TemplateResult) => html`<dt>${label(view, name)}</dt><dd>${value === '' ? empty : value}</dd>`;
  const amount = lines.length ? linesTotal(lines, currencyDigits(currency)) : values.amount || null;
  const productName = (id: string) => view.products.find((product) => product.id === id)?.name ?? id;
  const lineItem = (line: (typeof lines)[number]) => {
    const total = lineTotal(line);
    return t('summary.lineItem', { quantity: line.quantity, product: productName(line.productId), total: total !== null ? formatMoney({ amount: total, currency }, locale) : empty });
  };
  return html`
    <div class="summary-group">
      <h4>${t('section.customer')}</h4>
      <dl>
        ${row('customerCompany', values.customerCompany)} ${row('customerDomain', values.customerDomain)} ${row('customerCountry', country)}
        ${row('customerRegion', values.customerRegion)} ${row('customerPostalCode', values.customerPostalCode)} ${row('industry', values.industry)}
        ${row('companySize', choice('companySize', values.companySize))} ${row('contactName', values.contactName)} ${row('contactEmail', values.contactEmail)}
        ${row('contactPhone', values.contactPhone)} ${row('contactTitle', values.contactTitle)}
      </dl>
    </div>
    <div class="summary-group">
      <h4>${t('section.opportunity')}</h4>
      <dl>
        ${row('opportunityName', values.opportunityName)}
        ${lines.length ? row('lineItems', html`<ul>${lines.map((line) => html`<li>${lineItem(line)}</li>`)}</ul>`) : nothing}
        ${row('amount', amount ? formatMoney({ amount, currency }, locale) : '')}
        ${row('expectedCloseDate', values.expectedCloseDate ? formatDate(values.expectedCloseDate, locale) : '')} ${row('stage', choice('stage', values.stage))}
        ${row('probability', values.probability ? formatPercent(Number(values.probability) / 100, locale) : '')}
        ${row('dealType', choice('dealType', values.dealType))} ${row('partnerRole', choice('partnerRole', values.partnerRole))} ${row('notes', values.notes)}
      </dl>
    </div>
  `;
}

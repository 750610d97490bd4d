import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatMoney } from '../../core/format.ts';
import { currencyDigits } from '../../ui/money-input.ts';
import { DEAL_TYPES, PARTNER_ROLES, STAGES, lineTotal, linesTotal, today } from './deal-form-fields.ts';
import { choices, heading, label, textField, type RegistrationView } from './registration-view.ts';

export interface LineActions {
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/** The second step: the opportunity, its line items (or amount), dates and roles. */
export function renderOpportunity(view: RegistrationView, hidden: boolean, actions: LineActions): TemplateResult {
  const { values } = view;
  return html`<section part="step" data-step="opportunity" aria-labelledby="heading-opportunity" ?hidden=${hidden}>
    ${heading(view, 1)}
    <div class="fields">${textField(view, 'opportunityName', { required: true, minlength: 2, maxlength: 200, wide: true })}</div>
    ${renderLines(view, actions)}
    <div class="fields">
      <pk-date-field
        name="expectedCloseDate"
        label=${label(view, 'expectedCloseDate')}
        hint=${view.t('hint.expectedCloseDate')}
        min=${today()}
        required
        .value=${values.expectedCloseDate}
      ></pk-date-field>
      <pk-select name="stage" label=${label(view, 'stage')} placeholder=${view.t('placeholder.notSpecified')} .options=${choices(view, 'stage', STAGES)} .value=${values.stage}></pk-select>
      ${textField(view, 'probability', { type: 'number', min: '0', max: '100', hint: true })}
    </div>
    <div class="fields">
      <pk-radio-group name="dealType" label=${label(view, 'dealType')} orientation="horizontal" required .options=${choices(view, 'dealType', DEAL_TYPES)} .value=${values.dealType}></pk-radio-group>
      <pk-radio-group
        name="partnerRole"
        label=${label(view, 'partnerRole')}
        orientation="horizontal"
        required
        .options=${choices(view, 'partnerRole', PARTNER_ROLES)}
        .value=${values.partnerRole}
      ></pk-radio-group>
      <pk-textarea class="wide" name="notes" label=${label(view, 'notes')} maxlength="10000" .value=${values.notes}></pk-textarea>
    </div>
  </section>`;
}

/** Product lines with their totals; without lines, the amount is entered directly. */
function renderLines(view: RegistrationView, actions: LineActions): TemplateResult {
  const { lines, currency, t } = view;
  const { locale } = view.l10n;
  const options = view.products.map((product) => ({ value: product.id, label: `${product.name} (${product.sku})` }));
  const total = lines.length ? linesTotal(lines, currencyDigits(currency)) : null;
  const money = (amount: string | null, missing: string) => (amount !== null ? formatMoney({ amount, currency }, locale) : missing);
  return html`<fieldset class="lines">
    <legend>${label(view, 'lineItems')}</legend>
    ${lines.length
      ? html`<ol class="line-list">
          ${repeat(
            lines,
            (line) => line.key,
            (line, index) => html`<li>
              <fieldset class="line">
                <legend class="visually-hidden">${t('line.row', { n: index + 1 })}</legend>
                <pk-select name="productId" data-row=${index} label=${t('line.product')} placeholder=${t('placeholder.product')} required .options=${options} .value=${line.productId}></pk-select>
                <pk-text-field name="quantity" data-row=${index} type="number" min="1" max="100000" step="1" required label=${t('line.quantity')} .value=${line.quantity}></pk-text-field>
                <pk-money-field name="unitPrice" data-row=${index} label=${t('line.unitPrice')} required min="0" currency=${currency} .amount=${line.unitPrice}></pk-money-field>
                <pk-button type="button" variant="ghost" size="small" label=${t('line.remove', { n: index + 1 })} @click=${() => actions.onRemove(index)}>${t('line.removeShort')}</pk-button>
                <p class="line-total">${t('line.lineTotal')}: ${money(lineTotal(line), '—')}</p>
              </fieldset>
            </li>`,
          )}
        </ol>`
      : html`<p class="muted">${t('line.none')}</p>`}
    <pk-button class="add" type="button" variant="secondary" ?disabled=${!view.products.length} @click=${actions.onAdd}>${t('line.add')}</pk-button>
    ${lines.length
      ? html`<p class="total" aria-live="polite">${t('line.total')}: ${money(total, t('line.incomplete'))}</p>`
      : html`<pk-money-field name="amount" label=${label(view, 'amount')} required min="0.01" currency=${currency} .amount=${view.values.amount}></pk-money-field>`}
  </fieldset>`;
}

import { expect, html } from '@open-wc/testing';
import '../../src/define/pk-portal.ts';
import '../../src/define/pk-button.ts';
import '../../src/define/pk-text-field.ts';
import '../../src/define/pk-textarea.ts';
import '../../src/define/pk-select.ts';
import '../../src/define/pk-checkbox.ts';
import '../../src/define/pk-radio-group.ts';
import '../../src/define/pk-money-field.ts';
import '../../src/define/pk-date-field.ts';
import type { PkMoneyField } from '../../src/ui/pk-money-field.ts';
import { FLAGS, deepActive, errorText, inner, mountForm, press, settle, type } from './ui-forms.helpers.ts';

const flagOf = (element: { validity: ValidityState }) => FLAGS.find((flag) => element.validity[flag]);

/** Types `text` into a money field in `locale` and leaves it. */
async function enterAmount(text: string, locale: string, attributes = html``) {
  const { form } = await mountForm(html`<pk-money-field name="amount" label="Amount" currency="EUR"></pk-money-field><button type="button">next</button>${attributes}`, locale);
  const field = form.querySelector('pk-money-field')!;
  inner(field).focus();
  await type(text);
  await press('Tab');
  await settle(field);
  return { form, field };
}

describe('form controls: money field', () => {
  const cases: [string, string, string, string][] = [
    ['de-DE', '1.234,56', '1234.56', '1.234,56'],
    ['en-GB', '1,234.56', '1234.56', '1,234.56'],
    ['hu-HU', '1 234,56', '1234.56', '1\u00a0234,56'],
    ['fr-FR', '1 234,5', '1234.50', '1\u202f234,50'],
    ['de-DE', '1234', '1234.00', '1.234,00'],
  ];
  for (const [locale, typed, amount, shown] of cases) {
    it(`reads "${typed}" in ${locale} as ${amount} and shows it formatted on leaving`, async () => {
      const { form, field } = await enterAmount(typed, locale);
      expect(field.value).to.deep.equal({ amount, currency: 'EUR' });
      const data = new FormData(form);
      expect(data.get('amount')).to.equal(amount);
      expect(data.get('amount-currency')).to.equal('EUR');
      expect(inner(field).value).to.equal(shown);
      expect(field.checkValidity()).to.equal(true);
    });
  }

  it('keeps text that is no amount, and says so in German', async () => {
    const { form, field } = await enterAmount('12abc', 'de-DE');
    expect(inner(field).value).to.equal('12abc');
    expect(field.value).to.equal(null);
    expect(flagOf(field)).to.equal('badInput');
    expect(form.checkValidity()).to.equal(false);
    await settle(field);
    expect(errorText(field)).to.contain('Geben Sie einen Betrag ein, z. B. 1.234,56.');
    expect(inner(field).getAttribute('aria-invalid')).to.equal('true');
  });

  it('refuses 1.23 in German rather than guessing, and too many decimals for the currency', async () => {
    expect(flagOf((await enterAmount('1.23', 'de-DE')).field)).to.equal('badInput');
    const { field } = await enterAmount('1,234', 'de-DE');
    expect(flagOf(field)).to.equal('stepMismatch');
    expect(field.validationMessage).to.equal('Verwenden Sie höchstens 2 Nachkommastellen.');
  });

  it('takes a Money value from the host without a float round-trip, and resets to its default', async () => {
    const { form } = await mountForm(html`<pk-money-field name="budget" label="Budget" amount="999999999999999.99" currency="USD" currencies="EUR USD JPY"></pk-money-field>`, 'en-GB');
    const field = form.querySelector('pk-money-field')!;
    expect(inner(field).value).to.equal('999,999,999,999,999.99');
    expect(new FormData(form).get('budget')).to.equal('999999999999999.99');
    expect(new FormData(form).get('budget-currency')).to.equal('USD');
    field.value = { amount: '12.5', currency: 'EUR' };
    await settle(field);
    expect(inner(field).value).to.equal('12.50');
    expect(field.value).to.deep.equal({ amount: '12.50', currency: 'EUR' });
    const currency = field.shadowRoot!.querySelector('select')!;
    expect(currency.getAttribute('aria-label')).to.equal('Currency');
    expect(currency.value).to.equal('EUR');
    form.reset();
    await settle(field);
    expect(field.value).to.deep.equal({ amount: '999999999999999.99', currency: 'USD' });
    expect(currency.value).to.equal('USD');
  });

  it('lets the user choose the currency, whose decimals then apply', async () => {
    const { form } = await mountForm(html`<pk-money-field name="m" currency-name="m_cur" label="Amount" currencies="EUR JPY"></pk-money-field>`, 'en-GB');
    const field = form.querySelector('pk-money-field')!;
    inner(field).focus();
    await type('1500.5');
    const currency = field.shadowRoot!.querySelector('select')!;
    currency.value = 'JPY';
    currency.dispatchEvent(new Event('change'));
    await settle(field);
    expect(new FormData(form).get('m_cur')).to.equal('JPY');
    expect(field.validationMessage).to.equal('Enter a whole amount, without decimals.');
  });

  it('checks min and max exactly and words them as money', async () => {
    const { form } = await mountForm(html`<pk-money-field name="m" label="Amount" currency="EUR" min="0.01" max="1000000" amount="0.00"></pk-money-field><pk-money-field name="n" label="Other" currency="EUR" max="1000000" amount="1000000.01"></pk-money-field>`, 'de-DE');
    const [low, high] = [...form.querySelectorAll('pk-money-field')] as PkMoneyField[];
    expect(flagOf(low!)).to.equal('rangeUnderflow');
    expect(low!.validationMessage).to.equal('Geben Sie mindestens 0,01\u00a0€ ein.');
    expect(flagOf(high!)).to.equal('rangeOverflow');
  });

  it('restores the text, amount and currency the browser kept', async () => {
    const { form } = await mountForm(html`<pk-money-field name="m" label="Amount" currencies="EUR USD"></pk-money-field>`, 'de-DE');
    const field = form.querySelector('pk-money-field')!;
    const state = new FormData();
    state.append('text', '1.234,5');
    state.append('amount', '1234.50');
    state.append('currency', 'USD');
    field.formStateRestoreCallback(state);
    await settle(field);
    expect(inner(field).value).to.equal('1.234,5');
    expect(field.value).to.deep.equal({ amount: '1234.50', currency: 'USD' });
    expect(new FormData(form).get('m-currency')).to.equal('USD');
  });

  it('when required, must have an amount', async () => {
    const { form } = await mountForm(html`<pk-money-field name="m" label="Amount" required></pk-money-field>`, 'hu-HU');
    const field = form.querySelector('pk-money-field')!;
    expect(form.checkValidity()).to.equal(false);
    await settle(field);
    expect(errorText(field)).to.contain('Töltse ki ezt a mezőt.');
    expect(field.shadowRoot!.getElementById('currency')!.textContent, 'the portal\'s currency by default').to.equal('EUR');
  });
});

describe('form controls: date field', () => {
  it('submits YYYY-MM-DD, checks min and max in the user\'s language, and resets', async () => {
    const { form } = await mountForm(html`<pk-date-field name="close" label="Expected close" min="2025-01-01" max="2025-12-31" value="2025-06-30"></pk-date-field>`, 'de-DE');
    const field = form.querySelector('pk-date-field')!;
    expect(new FormData(form).get('close')).to.equal('2025-06-30');
    expect((inner(field) as HTMLInputElement).type).to.equal('date');
    field.value = '2024-12-31';
    await settle(field);
    expect(flagOf(field)).to.equal('rangeUnderflow');
    expect(field.validationMessage).to.equal('Geben Sie ein Datum ab dem 01.01.2025 ein.');
    field.value = '2026-01-01';
    await settle(field);
    expect(field.validationMessage).to.equal('Geben Sie ein Datum bis zum 31.12.2025 ein.');
    field.value = '2025-02-30';
    await settle(field);
    expect(flagOf(field)).to.equal('badInput');
    form.reset();
    await settle(field);
    expect(field.value).to.equal('2025-06-30');
    expect(field.checkValidity()).to.equal(true);
  });

  it('reads what the user types with the keyboard', async () => {
    const { form } = await mountForm(html`<pk-date-field name="d" label="Date" required></pk-date-field>`, 'en-US');
    const field = form.querySelector('pk-date-field')!;
    inner(field).focus();
    await type('03152025');
    await settle(field);
    expect(field.value).to.equal('2025-03-15');
    expect(new FormData(form).get('d')).to.equal('2025-03-15');
  });
});

describe('form controls: textarea', () => {
  it('counts characters left and over in the user\'s language, and is invalid when over', async () => {
    const { form } = await mountForm(html`<pk-textarea name="notes" label="Notizen" maxlength="10" value="Hallo"></pk-textarea>`, 'de-DE');
    const area = form.querySelector('pk-textarea')!;
    const counter = () => area.shadowRoot!.querySelector('[part="counter"]')!.textContent!.trim();
    expect(counter()).to.equal('Noch 5 Zeichen');
    expect(inner(area).getAttribute('aria-describedby')).to.contain('counter');
    inner(area).focus();
    await type(' du da drüben');
    await settle(area);
    expect(inner(area).value, 'typing past the limit is allowed').to.equal('Hallo du da drüben');
    expect(counter()).to.equal('8 Zeichen zu viel');
    expect(flagOf(area)).to.equal('tooLong');
    expect(new FormData(form).get('notes')).to.equal('Hallo du da drüben');
    form.reset();
    await settle(area);
    expect(area.value).to.equal('Hallo');
  });

  it('formats large counts and picks the plural form (1 vs many) in English', async () => {
    const { form } = await mountForm(html`<pk-textarea name="a" label="A" maxlength="2000"></pk-textarea><pk-textarea name="b" label="B" maxlength="2" value="a"></pk-textarea>`);
    const [a, b] = [...form.querySelectorAll('pk-textarea')];
    expect(a!.shadowRoot!.querySelector('[part="counter"]')!.textContent!.trim()).to.equal('2,000 characters left');
    expect(b!.shadowRoot!.querySelector('[part="counter"]')!.textContent!.trim()).to.equal('1 character left');
  });

  it('when required, refuses blank text', async () => {
    const { form } = await mountForm(html`<pk-textarea name="a" label="A" required value="   "></pk-textarea>`);
    expect(form.checkValidity()).to.equal(false);
    expect(flagOf(form.querySelector('pk-textarea')!)).to.equal('valueMissing');
  });
});

describe('form controls together', () => {
  const everything = html`
    <pk-text-field name="company" label="Company" value="Acme"></pk-text-field>
    <pk-textarea name="notes" label="Notes" value="Hello"></pk-textarea>
    <pk-select name="country" label="Country" value="fr"><option value="de">Germany</option><option value="fr">France</option></pk-select>
    <pk-checkbox name="terms" label="Terms" checked></pk-checkbox>
    <pk-radio-group name="plan" label="Plan" value="pro"><option value="basic">Basic</option><option value="pro">Pro</option></pk-radio-group>
    <pk-money-field name="amount" label="Amount" amount="1234.50" currency="EUR"></pk-money-field>
    <pk-date-field name="close" label="Close" value="2025-06-30"></pk-date-field>
    <pk-button>Send</pk-button>
  `;
  const expected = [
    ['company', 'Acme'],
    ['notes', 'Hello'],
    ['country', 'fr'],
    ['terms', 'on'],
    ['plan', 'pro'],
    ['amount', '1234.50'],
    ['amount-currency', 'EUR'],
    ['close', '2025-06-30'],
  ];

  it('are all in new FormData(form), and form.reset() brings every default back', async () => {
    const { form } = await mountForm(html`<fieldset>${everything}</fieldset>`);
    expect([...new FormData(form).entries()]).to.deep.equal(expected);
    const controls = [...form.querySelectorAll<HTMLElement & { value: string }>('pk-text-field, pk-textarea, pk-date-field')];
    for (const control of controls) control.value = '';
    form.querySelector('pk-select')!.value = 'de';
    form.querySelector('pk-checkbox')!.checked = false;
    form.querySelector('pk-radio-group')!.value = 'basic';
    form.querySelector('pk-money-field')!.value = { amount: '1', currency: 'USD' };
    for (const element of form.querySelectorAll('*')) await settle(element);
    expect([...new FormData(form).entries()]).to.not.deep.equal(expected);
    form.reset();
    for (const element of form.querySelectorAll('*')) await settle(element);
    expect([...new FormData(form).entries()]).to.deep.equal(expected);
  });

  it('are all disabled by a disabled fieldset', async () => {
    const { form } = await mountForm(html`<fieldset disabled>${everything}</fieldset>`);
    for (const element of form.querySelectorAll('*')) await settle(element);
    expect([...new FormData(form).entries()]).to.deep.equal([]);
    const natives = [...form.querySelectorAll('fieldset > *')].flatMap((host) => [...host.shadowRoot!.querySelectorAll('input, select, textarea, button')]) as HTMLInputElement[];
    expect(natives.length).to.be.at.least(7);
    expect(natives.every((native) => native.disabled)).to.equal(true);
  });

  it('are reached with Tab in document order', async () => {
    const { form } = await mountForm(html`<button type="button">start</button>${everything}`);
    form.querySelector('button')!.focus();
    const visited: string[] = [];
    // A date input's day, month and year are separate stops inside one host: count hosts.
    for (let step = 0; step < 12 && document.activeElement!.localName !== 'pk-button'; step += 1) {
      await press('Tab');
      if (visited.at(-1) !== document.activeElement!.localName) visited.push(document.activeElement!.localName);
    }
    expect(visited).to.deep.equal(['pk-text-field', 'pk-textarea', 'pk-select', 'pk-checkbox', 'pk-radio-group', 'pk-money-field', 'pk-date-field', 'pk-button']);
    expect(deepActive()!.localName).to.equal('button');
  });

  for (const theme of ['light', 'dark']) {
    it(`pass axe in ${theme}, with errors showing`, async () => {
      const { form } = await mountForm(
        html`
          <pk-textarea name="notes" label="Notes" maxlength="5" value="too long" hint="Anything we should know"></pk-textarea>
          <pk-money-field name="amount" label="Amount" required currencies="EUR USD"></pk-money-field>
          <pk-money-field name="fixed" label="Fixed" amount="10" currency="GBP"></pk-money-field>
          <pk-date-field name="close" label="Close" required></pk-date-field>
        `,
        'en-GB',
        theme,
      );
      form.checkValidity();
      for (const element of form.querySelectorAll('*')) await settle(element);
      expect(errorText(form.querySelector('pk-date-field')!)).to.not.equal('');
      await expect(form).to.be.accessible();
    });
  }
});

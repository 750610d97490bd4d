import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/pk-portal.ts';
import '../../src/define/pk-button.ts';
import '../../src/define/pk-text-field.ts';
import type { PkButton } from '../../src/ui/pk-button.ts';
import { FLAGS, deepActive, errorText, inner, mountForm, press, settle, type } from './ui-forms.helpers.ts';

describe('form controls: text field', () => {
  it('submits its value under its name, and form.reset() restores the default', async () => {
    const { form } = await mountForm(html`<pk-text-field name="company" label="Company" value="Acme"></pk-text-field>`);
    const field = form.querySelector('pk-text-field')!;
    expect(new FormData(form).get('company')).to.equal('Acme');
    inner(field).focus();
    await type(' GmbH');
    expect(field.value).to.equal('Acme GmbH');
    expect(new FormData(form).get('company')).to.equal('Acme GmbH');
    form.reset();
    await settle(field);
    expect(field.value).to.equal('Acme');
    expect(inner(field).value).to.equal('Acme');
    expect(new FormData(form).get('company')).to.equal('Acme');
  });

  it('is disabled, unsubmitted and not validated inside a disabled fieldset', async () => {
    const { form } = await mountForm(html`<fieldset><pk-text-field name="company" label="Company" required></pk-text-field></fieldset>`);
    const field = form.querySelector('pk-text-field')!;
    expect(form.checkValidity()).to.equal(false);
    form.querySelector('fieldset')!.disabled = true;
    await settle(field);
    expect(inner(field).disabled).to.equal(true);
    expect(field.willValidate).to.equal(false);
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).has('company')).to.equal(false);
  });

  it('keeps errors hidden until submit, then shows them beside the field in German and links them', async () => {
    const { form } = await mountForm(html`<pk-text-field name="company" label="Firma" required></pk-text-field>`, 'de-DE');
    const field = form.querySelector('pk-text-field')!;
    expect(errorText(field)).to.equal('', 'no error before the user did anything');
    expect(inner(field).getAttribute('aria-invalid')).to.equal('false');
    expect(form.checkValidity()).to.equal(false);
    await settle(field);
    expect(errorText(field)).to.contain('Füllen Sie dieses Feld aus.');
    expect(field.validationMessage).to.equal('Füllen Sie dieses Feld aus.');
    const input = inner(field);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = field.shadowRoot!.getElementById('error')!;
    expect(input.getAttribute('aria-describedby')!.split(' ')).to.include('error');
    expect(error.getAttribute('role')).to.equal('status');
    expect(field.shadowRoot!.querySelector('[part="required"]')!.textContent).to.equal('Pflichtfeld');
  });

  it('speaks Hungarian too', async () => {
    const { form } = await mountForm(html`<pk-text-field name="email" type="email" label="E-mail" value="nope"></pk-text-field>`, 'hu-HU');
    const field = form.querySelector('pk-text-field')!;
    expect(field.reportValidity()).to.equal(false);
    await settle(field);
    expect(errorText(field)).to.contain('Adjon meg egy e-mail-címet');
  });

  it('shows an error once the user changed the field and left it, and follows each keystroke after', async () => {
    const { form } = await mountForm(html`<pk-text-field name="code" label="Code" minlength="4"></pk-text-field><pk-button type="button">Next</pk-button>`);
    const field = form.querySelector('pk-text-field')!;
    inner(field).focus();
    await type('ab');
    await settle(field);
    expect(errorText(field), 'not while typing the first time').to.equal('');
    await press('Tab');
    await settle(field);
    expect(errorText(field)).to.contain('Use at least 4 characters (you have 2).');
    inner(field).focus();
    await type('cd');
    await settle(field);
    expect(errorText(field)).to.equal('');
    expect(field.checkValidity()).to.equal(true);
  });

  it('checks types, ranges, steps and patterns with localized messages', async () => {
    const { form } = await mountForm(html`
      <pk-text-field name="email" type="email" label="Email" value="a@"></pk-text-field>
      <pk-text-field name="web" type="url" label="Website" value="example"></pk-text-field>
      <pk-text-field name="tel" type="tel" label="Phone" value="call me"></pk-text-field>
      <pk-text-field name="seats" type="number" label="Seats" min="1" max="1000" step="5" value="2000"></pk-text-field>
      <pk-text-field name="step" type="number" label="Step" min="0" step="5" value="12"></pk-text-field>
      <pk-text-field name="vat" label="VAT ID" pattern="[A-Z]{2}[0-9]+" value="de123"></pk-text-field>
      <pk-text-field name="long" label="Long" maxlength="3" value="abcdef"></pk-text-field>
    `, 'de-DE');
    const messages = [...form.querySelectorAll('pk-text-field')].map((field) => field.validationMessage);
    expect(messages).to.deep.equal([
      'Geben Sie eine E-Mail-Adresse ein, z. B. name@example.com.',
      'Geben Sie eine Webadresse ein, z. B. https://example.com.',
      'Geben Sie eine Telefonnummer aus Ziffern, Leerzeichen und + ( ) - ein.',
      'Geben Sie höchstens 1.000 ein.',
      'Geben Sie einen gültigen Wert ein. Die nächstgelegenen sind 10 und 15.',
      'Geben Sie den Wert im verlangten Format ein.',
      'Verwenden Sie höchstens 3 Zeichen (derzeit 6).',
    ]);
    const flags = [...form.querySelectorAll('pk-text-field')].map((field) => FLAGS.find((key) => field.validity[key]));
    expect(flags).to.deep.equal(['typeMismatch', 'typeMismatch', 'typeMismatch', 'rangeOverflow', 'stepMismatch', 'patternMismatch', 'tooLong']);
  });

  it('keeps what the user typed when it is invalid', async () => {
    const { form } = await mountForm(html`<pk-text-field name="email" type="email" label="Email"></pk-text-field>`);
    const field = form.querySelector('pk-text-field')!;
    inner(field).focus();
    await type('not an address');
    expect(form.reportValidity()).to.equal(false);
    await settle(field);
    expect(inner(field).value).to.equal('not an address');
    expect(errorText(field)).to.contain('Enter an email address');
  });

  it('shows a server error at once, blocks submission, and clears it when the user edits', async () => {
    const { form } = await mountForm(html`<pk-text-field name="company" label="Company" value="Acme"></pk-text-field>`);
    const field = form.querySelector('pk-text-field')!;
    field.error = 'This company is already registered.';
    await settle(field);
    expect(errorText(field)).to.contain('This company is already registered.');
    expect(form.checkValidity()).to.equal(false);
    expect(field.validity.customError).to.equal(true);
    inner(field).focus();
    await type('x');
    await settle(field);
    expect(field.error).to.equal('');
    expect(errorText(field)).to.equal('');
    expect(form.checkValidity()).to.equal(true);
  });

  it('focuses the input when its label is clicked', async () => {
    const { form } = await mountForm(html`<pk-text-field name="company" label="Company"></pk-text-field>`);
    const field = form.querySelector('pk-text-field')!;
    (field.shadowRoot!.querySelector('label') as HTMLLabelElement).click();
    expect(deepActive()).to.equal(inner(field));
  });

  it('restores a state the browser kept (history navigation)', async () => {
    const { form } = await mountForm(html`<pk-text-field name="company" label="Company"></pk-text-field>`);
    const field = form.querySelector('pk-text-field')!;
    field.formStateRestoreCallback('Restored Ltd');
    await settle(field);
    expect(inner(field).value).to.equal('Restored Ltd');
    expect(new FormData(form).get('company')).to.equal('Restored Ltd');
  });

  it('submits the form on Enter, unless the submit button is disabled', async () => {
    const { form } = await mountForm(html`<pk-text-field name="q" label="Search"></pk-text-field><pk-button>Go</pk-button>`);
    let submits = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits += 1;
    });
    inner(form.querySelector('pk-text-field')!).focus();
    await press('Enter');
    expect(submits).to.equal(1);
    form.querySelector('pk-button')!.disabled = true;
    await press('Enter');
    expect(submits).to.equal(1);
  });

  it('without a portal, still validates, with the browser\'s own message', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><pk-text-field name="a" label="A" required></pk-text-field></form>`);
    const field = form.querySelector('pk-text-field')!;
    await settle(field);
    expect(form.checkValidity()).to.equal(false);
    expect(field.validity.valueMissing).to.equal(true);
    expect(field.validationMessage.trim()).to.not.equal('');
  });

  it('passes axe in light and dark, invalid or not', async () => {
    for (const theme of ['light', 'dark']) {
      const { form } = await mountForm(html`
        <pk-text-field name="a" label="Company" hint="As registered" required></pk-text-field>
        <pk-text-field name="b" label="Email" type="email" value="x" placeholder="name@example.com"></pk-text-field>
      `, 'en-GB', theme);
      form.checkValidity();
      for (const field of form.querySelectorAll('pk-text-field')) await settle(field);
      expect(errorText(form.querySelector('pk-text-field')!)).to.not.equal('');
      await expect(form).to.be.accessible();
    }
  });
});

describe('form controls: button', () => {
  it('submits its form with validation, and resets it', async () => {
    const { form } = await mountForm(html`
      <pk-text-field name="company" label="Company" value="Acme" required></pk-text-field>
      <pk-button type="reset" variant="secondary">Reset</pk-button>
      <pk-button>Send</pk-button>
    `);
    const [reset, submit] = [...form.querySelectorAll('pk-button')] as PkButton[];
    const field = form.querySelector('pk-text-field')!;
    let submitted: FormData | undefined;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted = new FormData(form);
    });
    submit!.click();
    expect(submitted?.get('company')).to.equal('Acme');
    field.value = '';
    await settle(field);
    submitted = undefined;
    submit!.click();
    expect(submitted, 'an invalid form is not submitted').to.equal(undefined);
    await settle(field);
    expect(errorText(field)).to.contain('Fill in this field.');
    reset!.click();
    await settle(field);
    expect(field.value).to.equal('Acme');
    expect(errorText(field)).to.equal('');
  });

  it('activates with Enter and Space, and is reached with Tab in document order', async () => {
    const { form } = await mountForm(html`
      <pk-text-field name="a" label="First"></pk-text-field>
      <pk-button type="button" id="b1">One</pk-button>
      <pk-text-field name="c" label="Second"></pk-text-field>
    `);
    const button = form.querySelector('pk-button')!;
    let clicks = 0;
    button.addEventListener('click', () => (clicks += 1));
    inner(form.querySelector('pk-text-field')!).focus();
    await press('Tab');
    expect(deepActive()).to.equal(inner(button));
    await press('Enter');
    await press(' ');
    expect(clicks).to.equal(2);
    await press('Tab');
    expect(deepActive()).to.equal(inner(form.querySelectorAll('pk-text-field')[1]!));
    await press('Shift+Tab');
    expect(deepActive()).to.equal(inner(button));
  });

  it('while loading, is busy, says so in the user\'s language, and ignores clicks', async () => {
    const { form } = await mountForm(html`<pk-button loading>Speichern</pk-button>`, 'de-DE');
    const button = form.querySelector('pk-button')!;
    let submits = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits += 1;
    });
    const native = inner(button);
    expect(native.getAttribute('aria-busy')).to.equal('true');
    expect(native.getAttribute('aria-disabled')).to.equal('true');
    expect(button.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('Wird geladen…');
    button.click();
    expect(submits).to.equal(0);
    button.loading = false;
    await button.updateComplete;
    expect(native.getAttribute('aria-busy')).to.equal('false');
    button.click();
    expect(submits).to.equal(1);
  });

  it('is disabled by a disabled fieldset and by its attribute', async () => {
    const { form } = await mountForm(html`<fieldset disabled><pk-button>Send</pk-button></fieldset><pk-button disabled>Other</pk-button>`);
    const [inFieldset, own] = [...form.querySelectorAll('pk-button')] as PkButton[];
    await inFieldset!.updateComplete;
    expect(inner(inFieldset!).disabled).to.equal(true);
    expect(inner(own!).disabled).to.equal(true);
    let submits = 0;
    form.addEventListener('submit', () => (submits += 1));
    inFieldset!.click();
    own!.click();
    expect(submits).to.equal(0);
  });

  it('renders every variant and size accessibly in light and dark', async () => {
    for (const theme of ['light', 'dark']) {
      const { form } = await mountForm(html`
        <pk-button variant="primary">Primary</pk-button>
        <pk-button variant="secondary" size="small">Secondary</pk-button>
        <pk-button variant="danger" size="large">Delete</pk-button>
        <pk-button variant="ghost">Ghost</pk-button>
        <pk-button label="Add"><svg slot="prefix" viewBox="0 0 16 16" aria-hidden="true"><path d="M7 1h2v14H7zM1 7h14v2H1z" /></svg></pk-button>
        <pk-button loading>Saving</pk-button>
      `, 'en-GB', theme);
      const sizes = [...form.querySelectorAll('pk-button')].map((button) => inner(button).getBoundingClientRect().height);
      expect(Math.min(...sizes)).to.be.at.least(24);
      expect(sizes[2]).to.be.greaterThan(sizes[1]!);
      await expect(form).to.be.accessible();
    }
  });
});


import { expect, html } from '@open-wc/testing';
import '../../src/define/pk-portal.ts';
import '../../src/define/pk-select.ts';
import '../../src/define/pk-checkbox.ts';
import '../../src/define/pk-radio-group.ts';
import type { PkRadioGroup } from '../../src/ui/pk-radio-group.ts';
import { deepActive, errorText, inner, mountForm, press, settle } from './ui-forms.helpers.ts';

const radios = (group: PkRadioGroup) => [...group.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
const checkedLabel = (group: PkRadioGroup) => radios(group).find((radio) => radio.getAttribute('aria-checked') === 'true')?.textContent?.trim();

describe('form controls: select', () => {
  it('renders child options in a native select, submits the choice and resets to the default', async () => {
    const { form } = await mountForm(html`
      <pk-select name="country" label="Country">
        <option value="de">Germany</option>
        <option value="fr" selected>France</option>
        <optgroup label="Elsewhere"><option value="hu">Hungary</option></optgroup>
      </pk-select>
    `);
    const select = form.querySelector('pk-select')!;
    const native = inner(select) as unknown as HTMLSelectElement;
    expect([...native.options].map((option) => option.textContent)).to.deep.equal(['Germany', 'France', 'Hungary']);
    expect(native.querySelector('optgroup')!.label).to.equal('Elsewhere');
    expect(new FormData(form).get('country')).to.equal('fr');
    native.value = 'hu';
    native.dispatchEvent(new Event('change'));
    await settle(select);
    expect(select.value).to.equal('hu');
    expect(new FormData(form).get('country')).to.equal('hu');
    form.reset();
    await settle(select);
    expect(native.value).to.equal('fr');
    expect(new FormData(form).get('country')).to.equal('fr');
  });

  it('takes options from the options property, with a placeholder that required refuses (German message)', async () => {
    const { form } = await mountForm(
      html`<pk-select name="size" label="Größe" placeholder="Bitte wählen" required .options=${[
        { value: 's', label: 'Klein' },
        { value: 'l', label: 'Groß', disabled: true },
      ]}></pk-select>`,
      'de-DE',
    );
    const select = form.querySelector('pk-select')!;
    const native = inner(select) as unknown as HTMLSelectElement;
    expect(native.options[0]!.textContent).to.equal('Bitte wählen');
    expect(native.options[2]!.disabled).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    await settle(select);
    expect(errorText(select)).to.contain('Wählen Sie eine Option aus.');
    expect(native.getAttribute('aria-invalid')).to.equal('true');
    native.value = 's';
    native.dispatchEvent(new Event('change'));
    await settle(select);
    expect(form.checkValidity()).to.equal(true);
    expect(errorText(select)).to.equal('');
  });

  it('is disabled by a disabled fieldset', async () => {
    const { form } = await mountForm(html`<fieldset disabled><pk-select name="s" label="S"><option>a</option></pk-select></fieldset>`);
    const select = form.querySelector('pk-select')!;
    await settle(select);
    expect((inner(select) as unknown as HTMLSelectElement).disabled).to.equal(true);
    expect(new FormData(form).has('s')).to.equal(false);
  });
});

describe('form controls: checkbox', () => {
  it('submits its value only when checked, toggles with Space, and resets to the checked attribute', async () => {
    const { form } = await mountForm(html`<pk-checkbox name="news" value="yes" label="Send me news"></pk-checkbox><pk-checkbox name="terms" label="Terms" checked></pk-checkbox>`);
    const [news, terms] = [...form.querySelectorAll('pk-checkbox')];
    expect(new FormData(form).has('news')).to.equal(false);
    expect(new FormData(form).get('terms')).to.equal('on');
    let changes = 0;
    news!.addEventListener('change', () => (changes += 1));
    inner(news!).focus();
    await press(' ');
    await settle(news!);
    expect(news!.checked).to.equal(true);
    expect(changes).to.equal(1);
    expect(new FormData(form).get('news')).to.equal('yes');
    await press('Enter');
    expect(news!.checked, 'Enter does not toggle a checkbox').to.equal(true);
    terms!.checked = false;
    form.reset();
    await settle(news!, terms!);
    expect(news!.checked).to.equal(false);
    expect(terms!.checked).to.equal(true);
    expect((inner(terms!) as HTMLInputElement).checked).to.equal(true);
  });

  it('when required, must be checked; the error is in German and linked to the checkbox', async () => {
    const { form } = await mountForm(html`<pk-checkbox name="terms" label="AGB akzeptieren" required></pk-checkbox>`, 'de-DE');
    const box = form.querySelector('pk-checkbox')!;
    expect(form.checkValidity()).to.equal(false);
    await settle(box);
    expect(errorText(box)).to.contain('Setzen Sie das Häkchen, um fortzufahren.');
    expect(inner(box).getAttribute('aria-describedby')).to.contain('error');
    box.shadowRoot!.querySelector('label')!.click();
    await settle(box);
    expect(box.checked, 'a click on the label toggles it').to.equal(true);
    expect(form.checkValidity()).to.equal(true);
  });

  it('is disabled by a disabled fieldset', async () => {
    const { form } = await mountForm(html`<fieldset disabled><pk-checkbox name="c" label="C" checked></pk-checkbox></fieldset>`);
    const box = form.querySelector('pk-checkbox')!;
    await settle(box);
    expect(inner(box).disabled).to.equal(true);
    expect(new FormData(form).has('c')).to.equal(false);
  });
});

describe('form controls: radio group', () => {
  const plans = html`<pk-radio-group name="plan" label="Plan">
    <option value="basic">Basic</option>
    <option value="pro" selected>Pro</option>
    <option value="legacy" disabled>Legacy</option>
    <option value="enterprise">Enterprise</option>
  </pk-radio-group>`;

  it('is one radiogroup with one tab stop; arrows move and choose, skipping disabled options and wrapping', async () => {
    const { form } = await mountForm(html`<button type="button">before</button>${plans}`);
    const group = form.querySelector('pk-radio-group')!;
    const group0 = group.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group0.getAttribute('aria-labelledby')).to.equal('label');
    expect(radios(group).map((radio) => radio.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    expect(new FormData(form).get('plan')).to.equal('pro');
    form.querySelector('button')!.focus();
    await press('Tab');
    expect(deepActive()).to.equal(radios(group)[1]);
    await press('ArrowDown');
    await settle(group);
    expect(checkedLabel(group)).to.equal('Enterprise', 'the disabled option is skipped');
    expect(deepActive()).to.equal(radios(group)[3]);
    await press('ArrowRight');
    await settle(group);
    expect(checkedLabel(group)).to.equal('Basic', 'wraps around');
    await press('ArrowUp');
    await settle(group);
    expect(checkedLabel(group)).to.equal('Enterprise');
    await press('Home');
    await settle(group);
    expect(group.value).to.equal('basic');
    expect(new FormData(form).get('plan')).to.equal('basic');
    await press('Tab');
    expect(deepActive(), 'one Tab leaves the group').to.not.be.oneOf(radios(group));
    form.reset();
    await settle(group);
    expect(group.value).to.equal('pro');
  });

  it('mirrors ArrowLeft and ArrowRight in a right-to-left layout', async () => {
    const { form } = await mountForm(html`<div dir="rtl">${plans}</div>`);
    const group = form.querySelector('pk-radio-group')!;
    radios(group)[1]!.focus();
    await press('ArrowLeft');
    await settle(group);
    expect(group.value).to.equal('enterprise', 'ArrowLeft goes forward in RTL');
    await press('ArrowRight');
    await settle(group);
    expect(group.value).to.equal('pro', 'ArrowRight goes back in RTL');
  });

  it('chooses with Space and with a click, firing input and change', async () => {
    const { form } = await mountForm(html`<pk-radio-group name="size" label="Size" .options=${[{ value: 's', label: 'Small' }, { value: 'm', label: 'Medium' }]}></pk-radio-group>`);
    const group = form.querySelector('pk-radio-group')!;
    const events: string[] = [];
    group.addEventListener('input', () => events.push('input'));
    group.addEventListener('change', () => events.push('change'));
    expect(new FormData(form).has('size')).to.equal(false);
    expect(radios(group)[0]!.tabIndex).to.equal(0, 'the first option is the tab stop when none is chosen');
    radios(group)[0]!.focus();
    await press(' ');
    await settle(group);
    expect(group.value).to.equal('s');
    radios(group)[1]!.click();
    await settle(group);
    expect(group.value).to.equal('m');
    expect(events).to.deep.equal(['input', 'change', 'input', 'change']);
  });

  it('when required, refuses an empty choice with a Hungarian message, and its label focuses it', async () => {
    const { form } = await mountForm(html`<pk-radio-group name="plan" label="Csomag" required><option value="a">A</option><option value="b">B</option></pk-radio-group>`, 'hu-HU');
    const group = form.querySelector('pk-radio-group')!;
    expect(form.checkValidity()).to.equal(false);
    await settle(group);
    expect(errorText(group)).to.contain('Válasszon egy lehetőséget.');
    const radiogroup = group.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(radiogroup.getAttribute('aria-invalid')).to.equal('true');
    expect(radiogroup.getAttribute('aria-describedby')).to.contain('error');
    (group.shadowRoot!.getElementById('label') as HTMLElement).click();
    expect(deepActive()).to.equal(radios(group)[0]);
  });

  it('is disabled by a disabled fieldset: out of the tab order, not chosen by clicks, not submitted', async () => {
    const { form } = await mountForm(html`<fieldset disabled><pk-radio-group name="p" label="P" value="a"><option value="a">A</option><option value="b">B</option></pk-radio-group></fieldset>`);
    const group = form.querySelector('pk-radio-group')!;
    await settle(group);
    expect(radios(group).map((radio) => radio.tabIndex)).to.deep.equal([-1, -1]);
    radios(group)[1]!.click();
    await settle(group);
    expect(group.value).to.equal('a');
    expect(new FormData(form).has('p')).to.equal(false);
  });
});

describe('form controls: choices pass axe', () => {
  for (const theme of ['light', 'dark']) {
    it(`in ${theme}, valid and invalid`, async () => {
      const { form } = await mountForm(
        html`
          <pk-select name="s" label="Country" hint="Where the customer is based" placeholder="Choose" required><option value="de">Germany</option></pk-select>
          <pk-checkbox name="c" label="I accept the terms" required></pk-checkbox>
          <pk-checkbox name="d" label="Newsletter" checked></pk-checkbox>
          <pk-radio-group name="r" label="Plan" required><option value="a">Basic</option><option value="b">Pro</option></pk-radio-group>
          <pk-radio-group name="h" label="Size" orientation="horizontal" value="m"><option value="s">Small</option><option value="m">Medium</option></pk-radio-group>
        `,
        'en-GB',
        theme,
      );
      form.checkValidity();
      for (const element of form.querySelectorAll('pk-select, pk-checkbox, pk-radio-group')) await settle(element);
      expect(errorText(form.querySelector('pk-radio-group')!)).to.not.equal('');
      await expect(form).to.be.accessible();
    });
  }
});

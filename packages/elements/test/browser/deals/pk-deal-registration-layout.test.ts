import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PkPortal } from '../../../src/portal/pk-portal.ts';
import { asChannelManager, fakeClient } from '../../../../../test/fixtures/fake-client.ts';
import { CUSTOMER, OPPORTUNITY, button, click, control, deepActive, errorText, fillAll, inner, mount, part, recordingClient, submissions, visibleSteps } from './pk-deal-registration.helpers.ts';

const submitButtons = (root: ShadowRoot) => [...root.querySelectorAll('pk-button[type="submit"]')];

describe('<pk-deal-registration> layouts and languages', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('on a wide container shows one long form with one submit button', async () => {
    const fake = recordingClient();
    const { element, root } = await mount(fake.client, { width: 1000 });
    await waitUntil(() => visibleSteps(element).length === 3, 'all sections show');
    expect(root.querySelector('pk-stepper')).to.equal(null);
    expect(submitButtons(root)).to.have.length(1);
    expect(() => button(element, 'Next')).to.throw();
    await expect(element).to.be.accessible();

    // Submitting an incomplete form focuses the first invalid field of the whole form.
    await click(element, 'Submit registration');
    await waitUntil(() => deepActive() === inner(control(element, 'customerCompany')));
    expect(errorText(control(element, 'opportunityName')), 'errors show in every section').to.not.equal('');

    await fillAll(element, CUSTOMER);
    await fillAll(element, OPPORTUNITY());
    expect(part(element, 'summary')!.textContent, 'the summary follows the fields').to.contain(CUSTOMER.contactEmail);
    await click(element, 'Submit registration');
    await waitUntil(() => part(element, 'success'));
    expect(submissions(fake.creates)).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('layout="stepper" forces steps on a wide container, layout="single" one page on a narrow one', async () => {
    const stepped = await mount(recordingClient().client, { width: 1200, layout: 'stepper' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await stepped.element.updateComplete;
    expect(visibleSteps(stepped.element)).to.deep.equal(['customer']);
    expect(stepped.root.querySelector('pk-stepper')).to.not.equal(null);
    stepped.element.closest('.frame')!.remove();

    const single = await mount(recordingClient().client, { width: 480, layout: 'single' });
    expect(visibleSteps(single.element)).to.deep.equal(['customer', 'opportunity', 'review']);
    expect(submitButtons(single.root)).to.have.length(1);
  });

  it('speaks German: labels, countries, validation, amounts and dates', async () => {
    const { element, root } = await mount(recordingClient().client, { locale: 'de-DE' });
    expect(root.querySelector('h2')!.textContent).to.equal('Deal registrieren');
    expect(root.querySelector('pk-stepper')!.shadowRoot!.textContent).to.contain('Schritt 1 von 3');
    const country = control<HTMLElement & { options: { value: string; label: string }[] }>(element, 'customerCountry');
    expect(country.options.find((option) => option.value === 'DE')!.label).to.equal('Deutschland');
    expect(country.options.find((option) => option.value === 'HU')!.label).to.equal('Ungarn');
    await click(element, 'Weiter');
    expect(errorText(control(element, 'customerCompany'))).to.equal('Füllen Sie dieses Feld aus.');
    await fillAll(element, CUSTOMER);
    await click(element, 'Weiter');
    await fillAll(element, { ...OPPORTUNITY(), expectedCloseDate: '2099-03-01' });
    await click(element, 'Weiter');
    const summary = part(element, 'summary')!.textContent!;
    expect(summary).to.match(/25\.000,00\s€/);
    expect(summary).to.contain('01.03.2099');
    expect(summary).to.contain('Neukunde');
    expect(button(element, 'Registrierung absenden')).to.not.equal(null);
    await expect(element).to.be.accessible();
  });

  it('speaks Hungarian', async () => {
    const { root, element } = await mount(recordingClient().client, { locale: 'hu-HU' });
    expect(root.querySelector('h2')!.textContent).to.equal('Üzlet regisztrálása');
    expect(control<HTMLElement & { label: string }>(element, 'customerCompany').label).to.equal('Cégnév');
    await click(element, 'Tovább');
    expect(errorText(control(element, 'customerCompany'))).to.equal('Töltse ki ezt a mezőt.');
    expect(part(element, 'form')!.querySelector('.muted'), 'hidden steps are translated too').to.not.equal(null);
    expect(part(element, 'form')!.querySelector('.muted')!.textContent).to.equal('Nincs hozzáadott termék. Adja meg az összeget, vagy adjon hozzá termékeket az összesítéshez.');
  });
});

describe('<pk-deal-registration> for a role that may not register', () => {
  it('tells a channel manager so instead of showing the form', async () => {
    const portal = await fixture<PkPortal>(html`<pk-portal locale="en-GB" .client=${asChannelManager(fakeClient().client)}><pk-deal-registration></pk-deal-registration></pk-portal>`);
    const form = portal.querySelector('pk-deal-registration')!;
    await waitUntil(() => form.shadowRoot!.textContent!.includes('may not register'), 'the reason is shown');
    expect(form.shadowRoot!.querySelector('form')).to.equal(null);
  });
});

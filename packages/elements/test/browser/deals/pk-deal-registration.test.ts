import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { PartnerkitError, type Deal } from '@partnerkit/api';
import {
  CUSTOMER,
  OPPORTUNITY,
  button,
  click,
  control,
  deepActive,
  errorText,
  fill,
  fillAll,
  fillToReview,
  inner,
  lineControl,
  mount,
  part,
  recordingClient,
  set,
  submissions,
  visibleSteps,
} from './pk-deal-registration.helpers.ts';
import { press, type } from '../ui-forms.helpers.ts';
import { seededCatalogue, withDeals } from '../../../../../test/fixtures/fake-client.ts';

describe('<pk-deal-registration> steps, validation and submission', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('Next on an incomplete step stays there, shows the errors and focuses the first invalid field', async () => {
    const { element } = await mount(recordingClient().client);
    expect(visibleSteps(element)).to.deep.equal(['customer']);
    expect(element.shadowRoot!.querySelector('pk-stepper')!.getAttribute('current')).to.equal('1');
    await fill(element, 'customerCompany', 'Nordwind Logistik GmbH');
    await click(element, 'Next');
    expect(visibleSteps(element)).to.deep.equal(['customer']);
    const country = control(element, 'customerCountry');
    await waitUntil(() => deepActive() === inner(country), 'the first invalid field (country) is focused');
    expect(errorText(country)).to.equal('Select an option.');
    expect(errorText(control(element, 'contactName'))).to.not.equal('');
    expect(errorText(control(element, 'customerCompany')), 'a valid field shows no error').to.equal('');
    await expect(element).to.be.accessible();
  });

  it('moves focus to the next step\'s heading and back again', async () => {
    const { element } = await mount(recordingClient().client);
    await fillAll(element, CUSTOMER);
    await click(element, 'Next');
    expect(visibleSteps(element)).to.deep.equal(['opportunity']);
    expect(deepActive()).to.equal(element.shadowRoot!.querySelector('#heading-opportunity'));
    expect(element.shadowRoot!.querySelector('pk-stepper')!.getAttribute('current')).to.equal('2');
    await click(element, 'Back');
    expect(visibleSteps(element)).to.deep.equal(['customer']);
    expect(deepActive()).to.equal(element.shadowRoot!.querySelector('#heading-customer'));
    expect(control(element, 'customerCompany').value, 'what was typed is kept').to.equal(CUSTOMER.customerCompany);
  });

  it('a full registration through the three steps submits once and shows the reference', async () => {
    const fake = recordingClient();
    const { element } = await mount(fake.client);
    await fillToReview(element);
    const summary = part(element, 'summary')!;
    expect(summary.textContent).to.contain(CUSTOMER.customerCompany);
    expect(summary.textContent).to.contain('Germany');
    expect(summary.textContent).to.contain('€25,000.00');
    expect(summary.textContent).to.contain('New customer');
    await expect(element).to.be.accessible();

    const submitted = oneEvent(element, 'pk-deal-submitted');
    await click(element, 'Submit registration');
    const { detail } = (await submitted) as CustomEvent<{ deal: Deal }>;
    expect(submissions(fake.creates)).to.have.length(1);
    const [call] = submissions(fake.creates);
    expect(call!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(call!.input).to.include({ customerCompany: CUSTOMER.customerCompany, customerCountry: 'DE', contactEmail: CUSTOMER.contactEmail, dealType: 'new', partnerRole: 'sourced' });
    expect(call!.input.amount).to.deep.equal({ amount: '25000.00', currency: 'EUR' });
    expect(call!.input.customerRegion, 'empty optional fields are sent as null').to.equal(null);

    await waitUntil(() => part(element, 'success'), 'the success view');
    const success = part(element, 'success')!;
    expect(success.textContent).to.contain(detail.deal.reference);
    expect(success.textContent).to.contain('Submitted');
    expect(success.textContent).to.contain('Your channel manager will review the registration.');
    expect(deepActive()).to.equal(element.shadowRoot!.querySelector('#success-heading'));
    await waitUntil(() => element.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!.textContent!.includes(detail.deal.reference), 'announced');
    expect(localStorage.length, 'draft and outbox are cleared').to.equal(0);
    await expect(element).to.be.accessible();

    await click(element, 'Register another deal');
    expect(visibleSteps(element)).to.deep.equal(['customer']);
    expect(control(element, 'customerCompany').value).to.equal('');
  });

  it('tells what happens next for a deal approved at once', async () => {
    const fake = recordingClient();
    const client = withDeals(fake.client, {
      create: async (...args: Parameters<typeof fake.client.deals.create>) => {
        const deal = await fake.client.deals.create(...args);
        return { ...deal, status: 'approved' as const, expiresAt: '2026-12-31T00:00:00.000Z' };
      },
    });
    const { element } = await mount(client);
    await fillToReview(element);
    await click(element, 'Submit registration');
    await waitUntil(() => part(element, 'success'));
    expect(part(element, 'success')!.textContent).to.contain('Approved');
    expect(part(element, 'success')!.textContent).to.contain('protected for you until 31 Dec 2026');
  });

  it('line items: the product\'s list price is prefilled and the total is their exact sum', async () => {
    const fake = recordingClient();
    const { element } = await mount(fake.client);
    await fillAll(element, CUSTOMER);
    await click(element, 'Next');
    const product = seededCatalogue.find((candidate) => candidate.listPrices.some((price) => price.currency === 'EUR'))!;
    const price = product.listPrices.find((candidate) => candidate.currency === 'EUR')!.amount;
    await click(element, 'Add a product');
    expect(deepActive(), 'focus moves to the new row').to.equal(inner(lineControl(element, 0, 'productId')));
    expect(element.shadowRoot!.querySelector('[name="amount"]'), 'no amount field with line items').to.equal(null);
    await set(element, lineControl(element, 0, 'productId'), product.id);
    expect((lineControl(element, 0, 'unitPrice') as HTMLElement & { amount: string }).amount).to.equal(price);
    await set(element, lineControl(element, 0, 'unitPrice'), '0.10');
    await set(element, lineControl(element, 0, 'quantity'), '3');
    await click(element, 'Add a product');
    await set(element, lineControl(element, 1, 'productId'), product.id);
    await set(element, lineControl(element, 1, 'unitPrice'), '0.20');
    // 3 × 0.10 + 0.20 is 0.5 exactly (0.30000000000000004 + 0.2 in floats).
    expect(element.shadowRoot!.querySelector('.total')!.textContent).to.contain('€0.50');
    const opportunity: Record<string, string> = OPPORTUNITY();
    delete opportunity.amount;
    await fillAll(element, opportunity);
    await click(element, 'Next');
    expect(part(element, 'summary')!.textContent).to.contain(`3 × ${product.name}: €0.30`);
    await click(element, 'Submit registration');
    await waitUntil(() => part(element, 'success'));
    const [call] = submissions(fake.creates);
    expect(call!.input.lineItems).to.deep.equal([
      { productId: product.id, quantity: 3, unitPrice: { amount: '0.10', currency: 'EUR' } },
      { productId: product.id, quantity: 1, unitPrice: { amount: '0.20', currency: 'EUR' } },
    ]);
    expect(call!.input.amount).to.deep.equal({ amount: '0.50', currency: 'EUR' });
  });

  it('server field errors land beside the field and the form goes to its step', async () => {
    const fake = recordingClient();
    let refuse = true;
    const client = withDeals(fake.client, {
      create: async (...args: Parameters<typeof fake.client.deals.create>) => {
        if (args[0].submit === false) return fake.client.deals.create(...args);
        if (refuse) {
          refuse = false;
          throw new PartnerkitError({ kind: 'http', status: 400, code: 'validation', title: 'Invalid', fieldErrors: [{ field: '/body/contactEmail', code: 'format', message: 'This address cannot receive mail.' }] });
        }
        return fake.client.deals.create(...args);
      },
    });
    const { element } = await mount(client);
    await fillToReview(element);
    await click(element, 'Submit registration');
    const email = control(element, 'contactEmail');
    await waitUntil(() => visibleSteps(element).join() === 'customer', 'back on the customer step');
    await waitUntil(() => deepActive() === inner(email), 'the field is focused');
    expect(errorText(email)).to.equal('This address cannot receive mail.');
    expect(email.value, 'what was typed is kept').to.equal(CUSTOMER.contactEmail);
    expect(localStorage.getItem(`partnerkit:deal-outbox:${(element as unknown as { session: { user: { id: string } } }).session.user.id}`), 'the refused submission leaves the outbox').to.equal(null);
    await expect(element).to.be.accessible();
    // Corrected and submitted again: a new submission.
    await press('Control+A');
    await type('jana@nordwind.example');
    await element.updateComplete;
    expect(errorText(email), 'editing clears the server\'s message').to.equal('');
    await click(element, 'Next');
    await click(element, 'Next');
    await click(element, 'Submit registration');
    await waitUntil(() => part(element, 'success'));
  });

  it('Enter in a field of the first step goes to the next step instead of submitting', async () => {
    const fake = recordingClient();
    const { element } = await mount(fake.client);
    await fillAll(element, CUSTOMER);
    const form = part(element, 'form') as HTMLFormElement;
    form.requestSubmit();
    await element.updateComplete;
    expect(visibleSteps(element)).to.deep.equal(['opportunity']);
    expect(fake.creates).to.have.length(0);
  });

  it('passes axe on every step in the dark theme', async () => {
    const { element } = await mount(recordingClient().client, { theme: 'dark' });
    await expect(element).to.be.accessible();
    await fillAll(element, CUSTOMER);
    await click(element, 'Next');
    await click(element, 'Add a product');
    await expect(element).to.be.accessible();
    await click(element, 'Next');
    expect(visibleSteps(element), 'incomplete opportunity blocks Next').to.deep.equal(['opportunity']);
    await expect(element).to.be.accessible();
    expect(button(element, 'Back').getAttribute('variant')).to.equal('secondary');
  });
});

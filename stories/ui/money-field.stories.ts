import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-money-field';
import '@partnerkit/elements/define/pk-button';

interface Args {
  label: string;
  hint: string;
  amount: string;
  currency: string;
  currencies: string;
  required: boolean;
  disabled: boolean;
  error: string;
}

const meta: Meta<Args> = {
  title: 'UI/Money field',
  component: 'pk-money-field',
  args: { label: 'Deal amount', hint: '', amount: '12500.00', currency: 'EUR', currencies: '', required: false, disabled: false, error: '' },
  render: (args) => html`<pk-money-field
    name="amount"
    label=${args.label}
    hint=${args.hint}
    amount=${args.amount}
    currency=${args.currency}
    currencies=${args.currencies}
    error=${args.error}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></pk-money-field>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Type an amount in the toolbar language's notation (1.234,56 in German); it is formatted on leaving. */
export const Default: Story = {};

export const CurrencyChoice: Story = { args: { currencies: 'EUR USD GBP HUF JPY', hint: 'The currency of the customer\'s contract' } };

/** German notation, whatever the toolbar says. */
export const German: Story = { args: { amount: '1234567.89' }, parameters: { partnerkit: { locale: 'de-DE' } } };

export const Disabled: Story = { args: { disabled: true } };

export const Invalid: Story = { args: { amount: '150000', error: 'Deals above 100,000 need your channel manager\'s approval first.' } };

/** Submits `amount` (a decimal string) and `amount-currency`; shown below on submit. */
export const InAForm: Story = {
  render: () => html`<form
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      form.querySelector('output')!.value = JSON.stringify(Object.fromEntries(new FormData(form)));
    }}
  >
    <pk-money-field name="amount" label="Deal amount" currencies="EUR USD" min="1" required></pk-money-field>
    <p><pk-button>Register</pk-button></p>
    <output></output>
  </form>`,
};

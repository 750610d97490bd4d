import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-text-field';
import '@partnerkit/elements/define/pk-button';
import type { TextFieldType } from '../../packages/elements/src/ui/pk-text-field.ts';

interface Args {
  label: string;
  hint: string;
  type: TextFieldType;
  value: string;
  placeholder: string;
  required: boolean;
  disabled: boolean;
  error: string;
}

const meta: Meta<Args> = {
  title: 'UI/Text field',
  component: 'pk-text-field',
  args: { label: 'Company', hint: '', type: 'text', value: '', placeholder: '', required: false, disabled: false, error: '' },
  argTypes: { type: { control: 'select', options: ['text', 'email', 'url', 'tel', 'number'] } },
  render: (args) => html`<pk-text-field
    name="field"
    label=${args.label}
    hint=${args.hint}
    type=${args.type}
    value=${args.value}
    placeholder=${args.placeholder}
    error=${args.error}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></pk-text-field>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const WithHint: Story = { args: { label: 'Customer company', hint: 'The legal name, as on the customer\'s invoices', required: true } };

export const Email: Story = { args: { label: 'Email', type: 'email', placeholder: 'name@example.com' } };

export const NumberWithRange: Story = {
  render: () => html`<pk-text-field name="seats" label="Seats" type="number" min="1" max="500" step="1" value="25" hint="Between 1 and 500"></pk-text-field>`,
};

/** Prefix and suffix slots, e.g. a scheme or a unit. */
export const WithPrefixAndSuffix: Story = {
  render: () => html`<pk-text-field name="site" label="Website" type="url" value="https://example.com">
      <svg slot="prefix" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" /></svg>
    </pk-text-field>
    <pk-text-field name="discount" label="Discount" type="number" value="10"><span slot="suffix">%</span></pk-text-field>`,
};

export const Disabled: Story = { args: { value: 'Acme GmbH', disabled: true } };

/** A message from the server (a problem+json field error), shown at once. */
export const Invalid: Story = { args: { label: 'Email', type: 'email', value: 'sales@acme', error: 'This address is already registered for another partner.' } };

/** Client-side validation shows after a submit attempt, in the toolbar's language. */
export const InAForm: Story = {
  render: () => html`<form @submit=${(event: SubmitEvent) => event.preventDefault()}>
    <pk-text-field name="company" label="Company" required></pk-text-field>
    <pk-text-field name="email" label="Email" type="email" value="not-an-address"></pk-text-field>
    <pk-text-field name="code" label="Partner code" pattern="[A-Z]{2}-[0-9]{4}" hint="Two capitals, a hyphen and four digits, e.g. DE-1234" value="de1234"></pk-text-field>
    <p><pk-button>Register</pk-button></p>
  </form>`,
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('form')!;
    for (const field of form.querySelectorAll('pk-text-field')) await field.updateComplete;
    form.reportValidity();
  },
};

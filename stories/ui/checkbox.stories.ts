import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-checkbox';
import '@partnerkit/elements/define/pk-button';

interface Args {
  label: string;
  hint: string;
  checked: boolean;
  indeterminate: boolean;
  required: boolean;
  disabled: boolean;
  error: string;
}

const meta: Meta<Args> = {
  title: 'UI/Checkbox',
  component: 'pk-checkbox',
  args: { label: 'Notify me when the registration is reviewed', hint: '', checked: false, indeterminate: false, required: false, disabled: false, error: '' },
  render: (args) => html`<pk-checkbox
    name="notify"
    label=${args.label}
    hint=${args.hint}
    error=${args.error}
    ?checked=${args.checked}
    .indeterminate=${args.indeterminate}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></pk-checkbox>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const Checked: Story = { args: { checked: true } };

export const Indeterminate: Story = { args: { label: 'All regions', indeterminate: true } };

export const WithHint: Story = { args: { label: 'Share with the distributor', hint: 'Your distributor sees the customer\'s name and the deal amount' } };

export const Disabled: Story = { args: { checked: true, disabled: true } };

export const Invalid: Story = { args: { label: 'I confirm the customer agreed to be contacted', required: true, error: 'Confirm the customer\'s consent to register this deal.' } };

export const InAForm: Story = {
  render: () => html`<form @submit=${(event: SubmitEvent) => event.preventDefault()}>
    <pk-checkbox name="terms" label="I accept the partner programme terms" required></pk-checkbox>
    <pk-checkbox name="news" label="Send me the partner newsletter" checked></pk-checkbox>
    <p><pk-button>Accept</pk-button></p>
  </form>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-select';
import '@partnerkit/elements/define/pk-button';

interface Args {
  label: string;
  hint: string;
  placeholder: string;
  required: boolean;
  disabled: boolean;
  error: string;
}

const meta: Meta<Args> = {
  title: 'UI/Select',
  component: 'pk-select',
  args: { label: 'Country', hint: '', placeholder: 'Choose a country', required: false, disabled: false, error: '' },
  render: (args) => html`<pk-select name="country" label=${args.label} hint=${args.hint} placeholder=${args.placeholder} error=${args.error} ?required=${args.required} ?disabled=${args.disabled}>
    <option value="DE">Germany</option>
    <option value="FR">France</option>
    <option value="ES">Spain</option>
    <option value="HU">Hungary</option>
  </pk-select>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

/** Options as data through the `options` property, in groups. */
export const FromOptionsProperty: Story = {
  render: () => html`<pk-select
    name="product"
    label="Product"
    value="pro"
    .options=${[
      { value: 'basic', label: 'Basic', group: 'Cloud' },
      { value: 'pro', label: 'Professional', group: 'Cloud' },
      { value: 'onprem', label: 'On-premises', group: 'Self-hosted' },
      { value: 'legacy', label: 'Legacy (retired)', group: 'Self-hosted', disabled: true },
    ]}
  ></pk-select>`,
};

export const Disabled: Story = { args: { disabled: true } };

export const Invalid: Story = { args: { required: true, error: 'This product is not sold in the chosen country.' } };

export const InAForm: Story = {
  render: () => html`<form @submit=${(event: SubmitEvent) => event.preventDefault()}>
    <pk-select name="country" label="Customer country" placeholder="Choose a country" required>
      <option value="DE">Germany</option>
      <option value="HU">Hungary</option>
    </pk-select>
    <p><pk-button>Continue</pk-button></p>
  </form>`,
};

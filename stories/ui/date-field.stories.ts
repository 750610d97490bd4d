import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-date-field';
import '@partnerkit/elements/define/pk-button';

interface Args {
  label: string;
  hint: string;
  value: string;
  min: string;
  max: string;
  required: boolean;
  disabled: boolean;
  error: string;
}

const meta: Meta<Args> = {
  title: 'UI/Date field',
  component: 'pk-date-field',
  args: { label: 'Expected close date', hint: '', value: '2026-06-30', min: '', max: '', required: false, disabled: false, error: '' },
  render: (args) => html`<pk-date-field
    name="close"
    label=${args.label}
    hint=${args.hint}
    value=${args.value}
    min=${args.min}
    max=${args.max}
    error=${args.error}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></pk-date-field>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const WithRange: Story = { args: { min: '2026-01-01', max: '2026-12-31', hint: 'Within this calendar year' } };

export const Disabled: Story = { args: { disabled: true } };

export const Invalid: Story = { args: { error: 'The close date must be after the registration date.' } };

export const InAForm: Story = {
  render: () => html`<form @submit=${(event: SubmitEvent) => event.preventDefault()}>
    <pk-date-field name="close" label="Expected close date" min="2026-01-01" required></pk-date-field>
    <p><pk-button>Continue</pk-button></p>
  </form>`,
};

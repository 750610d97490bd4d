import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-radio-group';
import '@partnerkit/elements/define/pk-button';

interface Args {
  label: string;
  hint: string;
  value: string;
  orientation: 'vertical' | 'horizontal';
  required: boolean;
  disabled: boolean;
  error: string;
}

const meta: Meta<Args> = {
  title: 'UI/Radio group',
  component: 'pk-radio-group',
  args: { label: 'Deal type', hint: '', value: 'new', orientation: 'vertical', required: false, disabled: false, error: '' },
  argTypes: { orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] } },
  render: (args) => html`<pk-radio-group
    name="type"
    label=${args.label}
    hint=${args.hint}
    value=${args.value}
    orientation=${args.orientation}
    error=${args.error}
    ?required=${args.required}
    ?disabled=${args.disabled}
  >
    <option value="new">New customer</option>
    <option value="upsell">Upsell</option>
    <option value="renewal">Renewal</option>
    <option value="migration" disabled>Migration (closed)</option>
  </pk-radio-group>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Arrow keys move and choose (mirrored in right-to-left), Home/End jump, one Tab stop. */
export const Default: Story = {};

export const Horizontal: Story = { args: { orientation: 'horizontal', hint: 'As agreed with your channel manager' } };

export const Disabled: Story = { args: { disabled: true } };

export const Invalid: Story = { args: { value: '', required: true, error: 'Renewals are registered by the vendor.' } };

export const InAForm: Story = {
  render: () => html`<form @submit=${(event: SubmitEvent) => event.preventDefault()}>
    <pk-radio-group name="size" label="Company size" required .options=${[
      { value: 'small', label: 'Fewer than 50 employees' },
      { value: 'medium', label: '50 to 999 employees' },
      { value: 'large', label: '1,000 or more employees' },
    ]}></pk-radio-group>
    <p><pk-button>Continue</pk-button></p>
  </form>`,
};

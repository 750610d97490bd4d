import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-alert';
import '@partnerkit/elements/define/pk-button';
import type { AlertVariant } from '../../packages/elements/src/ui/pk-alert.ts';

interface Args {
  variant: AlertVariant;
  dismissible: boolean;
  message: string;
}

const meta: Meta<Args> = {
  title: 'UI/Alert',
  component: 'pk-alert',
  args: { variant: 'info', dismissible: false, message: 'Registrations are reviewed within two working days.' },
  argTypes: { variant: { control: 'inline-radio', options: ['info', 'success', 'warning', 'danger'] } },
  render: (args) => html`<pk-alert variant=${args.variant} ?dismissible=${args.dismissible}>${args.message}</pk-alert>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Info: Story = {};
export const Success: Story = { args: { variant: 'success', message: 'Your deal registration was submitted.' } };
export const Warning: Story = { args: { variant: 'warning', message: 'Protection for ACME-2291 ends in 5 days.' } };
export const Danger: Story = { args: { variant: 'danger', message: 'The registration could not be saved.' } };

/** A localized close button hides it and fires `pk-dismiss`. */
export const Dismissible: Story = { args: { variant: 'success', dismissible: true, message: 'Profile updated.' } };

/** Heading, message and actions. */
export const WithHeadingAndActions: Story = {
  render: () => html`<pk-alert variant="warning" dismissible>
    <strong slot="heading">Certification expiring</strong>
    Your sales certification expires on 30 June. Renew it to keep Gold pricing.
    <pk-button slot="actions" type="button" size="small" variant="secondary">Renew now</pk-button>
  </pk-alert>`,
};

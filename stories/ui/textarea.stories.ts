import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-textarea';
import '@partnerkit/elements/define/pk-button';

interface Args {
  label: string;
  hint: string;
  value: string;
  maxlength: number | undefined;
  rows: number;
  required: boolean;
  disabled: boolean;
  error: string;
}

const meta: Meta<Args> = {
  title: 'UI/Textarea',
  component: 'pk-textarea',
  args: { label: 'Notes for the channel manager', hint: '', value: '', maxlength: undefined, rows: 4, required: false, disabled: false, error: '' },
  render: (args) => html`<pk-textarea
    name="notes"
    label=${args.label}
    hint=${args.hint}
    .value=${args.value}
    .maxlength=${args.maxlength}
    rows=${args.rows}
    error=${args.error}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></pk-textarea>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

/** With `maxlength`, a counter in the user's language; typing past the limit is allowed and flagged. */
export const WithCounter: Story = { args: { maxlength: 280, value: 'Customer is evaluating two vendors; decision expected next quarter.' } };

export const OverTheLimit: Story = { args: { maxlength: 20, value: 'This note is longer than twenty characters.' } };

export const Disabled: Story = { args: { value: 'Locked after approval.', disabled: true } };

/** A message from the server, shown at once. */
export const Invalid: Story = { args: { value: 'See attachment', error: 'Describe the opportunity in your own words.' } };

export const InAForm: Story = {
  render: () => html`<form @submit=${(event: SubmitEvent) => event.preventDefault()}>
    <pk-textarea name="notes" label="Why this deal?" hint="At least 20 characters" minlength="20" maxlength="500" required></pk-textarea>
    <p><pk-button>Send</pk-button></p>
  </form>`,
};

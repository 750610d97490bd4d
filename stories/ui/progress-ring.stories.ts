import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-progress-ring';

interface Args {
  value: number;
  max: number;
  indeterminate: boolean;
  label: string;
  hideValue: boolean;
}

const meta: Meta<Args> = {
  title: 'UI/Progress ring',
  component: 'pk-progress-ring',
  args: { value: 3, max: 4, indeterminate: false, label: 'Onboarding', hideValue: false },
  render: (args) => html`<pk-progress-ring value=${args.value} max=${args.max} ?indeterminate=${args.indeterminate} label=${args.label} ?hide-value=${args.hideValue}></pk-progress-ring>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Determinate: Story = {};

/** A spinner; it stands still when the user prefers reduced motion. */
export const Indeterminate: Story = { args: { indeterminate: true, label: 'Loading deals' } };

export const WithoutValue: Story = { args: { hideValue: true, value: 60, max: 100, label: 'Quota' } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-progress-bar';

interface Args {
  value: number;
  max: number;
  indeterminate: boolean;
  label: string;
  hideLabel: boolean;
  hideValue: boolean;
}

const meta: Meta<Args> = {
  title: 'UI/Progress bar',
  component: 'pk-progress-bar',
  args: { value: 42, max: 100, indeterminate: false, label: 'Uploading contract.pdf', hideLabel: false, hideValue: false },
  argTypes: { value: { control: { type: 'range', min: 0, max: 100 } } },
  render: (args) => html`<pk-progress-bar
    value=${args.value}
    max=${args.max}
    ?indeterminate=${args.indeterminate}
    label=${args.label}
    ?hide-label=${args.hideLabel}
    ?hide-value=${args.hideValue}
  ></pk-progress-bar>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The percentage is formatted for the locale (switch to German or Hungarian in the toolbar). */
export const Determinate: Story = {};

export const Complete: Story = { args: { value: 100, label: 'Upload complete' } };

/** Unknown amount of work; a still, striped bar when the user prefers reduced motion. */
export const Indeterminate: Story = { args: { indeterminate: true, label: 'Syncing deals' } };

/** Without a label, the bar is called "Progress" in the user's language. */
export const DefaultLabel: Story = { args: { label: '', value: 3, max: 4 } };

/** The label is kept for screen readers only. */
export const HiddenLabel: Story = { args: { hideLabel: true, label: 'Profile completeness', value: 75 } };

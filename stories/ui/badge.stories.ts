import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-badge';
import type { Tone } from '../../packages/elements/src/ui/display-shared.ts';

interface Args {
  variant: Tone;
  text: string;
}

const meta: Meta<Args> = {
  title: 'UI/Badge',
  component: 'pk-badge',
  args: { variant: 'neutral', text: 'Beta' },
  argTypes: { variant: { control: 'inline-radio', options: ['neutral', 'info', 'success', 'warning', 'danger'] } },
  render: (args) => html`<pk-badge variant=${args.variant}>${args.text}</pk-badge>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Neutral: Story = {};
export const Info: Story = { args: { variant: 'info', text: '3 new' } };
export const Success: Story = { args: { variant: 'success', text: 'Gold partner' } };
export const Warning: Story = { args: { variant: 'warning', text: 'Expires soon' } };
export const Danger: Story = { args: { variant: 'danger', text: 'Overdue' } };

/** Every tone side by side, and a badge inside a heading. */
export const AllTones: Story = {
  render: () => html`<p>
      <pk-badge>Neutral</pk-badge>
      <pk-badge variant="info">Info</pk-badge>
      <pk-badge variant="success">Success</pk-badge>
      <pk-badge variant="warning">Warning</pk-badge>
      <pk-badge variant="danger">Danger</pk-badge>
    </p>
    <h2>Deal registrations <pk-badge variant="info">12</pk-badge></h2>`,
};

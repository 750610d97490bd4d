import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-status-chip';
import type { Tone } from '../../packages/elements/src/ui/display-shared.ts';

interface Args {
  variant: Tone;
  status: string;
  label: string;
}

const meta: Meta<Args> = {
  title: 'UI/Status chip',
  component: 'pk-status-chip',
  args: { variant: 'success', status: 'approved', label: 'Approved' },
  argTypes: { variant: { control: 'inline-radio', options: ['neutral', 'info', 'success', 'warning', 'danger'] } },
  render: (args) => html`<pk-status-chip variant=${args.variant} status=${args.status}>${args.label}</pk-status-chip>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Approved: Story = {};
export const Submitted: Story = { args: { variant: 'neutral', status: 'submitted', label: 'Submitted' } };
export const UnderReview: Story = { args: { variant: 'info', status: 'under_review', label: 'Under review' } };
export const InfoRequested: Story = { args: { variant: 'warning', status: 'info_requested', label: 'Info requested' } };
export const Rejected: Story = { args: { variant: 'danger', status: 'rejected', label: 'Rejected' } };

/** Each tone has its own shape, so the status reads without colour (try the high-contrast theme). */
export const AllStatuses: Story = {
  render: () => html`<p>
    <pk-status-chip status="submitted">Submitted</pk-status-chip>
    <pk-status-chip variant="info" status="under_review">Under review</pk-status-chip>
    <pk-status-chip variant="warning" status="info_requested">Info requested</pk-status-chip>
    <pk-status-chip variant="success" status="approved">Approved</pk-status-chip>
    <pk-status-chip variant="danger" status="rejected">Rejected</pk-status-chip>
  </p>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-error-state';

interface Args {
  requestId: string;
  noRetry: boolean;
  message: string;
}

const meta: Meta<Args> = {
  title: 'UI/Error state',
  component: 'pk-error-state',
  args: { requestId: '', noRetry: false, message: 'The server could not be reached. Check your connection and try again.' },
  render: (args) => html`<pk-error-state request-id=${args.requestId} ?no-retry=${args.noRetry}>${args.message}</pk-error-state>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A problem with a localized "Try again" (fires `pk-retry`). */
export const Default: Story = {};

/** With the failed request's id for support, in a localized "Reference: …" line. */
export const WithRequestId: Story = { args: { requestId: 'req_01HZX3K9Q7VJ2M', message: 'Something went wrong. Try again, and contact support if it keeps happening.' } };

/** Retrying cannot help: no button. */
export const NoRetry: Story = { args: { noRetry: true, message: 'You do not have permission to see this partner.' } };

/** A heading and an extra action beside "Try again". */
export const WithHeadingAndAction: Story = {
  render: () => html`<pk-error-state request-id="req_7f3a">
    <h2 slot="heading">Deals could not be loaded</h2>
    The server took too long to answer.
    <a slot="actions" href="https://example.com/status">Service status</a>
  </pk-error-state>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PartnerkitError } from '@partnerkit/api';
import { fakeClient, networkError, seededDeals, asChannelManager, withDeals } from '../../test/fixtures/fake-client.ts';

const idOf = (status: string) => seededDeals.find((deal) => deal.status === status)!.id;

interface Args {
  dealId: string;
}

const meta: Meta<Args> = {
  title: 'Deals/Deal detail',
  component: 'pk-deal-detail',
  args: { dealId: idOf('approved') },
  render: (args) => html`<pk-deal-detail deal-id=${args.dealId}></pk-deal-detail>`,
  parameters: { partnerkit: { client: () => fakeClient().client } },
};
export default meta;

type Story = StoryObj<Args>;

/** Approved: protected until a date; the partner may mark it won or lost. */
export const Approved: Story = {};

/** Info requested: the channel manager's question, and edit or resubmit. */
export const InfoRequested: Story = { args: { dealId: idOf('info_requested') } };

/** Rejected, with the reason. */
export const Rejected: Story = { args: { dealId: idOf('rejected') } };

/** A submitted deal as the channel manager sees it: approve, ask for information, reject. */
export const ForTheChannelManager: Story = {
  args: { dealId: idOf('submitted') },
  parameters: { partnerkit: { client: () => asChannelManager(fakeClient().client) } },
};

/** The deal could not be loaded. */
export const LoadError: Story = {
  parameters: { partnerkit: { client: () => withDeals(fakeClient().client, { get: () => Promise.reject(networkError()) }) } },
};

/** Before the deal arrives: a skeleton, never an empty page. */
export const Loading: Story = {
  parameters: { partnerkit: { client: () => withDeals(fakeClient().client, { get: () => new Promise(() => {}) }) } },
};

/** The session may not see this deal (403): said without "Try again". */
export const Forbidden: Story = {
  parameters: {
    partnerkit: { client: () => withDeals(fakeClient().client, { get: () => Promise.reject(new PartnerkitError({ kind: 'http', status: 403, code: 'forbidden', title: 'Forbidden' })) }) },
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PartnerkitError } from '@partnerkit/api';
import { fakeClient, asChannelManager, withDeals } from '../../test/fixtures/fake-client.ts';

const meta: Meta = {
  title: 'Deals/Review queue',
  component: 'pk-deal-review-queue',
  render: () => html`<pk-deal-review-queue></pk-deal-review-queue>`,
  parameters: { partnerkit: { client: () => asChannelManager(fakeClient().client) } },
};
export default meta;

/** Submitted registrations, oldest first; the first is open for a decision. */
export const Default: StoryObj = {};

/** Every registration has a decision. */
export const Empty: StoryObj = { parameters: { partnerkit: { client: () => asChannelManager(fakeClient({ deals: [] }).client) } } };

/** Before the queue arrives: a skeleton. */
export const Loading: StoryObj = {
  parameters: { partnerkit: { client: () => withDeals(asChannelManager(fakeClient().client), { reviewQueue: () => new Promise(() => {}) }) } },
};

/** The queue could not be loaded: the reason and "Try again". */
export const LoadError: StoryObj = {
  parameters: {
    partnerkit: {
      client: () => withDeals(asChannelManager(fakeClient().client), { reviewQueue: () => Promise.reject(new PartnerkitError({ kind: 'http', status: 500, code: 'internal', title: 'Internal error', requestId: 'req-7f3a' })) }),
    },
  },
};

/** A partner's session: only channel managers review. */
export const NotPermitted: StoryObj = { parameters: { partnerkit: { client: () => fakeClient().client } } };

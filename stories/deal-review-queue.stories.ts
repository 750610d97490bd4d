import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeClient, asChannelManager } from '../test/fixtures/fake-client.ts';


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

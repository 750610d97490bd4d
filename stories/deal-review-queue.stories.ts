import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { PartnerkitClient } from '@partnerkit/api';
import { fakeClient, seededMe } from '../test/fixtures/fake-client.ts';

const asManager = (client: PartnerkitClient): PartnerkitClient => ({ ...client, getMe: async () => ({ ...seededMe, role: 'channel_manager', partner: null }) });

const meta: Meta = {
  title: 'Deals/Review queue',
  component: 'pk-deal-review-queue',
  render: () => html`<pk-deal-review-queue></pk-deal-review-queue>`,
  parameters: { partnerkit: { client: () => asManager(fakeClient().client) } },
};
export default meta;

/** Submitted registrations, oldest first; the first is open for a decision. */
export const Default: StoryObj = {};

/** Every registration has a decision. */
export const Empty: StoryObj = { parameters: { partnerkit: { client: () => asManager(fakeClient({ deals: [] }).client) } } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fakeClient, networkError } from '../test/fixtures/fake-client.ts';
import { apiHandlers, failingDeals, pendingDeals } from '../test/fixtures/api-handlers.ts';

interface Args {
  pageSize: number;
}

const meta: Meta<Args> = {
  title: 'Deals/Deal list',
  component: 'pk-deal-list',
  args: { pageSize: 20 },
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
  },
  render: (args) => html`<pk-deal-list page-size=${args.pageSize}></pk-deal-list>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The partner's deals from the seed data. */
export const Default: Story = {};

/** Before the first page arrives: a skeleton, never an empty list. */
export const Loading: Story = { beforeEach: ({ msw }) => msw.use(pendingDeals) };

/** A partner without registrations yet. */
export const Empty: Story = { beforeEach: ({ msw }) => msw.use(...apiHandlers({ deals: [] })) };

/** The server answers with an error (after the client's retries). */
export const ServerError: Story = { tags: ['http-errors'], beforeEach: ({ msw }) => msw.use(failingDeals) };

/** The server could not be reached (an in-memory client: a real network failure would be a failed request). */
export const NetworkError: Story = { parameters: { partnerkit: { client: () => fakeClient({ failWith: networkError() }).client } } };

/** German, whatever the toolbar says. */
export const German: Story = { parameters: { partnerkit: { locale: 'de-DE' } } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/all';
import { fakeClient, networkError } from '../test/fixtures/fake-client.ts';

interface Args {
  locale: string;
  pageSize: number;
}

const meta: Meta<Args> = {
  title: 'Deals/Deal list',
  component: 'pk-deal-list',
  args: { locale: 'en-GB', pageSize: 20 },
  argTypes: {
    locale: { control: 'select', options: ['en-GB', 'de-DE', 'fr-FR', 'es-ES', 'hu-HU'] },
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
  },
};
export default meta;

type Story = StoryObj<Args>;

const portal = (client: ReturnType<typeof fakeClient>['client'], args: Args) =>
  html`<pk-portal locale=${args.locale} .client=${client}><pk-deal-list page-size=${args.pageSize}></pk-deal-list></pk-portal>`;

/** The partner's deals from the seed data. */
export const Default: Story = { render: (args) => portal(fakeClient().client, args) };

/** Before the first page arrives: a skeleton, never an empty list. */
export const Loading: Story = { render: (args) => portal(fakeClient({ hold: true }).client, args) };

/** A partner without registrations yet. */
export const Empty: Story = { render: (args) => portal(fakeClient({ deals: [] }).client, args) };

/** The server could not be reached. */
export const NetworkError: Story = { render: (args) => portal(fakeClient({ failWith: networkError() }).client, args) };

/** German. */
export const German: Story = { args: { locale: 'de-DE' }, render: (args) => portal(fakeClient().client, args) };

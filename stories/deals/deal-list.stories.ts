import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PartnerkitError, type Deal, type PartnerkitClient } from '@partnerkit/api';
import { fakeClient, networkError, seededDeals, withDeals } from '../../test/fixtures/fake-client.ts';
import { apiHandlers, failingDeals, pendingDeals } from '../../test/fixtures/api-handlers.ts';

// A phone-sized container, from the page's own (adopted) stylesheet: no inline styles.
const sheet = new CSSStyleSheet();
sheet.replaceSync(
  css`
    .deal-list-phone {
      max-inline-size: 360px;
    }
  `.cssText,
);
if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

interface Args {
  pageSize: number;
  status: string;
  q: string;
  expiringSoon: boolean;
  sort: string;
}

const meta: Meta<Args> = {
  title: 'Deals/Deal list',
  component: 'pk-deal-list',
  args: { pageSize: 20, status: '', q: '', expiringSoon: false, sort: 'created_desc' },
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 200 } },
    status: { control: 'text', description: 'Space-separated statuses, e.g. `submitted info_requested`' },
    q: { control: 'text' },
    expiringSoon: { control: 'boolean' },
    sort: { control: 'select', options: ['created_desc', 'created_asc', 'close_asc', 'close_desc', 'amount_desc', 'amount_asc'] },
  },
  render: (args) =>
    html`<pk-deal-list
      page-size=${args.pageSize}
      status=${ifDefined(args.status || undefined)}
      q=${ifDefined(args.q || undefined)}
      ?expiring-soon=${args.expiringSoon}
      sort=${args.sort}
    ></pk-deal-list>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The partner's deals from the seed data, newest first. */
export const Default: Story = {};

/** Before the first page arrives: a skeleton, never an empty list. */
export const Loading: Story = { beforeEach: ({ msw }) => msw.use(pendingDeals) };

/** A partner without registrations yet. */
export const Empty: Story = { beforeEach: ({ msw }) => msw.use(...apiHandlers({ deals: [] })) };

/** The server answers with an error (after the client's retries). */
export const ServerError: Story = { tags: ['http-errors'], beforeEach: ({ msw }) => msw.use(failingDeals) };

/** The server could not be reached (an in-memory client: a real network failure would be a failed request). */
export const NetworkError: Story = { parameters: { partnerkit: { client: () => fakeClient({ failWith: networkError() }).client } } };

/** The session may not list deals (403): said without "Try again". */
export const Forbidden: Story = {
  parameters: { partnerkit: { client: () => fakeClient({ failWith: new PartnerkitError({ kind: 'http', status: 403, code: 'forbidden', title: 'Forbidden' }) }).client } },
};

/** German, whatever the toolbar says. */
export const German: Story = { parameters: { partnerkit: { locale: 'de-DE' } } };

/** Deep-linked to two statuses (`status="submitted approved"`). */
export const FilteredByStatus: Story = { args: { status: 'submitted approved' } };

/** The "Needs my action" preset: drafts and deals with a question from the channel manager. */
export const NeedsMyAction: Story = { args: { status: 'draft info_requested' } };

/** The "Expiring soon" preset: approved deals whose protection ends within 14 days. */
export const ExpiringSoon: Story = {
  args: { expiringSoon: true },
  parameters: {
    partnerkit: {
      client: () => {
        const soon = (deal: Deal, days: number): Deal => ({ ...deal, status: 'approved', expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() });
        return fakeClient({ deals: [soon(seededDeals[0]!, 3), soon(seededDeals[1]!, 9), ...seededDeals.slice(2)] }).client;
      },
    },
  },
};

/** A search (`q`), largest amounts first. */
export const SearchSortedByAmount: Story = { args: { q: 'rheinwerk', sort: 'amount_desc' } };

/** Nothing matches the filter: a way back to all deals. */
export const NoMatches: Story = { args: { q: 'no such customer' } };

/** On a phone-sized width the rows become cards. */
export const Phone: Story = {
  render: (args) => html`<div class="deal-list-phone"><pk-deal-list page-size=${args.pageSize}></pk-deal-list></div>`,
};

/** Ten thousand deals in one page (an in-memory client): only the rows in view are in the DOM. */
export const TenThousandDeals: Story = {
  args: { pageSize: 200 },
  parameters: {
    partnerkit: {
      client: () => {
        const deals = Array.from({ length: 10_000 }, (_, index): Deal => {
          const deal = seededDeals[index % seededDeals.length]!;
          return { ...deal, id: `${deal.id.slice(0, 24)}${String(index).padStart(12, '0')}`, reference: `DR-2026-${String(index + 1).padStart(6, '0')}` };
        });
        const fake = fakeClient({ deals });
        const client: PartnerkitClient = withDeals(fake.client, { list: (query, call) => fake.client.deals.list({ ...query, limit: 10_000 }, call) });
        return client;
      },
    },
  },
};

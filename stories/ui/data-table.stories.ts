import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html } from 'lit';
import type { Deal } from '@partnerkit/api';
import '@partnerkit/elements/define/pk-data-table';
import type { DataTableColumn, DataTableSort, PkDataTable, RowActivateDetail, SelectionChangeDetail, SortChangeDetail } from '../../packages/elements/src/ui/pk-data-table.ts';
import { formatDate, formatMoney } from '../../packages/elements/src/core/format.ts';
import { seededDeals } from '../../test/fixtures/fake-client.ts';

interface Args {
  label: string;
  selectable: boolean;
  loading: boolean;
  rowCount: number;
}

/** `count` deals made from the seed, repeated with distinct ids and references. */
function generateDeals(count: number): Deal[] {
  return Array.from({ length: count }, (_, index) => {
    const deal = seededDeals[index % seededDeals.length]!;
    const round = Math.floor(index / seededDeals.length);
    return round === 0 ? deal : { ...deal, id: `${deal.id}-${round}`, reference: `${deal.reference}-${round}` };
  });
}

const manyDeals = generateDeals(10_000);

const dealColumns = (locale: string): DataTableColumn<Deal>[] => [
  { key: 'reference', header: 'Reference', sortable: true, width: 'minmax(8rem, 1fr)' },
  { key: 'customerCompany', header: 'Customer', sortable: true, width: 'minmax(0, 2fr)' },
  { key: 'opportunityName', header: 'Opportunity', width: 'minmax(0, 2fr)' },
  { key: 'amount', header: 'Amount', sortable: true, align: 'end', render: (deal) => (deal.amount ? formatMoney(deal.amount, locale) : '—') },
  { key: 'status', header: 'Status', sortable: true, render: (deal) => deal.status.replaceAll('_', ' ') },
  { key: 'expectedCloseDate', header: 'Expected close', cardLabel: 'Closes', render: (deal) => (deal.expectedCloseDate ? formatDate(deal.expectedCloseDate, locale) : '—') },
];

/** What a host does on `pk-sort-change`: here, sorting in memory (a server would be asked instead). */
function sortDeals(deals: Deal[], sort: DataTableSort): Deal[] {
  const value = (deal: Deal): string | number => (sort.key === 'amount' ? Number(deal.amount?.amount ?? 0) : String(deal[sort.key as keyof Deal] ?? ''));
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return [...deals].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * factor;
  });
}

const onSort = (event: CustomEvent<SortChangeDetail>) => {
  const table = event.currentTarget as PkDataTable<Deal>;
  table.rows = sortDeals(table.rows, event.detail.sort);
};

/** What a host does on `pk-row-activate`, e.g. open the deal; here, say which one. */
const onActivate = (event: CustomEvent<RowActivateDetail<Deal>>) => {
  const output = (event.currentTarget as HTMLElement).parentElement?.querySelector('output');
  if (output) output.textContent = `Opened ${event.detail.row.reference}`;
};

// A narrow container for the card layout, from the page's own (adopted) stylesheet: no inline styles.
const sheet = new CSSStyleSheet();
sheet.replaceSync(
  css`
    .narrow-table {
      max-inline-size: 22rem;
    }
    .selection-summary {
      margin-block: 0.5rem 0;
    }
  `.cssText,
);
if (!document.adoptedStyleSheets.includes(sheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const meta: Meta<Args> = {
  title: 'UI/Data table',
  component: 'pk-data-table',
  args: { label: 'Deal registrations', selectable: false, loading: false, rowCount: 10_000 },
  argTypes: {
    rowCount: { control: { type: 'number', min: 0, max: 10_000 } },
  },
  render: (args, context) => html`<pk-data-table
    label=${args.label}
    ?selectable=${args.selectable}
    ?loading=${args.loading}
    .columns=${dealColumns(context.globals.locale as string)}
    .rows=${args.rowCount === manyDeals.length ? manyDeals : manyDeals.slice(0, args.rowCount)}
    @pk-sort-change=${onSort}
    @pk-row-activate=${onActivate}
  ></pk-data-table>
  <p class="selection-summary"><output></output></p>`,
};
export default meta;

type Story = StoryObj<Args>;

/** 10,000 rows from the seed data; only the rows in view are in the DOM. Sort by the header buttons; ↑/↓, Page Up/Down, Home/End move between rows. */
export const Default: Story = {};

/** Sorted by the host (here by amount, largest first); the header shows the order with `aria-sort`. */
export const Sorted: Story = {
  render: (args, context) => html`<pk-data-table
    label=${args.label}
    sort="amount:descending"
    .columns=${dealColumns(context.globals.locale as string)}
    .rows=${sortDeals(manyDeals, { key: 'amount', direction: 'descending' })}
    @pk-sort-change=${onSort}
  ></pk-data-table>`,
};

/** A few rows: the scroll area fits them. */
export const FewRows: Story = { args: { rowCount: 8 } };

/** Before the first rows arrive: busy, with skeleton rows. */
export const Loading: Story = { args: { loading: true, rowCount: 0 } };

/** Rows being replaced (e.g. after a sort on the server): busy, the rows stay, a bar moves under the header. */
export const Reloading: Story = { args: { loading: true, rowCount: 50 } };

/** No rows: the `empty` slot. */
export const Empty: Story = {
  args: { rowCount: 0 },
  render: (args, context) => html`<pk-data-table label=${args.label} .columns=${dealColumns(context.globals.locale as string)} .rows=${[]}>
    <p slot="empty">No deal registrations match these filters.</p>
  </pk-data-table>`,
};

/** A checkbox per row (Space on a focused row toggles it) and one for all rows. */
export const Selectable: Story = {
  args: { selectable: true },
  render: (args, context) => html`<pk-data-table
      label=${args.label}
      selectable
      .selectedKeys=${manyDeals.slice(0, 3).map((deal) => deal.id)}
      .columns=${dealColumns(context.globals.locale as string)}
      .rows=${manyDeals}
      @pk-sort-change=${onSort}
      @pk-selection-change=${(event: CustomEvent<SelectionChangeDetail>) => {
        const summary = (event.currentTarget as HTMLElement).nextElementSibling!;
        summary.textContent = `${event.detail.selectedKeys.length} selected`;
      }}
    ></pk-data-table>
    <p class="selection-summary">3 selected</p>`,
};

/** In a container narrower than 40rem, rows are cards and the header row is a bar of sort buttons. */
export const Narrow: Story = {
  args: { selectable: true },
  render: (args, context) => html`<div class="narrow-table">
    <pk-data-table label=${args.label} ?selectable=${args.selectable} .columns=${dealColumns(context.globals.locale as string)} .rows=${manyDeals} @pk-sort-change=${onSort}></pk-data-table>
  </div>`,
};

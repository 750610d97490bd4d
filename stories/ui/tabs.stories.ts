import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-tabs';
import '@partnerkit/elements/define/pk-badge';

interface Args {
  selectedIndex: number;
  label: string;
}

const meta: Meta<Args> = {
  title: 'UI/Tabs',
  component: 'pk-tabs',
  args: { selectedIndex: 0, label: 'Deal ACME-2291' },
  render: (args) => html`<pk-tabs label=${args.label} selected-index=${args.selectedIndex}>
    <pk-tab>Overview</pk-tab>
    <pk-tab>Contacts <pk-badge variant="info">3</pk-badge></pk-tab>
    <pk-tab>History</pk-tab>
    <pk-tab-panel><p>Acme Corp, 25,000 EUR, expected to close on 30 September.</p></pk-tab-panel>
    <pk-tab-panel><p>Jane Doe (buyer), Max Mustermann (champion), Kovács Anna (legal).</p></pk-tab-panel>
    <pk-tab-panel><p>Submitted on 1 June, approved on 3 June.</p></pk-tab-panel>
  </pk-tabs>`,
};
export default meta;

type Story = StoryObj<Args>;

/** ←/→ move and select (mirrored in RTL), Home/End jump; Tab goes on to the panel. */
export const Default: Story = {};

export const SecondSelected: Story = { args: { selectedIndex: 1 } };

/** A disabled tab is skipped by the arrow keys. */
export const WithDisabledTab: Story = {
  render: (args) => html`<pk-tabs label=${args.label}>
    <pk-tab>Overview</pk-tab>
    <pk-tab disabled>Documents</pk-tab>
    <pk-tab>History</pk-tab>
    <pk-tab-panel><p>Overview of the registration.</p></pk-tab-panel>
    <pk-tab-panel><p>No documents yet.</p></pk-tab-panel>
    <pk-tab-panel><p>Submitted on 1 June.</p></pk-tab-panel>
  </pk-tabs>`,
};

/** More tabs than fit: the tab list scrolls, and the selected tab scrolls into view. */
export const ManyTabs: Story = {
  render: () => html`<pk-tabs label="Quarters">
    ${['Q1 2024', 'Q2 2024', 'Q3 2024', 'Q4 2024', 'Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025', 'Q1 2026', 'Q2 2026'].map((quarter) => html`<pk-tab>${quarter}</pk-tab>`)}
    ${['Q1 2024', 'Q2 2024', 'Q3 2024', 'Q4 2024', 'Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025', 'Q1 2026', 'Q2 2026'].map((quarter) => html`<pk-tab-panel><p>Registrations in ${quarter}.</p></pk-tab-panel>`)}
  </pk-tabs>`,
};

/** Any element with `slot="tab"` works as a tab, any other element child as a panel. */
export const PlainElements: Story = {
  render: () => html`<pk-tabs label="Plain markup">
    <span slot="tab">First</span>
    <span slot="tab">Second</span>
    <section><p>First panel.</p></section>
    <section><p>Second panel.</p></section>
  </pk-tabs>`,
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-empty-state';
import '@partnerkit/elements/define/pk-button';

const meta: Meta = {
  title: 'UI/Empty state',
  component: 'pk-empty-state',
};
export default meta;

type Story = StoryObj;

const illustration = html`<svg slot="illustration" viewBox="0 0 96 96" width="96" height="96" aria-hidden="true" focusable="false">
  <rect x="14" y="20" width="68" height="56" rx="6" fill="none" stroke="currentColor" stroke-width="3" />
  <path d="M14 36h68M30 52h36M30 62h22" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
</svg>`;

/** Illustration, heading, description and an action. */
export const Default: Story = {
  render: () => html`<pk-empty-state>
    ${illustration}
    <h2 slot="heading">No deal registrations yet</h2>
    <p slot="description">Register an opportunity to protect it from channel conflict for 90 days.</p>
    <pk-button slot="actions" type="button">Register a deal</pk-button>
  </pk-empty-state>`,
};

/** Filters that match nothing: two actions. */
export const NoResults: Story = {
  render: () => html`<pk-empty-state>
    <h2 slot="heading">No deals match these filters</h2>
    <p slot="description">Try another status or a wider date range.</p>
    <pk-button slot="actions" type="button" variant="secondary">Clear filters</pk-button>
    <pk-button slot="actions" type="button" variant="ghost">Show all deals</pk-button>
  </pk-empty-state>`,
};

/** Only a heading and a sentence. */
export const Minimal: Story = {
  render: () => html`<pk-empty-state>
    <h2 slot="heading">Nothing here</h2>
    <p slot="description">New documents from your vendor will appear here.</p>
  </pk-empty-state>`,
};

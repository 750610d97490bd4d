import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html } from 'lit';
import '@partnerkit/elements/define/pk-skeleton';

interface Args {
  shape: 'text' | 'rect' | 'circle';
  lines: number;
}

const meta: Meta<Args> = {
  title: 'UI/Skeleton',
  component: 'pk-skeleton',
  args: { shape: 'text', lines: 3 },
  argTypes: {
    shape: { control: 'inline-radio', options: ['text', 'rect', 'circle'] },
    lines: { control: { type: 'number', min: 1, max: 10 } },
  },
  render: (args) => html`<pk-skeleton shape=${args.shape} lines=${args.lines}></pk-skeleton>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Lines of text; the last of several is shorter. The shimmer stops for reduced motion. */
export const Text: Story = {};
export const Rect: Story = { args: { shape: 'rect' } };
export const Circle: Story = { args: { shape: 'circle' } };

// Sizes through custom properties, from the page's own (adopted) stylesheet: no inline styles.
const cardSheet = new CSSStyleSheet();
cardSheet.replaceSync(
  css`
    .skeleton-card {
      display: flex;
      gap: 1rem;
      align-items: center;
      max-inline-size: 24rem;
    }
    .skeleton-card pk-skeleton[shape='circle'] {
      --pk-skeleton-width: 3rem;
    }
    .skeleton-card div {
      flex: 1;
    }
  `.cssText,
);
if (!document.adoptedStyleSheets.includes(cardSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, cardSheet];

/** A loading card: avatar and two lines, announced once by the status message beside it. */
export const Card: Story = {
  render: () => html`<div aria-busy="true">
    <div class="skeleton-card">
      <pk-skeleton shape="circle"></pk-skeleton>
      <div><pk-skeleton lines="2"></pk-skeleton></div>
    </div>
    <p role="status">Loading partner profile…</p>
  </div>`,
};

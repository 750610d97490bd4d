import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-drawer';
import '@partnerkit/elements/define/pk-button';
import '@partnerkit/elements/define/pk-status-chip';
import type { PkDrawer } from '../../packages/elements/src/ui/pk-drawer.ts';

interface Args {
  open: boolean;
  size: 'small' | 'medium' | 'large';
}

const openNext = (event: Event) => ((event.currentTarget as HTMLElement).nextElementSibling as PkDrawer).show();
const closeDrawer = (event: Event) => (event.currentTarget as HTMLElement).closest('pk-drawer')!.close();

const meta: Meta<Args> = {
  title: 'UI/Drawer',
  component: 'pk-drawer',
  args: { open: false, size: 'medium' },
  argTypes: { size: { control: 'inline-radio', options: ['small', 'medium', 'large'] } },
  parameters: { docs: { story: { inline: false, height: '480px' } } },
  render: (args) => html`<pk-button type="button" variant="secondary" @click=${openNext}>Deal details</pk-button>
    <pk-drawer ?open=${args.open} size=${args.size}>
      <h2 slot="heading">ACME-2291</h2>
      <p><pk-status-chip variant="success" status="approved">Approved</pk-status-chip></p>
      <dl>
        <dt>Customer</dt>
        <dd>Acme Corp</dd>
        <dt>Amount</dt>
        <dd>25,000 EUR</dd>
        <dt>Expected close</dt>
        <dd>30 September</dd>
      </dl>
      <pk-button slot="footer" type="button" @click=${closeDrawer}>Done</pk-button>
    </pk-drawer>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Closed: the button opens it from the inline-end edge (the left in RTL). */
export const Closed: Story = {};

/** Open; without sliding when the user prefers reduced motion. */
export const Open: Story = { args: { open: true } };

export const Large: Story = { args: { open: true, size: 'large' } };

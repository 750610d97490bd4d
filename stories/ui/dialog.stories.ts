import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-dialog';
import '@partnerkit/elements/define/pk-button';
import type { PkDialog } from '../../packages/elements/src/ui/pk-dialog.ts';

interface Args {
  open: boolean;
  size: 'small' | 'medium' | 'large';
  lightDismiss: boolean;
}

const openNext = (event: Event) => ((event.currentTarget as HTMLElement).nextElementSibling as PkDialog).show();
const closeDialog = (event: Event) => (event.currentTarget as HTMLElement).closest('pk-dialog')!.close();

const meta: Meta<Args> = {
  title: 'UI/Dialog',
  component: 'pk-dialog',
  args: { open: false, size: 'medium', lightDismiss: false },
  argTypes: { size: { control: 'inline-radio', options: ['small', 'medium', 'large'] } },
  // Open dialogs are modal: the docs page shows each story in its own frame.
  parameters: { docs: { story: { inline: false, height: '420px' } } },
  render: (args) => html`<pk-button type="button" @click=${openNext}>Withdraw registration</pk-button>
    <pk-dialog ?open=${args.open} size=${args.size} ?light-dismiss=${args.lightDismiss}>
      <h2 slot="heading">Withdraw registration?</h2>
      <p>ACME-2291 loses its protection and other partners may register the opportunity.</p>
      <pk-button slot="footer" type="button" variant="secondary" @click=${closeDialog}>Cancel</pk-button>
      <pk-button slot="footer" type="button" variant="danger" @click=${closeDialog}>Withdraw</pk-button>
    </pk-dialog>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Closed: the button opens it; Escape or the close button closes it and focus returns to the button. */
export const Closed: Story = {};

/** Open: focus is trapped, the page behind is inert. */
export const Open: Story = { args: { open: true } };

export const Small: Story = { args: { open: true, size: 'small' } };

/** A long body scrolls between the fixed header and footer. */
export const LongContent: Story = {
  args: { open: true, size: 'large' },
  render: (args) => html`<pk-dialog ?open=${args.open} size=${args.size}>
    <h2 slot="heading">Partner programme terms</h2>
    ${Array.from({ length: 12 }, (_, index) => html`<p>Section ${index + 1}. Registrations are valid for 90 days from approval and may be extended once for another 30 days on request.</p>`)}
    <pk-button slot="footer" type="button" @click=${closeDialog}>Accept</pk-button>
  </pk-dialog>`,
};

/** A click on the backdrop closes it too (`light-dismiss`). */
export const LightDismiss: Story = { args: { open: true, lightDismiss: true } };

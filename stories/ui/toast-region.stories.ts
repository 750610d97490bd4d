import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '@partnerkit/elements/define/pk-toast-region';
import '@partnerkit/elements/define/pk-button';
import type { PkToastRegion } from '../../packages/elements/src/ui/pk-toast-region.ts';
import type { Tone } from '../../packages/elements/src/ui/display-shared.ts';

interface Args {
  variant: Tone;
  timeout: number;
  message: string;
}

const region = (event: Event) => (event.currentTarget as HTMLElement).parentElement!.querySelector('pk-toast-region')!;

const meta: Meta<Args> = {
  title: 'UI/Toast region',
  component: 'pk-toast-region',
  args: { variant: 'success', timeout: 6000, message: 'Deal registration submitted.' },
  argTypes: { variant: { control: 'inline-radio', options: ['neutral', 'info', 'success', 'warning', 'danger'] } },
  parameters: { docs: { story: { inline: false, height: '360px' } } },
  render: (args) => html`<div>
    <pk-button type="button" @click=${(event: Event) => region(event).show(args.message, { variant: args.variant, timeout: args.timeout })}>Show a toast</pk-button>
    <pk-toast-region></pk-toast-region>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The button shows a toast; it is announced politely, pauses on hover and focus, and F8 jumps to it. */
export const Default: Story = {};

/** Errors stay until dismissed (unless a timeout is given). */
export const Danger: Story = { args: { variant: 'danger', timeout: 0, message: 'The registration could not be saved.' } };

/** Every tone, shown on render and kept until dismissed. */
export const Stack: Story = {
  render: () => html`<pk-toast-region
    ${ref((element) => {
      const toasts = element as PkToastRegion | undefined;
      if (!toasts) return;
      void toasts.updateComplete.then(() => {
        if (toasts.shadowRoot?.querySelector('[part~="toast"]')) return;
        toasts.show('Draft saved.', { timeout: 0 });
        toasts.show('Your vendor updated the price list.', { variant: 'info', timeout: 0 });
        toasts.show('Deal registration submitted.', { variant: 'success', timeout: 0 });
        toasts.show('Protection for ACME-2291 ends in 5 days.', { variant: 'warning', timeout: 0 });
        toasts.show('The registration could not be saved.', { variant: 'danger' });
      });
    })}
  ></pk-toast-region>`,
};

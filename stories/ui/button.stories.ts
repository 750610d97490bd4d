import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-button';
import '@partnerkit/elements/define/pk-text-field';
import type { ButtonSize, ButtonVariant } from '../../packages/elements/src/ui/pk-button.ts';

interface Args {
  variant: ButtonVariant;
  size: ButtonSize;
  disabled: boolean;
  loading: boolean;
  text: string;
}

const meta: Meta<Args> = {
  title: 'UI/Button',
  component: 'pk-button',
  args: { variant: 'primary', size: 'medium', disabled: false, loading: false, text: 'Register deal' },
  argTypes: {
    variant: { control: 'inline-radio', options: ['primary', 'secondary', 'danger', 'ghost'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
  },
  render: (args) => html`<pk-button type="button" variant=${args.variant} size=${args.size} ?disabled=${args.disabled} ?loading=${args.loading}>${args.text}</pk-button>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Primary: Story = {};

export const Secondary: Story = { args: { variant: 'secondary', text: 'Save draft' } };

export const Danger: Story = { args: { variant: 'danger', text: 'Withdraw registration' } };

export const Ghost: Story = { args: { variant: 'ghost', text: 'Cancel' } };

/** Small, medium and large; on touch screens every size is at least the target size. */
export const Sizes: Story = {
  render: () => html`<div>
    <pk-button type="button" size="small">Small</pk-button>
    <pk-button type="button" size="medium">Medium</pk-button>
    <pk-button type="button" size="large">Large</pk-button>
  </div>`,
};

export const Disabled: Story = { args: { disabled: true } };

/** Busy: focusable but inert, `aria-busy`, and "Loading" announced in the user's language. */
export const Loading: Story = { args: { loading: true, text: 'Saving' } };

/** Icons in the `prefix` and `suffix` slots; an icon-only button gets its name from `label`. */
export const WithIcons: Story = {
  render: () => html`<div>
    <pk-button type="button">
      <svg slot="prefix" viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M7 1h2v6h6v2H9v6H7V9H1V7h6z" /></svg>
      New deal
    </pk-button>
    <pk-button type="button" variant="secondary">
      Next
      <svg slot="suffix" viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M5 2l6 6-6 6-1.4-1.4L8.2 8 3.6 3.4z" /></svg>
    </pk-button>
    <pk-button type="button" variant="ghost" label="Add a contact">
      <svg slot="prefix" viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M7 1h2v6h6v2H9v6H7V9H1V7h6z" /></svg>
    </pk-button>
  </div>`,
};

/** `type="submit"` submits through `requestSubmit()` (validation runs first); `type="reset"` resets. */
export const InAForm: Story = {
  render: () => html`<form
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      form.querySelector('output')!.value = `Submitted: ${new FormData(form).get('company')}`;
    }}
  >
    <pk-text-field name="company" label="Company" value="Acme GmbH" required></pk-text-field>
    <p>
      <pk-button>Submit</pk-button>
      <pk-button type="reset" variant="secondary">Reset</pk-button>
    </p>
    <output></output>
  </form>`,
};

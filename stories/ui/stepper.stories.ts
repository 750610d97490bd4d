import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-stepper';

interface Args {
  current: number;
  steps: string[];
}

const meta: Meta<Args> = {
  title: 'UI/Stepper',
  component: 'pk-stepper',
  args: { current: 2, steps: ['Company', 'Opportunity', 'Contacts', 'Review'] },
  argTypes: { current: { control: { type: 'number', min: 1, max: 5 } } },
  render: (args) => html`<pk-stepper .steps=${args.steps} current=${args.current}></pk-stepper>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Complete steps have a tick, the current one `aria-current="step"`; "Step 2 of 4" is localized. */
export const InProgress: Story = {};

export const FirstStep: Story = { args: { current: 1 } };

/** Past the last step: everything complete. */
export const AllComplete: Story = { args: { current: 5 } };

// A narrow column from the page's own (adopted) stylesheet: no inline styles.
const narrowSheet = new CSSStyleSheet();
narrowSheet.replaceSync('.stepper-narrow-column { max-inline-size: 18rem; }');
if (!document.adoptedStyleSheets.includes(narrowSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, narrowSheet];

/** Narrow containers show only the current step's label (the others stay for screen readers). */
export const Narrow: Story = {
  render: (args) => html`<div class="stepper-narrow-column"><pk-stepper .steps=${args.steps} current=${args.current}></pk-stepper></div>`,
};

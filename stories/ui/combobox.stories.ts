import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-combobox';
import '@partnerkit/elements/define/pk-button';
import type { ComboboxOption, ComboboxSearch, PkCombobox } from '../../packages/elements/src/ui/pk-combobox.ts';
import { seededCatalogue, seededDeals } from '../../test/fixtures/fake-client.ts';

const products: ComboboxOption[] = seededCatalogue.map((product) => ({ value: product.id, label: product.name, description: `${product.sku} · ${product.family}` }));

const customers: ComboboxOption[] = [...new Map(seededDeals.map((deal) => [deal.customerCompany, deal])).values()]
  .map((deal): ComboboxOption => ({ value: deal.customerDomain ?? deal.customerCompany, label: deal.customerCompany, ...(deal.customerCountry ? { description: deal.customerCountry } : {}) }))
  .sort((a, b) => a.label.localeCompare(b.label));

/** Searches a list in memory like a server would: after a delay, giving up when the signal aborts. */
function searchIn(options: ComboboxOption[], delay = 300): ComboboxSearch {
  return (query, signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const needle = query.trim().toLowerCase();
        resolve(options.filter((option) => option.label.toLowerCase().includes(needle) || option.description?.toLowerCase().includes(needle)).slice(0, 20));
      }, delay);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      });
    });
}

interface Args {
  label: string;
  hint: string;
  placeholder: string;
  required: boolean;
  disabled: boolean;
  error: string;
  debounce: number;
}

const meta: Meta<Args> = {
  title: 'UI/Combobox',
  component: 'pk-combobox',
  args: { label: 'Product', hint: '', placeholder: '', required: false, disabled: false, error: '', debounce: 250 },
  render: (args) => html`<pk-combobox
    name="product"
    label=${args.label}
    hint=${args.hint}
    placeholder=${args.placeholder}
    error=${args.error}
    debounce=${args.debounce}
    ?required=${args.required}
    ?disabled=${args.disabled}
    .search=${searchIn(products)}
  ></pk-combobox>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Type part of a product name, SKU or family (e.g. "cloud" or "SEC"). */
export const Default: Story = { args: { hint: 'Type part of a name, SKU or family' } };

/** The seeded customers of the partner's deals. */
export const Customers: Story = {
  render: () => html`<pk-combobox name="customer" label="Customer" placeholder="Start typing a company name" .search=${searchIn(customers)}></pk-combobox>`,
};

/** A slow search: "Searching…" shows while it runs; typing on aborts it. */
export const SlowSearch: Story = {
  render: () => html`<pk-combobox name="product" label="Product" hint="Answers take two seconds" .search=${searchIn(products, 2000)}></pk-combobox>`,
};

/** Suggestions open, the first one active (as after typing and ↓). */
export const Open: Story = {
  render: () => html`<pk-combobox name="product" label="Product" debounce="0" .search=${searchIn(products, 0)}></pk-combobox>`,
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector('pk-combobox') as PkCombobox;
    await box.updateComplete;
    const input = box.shadowRoot!.querySelector('input')!;
    input.focus();
    input.value = 'e';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    for (let attempt = 0; attempt < 50 && !box.shadowRoot!.querySelector('[role="option"]'); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
  },
};

/** A chosen value set by the host, with the label to show for it. */
export const WithValue: Story = {
  render: () => html`<pk-combobox name="product" label="Product" value=${products[0]!.value} selected-label=${products[0]!.label} .search=${searchIn(products)}></pk-combobox>`,
};

export const Disabled: Story = {
  render: () => html`<pk-combobox name="product" label="Product" disabled value=${products[1]!.value} selected-label=${products[1]!.label} .search=${searchIn(products)}></pk-combobox>`,
};

/** A message from the server, shown at once. */
export const Invalid: Story = { args: { error: 'This product is not sold in your region.' } };

/** Required: the form reports the missing choice (or typed text that was not chosen) in the toolbar's language. */
export const InAForm: Story = {
  render: () => html`<form @submit=${(event: SubmitEvent) => event.preventDefault()}>
    <pk-combobox name="product" label="Product" required .search=${searchIn(products)}></pk-combobox>
    <pk-combobox name="customer" label="Customer" required .search=${searchIn(customers)}></pk-combobox>
    <p><pk-button>Register</pk-button></p>
  </form>`,
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('form')!;
    for (const box of form.querySelectorAll('pk-combobox')) await box.updateComplete;
    form.reportValidity();
  },
};

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@partnerkit/elements/define/pk-deal-registration';
import type { PartnerkitClient } from '@partnerkit/api';
import { fakeClient, seededDeals, seededMe, type FakeClientOptions } from '../../test/fixtures/fake-client.ts';

interface Args {
  layout: 'auto' | 'stepper' | 'single';
  /** An existing deal to edit. */
  dealId?: string;
}

// Drafts and the outbox are kept per portal user: each story signs in its own user, so what one
// story stores never shows up in another.
function storyClient(user: string, options: FakeClientOptions = {}): () => PartnerkitClient {
  return () => {
    const { client } = fakeClient(options);
    return { ...client, getMe: async () => ({ ...seededMe, user: { ...seededMe.user, id: `story-${user}` } }) };
  };
}

const store = (user: string, kind: 'draft' | 'outbox', value: unknown) => {
  const key = `partnerkit:deal-${kind}:story-${user}`;
  localStorage.setItem(key, JSON.stringify(value));
  return () => localStorage.removeItem(key);
};

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const customer = {
  customerCompany: 'Nordwind Logistik GmbH',
  customerDomain: 'nordwind-logistik.de',
  customerCountry: 'DE',
  customerRegion: '',
  customerPostalCode: '20457',
  industry: 'Logistics',
  companySize: '250-999',
  contactName: 'Jana Keller',
  contactEmail: 'jana.keller@nordwind-logistik.de',
  contactPhone: '+49 40 123456',
  contactTitle: 'Head of IT',
};

const opportunity = {
  opportunityName: 'Warehouse analytics rollout',
  amount: '25000.00',
  expectedCloseDate: inDays(60),
  stage: 'proposal',
  probability: '60',
  dealType: 'new',
  partnerRole: 'sourced',
  notes: '',
};

const draft = (values: Record<string, string>, step: number, minutesAgo: number) => ({
  savedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  values,
  lines: [],
  step,
  draftKey: crypto.randomUUID(),
});

const meta: Meta<Args> = {
  title: 'Deals/Deal registration',
  component: 'pk-deal-registration',
  args: { layout: 'auto' },
  argTypes: { layout: { control: 'inline-radio', options: ['auto', 'stepper', 'single'] } },
  render: (args) => html`<pk-deal-registration layout=${args.layout} deal-id=${args.dealId ?? ''}></pk-deal-registration>`,
  parameters: { partnerkit: { client: storyClient('default') } },
};
export default meta;

type Story = StoryObj<Args>;

/** Three steps: customer, opportunity, review. Next validates the step; changes are kept as a draft. */
export const Default: Story = { args: { layout: 'stepper' } };

/** One long form with one submit button, as on containers from 960px wide. */
export const Wide: Story = { args: { layout: 'single' }, parameters: { partnerkit: { client: storyClient('wide') } } };

const ownConflict = seededDeals.find((deal) => deal.status === 'approved') ?? seededDeals[0]!;

/** The customer was already registered: by this partner (its reference shows) and by another (only mentioned). */
export const WithConflict: Story = {
  parameters: {
    partnerkit: {
      client: storyClient('conflict', {
        conflicts: [
          {
            matchedOn: 'company',
            similarity: 1,
            ownPartner: true,
            deal: {
              id: ownConflict.id,
              reference: ownConflict.reference,
              partnerId: ownConflict.partnerId,
              partnerName: seededMe.partner!.name,
              customerCompany: customer.customerCompany,
              customerDomain: customer.customerDomain,
              status: 'approved',
              expiresAt: ownConflict.expiresAt,
            },
          },
          { matchedOn: 'domain', similarity: 1, ownPartner: false, deal: null },
        ],
      }),
    },
  },
  beforeEach: () => store('conflict', 'draft', draft({ ...customer }, 0, 2)),
};

/** Submitted without a network: the registration waits in the outbox and is sent when the browser is back online. */
export const PendingOffline: Story = {
  name: 'Pending (offline)',
  parameters: { partnerkit: { client: storyClient('pending', { failCreates: Number.MAX_SAFE_INTEGER }) } },
  beforeEach: () => {
    const values = { ...customer, ...opportunity };
    const removeDraft = store('pending', 'draft', draft(values, 2, 1));
    const removeOutbox = store('pending', 'outbox', {
      key: crypto.randomUUID(),
      payload: { ...values, amount: { amount: values.amount, currency: 'EUR' }, probability: 60, customerRegion: null, notes: null, lineItems: [] },
      attempts: 1,
      createdAt: new Date().toISOString(),
    });
    return () => {
      removeDraft();
      removeOutbox();
    };
  },
};

/** A draft left an hour ago is restored on its step, with a notice and a Discard button. */
export const RestoredDraft: Story = {
  parameters: { partnerkit: { client: storyClient('restored') } },
  beforeEach: () => store('restored', 'draft', draft({ ...customer, ...opportunity, amount: '', expectedCloseDate: '', dealType: '', partnerRole: '' }, 1, 60)),
};

/** German, whatever the toolbar says. */
export const German: Story = { parameters: { partnerkit: { locale: 'de-DE', client: storyClient('german') } } };

/** A deal the channel manager returned with a question: the form holds its fields and resubmits it. */
const questioned = {
  ...(seededDeals.find((deal) => deal.status === 'submitted') ?? seededDeals[0]!),
  status: 'info_requested' as const,
  decisionReason: 'Which sites does the rollout include, and who is the decision maker?',
};
export const EditAfterQuestion: Story = {
  name: 'Edit after a question',
  args: { layout: 'stepper', dealId: questioned.id },
  parameters: { partnerkit: { client: storyClient('edit', { deals: [questioned, ...seededDeals.filter((deal) => deal.id !== questioned.id)] }) } },
};

/** A deal past review cannot be edited: the form says so, with its status. */
export const EditNotPossible: Story = {
  name: 'Edit not possible',
  args: { dealId: ownConflict.id },
  parameters: { partnerkit: { client: storyClient('not-editable') } },
};

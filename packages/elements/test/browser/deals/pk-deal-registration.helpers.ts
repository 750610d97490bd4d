import { fixture, html, waitUntil } from '@open-wc/testing';
import type { DealCreate, Me, PartnerkitClient } from '@partnerkit/api';
import '../../../src/define/all.ts';
import '../../../src/deals/define/pk-deal-registration.ts';
import type { PkDealRegistration } from '../../../src/deals/pk-deal-registration.ts';
import type { PkPortal } from '../../../src/portal/pk-portal.ts';
import { fakeClient, type FakeClientOptions, withDeals } from '../../../../../test/fixtures/fake-client.ts';

// Shared by the deal registration tests: a recording fake client, mounting, filling and clicking.

export interface CreateCall {
  input: DealCreate;
  key: string | undefined;
}

/** The in-memory client, recording every create with its Idempotency-Key. */
export function recordingClient(options: FakeClientOptions = {}) {
  const fake = fakeClient(options);
  const creates: CreateCall[] = [];
  const client: PartnerkitClient = withDeals(fake.client, {
    create(input, call) {
      creates.push({ input, key: call?.idempotencyKey });
      return fake.client.deals.create(input, call);
    },
  });
  return { ...fake, client, creates };
}

export interface MountOptions {
  locale?: string;
  theme?: string;
  layout?: 'auto' | 'stepper' | 'single';
  /** Width of the portal in px (the form switches to one page from 960px). */
  width?: number;
  /** An existing deal to edit. */
  dealId?: string;
}

/** The element in a portal, once translated and the session known. */
export async function mount(client: PartnerkitClient, options: MountOptions = {}) {
  const portal = await fixture<PkPortal>(
    html`<div class="frame"><pk-portal locale=${options.locale ?? 'en-GB'} theme=${options.theme ?? 'light'} .client=${client}><pk-deal-registration layout=${options.layout ?? 'auto'} deal-id=${options.dealId ?? ''}></pk-deal-registration></pk-portal></div>`,
  ).then((frame) => frame.querySelector('pk-portal')!);
  (portal.parentElement as HTMLElement).style.inlineSize = `${options.width ?? 640}px`;
  const element = portal.querySelector('pk-deal-registration') as PkDealRegistration;
  await waitUntil(() => element.shadowRoot!.querySelector('h2'), 'translations load');
  await waitUntil(() => (element as unknown as { session?: Me }).session, 'the session arrives');
  await waitUntil(() => !part(element, 'form')?.querySelector('.add')?.hasAttribute('disabled'), 'products load');
  await element.updateComplete;
  return { portal, element, root: element.shadowRoot! };
}

export function part(element: PkDealRegistration, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** A field's control (not a line item's). */
export function control<T extends HTMLElement = HTMLElement & { value: string; error: string }>(element: PkDealRegistration, name: string): T {
  const found = element.shadowRoot!.querySelector<T>(`[name="${name}"]:not([data-row])`);
  if (!found) throw new Error(`no control ${name}`);
  return found;
}

/** A line item's control. */
export function lineControl<T extends HTMLElement = HTMLElement & { value: string }>(element: PkDealRegistration, row: number, name: string): T {
  const found = element.shadowRoot!.querySelector<T>(`[name="${name}"][data-row="${row}"]`);
  if (!found) throw new Error(`no line control ${name} in row ${row}`);
  return found;
}

/** Sets a control's value as the user's edit would, and waits for the form to take it. */
export async function set(element: PkDealRegistration, target: HTMLElement, value: string): Promise<void> {
  if (target.localName === 'pk-money-field') (target as HTMLElement & { amount: string }).amount = value;
  else (target as HTMLElement & { value: string }).value = value;
  target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  target.dispatchEvent(new Event('change', { bubbles: true }));
  await (target as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await element.updateComplete;
}

export const fill = (element: PkDealRegistration, name: string, value: string) => set(element, control(element, name), value);

/** A date `days` from today, `YYYY-MM-DD`. */
export function inDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const CUSTOMER = {
  customerCompany: 'Nordwind Logistik GmbH',
  customerDomain: 'nordwind-logistik.de',
  customerCountry: 'DE',
  contactName: 'Jana Keller',
  contactEmail: 'jana.keller@nordwind-logistik.de',
};

export const OPPORTUNITY = () => ({
  opportunityName: 'Warehouse analytics rollout',
  amount: '25000.00',
  expectedCloseDate: inDays(45),
  dealType: 'new',
  partnerRole: 'sourced',
});

export async function fillAll(element: PkDealRegistration, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) await fill(element, name, value);
}

/** The visible button of the actions row (or anywhere in the form) with this text. */
export function button(element: PkDealRegistration, text: string): HTMLElement {
  const found = [...element.shadowRoot!.querySelectorAll<HTMLElement>('pk-button')].find((candidate) => candidate.textContent!.trim() === text && !candidate.closest('[hidden]'));
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

export async function click(element: PkDealRegistration, text: string): Promise<void> {
  button(element, text).click();
  await element.updateComplete;
}

/** The section of the step that shows. */
export function visibleSteps(element: PkDealRegistration): string[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLElement>('section[part~="step"]')].filter((section) => !section.hidden).map((section) => section.dataset.step!);
}

/** The deepest focused element. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The native control inside a form control. */
export const inner = (host: Element) => host.shadowRoot!.querySelector('input, select, textarea, [role="radio"]') as HTMLElement;

export const errorText = (host: Element) => host.shadowRoot!.querySelector('[part="error"] .error-text')?.textContent!.trim() ?? '';

/** The creates that submitted (not server drafts). */
export const submissions = (creates: CreateCall[]) => creates.filter((call) => call.input.submit !== false);

/**
 * Resolves once the element has reacted to what just happened: the promise jobs queued so far
 * (the fake client answers without timers) and any zero-delay timer it set have run (one task
 * later), and it has rendered the result.
 */
export async function settled(element: PkDealRegistration): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await element.updateComplete;
}

/** Fills both steps and goes to the review. */
export async function fillToReview(element: PkDealRegistration): Promise<void> {
  await fillAll(element, CUSTOMER);
  await click(element, 'Next');
  await fillAll(element, OPPORTUNITY());
  await click(element, 'Next');
  await waitUntil(() => visibleSteps(element).join() === 'review', 'on the review step');
}

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define/all.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import { fakeClient } from '../../../../test/fixtures/fake-client.ts';

// In the pseudo-locale every string from the locale files is bracketed and padded. Host-provided
// text here is bracketed too, so any visible text with letters that is NOT bracketed came from
// neither: it bypassed the locale files.
const hostText = (text: string) => `[${text} ··]`;

/** Visible text with letters in the element's shadow tree (and nested shadow trees). */
function visibleTexts(root: ShadowRoot | Element, out: string[] = []): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Element) {
      if (node.shadowRoot) visibleTexts(node.shadowRoot, out);
      continue;
    }
    const text = node.textContent!.trim();
    const parent = node.parentElement;
    if (!text || !/\p{L}/u.test(text) || !parent || parent.closest('style')) continue;
    if (parent.getClientRects().length === 0) continue; // not rendered
    out.push(text);
  }
  return out;
}

/** Every element in `root`'s shadow tree and nested shadow trees. */
function deepElements(root: ShadowRoot | Element, out: Element[] = []): Element[] {
  for (const element of root.querySelectorAll('*')) {
    out.push(element);
    if (element.shadowRoot) deepElements(element.shadowRoot, out);
  }
  return out;
}

/**
 * Resolves once the element and everything inside it have rendered what they had to: after the
 * promise jobs queued so far (the fake client answers without timers) have run, no element has
 * another update pending.
 */
async function rendered(element: HTMLElement): Promise<void> {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve));
    const updating = [element, ...deepElements(element.shadowRoot!)].filter((node): node is HTMLElement & { updateComplete: Promise<boolean> } => 'updateComplete' in node);
    const done = await Promise.all(updating.map((node) => node.updateComplete));
    if (done.every(Boolean)) return;
  }
}

const cases: [string, TemplateResult, (root: HTMLElement) => Promise<unknown> | void][] = [
  ['pk-error-state', html`<pk-error-state request-id="req-1">${hostText('It failed')}</pk-error-state>`, () => {}],
  ['pk-stepper', html`<pk-stepper .steps=${[hostText('One'), hostText('Two'), hostText('Three')]} current="2" label=${hostText('Steps')}></pk-stepper>`, () => {}],
  ['pk-alert', html`<pk-alert dismissible>${hostText('Heads up')}</pk-alert>`, () => {}],
  ['pk-progress-bar', html`<pk-progress-bar value="40" max="100" label=${hostText('Upload')}></pk-progress-bar>`, () => {}],
  ['pk-textarea', html`<pk-textarea label=${hostText('Notes')} maxlength="100" required></pk-textarea>`, (el) => void (el.querySelector('pk-textarea') as HTMLElement & { reportValidity(): boolean }).reportValidity()],
  ['pk-text-field', html`<pk-text-field label=${hostText('Email')} type="email" required></pk-text-field>`, (el) => void (el.querySelector('pk-text-field') as HTMLElement & { reportValidity(): boolean }).reportValidity()],
  ['pk-deal-review-queue (not permitted)', html`<pk-deal-review-queue></pk-deal-review-queue>`, () => {}],
];

describe('pseudo-locale: no visible text bypasses the locale files', () => {
  for (const [name, template, prepare] of cases) {
    it(name, async () => {
      const portal = await fixture<PkPortal>(html`<pk-portal locale="en-XA" .client=${fakeClient().client}>${template}</pk-portal>`);
      await waitUntil(() => portal.lang === 'en', 'translations loaded');
      const element = portal.firstElementChild as HTMLElement;
      await prepare(portal);
      // Its strings' namespaces load on first use (a module fetch, not an update): text shows once they are there.
      await waitUntil(() => visibleTexts(element.shadowRoot!).length > 0, 'some interface text is visible');
      await rendered(element);
      const texts = visibleTexts(element.shadowRoot!);
      for (const text of texts) expect(text, `"${text}" in ${name}`).to.match(/^\[[\s\S]*·\]$/);
    });
  }
});

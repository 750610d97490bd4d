import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define/all.ts';
import '../../src/define/pk-dialog.ts';
import '../../src/define/pk-drawer.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import type { PkDialog } from '../../src/ui/pk-dialog.ts';
import type { PkDrawer } from '../../src/ui/pk-drawer.ts';
import { accessibleName, activeElement, emulateMedia, expectFocusOn, press } from './ui-commands.ts';

type Overlay = PkDialog | PkDrawer;

async function mount(tag: 'pk-dialog' | 'pk-drawer', { locale = 'en-GB', theme = 'light', dir = 'ltr', body = html`` as TemplateResult } = {}) {
  const overlay =
    tag === 'pk-dialog'
      ? html`<pk-dialog>
          <h2 slot="heading">Withdraw registration?</h2>
          <p>The partner loses protection for this opportunity.</p>
          <input aria-label="Reason" />
          ${body}
          <button slot="footer" class="cancel">Cancel</button>
          <button slot="footer" class="confirm">Withdraw</button>
        </pk-dialog>`
      : html`<pk-drawer>
          <h2 slot="heading">Deal details</h2>
          <p>Acme Corp — 25,000 EUR</p>
          <button class="contacts">Contacts</button>
          ${body}
        </pk-drawer>`;
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} theme=${theme} dir=${dir}>
    <button class="opener">Open</button>
    <button class="outside">Elsewhere</button>
    ${overlay}
  </pk-portal>`);
  await waitUntil(() => portal.hasAttribute('lang'), 'the portal localized');
  const element = portal.querySelector(tag) as Overlay;
  await element.updateComplete;
  const opener = portal.querySelector<HTMLButtonElement>('.opener')!;
  opener.addEventListener('click', () => element.show());
  return { portal, element, opener, native: () => element.shadowRoot!.querySelector('dialog')!, close: () => element.shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')! };
}

/** Opens by keyboard from the opener, as a user would. */
async function openFromOpener(element: Overlay, opener: HTMLElement) {
  opener.focus();
  await press('Enter');
  await element.updateComplete;
  const native = element.shadowRoot!.querySelector('dialog')!;
  await waitUntil(() => native.open, 'the dialog opened');
  const animations = native.getAnimations({ subtree: true });
  await Promise.all(animations.map((animation) => animation.finished));
  return animations;
}

const inside = (element: Overlay) => {
  const active = activeElement();
  return Boolean(active && (element.contains(active) || element.shadowRoot!.contains(active)));
};

for (const tag of ['pk-dialog', 'pk-drawer'] as const) {
  describe(`<${tag}> behaviour`, () => {
    it('opens modally, named by its heading, with the rest of the page inert', async () => {
      const { portal, element, opener, native } = await mount(tag);
      await openFromOpener(element, opener);
      expect(element.open).to.equal(true);
      expect(native().matches(':modal')).to.equal(true);
      expect(await accessibleName(native())).to.equal(tag === 'pk-dialog' ? 'Withdraw registration?' : 'Deal details');
      expect(inside(element)).to.equal(true, 'focus moved into the dialog');
      portal.querySelector<HTMLButtonElement>('.outside')!.focus();
      expect(inside(element)).to.equal(true, 'the page behind is inert');
      await expect(portal).to.be.accessible();
    });

    it('keeps Tab inside, closes on Escape with reason "escape" and gives focus back to the opener', async () => {
      const { element, opener } = await mount(tag);
      await openFromOpener(element, opener);
      for (let i = 0; i < 6; i += 1) {
        await press('Tab');
        // The browser may pass through its own UI between the last and first element: skip that stop.
        if (activeElement() === document.body) continue;
        expect(inside(element)).to.equal(true, `Tab ${i + 1} stays in the dialog`);
      }
      const closed = oneEvent(element, 'pk-close');
      await press('Escape');
      expect((await closed).detail.reason).to.equal('escape');
      expect(element.open).to.equal(false);
      expect(element.hasAttribute('open')).to.equal(false);
      expectFocusOn(opener);
    });

    it('closes with its localized close button, unless pk-request-close is cancelled', async () => {
      const { element, opener, close } = await mount(tag);
      await openFromOpener(element, opener);
      expect(close().getAttribute('aria-label')).to.equal('Close');
      element.addEventListener('pk-request-close', (event) => event.preventDefault(), { once: true });
      close().click();
      await element.updateComplete;
      expect(element.open).to.equal(true, 'kept open');
      const closed = oneEvent(element, 'pk-close');
      close().focus();
      await press('Enter');
      expect((await closed).detail.reason).to.equal('close-button');
      expectFocusOn(opener);
    });

    it('closes through the API with reason "api"', async () => {
      const { element, opener, native } = await mount(tag);
      await openFromOpener(element, opener);
      const closed = oneEvent(element, 'pk-close');
      element.close();
      expect((await closed).detail.reason).to.equal('api');
      expect(native().open).to.equal(false);
      element.setAttribute('open', '');
      await element.updateComplete;
      expect(native().open).to.equal(true, 'the open attribute opens it too');
      element.open = false;
      await oneEvent(element, 'pk-close');
    });

    it('says "Close" in German and Hungarian', async () => {
      const german = await mount(tag, { locale: 'de-DE' });
      expect(german.close().getAttribute('aria-label')).to.equal('Schließen');
      german.portal.remove();
      const hungarian = await mount(tag, { locale: 'hu-HU' });
      expect(hungarian.close().getAttribute('aria-label')).to.equal('Bezárás');
    });

    it('passes axe in the dark theme', async () => {
      const { portal, element, opener, native } = await mount(tag, { theme: 'dark' });
      await openFromOpener(element, opener);
      expect(getComputedStyle(native()).colorScheme).to.equal('dark');
      await expect(portal).to.be.accessible();
    });
  });
}

describe('<pk-dialog> extras', () => {
  it('focuses the slotted [autofocus] element first and closes on the backdrop with light-dismiss', async () => {
    const { element, opener, native } = await mount('pk-dialog', { body: html`<input class="first" autofocus aria-label="Note" />` });
    element.lightDismiss = true;
    await openFromOpener(element, opener);
    expectFocusOn(element.querySelector('.first'));
    const closed = oneEvent(element, 'pk-close');
    // A click outside the panel lands on the <dialog> (its ::backdrop).
    native().dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect((await closed).detail.reason).to.equal('backdrop');
  });
});

describe('<pk-dialog> long content', () => {
  it('makes a scrolling body reachable by keyboard, and only then', async () => {
    const long = Array.from({ length: 40 }, (_, index) => html`<p>Paragraph ${index + 1} of the programme terms.</p>`);
    const { portal, element, opener } = await mount('pk-dialog', { body: html`${long}` });
    await openFromOpener(element, opener);
    const body = element.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;
    await waitUntil(() => body.getAttribute('tabindex') === '0', 'the scrolling body is focusable');
    await expect(portal).to.be.accessible();
    element.close();
    portal.remove();
    const short = await mount('pk-dialog');
    await openFromOpener(short.element, short.opener);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(short.element.shadowRoot!.querySelector('[part="body"]')!.hasAttribute('tabindex')).to.equal(false);
  });
});

describe('<pk-drawer> placement', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('sits at the inline-end edge: right in LTR, left in RTL', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const ltr = await mount('pk-drawer');
    await openFromOpener(ltr.element, ltr.opener);
    const right = ltr.native().getBoundingClientRect();
    expect(right.right).to.be.closeTo(document.documentElement.clientWidth, 1);
    expect(right.left).to.be.greaterThan(0);
    expect(right.height).to.be.closeTo(window.innerHeight, 1);
    ltr.element.close();
    ltr.portal.remove();
    const rtl = await mount('pk-drawer', { dir: 'rtl' });
    await openFromOpener(rtl.element, rtl.opener);
    const left = rtl.native().getBoundingClientRect();
    expect(left.left).to.be.closeTo(0, 1);
    expect(left.right).to.be.lessThan(document.documentElement.clientWidth);
    rtl.element.close();
  });

  it('slides in from its edge, and does not move when the user prefers reduced motion', async () => {
    const { element, opener, native } = await mount('pk-drawer', { dir: 'rtl' });
    expect(getComputedStyle(native()).transitionDuration).to.contain('0.25s');
    const opening = oneEvent(native(), 'transitionrun');
    const animations = openFromOpener(element, opener);
    const transition = (await opening) as unknown as TransitionEvent;
    const slide = native()
      .getAnimations()
      .find((animation) => (animation as CSSTransition).transitionProperty === 'transform') as CSSTransition | undefined;
    expect(transition.target).to.equal(native());
    expect(String((slide?.effect as KeyframeEffect | null)?.getKeyframes()[0]?.transform)).to.match(/^(translateX\(-100%\)|matrix\(1, 0, 0, 1, -\d+)/, 'from off-screen left in RTL');
    await animations;
    expect(getComputedStyle(native()).transform).to.equal('none');
    element.close();
    await oneEvent(element, 'pk-close');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(native()).transitionDuration.split(', ').every((value) => value === '0s')).to.equal(true);
    expect(await openFromOpener(element, opener)).to.have.length(0, 'no animation');
    expect(getComputedStyle(native()).transform).to.equal('none');
    element.close();
  });
});

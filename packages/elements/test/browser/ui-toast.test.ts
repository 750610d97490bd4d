import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/all.ts';
import '../../src/define/pk-toast-region.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import type { PkToastRegion } from '../../src/ui/pk-toast-region.ts';
import { expectFocusOn, hover, press, unhover } from './ui-commands.ts';

async function mount({ locale = 'en-GB', theme = 'light', timeout = 6000 } = {}) {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} theme=${theme}>
    <button class="save">Save</button>
    <pk-toast-region timeout=${timeout}></pk-toast-region>
  </pk-portal>`);
  await waitUntil(() => portal.hasAttribute('lang'), 'the portal localized');
  const region = portal.querySelector('pk-toast-region') as PkToastRegion;
  await region.updateComplete;
  const root = region.shadowRoot!;
  return {
    portal,
    region,
    save: portal.querySelector<HTMLButtonElement>('.save')!,
    toasts: () => [...root.querySelectorAll<HTMLElement>('[part~="toast"]')],
    announcer: () => root.querySelector<HTMLElement>('[part="announcer"]')!,
    landmark: () => root.querySelector<HTMLElement>('[part="region"]')!,
  };
}

const text = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();

describe('<pk-toast-region>', () => {
  afterEach(() => unhover());

  it('shows the toast and announces it through a polite live region', async () => {
    const { region, toasts, announcer, landmark } = await mount();
    expect(announcer().getAttribute('role')).to.equal('status');
    expect(announcer().getAttribute('aria-live')).to.equal('polite');
    expect(landmark().hidden).to.equal(true, 'no empty landmark');
    region.show('Deal registered', { variant: 'success' });
    await region.updateComplete;
    expect(toasts()).to.have.length(1);
    expect(text(toasts()[0]!)).to.equal('Success: Deal registered');
    expect(landmark().hidden).to.equal(false);
    expect(landmark().getAttribute('aria-label')).to.equal('Notifications');
    expect(text(announcer()), 'the message enters the live region after it exists').to.equal('');
    await waitUntil(() => text(announcer()) === 'Success: Deal registered', 'announced');
    region.show('Draft saved');
    await waitUntil(() => announcer().querySelectorAll('p').length === 2, 'each message is its own addition');
    expect(text(announcer().querySelectorAll('p')[1]!)).to.equal('Draft saved', 'neutral toasts have no prefix');
  });

  it('announces and labels in German and Hungarian', async () => {
    const german = await mount({ locale: 'de-DE' });
    german.region.show('Deal registriert', { variant: 'success' });
    await waitUntil(() => text(german.announcer()) === 'Erfolg: Deal registriert', 'German announcement');
    expect(german.landmark().getAttribute('aria-label')).to.equal('Benachrichtigungen');
    expect(german.toasts()[0]!.querySelector('[part="close"]')!.getAttribute('aria-label')).to.equal('Benachrichtigung schließen');
    german.portal.remove();
    const hungarian = await mount({ locale: 'hu-HU' });
    hungarian.region.show('Nem sikerült menteni', { variant: 'danger' });
    await waitUntil(() => text(hungarian.announcer()) === 'Hiba: Nem sikerült menteni', 'Hungarian announcement');
    expect(hungarian.landmark().getAttribute('aria-label')).to.equal('Értesítések');
    expect(hungarian.toasts()[0]!.querySelector('[part="close"]')!.getAttribute('aria-label')).to.equal('Értesítés elvetése');
  });

  it('goes away after its timeout, but errors stay until dismissed', async () => {
    const { region, toasts } = await mount({ timeout: 150 });
    const id = region.show('Saved', { variant: 'success' });
    region.show('Could not save', { variant: 'danger' });
    const dismissed = oneEvent(region, 'pk-toast-dismiss');
    const { detail } = await dismissed;
    expect(detail).to.deep.equal({ id, reason: 'timeout' });
    await region.updateComplete;
    await aTimeout(200);
    expect(toasts().map(text)).to.deep.equal(['Error: Could not save']);
    region.show('Custom', { timeout: 100 });
    await waitUntil(() => toasts().length === 1 && !toasts().some((toast) => text(toast) === 'Custom'), 'the explicit timeout applies');
  });

  it('pauses its countdown while hovered', async () => {
    // A timeout long enough that a busy machine's delay before the hover lands leaves most of it.
    const { region, toasts } = await mount({ timeout: 1000 });
    region.show('Hover me');
    await region.updateComplete;
    await hover(toasts()[0]!);
    await aTimeout(1200);
    expect(toasts()).to.have.length(1, 'still there while the pointer rests on it, past its timeout');
    await unhover();
    const unhovered = performance.now();
    await waitUntil(() => toasts().length === 0, 'gone after the rest of its time', { timeout: 3000 });
    expect(performance.now() - unhovered, 'the remaining time starts again, it does not end at once').to.be.greaterThan(100);
  });

  it('is reachable by Tab, pauses while focused, and gives focus back when dismissed', async () => {
    // Long enough that the key press reaches it on a busy machine; then it outlives it while focused.
    const { region, toasts, save } = await mount({ timeout: 1000 });
    region.show('Deal registered', { variant: 'success' });
    await region.updateComplete;
    save.focus();
    await press('Tab');
    const close = toasts()[0]!.querySelector<HTMLButtonElement>('[part="close"]')!;
    expectFocusOn(close);
    expect(getComputedStyle(close).outlineStyle).to.equal('solid');
    await aTimeout(1200);
    expect(toasts()).to.have.length(1, 'paused while focus is in it');
    const dismissed = oneEvent(region, 'pk-toast-dismiss');
    await press('Enter');
    expect((await dismissed).detail.reason).to.equal('close-button');
    await region.updateComplete;
    expect(toasts()).to.have.length(0);
    expectFocusOn(save, 'back where the user came from');
  });

  it('jumps to the newest toast with F8, moves on to the next when one is dismissed, and Escape dismisses', async () => {
    const { region, toasts, save } = await mount();
    region.show('First');
    region.show('Second', { variant: 'warning' });
    await region.updateComplete;
    save.focus();
    await press('F8');
    expectFocusOn(toasts()[1]);
    const escaped = oneEvent(region, 'pk-toast-dismiss');
    await press('Escape');
    expect((await escaped).detail.reason).to.equal('escape');
    await region.updateComplete;
    expect(toasts().map(text)).to.deep.equal(['First']);
    await press('F8');
    await press('Tab');
    expectFocusOn(toasts()[0]!.querySelector('[part="close"]'));
    await press('Enter');
    await region.updateComplete;
    expect(toasts()).to.have.length(0);
    expectFocusOn(save);
  });

  it('passes axe in light and dark', async () => {
    const light = await mount();
    for (const variant of ['neutral', 'info', 'success', 'warning', 'danger'] as const) light.region.show(`A ${variant} message`, { variant, timeout: 0 });
    await light.region.updateComplete;
    await expect(light.portal).to.be.accessible();
    light.portal.remove();
    const dark = await mount({ theme: 'dark' });
    for (const variant of ['neutral', 'info', 'success', 'warning', 'danger'] as const) dark.region.show(`A ${variant} message`, { variant, timeout: 0 });
    await dark.region.updateComplete;
    await aTimeout(250); // entrance transitions
    await expect(dark.portal).to.be.accessible();
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define/all.ts';
import '../../src/define/pk-progress-bar.ts';
import '../../src/define/pk-progress-ring.ts';
import '../../src/define/pk-stepper.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import type { PkProgressBar } from '../../src/ui/pk-progress-bar.ts';
import type { PkProgressRing } from '../../src/ui/pk-progress-ring.ts';
import type { PkStepper } from '../../src/ui/pk-stepper.ts';
import { emulateMedia } from './ui-commands.ts';

async function inPortal(content: TemplateResult, { locale = 'en-GB', theme = 'light' } = {}) {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} theme=${theme}>${content}</pk-portal>`);
  await waitUntil(() => portal.hasAttribute('lang'), 'the portal localized');
  await Promise.all([...portal.children].map((element) => (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
  return portal;
}

const bar = (element: Element) => element.shadowRoot!.querySelector<HTMLElement>('[role="progressbar"]')!;
const labelOf = (element: Element) => {
  const progressbar = bar(element);
  return element.shadowRoot!.getElementById(progressbar.getAttribute('aria-labelledby')!)!.textContent!.trim();
};
const percent = (fraction: number, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);

describe('<pk-progress-bar>', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('is a labelled progressbar with its value, range and locale-formatted percentage', async () => {
    const portal = await inPortal(html`<pk-progress-bar label="Uploading contract.pdf" value="21" max="50"></pk-progress-bar>`);
    const progress = portal.querySelector('pk-progress-bar') as PkProgressBar;
    const progressbar = bar(progress);
    expect(progressbar.getAttribute('aria-valuenow')).to.equal('21');
    expect(progressbar.getAttribute('aria-valuemin')).to.equal('0');
    expect(progressbar.getAttribute('aria-valuemax')).to.equal('50');
    expect(progressbar.getAttribute('aria-valuetext')).to.equal('42%');
    expect(labelOf(progress)).to.equal('Uploading contract.pdf');
    expect(progress.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal('42%');
    const track = progressbar.getBoundingClientRect();
    const indicator = progress.shadowRoot!.querySelector('[part="indicator"]')!.getBoundingClientRect();
    expect(indicator.width / track.width).to.be.closeTo(0.42, 0.01);
    expect(indicator.left).to.be.closeTo(track.left, 0.5);
    await expect(portal).to.be.accessible();
  });

  it('formats the percentage for German and Hungarian users, and clamps out-of-range values', async () => {
    const german = await inPortal(html`<pk-progress-bar value="42"></pk-progress-bar>`, { locale: 'de-DE' });
    const de = german.querySelector('pk-progress-bar')!;
    expect(bar(de).getAttribute('aria-valuetext')).to.equal(percent(0.42, 'de-DE'));
    expect(bar(de).getAttribute('aria-valuetext')).to.equal('42\u00a0%');
    expect(labelOf(de)).to.equal('Fortschritt', 'the localized default name');
    const hungarian = await inPortal(html`<pk-progress-bar value="150"></pk-progress-bar>`, { locale: 'hu-HU' });
    const hu = hungarian.querySelector('pk-progress-bar')!;
    expect(bar(hu).getAttribute('aria-valuenow')).to.equal('100');
    expect(bar(hu).getAttribute('aria-valuetext')).to.equal(percent(1, 'hu-HU'));
    expect(labelOf(hu)).to.equal('Folyamat');
  });

  it('has no value when indeterminate, is called "Loading", and stands still for reduced motion', async () => {
    const portal = await inPortal(html`<pk-progress-bar></pk-progress-bar><pk-progress-bar indeterminate value="30" label="Syncing"></pk-progress-bar>`);
    const [unset, explicit] = [...portal.querySelectorAll('pk-progress-bar')] as PkProgressBar[];
    for (const progress of [unset!, explicit!]) {
      expect(bar(progress).hasAttribute('aria-valuenow')).to.equal(false);
      expect(bar(progress).hasAttribute('aria-valuetext')).to.equal(false);
      expect(progress.shadowRoot!.querySelector('[part="value"]')).to.equal(null);
    }
    expect(labelOf(unset!)).to.equal('Loading');
    expect(labelOf(explicit!)).to.equal('Syncing');
    const indicator = unset!.shadowRoot!.querySelector('[part="indicator"]')!;
    expect(getComputedStyle(indicator).animationName).to.equal('slide');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(indicator).animationName).to.equal('none');
    await expect(portal).to.be.accessible();
  });

  it('fills from the right in RTL, hides its label visually on request, and passes axe in dark', async () => {
    const portal = await inPortal(html`<pk-progress-bar value="25" label="Profile complete" hide-label></pk-progress-bar>`, { theme: 'dark' });
    portal.setAttribute('dir', 'rtl');
    const progress = portal.querySelector('pk-progress-bar')!;
    const track = bar(progress).getBoundingClientRect();
    const indicator = progress.shadowRoot!.querySelector('[part="indicator"]')!.getBoundingClientRect();
    expect(indicator.right).to.be.closeTo(track.right, 0.5);
    const label = progress.shadowRoot!.querySelector('.header')!.getBoundingClientRect();
    expect(label.width).to.be.at.most(1);
    expect(labelOf(progress)).to.equal('Profile complete');
    await expect(portal).to.be.accessible();
  });
});

describe('<pk-progress-ring>', () => {
  it('is a progressbar with the percentage in the middle and an arc of that length', async () => {
    const portal = await inPortal(html`<pk-progress-ring value="3" max="4" label="Onboarding"></pk-progress-ring>`);
    const ring = portal.querySelector('pk-progress-ring') as PkProgressRing;
    const progressbar = bar(ring);
    expect(progressbar.getAttribute('aria-valuenow')).to.equal('3');
    expect(progressbar.getAttribute('aria-valuemax')).to.equal('4');
    expect(progressbar.getAttribute('aria-valuetext')).to.equal('75%');
    expect(labelOf(ring)).to.equal('Onboarding');
    expect(ring.shadowRoot!.querySelector('[part="value"]')!.textContent).to.equal('75%');
    const arc = ring.shadowRoot!.querySelector('[part="indicator"]')!;
    expect(getComputedStyle(arc).strokeDasharray).to.match(/^(calc\()?75(px)?\)?, 100(px)?$/);
    await expect(portal).to.be.accessible();
    portal.setAttribute('theme', 'dark');
    await portal.updateComplete;
    await expect(portal).to.be.accessible();
  });

  it('spins without a value, in German called "Wird geladen"', async () => {
    const portal = await inPortal(html`<pk-progress-ring></pk-progress-ring>`, { locale: 'de-DE' });
    const ring = portal.querySelector('pk-progress-ring')!;
    expect(bar(ring).hasAttribute('aria-valuenow')).to.equal(false);
    expect(labelOf(ring)).to.equal('Wird geladen');
    expect(getComputedStyle(ring.shadowRoot!.querySelector('svg')!).animationName).to.equal('spin');
  });
});

describe('<pk-stepper>', () => {
  const steps = ['Company', 'Opportunity', 'Contacts', 'Review'];

  it('marks complete steps, the current step with aria-current="step", and says where the user is', async () => {
    const portal = await inPortal(html`<pk-stepper .steps=${steps} current="3"></pk-stepper>`);
    const stepper = portal.querySelector('pk-stepper') as PkStepper;
    const items = [...stepper.shadowRoot!.querySelectorAll('li')];
    expect(items).to.have.length(4);
    expect(items.map((item) => item.getAttribute('aria-current'))).to.deep.equal([null, null, 'step', null]);
    expect(items.map((item) => item.className)).to.deep.equal(['complete', 'complete', 'current', 'upcoming']);
    expect(items[0]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Company, completed');
    expect(items[0]!.querySelector('[part~="marker"] svg'), 'a tick, not only a colour').to.not.equal(null);
    expect(items[3]!.querySelector('[part~="marker"]')!.textContent!.trim()).to.equal('4');
    expect(stepper.shadowRoot!.querySelector('[part="position"]')!.textContent).to.equal('Step 3 of 4');
    expect(stepper.shadowRoot!.querySelector('ol')!.getAttribute('aria-label')).to.equal('Steps');
    await expect(portal).to.be.accessible();
  });

  it('takes its steps from a JSON attribute and speaks German and Hungarian', async () => {
    const german = await inPortal(html`<pk-stepper steps='["Firma","Deal","Prüfen"]' current="2"></pk-stepper>`, { locale: 'de-DE' });
    const de = german.querySelector('pk-stepper')!;
    expect(de.shadowRoot!.querySelector('[part="position"]')!.textContent).to.equal('Schritt 2 von 3');
    expect(de.shadowRoot!.querySelector('li')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Firma, abgeschlossen');
    const hungarian = await inPortal(html`<pk-stepper steps='["Cég","Üzlet","Ellenőrzés"]' current="2"></pk-stepper>`, { locale: 'hu-HU' });
    const hu = hungarian.querySelector('pk-stepper')!;
    expect(hu.shadowRoot!.querySelector('[part="position"]')!.textContent).to.equal('2. lépés, összesen 3');
  });

  it('shows only the current label when narrow, mirrors in RTL, and passes axe in dark', async () => {
    const portal = await inPortal(html`<pk-stepper .steps=${steps} current="2"></pk-stepper>`, { theme: 'dark' });
    const stepper = portal.querySelector('pk-stepper')!;
    const items = [...stepper.shadowRoot!.querySelectorAll('li')];
    expect(items[1]!.getBoundingClientRect().left).to.be.greaterThan(items[0]!.getBoundingClientRect().left);
    portal.setAttribute('dir', 'rtl');
    expect(items[1]!.getBoundingClientRect().left).to.be.lessThan(items[0]!.getBoundingClientRect().left);
    await expect(portal).to.be.accessible();
    stepper.style.width = '300px';
    const label = (index: number) => items[index]!.querySelector('[part~="step-label"]')!.getBoundingClientRect().width;
    expect(label(0)).to.be.at.most(1);
    expect(label(1)).to.be.greaterThan(10);
  });
});

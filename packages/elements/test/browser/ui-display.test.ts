import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define/all.ts';
import '../../src/define/pk-badge.ts';
import '../../src/define/pk-status-chip.ts';
import '../../src/define/pk-skeleton.ts';
import '../../src/define/pk-empty-state.ts';
import '../../src/define/pk-error-state.ts';
import '../../src/define/pk-alert.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import type { PkBadge } from '../../src/ui/pk-badge.ts';
import type { PkStatusChip } from '../../src/ui/pk-status-chip.ts';
import type { PkSkeleton } from '../../src/ui/pk-skeleton.ts';
import type { PkEmptyState } from '../../src/ui/pk-empty-state.ts';
import type { PkErrorState } from '../../src/ui/pk-error-state.ts';
import type { PkAlert } from '../../src/ui/pk-alert.ts';
import { expectFocusOn, emulateMedia, press } from './ui-commands.ts';

/** Renders `content` in a portal and waits until its translations have arrived. */
async function inPortal(content: TemplateResult, { locale = 'en-GB', theme = 'light' } = {}) {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} theme=${theme}>${content}</pk-portal>`);
  await waitUntil(() => portal.hasAttribute('lang'), 'the portal localized');
  const elements = [...portal.children] as HTMLElement[];
  await Promise.all(elements.map((element) => (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete));
  return portal;
}

const part = (element: Element, name: string) => element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const bg = (element: Element) => getComputedStyle(element).backgroundColor;

describe('<pk-badge> and <pk-status-chip>', () => {
  it('colours each tone differently and falls back to neutral for unknown ones', async () => {
    const portal = await inPortal(html`
      <pk-badge variant="success">Gold</pk-badge>
      <pk-badge variant="danger">Overdue</pk-badge>
      <pk-badge variant="bogus">Beta</pk-badge>
      <pk-badge>New</pk-badge>
    `);
    const [success, danger, bogus, neutral] = [...portal.querySelectorAll('pk-badge')] as PkBadge[];
    expect(bg(part(success!, 'base'))).to.not.equal(bg(part(danger!, 'base')));
    expect(bg(part(bogus!, 'base'))).to.equal(bg(part(neutral!, 'base')));
    expect(neutral!.getAttribute('variant')).to.equal('neutral', 'the tone is reflected');
    await expect(portal).to.be.accessible();
  });

  it('gives each status tone its own decorative icon beside the host\'s label', async () => {
    const portal = await inPortal(html`
      <pk-status-chip variant="success" status="approved">Approved</pk-status-chip>
      <pk-status-chip variant="danger" status="rejected">Rejected</pk-status-chip>
      <pk-status-chip variant="warning" status="info_requested">Info requested</pk-status-chip>
      <pk-status-chip status="submitted">Submitted</pk-status-chip>
    `);
    const chips = [...portal.querySelectorAll('pk-status-chip')] as PkStatusChip[];
    const icons = chips.map((chip) => part(chip, 'icon'));
    for (const icon of icons) {
      expect(icon.getAttribute('aria-hidden')).to.equal('true');
      expect(icon.getBoundingClientRect().width).to.be.greaterThan(0);
    }
    expect(new Set(icons.map((icon) => icon.innerHTML)).size).to.equal(4, 'four tones, four shapes');
    expect(chips[0]!.textContent!.trim()).to.equal('Approved');
    expect(chips[0]!.getAttribute('status')).to.equal('approved');
    await expect(portal).to.be.accessible();
  });

  it('passes axe in the dark theme', async () => {
    const portal = await inPortal(
      html`${(['neutral', 'info', 'success', 'warning', 'danger'] as const).map(
        (variant) => html`<pk-badge variant=${variant}>${variant}</pk-badge><pk-status-chip variant=${variant}>${variant}</pk-status-chip>`,
      )}`,
      { theme: 'dark' },
    );
    expect(getComputedStyle(portal).colorScheme).to.equal('dark');
    await expect(portal).to.be.accessible();
  });
});

describe('<pk-skeleton>', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('is hidden from assistive technology and draws the requested shape', async () => {
    const portal = await inPortal(html`
      <pk-skeleton lines="3"></pk-skeleton>
      <pk-skeleton shape="rect"></pk-skeleton>
      <pk-skeleton shape="circle"></pk-skeleton>
    `);
    const [text, rect, circle] = [...portal.querySelectorAll('pk-skeleton')] as PkSkeleton[];
    for (const skeleton of [text, rect, circle]) expect(skeleton!.getAttribute('aria-hidden')).to.equal('true');
    expect(text!.shadowRoot!.querySelectorAll('[part="line"]')).to.have.length(3);
    expect(rect!.shadowRoot!.querySelectorAll('[part="line"]')).to.have.length(1);
    const disc = part(circle!, 'line').getBoundingClientRect();
    expect(disc.width).to.be.closeTo(disc.height, 0.5);
    expect(getComputedStyle(part(circle!, 'line')).borderRadius).to.equal('50%');
    await expect(portal).to.be.accessible();
  });

  it('stops shimmering when the user prefers reduced motion', async () => {
    const portal = await inPortal(html`<pk-skeleton></pk-skeleton>`);
    const line = part(portal.querySelector('pk-skeleton')!, 'line');
    expect(getComputedStyle(line).animationName).to.equal('shimmer');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(line).animationName).to.equal('none');
  });
});

describe('<pk-empty-state>', () => {
  it('lays out the slotted illustration, heading, description and actions, and hides unused slots', async () => {
    const portal = await inPortal(html`
      <pk-empty-state>
        <h2 slot="heading">No deals yet</h2>
        <p slot="description">Register your first opportunity to protect it.</p>
        <button slot="actions">Register a deal</button>
      </pk-empty-state>
    `);
    const empty = portal.querySelector('pk-empty-state') as PkEmptyState;
    expect(getComputedStyle(part(empty, 'illustration')).display).to.equal('none');
    expect(getComputedStyle(part(empty, 'heading')).display).to.equal('block');
    const heading = part(empty, 'heading').getBoundingClientRect();
    const actions = part(empty, 'actions').getBoundingClientRect();
    expect(actions.top).to.be.greaterThan(heading.bottom, 'actions come after the heading');
    expect(getComputedStyle(portal.querySelector('h2')!).textAlign).to.equal('center');
    await expect(portal).to.be.accessible();
    portal.setAttribute('theme', 'dark');
    await portal.updateComplete;
    await expect(portal).to.be.accessible();
  });
});

describe('<pk-error-state>', () => {
  it('is an alert with a localized "Try again" that fires pk-retry, and the request id', async () => {
    const portal = await inPortal(html`<pk-error-state request-id="req_7f3a">The deals could not be loaded.</pk-error-state>`);
    const error = portal.querySelector('pk-error-state') as PkErrorState;
    expect(part(error, 'base').getAttribute('role')).to.equal('alert');
    expect(part(error, 'reference').textContent).to.equal('Reference: req_7f3a');
    const retry = part(error, 'retry') as HTMLButtonElement;
    expect(retry.textContent!.trim()).to.equal('Try again');
    const fired = oneEvent(portal, 'pk-retry');
    retry.click();
    await fired;
    await expect(portal).to.be.accessible();
  });

  it('is reachable and usable by keyboard', async () => {
    const portal = await inPortal(html`<button id="before">Before</button><pk-error-state>Nope.</pk-error-state>`);
    portal.querySelector<HTMLButtonElement>('#before')!.focus();
    await press('Tab');
    const error = portal.querySelector('pk-error-state')!;
    expectFocusOn(part(error, 'retry'));
    let retries = 0;
    error.addEventListener('pk-retry', () => (retries += 1));
    await press('Enter');
    await press('Space');
    expect(retries).to.equal(2);
  });

  it('speaks German and Hungarian', async () => {
    const german = await inPortal(html`<pk-error-state request-id="abc">Fehler.</pk-error-state>`, { locale: 'de-DE' });
    const de = german.querySelector('pk-error-state')!;
    expect(part(de, 'retry').textContent!.trim()).to.equal('Erneut versuchen');
    expect(part(de, 'reference').textContent).to.equal('Referenz: abc');
    const hungarian = await inPortal(html`<pk-error-state request-id="abc">Hiba.</pk-error-state>`, { locale: 'hu-HU' });
    const hu = hungarian.querySelector('pk-error-state')!;
    expect(part(hu, 'retry').textContent!.trim()).to.equal('Próbálja újra');
    expect(part(hu, 'reference').textContent).to.equal('Hivatkozási azonosító: abc');
  });

  it('hides "Try again" with no-retry and passes axe in the dark theme', async () => {
    const portal = await inPortal(
      html`<pk-error-state no-retry request-id="r1"><h2 slot="heading">No access</h2>You cannot see this partner.</pk-error-state>`,
      { theme: 'dark' },
    );
    const error = portal.querySelector('pk-error-state')!;
    expect(part(error, 'retry')).to.equal(null);
    expect(part(error, 'reference').textContent).to.equal('Reference: r1');
    await expect(portal).to.be.accessible();
  });
});

describe('<pk-alert>', () => {
  it('uses alert for warnings and errors, status for information and successes, and names the tone', async () => {
    const portal = await inPortal(html`
      <pk-alert variant="info">Info</pk-alert>
      <pk-alert variant="success">Saved</pk-alert>
      <pk-alert variant="warning">Expires soon</pk-alert>
      <pk-alert variant="danger">Failed</pk-alert>
    `);
    const alerts = [...portal.querySelectorAll('pk-alert')] as PkAlert[];
    expect(alerts.map((alert) => part(alert, 'base').getAttribute('role'))).to.deep.equal(['status', 'status', 'alert', 'alert']);
    expect(alerts.map((alert) => alert.shadowRoot!.querySelector('.visually-hidden')!.textContent)).to.deep.equal([
      'Information:',
      'Success:',
      'Warning:',
      'Error:',
    ]);
    expect(alerts.map((alert) => part(alert, 'close'))).to.deep.equal([null, null, null, null], 'not dismissible unless asked');
    await expect(portal).to.be.accessible();
  });

  it('dismisses with its localized close button, by keyboard, unless the event is cancelled', async () => {
    const portal = await inPortal(html`<pk-alert dismissible variant="warning">Your certificate expires in 3 days.</pk-alert><button>After</button>`);
    const alert = portal.querySelector('pk-alert') as PkAlert;
    const close = part(alert, 'close');
    expect(close.getAttribute('aria-label')).to.equal('Dismiss');
    close.focus();
    expect(getComputedStyle(close).outlineStyle).to.equal('solid', 'visible focus ring');
    alert.addEventListener('pk-dismiss', (event) => event.preventDefault(), { once: true });
    await press('Enter');
    expect(alert.hidden).to.equal(false, 'cancelled');
    const fired = oneEvent(alert, 'pk-dismiss');
    await press('Enter');
    await fired;
    expect(alert.hidden).to.equal(true);
    expect(getComputedStyle(alert).display).to.equal('none');
  });

  it('speaks German and Hungarian', async () => {
    const german = await inPortal(html`<pk-alert dismissible variant="danger">x</pk-alert>`, { locale: 'de-DE' });
    const de = german.querySelector('pk-alert')!;
    expect(part(de, 'close').getAttribute('aria-label')).to.equal('Ausblenden');
    expect(de.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('Fehler:');
    const hungarian = await inPortal(html`<pk-alert dismissible variant="success">x</pk-alert>`, { locale: 'hu-HU' });
    const hu = hungarian.querySelector('pk-alert')!;
    expect(part(hu, 'close').getAttribute('aria-label')).to.equal('Elvetés');
    expect(hu.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.equal('Sikeres:');
  });

  it('passes axe in the dark theme, and mirrors in RTL', async () => {
    const portal = await inPortal(
      html`${(['info', 'success', 'warning', 'danger'] as const).map((variant) => html`<pk-alert dismissible variant=${variant}><strong slot="heading">Heading</strong>Body text.</pk-alert>`)}`,
      { theme: 'dark' },
    );
    await expect(portal).to.be.accessible();
    const alert = portal.querySelector('pk-alert')!;
    const base = part(alert, 'base');
    expect(getComputedStyle(base).borderLeftWidth).to.equal('4px');
    portal.setAttribute('dir', 'rtl');
    expect(getComputedStyle(base).borderRightWidth).to.equal('4px', 'the accent border follows the inline start');
    expect(part(alert, 'close').getBoundingClientRect().left).to.be.lessThan(part(alert, 'icon').getBoundingClientRect().left);
  });
});

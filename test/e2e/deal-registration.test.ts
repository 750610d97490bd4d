import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { launchDemo, type RunningDemo } from '../../examples/portal/launch.ts';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/lib/find-browser.ts';

interface ApiDeal {
  id: string;
  partnerId: string;
  reference: string;
  status: string;
  customerCompany: string;
  contactName: string | null;
  notes: string | null;
  expiresAt: string | null;
}

// The deal-registration journey on the real demo, driven by role and label like a person would:
// the demo's partner admin speaks German (an Austrian partner); its channel manager English.
describe('deal registration on the demo portal', () => {
  let demo: RunningDemo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  /** The vendor backend's view, through the API with a channel manager's session. */
  async function api<T>(path: string): Promise<T> {
    const session = await fetch(`${demo.apiUrl}/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${demo.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: demo.manager.externalId, email: demo.manager.email, name: demo.manager.name }, role: 'channel_manager' }),
    });
    const { token } = (await session.json()) as { token: string };
    const answer = await fetch(`${demo.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(answer.status, 200, `GET ${path}`);
    return (await answer.json()) as T;
  }

  const dealsOf = async (company: string) =>
    (await api<{ data: ApiDeal[] }>(`/deals?q=${encodeURIComponent(company)}&limit=50`)).data.filter((deal) => deal.customerCompany === company);

  /** The new-registration form (the demo's second one, titled "Registrierung … bearbeiten", edits a deal). */
  const form = () => page.locator('pk-deal-registration').filter({ has: page.getByRole('heading', { name: 'Deal registrieren', exact: true }) });

  async function openPartnerPage(width = 820): Promise<void> {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(demo.url);
    await form().getByRole('heading', { name: 'Deal registrieren' }).waitFor();
  }

  /** Step 1 of the stepper: customer and contact. */
  async function fillCustomer(company: string, contact = 'Eva Gruber'): Promise<void> {
    await form().getByLabel('Firmenname').fill(company);
    await form().getByRole('combobox', { name: 'Land', exact: true }).selectOption('AT');
    await form().getByLabel('Name des Ansprechpartners').fill(contact);
    await form().getByLabel('E-Mail des Ansprechpartners').fill('eva.gruber@example.at');
  }

  /** Step 2: the opportunity. */
  async function fillOpportunity(amount: string, notes?: string): Promise<void> {
    await form().getByLabel('Name der Verkaufschance').fill('Netzwerkerneuerung Zentrale');
    await form().getByLabel('Deal-Betrag').fill(amount);
    await form().getByLabel('Voraussichtlicher Abschluss').fill('2027-03-31');
    await form().getByRole('radio', { name: 'Neukunde' }).check();
    await form().getByRole('radio', { name: 'Selbst gewonnen' }).check();
    if (notes !== undefined) await form().getByLabel('Notizen').fill(notes);
  }

  const next = () => form().getByRole('button', { name: 'Weiter' }).click();
  const submit = () => form().getByRole('button', { name: 'Registrierung absenden' }).click();
  const success = () => form().getByRole('heading', { name: 'Deal registriert' });

  /** Registers a deal through the stepper, over the partner's auto-approval limit. */
  async function registerForReview(company: string, amount: string): Promise<void> {
    await openPartnerPage();
    await fillCustomer(company);
    await next();
    await fillOpportunity(amount);
    await next();
    await submit();
    await success().waitFor();
  }

  /** The channel manager opens the deal in the review queue, decides, and sees it leave the queue. */
  async function review(company: string, decide: (detail: Locator) => Promise<void>): Promise<void> {
    const manager = await context.newPage();
    await manager.goto(`${demo.url}?as=manager`);
    const queue = manager.locator('pk-deal-review-queue');
    await queue.getByRole('option', { name: new RegExp(company) }).click();
    const detail = queue.locator('pk-deal-detail');
    await detail.getByRole('heading', { name: company }).waitFor();
    await decide(detail);
    await queue.getByRole('option', { name: new RegExp(company) }).waitFor({ state: 'detached' });
    await manager.close();
  }

  before(async () => {
    demo = await launchDemo({ port: 0, quiet: true });
    browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
    context = await browser.newContext({ locale: 'de-AT' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`a dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  test('a partner registers a deal through the stepper, a channel manager approves it, the partner sees it protected', async () => {
    const company = 'Tauernblick Logistik GmbH';
    await registerForReview(company, '48500');
    const [created] = await dealsOf(company);
    assert.ok(created, 'the deal exists');
    assert.equal(created.status, 'submitted', 'over the silver tier limit: sent to review');
    await page.getByRole('table', { name: 'Deal-Registrierungen' }).getByRole('row', { name: new RegExp(company) }).waitFor();

    await review(company, (detail) => detail.getByRole('button', { name: 'Approve' }).click());

    const [approved] = await dealsOf(company);
    assert.equal(approved!.status, 'approved');
    assert.ok(approved!.expiresAt && Date.parse(approved!.expiresAt) > Date.now() + 80 * 86_400_000, 'protected for about 90 days');
    await page.reload();
    const row = page.getByRole('table', { name: 'Deal-Registrierungen' }).getByRole('row', { name: new RegExp(company) });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Genehmigt/);
    assert.match((await row.textContent()) ?? '', /endet in \d+ Tagen/);
  });

  test('a partner answers the channel manager\'s question by editing the deal and resubmitting it', async () => {
    const company = 'Rückfrage Kältetechnik GmbH';
    await registerForReview(company, '52000');
    await review(company, async (detail) => {
      await detail.getByRole('button', { name: 'Ask for information' }).click();
      await detail.getByLabel('Your question to the partner').fill('Which sites are included?');
      // The dialog's confirm button (after the action button that opened it).
      await detail.getByRole('button', { name: 'Ask for information' }).last().click();
    });
    assert.equal((await dealsOf(company))[0]!.status, 'info_requested');

    await page.reload();
    await page.getByRole('table', { name: 'Deal-Registrierungen' }).getByRole('row', { name: new RegExp(company) }).click();
    const detail = page.locator('#partner-view pk-deal-detail');
    await detail.getByRole('heading', { name: company }).waitFor();
    await detail.getByRole('button', { name: 'Bearbeiten' }).click();
    const editor = page.locator('pk-deal-registration').filter({ has: page.getByRole('heading', { name: /^Registrierung .+ bearbeiten$/ }) });
    await editor.waitFor();
    await editor.getByText('Which sites are included?').waitFor();
    assert.equal(await editor.getByLabel('Firmenname').inputValue(), company, 'the form holds the deal\'s fields');
    await editor.getByRole('button', { name: 'Weiter' }).click();
    await editor.getByLabel('Notizen').fill('Zentrale Wien und Lager Linz.');
    await editor.getByRole('button', { name: 'Weiter' }).click();
    await editor.getByRole('button', { name: 'Registrierung erneut einreichen' }).click();
    await editor.getByRole('heading', { name: 'Registrierung erneut eingereicht' }).waitFor();

    const deals = await dealsOf(company);
    assert.equal(deals.length, 1, 'the same deal, not a new one');
    assert.equal(deals[0]!.status, 'submitted');
    assert.equal(deals[0]!.notes, 'Zentrale Wien und Lager Linz.');
    await page.getByRole('table', { name: 'Deal-Registrierungen' }).getByRole('row', { name: new RegExp(company) }).filter({ hasText: 'Eingereicht' }).waitFor();
  });

  test('a near-duplicate of another partner\'s active registration triggers the conflict warning', async () => {
    const others = (await api<{ data: ApiDeal[] }>('/deals?status=approved&status=submitted&limit=200')).data.filter((deal) => deal.partnerId !== demo.user.partnerId);
    const target = others[0]!;
    // The same company typed the way another person would: lower case, no legal form.
    const typed = target.customerCompany.replace(/\s+(GmbH.*|AG|SE|Kft\.|Zrt\.|Nyrt\.|SAS|SA|SARL|S\.L\.|S\.A\.|Ltd|plc|LLP|Inc\.|LLC|Corp\.)$/, '').toLowerCase();
    await openPartnerPage();
    await form().getByLabel('Firmenname').fill(typed);
    const warning = form().getByText('Es gibt bereits eine ähnliche aktive Registrierung').first();
    await warning.waitFor();
    assert.ok(!((await form().textContent()) ?? '').includes(target.reference), 'nothing of the other partner\'s registration is shown');
    await form().getByLabel('Firmenname').fill('Völlig Einzigartige Firma KG');
    await warning.waitFor({ state: 'detached' });
  });

  test('reloading mid-form restores the draft', async () => {
    await openPartnerPage();
    await form().getByLabel('Firmenname').fill('Entwurf Bergbahnen AG');
    await form().getByLabel('Name des Ansprechpartners').fill('Florian Steiner');
    // The form saves its draft (in localStorage) shortly after the last keystroke: reload once it has.
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((key) => key.startsWith('partnerkit:deal-draft:') && (localStorage.getItem(key) ?? '').includes('Florian Steiner')),
    );
    await page.reload();
    await form().getByText(/Ihr Entwurf wurde wiederhergestellt/).first().waitFor();
    assert.equal(await form().getByLabel('Firmenname').inputValue(), 'Entwurf Bergbahnen AG');
    assert.equal(await form().getByLabel('Name des Ansprechpartners').inputValue(), 'Florian Steiner');
    await form().getByRole('button', { name: 'Entwurf verwerfen' }).click();
  });

  test('cutting the network during submit and restoring it yields exactly one deal', async () => {
    const company = 'Offline Seilbahnen GmbH';
    await openPartnerPage();
    await fillCustomer(company);
    await next();
    await fillOpportunity('9500');
    await next();
    await context.setOffline(true);
    await submit();
    await form().getByText(/sobald Sie wieder online sind/).first().waitFor();
    await context.setOffline(false);
    await success().waitFor({ timeout: 15_000 });
    const deals = await dealsOf(company);
    assert.equal(deals.length, 1, 'exactly one deal');
  });

  test('hostile input is shown as text and stored verbatim', async () => {
    const company = '<img src=x onerror=alert(1)> 🚀 Ltd';
    const contact = 'محمد الأحمد';
    const notes = 'x'.repeat(9_990) + ' 😀 end';
    await openPartnerPage(1280);
    await fillCustomer(company, contact);
    await fillOpportunity('1200', notes);
    await submit();
    await success().waitFor();
    const [stored] = await dealsOf(company);
    assert.ok(stored, 'stored');
    assert.equal(stored.customerCompany, company);
    assert.equal(stored.contactName, contact);
    assert.equal(stored.notes, notes);
    const row = page.getByRole('table', { name: 'Deal-Registrierungen' }).getByRole('row', { name: /🚀/ });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(problems, []);
  });
});

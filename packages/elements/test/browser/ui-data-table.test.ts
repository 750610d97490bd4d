import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define/all.ts';
import '../../src/define/pk-data-table.ts';
import type { DataTableColumn, PkDataTable, RowActivateDetail, SelectionChangeDetail, SortChangeDetail } from '../../src/ui/pk-data-table.ts';
import type { PkPortal } from '../../src/portal/pk-portal.ts';
import { activeElement, press } from './ui-commands.ts';

// The virtualizer resizes its body while the browser delivers row measurements; Chromium then
// reports "ResizeObserver loop completed with undelivered notifications", which the
// virtualizer's maintainers document as benign (lit/lit#3154). Only that message is kept from
// failing the tests.
window.addEventListener(
  'error',
  (event) => {
    if (event.message?.startsWith('ResizeObserver loop')) event.stopImmediatePropagation();
  },
  true,
);

interface Item {
  id: string;
  name: string;
  amount: number;
  country: string;
}

const makeRows = (count: number): Item[] => Array.from({ length: count }, (_, i) => ({ id: `deal-${i}`, name: `Company ${i}`, amount: i * 10, country: ['DE', 'FR', 'HU'][i % 3]! }));

const columns: DataTableColumn<Item>[] = [
  { key: 'name', header: 'Customer', sortable: true },
  { key: 'amount', header: 'Amount', align: 'end', sortable: true, render: (row) => `€${row.amount}` },
  { key: 'country', header: 'Country', cardLabel: 'Customer country' },
];

type Table = PkDataTable<Item>;

async function mount(content: TemplateResult, { locale = 'en-GB', theme = 'light', dir = 'ltr' } = {}) {
  const portal = await fixture<PkPortal>(html`<pk-portal locale=${locale} theme=${theme} dir=${dir}>${content}</pk-portal>`);
  await waitUntil(() => portal.hasAttribute('lang'), 'the portal localized');
  const table = portal.querySelector('pk-data-table') as unknown as Table;
  await table.updateComplete;
  if (table.rows.length) await waitUntil(() => bodyRows(table).length > 0, 'rows render');
  return { portal, table, root: table.shadowRoot! };
}

const bodyRows = (table: Element) => [...table.shadowRoot!.querySelectorAll<HTMLElement>('tr.row')];
const rowAt = (table: Element, index: number) => table.shadowRoot!.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
const headers = (table: Element) => [...table.shadowRoot!.querySelectorAll<HTMLElement>('th')];
const status = (table: Element) => table.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const frames = async (n = 3) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
};

describe('<pk-data-table> virtualisation', () => {
  it('keeps fewer than 100 rows in the DOM for 10,000 rows, and End renders and focuses the last one', async () => {
    const { table, root } = await mount(html`<pk-data-table label="Deals" .columns=${columns} .rows=${makeRows(10_000)}></pk-data-table>`);
    const body = root.querySelector('tbody.virtual')!;
    await waitUntil(() => body.getBoundingClientRect().height > 10_000 * 30, 'the body is as tall as all rows together');
    await frames();
    const initial = root.querySelectorAll('tr').length;
    expect(initial, 'rows in the DOM at the top').to.be.lessThan(100);
    expect(initial).to.be.greaterThan(5);
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).to.equal('10001');

    rowAt(table, 0)!.focus();
    await press('End');
    await waitUntil(() => activeElement() === rowAt(table, 9999), 'the last row is rendered and focused', { timeout: 4000 });
    const last = rowAt(table, 9999)!;
    expect(last.textContent).to.contain('Company 9999');
    expect(last.getAttribute('aria-rowindex')).to.equal('10001');
    expect(last.tabIndex).to.equal(0);
    expect(root.querySelectorAll('tr').length, 'rows in the DOM at the end').to.be.lessThan(100);
    const scroller = root.querySelector('.scroll')!;
    const box = scroller.getBoundingClientRect();
    const rect = last.getBoundingClientRect();
    expect(rect.bottom).to.be.at.most(box.bottom + 1);
    expect(rect.top).to.be.at.least(root.querySelector('thead')!.getBoundingClientRect().bottom - 1, 'not under the sticky header');

    await press('Home');
    await waitUntil(() => activeElement() === rowAt(table, 0), 'back to the first row', { timeout: 4000 });
    expect(scroller.scrollTop).to.equal(0);
  });

  it('leaves no marker comments of scrolled-out rows behind (lit/lit#5298), and keeps rendering rows after', async () => {
    const { table, root } = await mount(html`<pk-data-table label="Deals" .columns=${columns} .rows=${makeRows(10_000)}></pk-data-table>`);
    const body = root.querySelector('tbody.virtual')!;
    const scroller = root.querySelector<HTMLElement>('.scroll')!;
    await waitUntil(() => body.getBoundingClientRect().height > 10_000 * 30, 'the body is as tall as all rows together');
    const comments = () => [...body.childNodes].filter((node) => node.nodeType === Node.COMMENT_NODE).length;
    for (let step = 0; step < 60; step += 1) {
      scroller.scrollTop += 1500;
      await frames(2);
    }
    await frames();
    expect(Number(bodyRows(table)[0]!.dataset.index), 'hundreds of rows scrolled out').to.be.greaterThan(500);
    // Each row has a start and an end marker; the body's own part has one more.
    expect(comments(), 'comments in the body').to.be.at.most(2 * bodyRows(table).length + 1);

    scroller.scrollTop = 0;
    await waitUntil(() => rowAt(table, 0)?.textContent?.includes('Company 0'), 'the first row again');
    table.rows = makeRows(10_000).reverse();
    await waitUntil(() => rowAt(table, 0)?.textContent?.includes('Company 9999'), 'new rows in place of the old');
    expect(comments()).to.be.at.most(2 * bodyRows(table).length + 1);
  });

  it('renders the rows once when the virtualizer is loaded already, not first rows that it replaces', async () => {
    await mount(html`<pk-data-table label="Deals" .columns=${columns} .rows=${makeRows(100)}></pk-data-table>`);
    await frames(); // By now this table has loaded the virtualizer (or the module cache has it).
    const { table, root } = await mount(html`<pk-data-table label="Deals" .columns=${columns} loading></pk-data-table>`);
    const body = root.querySelector('tbody.virtual')!;
    let added = 0;
    let removed = 0;
    const count = (nodes: NodeList) => [...nodes].filter((node) => node instanceof HTMLTableRowElement).length;
    const observer = new MutationObserver((records) => records.forEach((record) => ((added += count(record.addedNodes)), (removed += count(record.removedNodes)))));
    observer.observe(body, { childList: true });
    table.rows = makeRows(10_000);
    table.loading = false;
    await waitUntil(() => bodyRows(table).length > 0, 'rows render');
    await frames(3);
    observer.disconnect();
    expect(removed, 'rows removed again').to.equal(0);
    expect(added).to.equal(bodyRows(table).length);
    expect(rowAt(table, 0)!.textContent).to.contain('Company 0');
  });

  it('moves one roving tab stop with the arrow and Page keys, and scrolls the focused row into view', async () => {
    const { table, root } = await mount(html`<pk-data-table label="Deals" .columns=${columns} .rows=${makeRows(500)}></pk-data-table>`);
    rowAt(table, 0)!.focus();
    await press('ArrowDown');
    await waitUntil(() => activeElement() === rowAt(table, 1));
    await press('ArrowDown');
    await waitUntil(() => activeElement() === rowAt(table, 2));
    await press('ArrowUp');
    await waitUntil(() => activeElement() === rowAt(table, 1));
    await press('PageDown');
    await waitUntil(() => Number((activeElement() as HTMLElement | null)?.dataset.index) > 3, 'a page further');
    const afterPage = Number((activeElement() as HTMLElement).dataset.index);
    expect(afterPage).to.be.lessThan(20);
    await press('PageUp');
    await waitUntil(() => activeElement() === rowAt(table, 1), 'a page back');
    await table.updateComplete;
    const stops = bodyRows(table).filter((row) => row.tabIndex === 0);
    expect(stops).to.have.length(1, 'a single row is in the Tab order');
    expect(stops[0]).to.equal(rowAt(table, 1));
    // The region is focusable and named; from it, ↓ goes to the row in the Tab order.
    const region = root.querySelector<HTMLElement>('[role="region"]')!;
    expect(region.tabIndex).to.equal(0);
    expect(region.getAttribute('aria-label')).to.equal('Deals');
    region.focus();
    await press('ArrowDown');
    await waitUntil(() => activeElement() === rowAt(table, 1), 'from the region to the active row');
  });
});

describe('<pk-data-table> sorting', () => {
  it('toggles aria-sort by click and Enter, fires pk-sort-change and announces the order', async () => {
    const { table } = await mount(html`<pk-data-table label="Deals" .columns=${columns} .rows=${makeRows(20)}></pk-data-table>`);
    const [customer, amount, country] = headers(table);
    expect(customer!.getAttribute('aria-sort')).to.equal('none');
    expect(country!.hasAttribute('aria-sort'), 'not sortable').to.equal(false);
    expect(country!.querySelector('button')).to.equal(null);

    const button = customer!.querySelector('button')!;
    setTimeout(() => button.click());
    const first = (await oneEvent(table, 'pk-sort-change')) as CustomEvent<SortChangeDetail>;
    expect(first.detail.sort).to.deep.equal({ key: 'name', direction: 'ascending' });
    await table.updateComplete;
    expect(customer!.getAttribute('aria-sort')).to.equal('ascending');
    expect(table.getAttribute('sort')).to.equal('name:ascending');
    expect(status(table)).to.equal('Sorted by Customer, ascending');

    button.focus();
    setTimeout(() => void press('Enter'));
    const second = (await oneEvent(table, 'pk-sort-change')) as CustomEvent<SortChangeDetail>;
    expect(second.detail.sort.direction).to.equal('descending');
    await table.updateComplete;
    expect(customer!.getAttribute('aria-sort')).to.equal('descending');
    expect(status(table)).to.equal('Sorted by Customer, descending');

    // Another column starts ascending; the previous one goes back to "none".
    amount!.querySelector('button')!.click();
    await table.updateComplete;
    expect(amount!.getAttribute('aria-sort')).to.equal('ascending');
    expect(customer!.getAttribute('aria-sort')).to.equal('none');
  });

  it('keeps its order when the host cancels the event, and follows the sort attribute', async () => {
    const { table } = await mount(html`<pk-data-table label="Deals" sort="amount:descending" .columns=${columns} .rows=${makeRows(5)}></pk-data-table>`);
    expect(headers(table)[1]!.getAttribute('aria-sort')).to.equal('descending');
    table.addEventListener('pk-sort-change', (event) => event.preventDefault(), { once: true });
    headers(table)[0]!.querySelector('button')!.click();
    await table.updateComplete;
    expect(table.sort).to.deep.equal({ key: 'amount', direction: 'descending' });
    expect(headers(table)[0]!.getAttribute('aria-sort')).to.equal('none');
    // The component shows rows in the order given; it never sorts them itself.
    expect(bodyRows(table)[0]!.textContent).to.contain('Company 0');
  });
});

describe('<pk-data-table> selection and activation', () => {
  it('toggles a row with Space and all rows with the header checkbox', async () => {
    const { table, root } = await mount(html`<pk-data-table label="Deals" selectable .columns=${columns} .rows=${makeRows(10_000)}></pk-data-table>`);
    const selectAll = root.querySelector<HTMLInputElement>('th input[type="checkbox"]')!;
    expect(selectAll.getAttribute('aria-label')).to.equal('Select all rows');
    const checkbox = (index: number) => rowAt(table, index)!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(checkbox(0).tabIndex).to.equal(-1, 'row checkboxes are not extra Tab stops');

    rowAt(table, 0)!.focus();
    await press('ArrowDown');
    await waitUntil(() => activeElement() === rowAt(table, 1));
    setTimeout(() => void press(' '));
    const selected = (await oneEvent(table, 'pk-selection-change')) as CustomEvent<SelectionChangeDetail>;
    expect(selected.detail.selectedKeys).to.deep.equal(['deal-1']);
    await table.updateComplete;
    expect(checkbox(1).checked).to.equal(true);
    expect(rowAt(table, 1)!.getAttribute('part')).to.equal('row row-selected');
    expect(selectAll.indeterminate).to.equal(true);
    expect(status(table)).to.equal('1 row selected');
    expect(root.querySelector('.scroll')!.scrollTop, 'Space did not scroll the page').to.equal(0);

    selectAll.click();
    await table.updateComplete;
    expect(table.selectedKeys).to.have.length(10_000);
    expect(selectAll.checked).to.equal(true);
    expect(selectAll.indeterminate).to.equal(false);
    expect(status(table)).to.equal('10,000 rows selected');

    await press(' ');
    await table.updateComplete;
    expect(table.selectedKeys).to.not.include('deal-1');
    expect(selectAll.indeterminate).to.equal(true);

    selectAll.click(); // some → all
    selectAll.click(); // all → none
    await table.updateComplete;
    expect(table.selectedKeys).to.deep.equal([]);
    expect(checkbox(1).checked).to.equal(false);
  });

  it('names row checkboxes after their row, and a click on one does not activate the row', async () => {
    const { table } = await mount(html`<pk-data-table label="Deals" selectable row-key="name" .columns=${columns} .rows=${makeRows(3)}></pk-data-table>`);
    let activated = 0;
    table.addEventListener('pk-row-activate', () => (activated += 1));
    const box = rowAt(table, 2)!.querySelector<HTMLInputElement>('input')!;
    const labelIds = box.getAttribute('aria-labelledby')!.split(' ');
    expect(labelIds.map((id) => table.shadowRoot!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Select', 'Customer Company 2']);
    box.click();
    await table.updateComplete;
    expect(table.selectedKeys).to.deep.equal(['Company 2'], 'keys from the row-key property');
    expect(activated).to.equal(0);
  });

  it('fires pk-row-activate with the row on Enter and on click', async () => {
    const rows = makeRows(200);
    const { table } = await mount(html`<pk-data-table label="Deals" .columns=${columns} .rows=${rows}></pk-data-table>`);
    rowAt(table, 0)!.focus();
    await press('ArrowDown');
    await waitUntil(() => activeElement() === rowAt(table, 1));
    setTimeout(() => void press('Enter'));
    const byKey = (await oneEvent(table, 'pk-row-activate')) as CustomEvent<RowActivateDetail<Item>>;
    expect(byKey.detail.row).to.equal(rows[1]);
    expect(byKey.detail.key).to.equal('deal-1');
    expect(byKey.detail.index).to.equal(1);

    const cell = rowAt(table, 3)!.querySelector('td')!;
    setTimeout(() => cell.click());
    const byClick = (await oneEvent(table, 'pk-row-activate')) as CustomEvent<RowActivateDetail<Item>>;
    expect(byClick.detail.row).to.equal(rows[3]);
  });
});

describe('<pk-data-table> layout', () => {
  it('shows rows as cards with labels in a narrow container, and as a table when wide', async () => {
    const { portal, table, root } = await mount(html`<div class="box"><pk-data-table label="Deals" selectable .columns=${columns} .rows=${makeRows(300)}></pk-data-table></div>`);
    const box = portal.querySelector<HTMLElement>('.box')!;
    const headerRow = root.querySelector('[part="header-row"]')!;
    const label = () => rowAt(table, 0)!.querySelector('[part="card-label"]')!;
    expect(getComputedStyle(headerRow).display).to.equal('grid');
    expect(getComputedStyle(label()).display).to.equal('none');
    const wideHeight = rowAt(table, 0)!.getBoundingClientRect().height;

    box.style.inlineSize = '22rem';
    await frames(4);
    expect(getComputedStyle(headerRow).display).to.equal('flex', 'the header row is a bar of sort buttons');
    expect(getComputedStyle(headerRow).flexWrap).to.equal('wrap');
    const countryHeader = headers(table)[3]!;
    expect(countryHeader.getBoundingClientRect().width, 'non-sortable headers are visually hidden').to.be.at.most(1);
    expect(getComputedStyle(label()).display).to.equal('block');
    expect(rowAt(table, 0)!.querySelectorAll('[part="card-label"]')[2]!.textContent).to.equal('Customer country', 'cardLabel wins over header');
    await waitUntil(() => rowAt(table, 0)!.getBoundingClientRect().height > wideHeight * 2, 'cards are taller than table rows');
    // Cards still virtualise and do not overlap.
    const first = rowAt(table, 0)!.getBoundingClientRect();
    const second = rowAt(table, 1)!.getBoundingClientRect();
    expect(second.top).to.be.at.least(first.bottom);
    expect(root.querySelectorAll('tr').length).to.be.lessThan(100);
    await expect(table).to.be.accessible();
  });

  it('mirrors in right-to-left text', async () => {
    const { table, root } = await mount(html`<pk-data-table label="Deals" .columns=${columns} .rows=${makeRows(10)}></pk-data-table>`, { dir: 'rtl' });
    const first = headers(table)[0]!;
    const tableBox = root.querySelector('table')!.getBoundingClientRect();
    expect(getComputedStyle(first).direction).to.equal('rtl');
    expect(Math.round(first.getBoundingClientRect().right)).to.equal(Math.round(tableBox.right), 'the first column starts on the right');
    const amountCell = rowAt(table, 1)!.querySelectorAll('td')[1]!;
    expect(getComputedStyle(amountCell).textAlign).to.equal('end');
    const value = amountCell.querySelector('.value')!.getBoundingClientRect();
    expect(value.left - amountCell.getBoundingClientRect().left).to.be.lessThan(20, 'end-aligned numbers sit on the left in RTL');
  });
});

describe('<pk-data-table> states and words', () => {
  it('is busy with skeleton rows while loading, then announces the row count', async () => {
    const { table, root } = await mount(html`<pk-data-table label="Deals" loading .columns=${columns}></pk-data-table>`);
    const tableElement = root.querySelector('table')!;
    expect(tableElement.getAttribute('aria-busy')).to.equal('true');
    const skeleton = root.querySelector('tbody[aria-hidden="true"]')!;
    expect(skeleton.querySelectorAll('tr')).to.have.length(5);
    expect(root.querySelector('[part="empty"]')).to.equal(null, 'not "empty" while loading');
    table.rows = makeRows(1234);
    table.loading = false;
    await table.updateComplete;
    expect(tableElement.getAttribute('aria-busy')).to.equal('false');
    expect(root.querySelector('tbody[aria-hidden="true"]')).to.equal(null);
    expect(status(table)).to.equal('1,234 rows');
    await expect(table).to.be.accessible();
    // Reloading keeps the rows, busy, with a bar under the header instead of skeletons.
    table.loading = true;
    await table.updateComplete;
    expect(tableElement.getAttribute('aria-busy')).to.equal('true');
    expect(root.querySelector('tbody[aria-hidden="true"]')).to.equal(null);
    await waitUntil(() => bodyRows(table).length > 0, 'the rows stay');
    expect(status(table)).to.equal('Loading rows…');
    expect(getComputedStyle(root.querySelector('thead')!, '::after').blockSize).to.equal('3px');
  });

  it('shows the empty slot, or its default text, when there are no rows', async () => {
    const { table, root } = await mount(html`<pk-data-table label="Deals" .columns=${columns} .rows=${[]}><p slot="empty">No deals match these filters.</p></pk-data-table>`);
    const slot = root.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('No deals match these filters.');
    expect(root.querySelectorAll('tr.row')).to.have.length(0);
    table.querySelector('p')!.remove();
    await table.updateComplete;
    expect(slot.textContent!.trim()).to.equal('Nothing to show.');
  });

  it('counts in the user\'s language with plurals', async () => {
    const { table } = await mount(html`<pk-data-table label="Geschäfte" .columns=${columns} .rows=${makeRows(10_000)}></pk-data-table>`, { locale: 'de-DE' });
    expect(status(table)).to.equal('10.000 Zeilen');
    table.rows = makeRows(1);
    await table.updateComplete;
    expect(status(table)).to.equal('1 Zeile');
    table.sort = { key: 'amount', direction: 'descending' };
    await table.updateComplete;
    expect(status(table)).to.equal('Sortiert nach Amount, absteigend');
  });

  it('takes its own words from the locale files (pseudo-locale)', async () => {
    const { table, root } = await mount(html`<pk-data-table label="[Deals ··]" selectable .columns=${columns} .rows=${[]}></pk-data-table>`, { locale: 'en-XA' });
    await waitUntil(() => status(table).startsWith('['), 'pseudo-localized');
    const pseudo = /^\[[\s\S]*·\]$/;
    expect(root.querySelector('[part="empty"]')!.textContent!.trim()).to.match(pseudo);
    expect(status(table)).to.match(pseudo);
    expect(root.querySelector('th input')!.getAttribute('aria-label')).to.match(pseudo);
  });

  it('passes axe in the light and dark themes, selectable and sorted', async () => {
    for (const theme of ['light', 'dark']) {
      const { table } = await mount(html`<pk-data-table label="Deals" selectable sort="name:ascending" .selectedKeys=${['deal-2']} .columns=${columns} .rows=${makeRows(150)}></pk-data-table>`, { theme });
      await frames();
      await expect(table).to.be.accessible();
    }
  });
});

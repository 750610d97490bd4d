import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/pk-portal.ts';
import '../../src/define/pk-combobox.ts';
import type { ComboboxOption, PkCombobox } from '../../src/ui/pk-combobox.ts';
import { errorText, mountForm, press, settle, type } from './ui-forms.helpers.ts';

const PARTNERS: ComboboxOption[] = [
  { value: 'p-1', label: 'Acme GmbH', description: 'Berlin' },
  { value: 'p-2', label: 'Acme Systems', description: 'Lyon' },
  { value: 'p-3', label: 'Acorn Ltd', description: 'Leeds' },
  { value: 'p-4', label: 'Budapest Data Kft.', description: 'Budapest' },
];

/** Answers at once from the list above, recording each call. */
function instantSearch() {
  const calls: { query: string; signal: AbortSignal }[] = [];
  const search = async (query: string, signal: AbortSignal) => {
    calls.push({ query, signal });
    return PARTNERS.filter((partner) => partner.label.toLowerCase().includes(query.toLowerCase()));
  };
  return { calls, search };
}

/** Answers only when the test says so. */
function heldSearch() {
  const calls: { query: string; signal: AbortSignal; answer: (options: ComboboxOption[]) => void }[] = [];
  const search = (query: string, signal: AbortSignal) => new Promise<ComboboxOption[]>((resolve) => calls.push({ query, signal, answer: resolve }));
  return { calls, search };
}

const input = (box: PkCombobox) => box.shadowRoot!.querySelector('input')!;
const options = (box: PkCombobox) => [...box.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
const live = (box: PkCombobox) => box.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent!.trim();
/** One task later: every promise job queued so far (a search's answer and what it set off) has run. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

async function mount(attributes: { search: PkCombobox['search']; debounce?: number; required?: boolean; value?: string; selectedLabel?: string }, locale = 'en-GB', theme = 'light') {
  const { portal, form } = await mountForm(
    html`<pk-combobox
      name="partner"
      label="Partner"
      .search=${attributes.search}
      debounce=${attributes.debounce ?? 20}
      ?required=${attributes.required ?? false}
      value=${attributes.value ?? ''}
      selected-label=${attributes.selectedLabel ?? ''}
    ></pk-combobox>`,
    locale,
    theme,
  );
  const box = form.querySelector('pk-combobox')!;
  return { portal, form, box };
}

describe('<pk-combobox> searching', () => {
  it('follows the ARIA 1.2 combobox pattern', async () => {
    const { box } = await mount({ search: instantSearch().search });
    const field = input(box);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    const listbox = box.shadowRoot!.getElementById(field.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(box.shadowRoot!.getElementById(listbox.getAttribute('aria-labelledby')!)!.textContent).to.contain('Partner');
    expect(field.labels![0]!.textContent).to.contain('Partner');
    field.focus();
    await type('ac');
    await waitUntil(() => options(box).length === 3, 'suggestions');
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    expect(options(box)[0]!.textContent).to.contain('Acme GmbH');
    expect(options(box)[0]!.textContent).to.contain('Berlin');
  });

  it('waits for typing to pause, then searches once', async () => {
    const fake = instantSearch();
    const searchedAt: number[] = [];
    const search: PkCombobox['search'] = (query, signal) => {
      searchedAt.push(performance.now());
      return fake.search(query, signal);
    };
    const { box } = await mount({ search, debounce: 250 });
    let typedAt = 0;
    input(box).addEventListener('input', () => (typedAt = performance.now()));
    input(box).focus();
    await type('acm');
    await waitUntil(() => fake.calls.length === 1, 'one search after the pause');
    // Nothing while typing: the search came a debounce after the last keystroke (give or take a
    // timer's imprecision), not before.
    expect(searchedAt[0]! - typedAt, 'searched after the pause').to.be.greaterThan(200);
    expect(fake.calls[0]!.query).to.equal('acm');
    // The answer is shown; a second search for the same typing would have come with the first.
    await waitUntil(() => options(box).length === 2, 'the suggestions');
    expect(fake.calls).to.have.length(1);
  });

  it('aborts an older search, and a slow older answer never replaces a newer one', async () => {
    const fake = heldSearch();
    const { box } = await mount({ search: fake.search, debounce: 20 });
    input(box).focus();
    await type('a');
    await waitUntil(() => fake.calls.length === 1);
    expect(live(box)).to.equal('Searching…');
    expect(box.shadowRoot!.querySelector('[part="message"]')!.textContent).to.equal('Searching…');
    await type('c');
    expect(fake.calls[0]!.signal.aborted, 'the first search is aborted as soon as the user types on').to.equal(true);
    await waitUntil(() => fake.calls.length === 2);
    expect(fake.calls[1]!.query).to.equal('ac');
    fake.calls[1]!.answer([PARTNERS[2]!]);
    await waitUntil(() => options(box).length === 1);
    // The first search ignores its signal and answers late.
    fake.calls[0]!.answer(PARTNERS);
    await nextTask();
    await settle(box);
    expect(options(box).map((option) => option.textContent!.trim().split(/\s+/)[0])).to.deep.equal(['Acorn']);
    expect(live(box)).to.equal('1 result available');
  });

  it('announces results, no results and failures', async () => {
    let fail = false;
    const search = async (query: string) => {
      if (fail) throw new Error('offline');
      return PARTNERS.filter((partner) => partner.label.toLowerCase().startsWith(query.toLowerCase()));
    };
    const { box } = await mount({ search });
    input(box).focus();
    await type('ac');
    await waitUntil(() => live(box) === '3 results available');
    await type('x');
    await waitUntil(() => live(box) === 'No results');
    expect(box.shadowRoot!.querySelector('[part="message"]')!.textContent).to.equal('No results');
    expect(input(box).getAttribute('aria-expanded')).to.equal('false', 'no list to expand');
    fail = true;
    await press('Backspace');
    await waitUntil(() => live(box).startsWith('The search did not work'));
  });

  it('takes its own words from the locale files (pseudo-locale)', async () => {
    const { box } = await mount({ search: instantSearch().search }, 'en-XA');
    input(box).focus();
    await type('zz');
    await waitUntil(() => live(box).startsWith('['), 'pseudo-localized');
    expect(box.shadowRoot!.querySelector('[part="message"]')!.textContent).to.match(/^\[[\s\S]*·\]$/);
    expect(live(box)).to.match(/^\[[\s\S]*·\]$/);
  });

  it('speaks German', async () => {
    const { box } = await mount({ search: instantSearch().search }, 'de-DE');
    input(box).focus();
    await type('acme');
    await waitUntil(() => live(box) === '2 Treffer verfügbar');
    await type('q');
    await waitUntil(() => live(box) === 'Keine Treffer');
  });
});

describe('<pk-combobox> keyboard and form', () => {
  it('moves through suggestions with ↓/↑, chooses with Enter and closes with Escape', async () => {
    const { box, form } = await mount({ search: instantSearch().search });
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted += 1;
    });
    const field = input(box);
    field.focus();
    await type('ac');
    await waitUntil(() => options(box).length === 3);
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false, 'no option is active before the user moves');
    await press('ArrowDown');
    await settle(box);
    expect(field.getAttribute('aria-activedescendant')).to.equal(options(box)[0]!.id);
    expect(options(box)[0]!.getAttribute('aria-selected')).to.equal('true');
    await press('ArrowDown');
    await settle(box);
    expect(field.getAttribute('aria-activedescendant')).to.equal(options(box)[1]!.id);
    await press('ArrowUp');
    await press('ArrowUp');
    await settle(box);
    expect(field.getAttribute('aria-activedescendant')).to.equal(options(box)[2]!.id, 'wraps to the last');
    expect(box.shadowRoot!.activeElement).to.equal(field, 'focus stays in the input');

    setTimeout(() => void press('Enter'));
    await oneEvent(box, 'change');
    await settle(box);
    expect(box.value).to.equal('p-3');
    expect(field.value).to.equal('Acorn Ltd');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(new FormData(form).get('partner')).to.equal('p-3');
    expect(submitted).to.equal(0, 'Enter on a suggestion does not submit');

    // Editing the text drops the choice until another one is made.
    await press('Backspace');
    await settle(box);
    expect(box.value).to.equal('');
    expect(new FormData(form).get('partner')).to.equal('');
    await waitUntil(() => options(box).length === 1);
    await press('Escape');
    await settle(box);
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.value).to.equal('Acorn Lt', 'the first Escape only closes');
    await press('Escape');
    await settle(box);
    expect(field.value).to.equal('', 'the second clears');
    await press('Enter');
    expect(submitted).to.equal(1, 'Enter with the list closed submits, as in a text field');
  });

  it('chooses with a click, keeping focus in the input', async () => {
    const { box, form } = await mount({ search: instantSearch().search });
    input(box).focus();
    await type('bud');
    await waitUntil(() => options(box).length === 1);
    options(box)[0]!.click();
    await settle(box);
    expect(box.value).to.equal('p-4');
    expect(new FormData(form).get('partner')).to.equal('p-4');
    expect(box.shadowRoot!.activeElement).to.equal(input(box));
  });

  it('is required until a suggestion is chosen, and form.reset() restores the preset choice', async () => {
    const { box, form } = await mount({ search: instantSearch().search, required: true, value: 'p-1', selectedLabel: 'Acme GmbH' });
    expect(input(box).value).to.equal('Acme GmbH');
    expect(new FormData(form).get('partner')).to.equal('p-1');
    expect(form.checkValidity()).to.equal(true);
    input(box).focus();
    for (let i = 0; i < 'Acme GmbH'.length; i += 1) await press('Backspace');
    await settle(box);
    expect(form.checkValidity()).to.equal(false);
    await settle(box);
    expect(errorText(box)).to.contain('Select an option.');
    expect(input(box).getAttribute('aria-invalid')).to.equal('true');
    await type('zzz');
    await settle(box);
    expect(box.validity.valueMissing).to.equal(true);
    expect(errorText(box)).to.contain('Choose one of the suggestions.');
    form.reset();
    await settle(box);
    expect(box.value).to.equal('p-1');
    expect(input(box).value).to.equal('Acme GmbH');
    expect(form.checkValidity()).to.equal(true);
  });

  it('passes axe with a long, scrolling list open, in the light and dark themes', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ value: `v${i}`, label: `Partner ${i}`, description: `City ${i}` }));
    for (const theme of ['light', 'dark']) {
      const { box } = await mount({ search: async () => many }, 'en-GB', theme);
      input(box).focus();
      await type('pa');
      await waitUntil(() => options(box).length === 30);
      const listbox = box.shadowRoot!.querySelector('[role="listbox"]')!;
      expect(listbox.scrollHeight).to.be.greaterThan(listbox.clientHeight, 'the list scrolls');
      await press('ArrowUp');
      await settle(box);
      const last = options(box)[29]!.getBoundingClientRect();
      expect(last.bottom).to.be.at.most(listbox.getBoundingClientRect().bottom + 1, 'the active option is scrolled into view');
      await expect(box).to.be.accessible();
      box.remove();
    }
  });
});

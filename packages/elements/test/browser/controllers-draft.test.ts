import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { DraftController } from '../../src/core/controllers/draft-controller.ts';

interface Answers {
  name: string;
  /** ETag of the record the copy was made from. */
  etag?: string;
}

const KEY = 'test:draft:user-1';

/** A one-field form keeping its draft under `slotKey`, showing the restored notice. */
class DraftProbe extends LitElement {
  static override properties = { slotKey: {} };
  slotKey = KEY;
  draft = new DraftController<Answers>(this, {
    key: () => this.slotKey || undefined,
    accept: (stored) => typeof stored.name === 'string',
    schema: 2,
    versionOf: (draft) => draft.etag,
  });
  protected override render() {
    return litHtml`<p>${this.draft.restoredAt ? `restored ${this.draft.restoredAt}` : 'fresh'}</p>`;
  }
}
customElements.define('draft-probe', DraftProbe);

const notice = (el: DraftProbe) => el.shadowRoot!.querySelector('p')!.textContent;
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as (Answers & { savedAt: string; schema: number }) | null;

describe('DraftController', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('saves at once with a timestamp and the format, and restores it with a notice', async () => {
    const el = await fixture<DraftProbe>(html`<draft-probe></draft-probe>`);
    const before = Date.now();
    el.draft.save({ name: 'Nordwind', etag: '"v1"' });
    expect(stored()).to.include({ name: 'Nordwind', etag: '"v1"', schema: 2 });
    expect(Date.parse(stored()!.savedAt)).to.be.within(before - 1, Date.now());

    const again = await fixture<DraftProbe>(html`<draft-probe></draft-probe>`);
    const draft = again.draft.restore();
    expect(draft).to.include({ name: 'Nordwind' });
    await again.updateComplete;
    expect(notice(again)).to.equal(`restored ${stored()!.savedAt}`);
    again.draft.dismiss();
    await again.updateComplete;
    expect(notice(again)).to.equal('fresh');
    expect(stored(), 'dismissing keeps the copy').to.not.equal(null);
  });

  it('discard forgets the copy and its notice', async () => {
    const el = await fixture<DraftProbe>(html`<draft-probe></draft-probe>`);
    el.draft.save({ name: 'Nordwind' });
    el.draft.restore();
    el.draft.discard();
    await el.updateComplete;
    expect(stored()).to.equal(null);
    expect(notice(el)).to.equal('fresh');
    expect(el.draft.restore()).to.equal(undefined);
  });

  it('a copy in another format, or of another shape, gives way instead of being restored', async () => {
    const el = await fixture<DraftProbe>(html`<draft-probe></draft-probe>`);
    localStorage.setItem(KEY, JSON.stringify({ name: 'Old format', savedAt: new Date().toISOString(), schema: 1 }));
    expect(el.draft.restore()).to.equal(undefined);
    expect(stored(), 'the outdated copy is removed').to.equal(null);
    localStorage.setItem(KEY, JSON.stringify({ title: 'Wrong shape', savedAt: new Date().toISOString(), schema: 2 }));
    expect(el.draft.read()).to.equal(undefined);
    localStorage.setItem(KEY, '{not json');
    expect(el.draft.read()).to.equal(undefined);
  });

  it('a copy made from an older version of the record gives way to the current one', async () => {
    const el = await fixture<DraftProbe>(html`<draft-probe></draft-probe>`);
    el.draft.save({ name: 'Edited offline', etag: '"v3"' });
    const copy = el.draft.restore()!;
    expect(el.draft.reconcile(copy, '"v3"'), 'same version: the copy stands').to.equal(true);
    expect(stored()).to.not.equal(null);
    expect(el.draft.reconcile(copy, '"v4"'), 'changed elsewhere since').to.equal(false);
    expect(stored()).to.equal(null);
    await el.updateComplete;
    expect(notice(el)).to.equal('fresh');
  });

  it('keeps one slot per key, and does nothing while the key is unknown', async () => {
    const el = await fixture<DraftProbe>(html`<draft-probe></draft-probe>`);
    el.draft.save({ name: 'First user' });
    el.slotKey = 'test:draft:user-2';
    await el.updateComplete;
    expect(el.draft.read()).to.equal(undefined);
    el.draft.save({ name: 'Second user' });
    expect(stored()!.name).to.equal('First user');
    el.slotKey = '';
    await el.updateComplete;
    el.draft.save({ name: 'Nobody' });
    expect(el.draft.read()).to.equal(undefined);
    expect(localStorage.length).to.equal(2);
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/deals/define/pk-deal-list.ts';
import { Partnerkit } from '../../src/core/configure.ts';
import type { PkDealList } from '../../src/deals/pk-deal-list.ts';
import { fakeClient } from '../../../../test/fixtures/fake-client.ts';

// Its own file (its own page): configure() sets page-wide defaults.
describe('Partnerkit.configure()', () => {
  it('connects a standalone component placed before the call, with no portal on the page', async () => {
    const globalsBefore = Object.keys(window).length;
    const list = await fixture<PkDealList>(html`<pk-deal-list page-size="4"></pk-deal-list>`);
    // Connected and rendered, with nothing to load through.
    await list.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const rows = () => list.shadowRoot!.querySelector('pk-data-table')?.shadowRoot?.querySelectorAll('tbody tr[part~="row"]') ?? [];
    expect(rows()).to.have.length(0);
    Partnerkit.configure({ client: fakeClient().client, locale: 'fr-FR', theme: { colorPrimary: 'rgb(10, 20, 30)' } });
    await waitUntil(() => rows().length === 4, 'the list loads through the page-wide client');
    expect(list.shadowRoot!.querySelector('h2')!.textContent).to.equal('Enregistrements d’affaires');
    expect(getComputedStyle(list.shadowRoot!.querySelector('[part="load-more"]')!).backgroundColor).to.equal('rgb(10, 20, 30)');
    expect(Object.keys(window).length).to.equal(globalsBefore, 'no globals were added');
  });
});

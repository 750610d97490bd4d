import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/pk-portal.ts';
import { createI18n, localize } from '../../src/core/i18n.ts';
import { PortalElement } from '../../src/core/portal-element.ts';
import { dealsNamespace } from '../../src/deals/locales.ts';
import { fakeClient } from '../../../../test/fixtures/fake-client.ts';

/** A feature component that needs the `deals` namespace, and remembers what it rendered. */
class NamespaceProbe extends PortalElement {
  static override namespaces = [dealsNamespace];
  readonly titles: string[] = [];

  protected override render() {
    if (this.l10n) this.titles.push(this.l10n.t('list.title', { ns: 'deals' }));
    return html`${this.titles.at(-1) ?? ''}`;
  }
}
customElements.define('pk-namespace-probe', NamespaceProbe);

// Feature namespaces load the first time a component needs them, not with the portal.
describe('lazy locale namespaces', () => {
  it('loads core namespaces with the language and a feature namespace only when asked', async () => {
    const instance = await createI18n('de-AT');
    const l10n = await localize(instance, 'de-AT', { currency: 'EUR' });
    expect(l10n.t('retry', { ns: 'common' })).to.not.equal('retry');
    expect(l10n.hasNamespaces([dealsNamespace])).to.equal(false);
    expect(instance.hasResourceBundle('de', 'deals')).to.equal(false);
    await l10n.loadNamespaces([dealsNamespace]);
    expect(l10n.hasNamespaces([dealsNamespace])).to.equal(true);
    expect(l10n.t('list.title', { ns: 'deals' })).to.equal('Deal-Registrierungen');
  });

  it('loads the feature namespaces already in use when the language changes', async () => {
    const instance = await createI18n('de');
    await (await localize(instance, 'de', { currency: 'EUR' })).loadNamespaces([dealsNamespace]);
    const english = await localize(instance, 'en-GB', { currency: 'EUR' });
    expect(english.hasNamespaces([dealsNamespace])).to.equal(true);
    expect(english.t('list.title', { ns: 'deals' })).to.equal('Deal registrations');
  });

  it('merges vendor strings into a namespace that loads later, and only into that portal\'s', async () => {
    const branded = await createI18n('en');
    const l10n = await localize(branded, 'en', { currency: 'EUR', messages: { en: { deals: { list: { title: 'Opportunities' } } } } });
    await l10n.loadNamespaces([dealsNamespace]);
    expect(l10n.t('list.title', { ns: 'deals' })).to.equal('Opportunities');
    expect(l10n.t('list.loadMore', { ns: 'deals' })).to.not.equal('list.loadMore');

    const plain = await createI18n('en');
    const other = await localize(plain, 'en', { currency: 'EUR' });
    await other.loadNamespaces([dealsNamespace]);
    expect(other.t('list.title', { ns: 'deals' })).to.equal('Deal registrations');
  });

  it('gives a component its language only once its namespaces are loaded, so no raw key ever renders', async () => {
    const portal = await fixture(html`<pk-portal locale="de-DE" .client=${fakeClient().client}><pk-namespace-probe></pk-namespace-probe></pk-portal>`);
    const probe = portal.querySelector('pk-namespace-probe') as NamespaceProbe;
    await waitUntil(() => probe.titles.length > 0, 'the probe renders in its language');
    expect(probe.titles).to.deep.equal(['Deal-Registrierungen']);
    portal.setAttribute('locale', 'hu-HU');
    await waitUntil(() => probe.titles.length > 1, 'the probe re-renders in the new language');
    expect(probe.titles.every((title) => title !== 'list.title')).to.equal(true);
    expect(probe.titles.at(-1)).to.not.equal('Deal-Registrierungen');
  });
});

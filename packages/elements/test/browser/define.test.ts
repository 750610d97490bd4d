import { expect, fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { defineElement } from '../../src/core/define.ts';
import '../../src/define/all.ts';
import { fakeClient, seededDeals } from '../../../../test/fixtures/fake-client.ts';

// Each test uses tags of its own: the registry cannot forget a definition.
describe('defineElement', () => {
  it('registers the elements a class declares, recursively, before the class itself', async () => {
    const order: string[] = [];
    const tags = ['x-dep-root', 'x-dep-middle', 'x-dep-leaf'];
    // Promises of tags not defined yet resolve in the order the tags get defined.
    const defined = Promise.all(tags.map((tag) => customElements.whenDefined(tag).then(() => order.push(tag))));
    class Leaf extends HTMLElement {}
    class Middle extends HTMLElement {
      static dependencies = { 'x-dep-leaf': Leaf };
    }
    class Root extends HTMLElement {
      static dependencies = { 'x-dep-middle': Middle };
    }
    defineElement('x-dep-root', Root);
    expect(customElements.get('x-dep-root')).to.equal(Root);
    expect(customElements.get('x-dep-middle')).to.equal(Middle);
    expect(customElements.get('x-dep-leaf')).to.equal(Leaf);
    await defined;
    expect(order).to.deep.equal(['x-dep-leaf', 'x-dep-middle', 'x-dep-root']);
  });

  it('ends a cycle of dependencies', () => {
    class First extends HTMLElement {
      static dependencies: Record<string, CustomElementConstructor> = {};
    }
    class Second extends HTMLElement {
      static dependencies = { 'x-cycle-first': First };
    }
    First.dependencies = { 'x-cycle-second': Second };
    defineElement('x-cycle-first', First);
    expect(customElements.get('x-cycle-first')).to.equal(First);
    expect(customElements.get('x-cycle-second')).to.equal(Second);
  });

  it('leaves a tag another copy owns to that copy, with a warning, and still registers the rest', () => {
    class Theirs extends HTMLElement {}
    class Child extends HTMLElement {}
    class Ours extends HTMLElement {
      static dependencies = { 'x-copy-child': Child };
    }
    customElements.define('x-copy-owned', Theirs);
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElement('x-copy-owned', Ours);
      defineElement('x-copy-owned', Ours);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('x-copy-owned')).to.equal(Theirs);
    expect(customElements.get('x-copy-child')).to.equal(Child);
    expect(warnings).to.have.length(2);
    expect(String(warnings[0])).to.contain('<x-copy-owned> is already defined by another copy');
  });

  it('does nothing and says nothing when the same class is registered again', () => {
    class Again extends HTMLElement {}
    defineElement('x-again', Again);
    const warn = console.warn;
    let warned = false;
    console.warn = () => (warned = true);
    try {
      defineElement('x-again', Again);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('x-again')).to.equal(Again);
    expect(warned).to.equal(false);
  });

  it('makes every element it registers honour hidden, though its own :host rule sets a display', async () => {
    class Boxed extends LitElement {
      static override styles = css`
        :host {
          display: block;
        }
      `;
      protected override render() {
        return html`<p>content</p>`;
      }
    }
    defineElement('x-hidden-boxed', Boxed);
    const shown = document.createElement('x-hidden-boxed');
    const hidden = document.createElement('x-hidden-boxed');
    hidden.hidden = true;
    document.body.append(shown, hidden);
    try {
      expect(getComputedStyle(shown).display).to.equal('block');
      expect(getComputedStyle(hidden).display).to.equal('none');
      hidden.hidden = false;
      expect(getComputedStyle(hidden).display).to.equal('block', 'shown again without hidden');
    } finally {
      shown.remove();
      hidden.remove();
    }
  });

  it('a hidden deal detail takes no room and shows nothing', async () => {
    const portal = await fixture(testHtml`<pk-portal locale="en-GB" .client=${fakeClient().client}><pk-deal-detail hidden deal-id=${seededDeals[0]!.id}></pk-deal-detail></pk-portal>`);
    const detail = portal.querySelector('pk-deal-detail')!;
    await waitUntil(() => detail.shadowRoot?.childElementCount, 'it renders');
    expect(getComputedStyle(detail).display).to.equal('none');
    expect(detail.getBoundingClientRect().height).to.equal(0);
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { ContainerWidthController } from '../../src/core/controllers/container-width-controller.ts';

/** Steps when narrow, one page from 600px; counts its renders. */
class WidthProbe extends LitElement {
  renders = 0;
  width = new ContainerWidthController(this, { breakpoints: [600] });
  protected override render() {
    this.renders += 1;
    return litHtml`<p>${this.width.atLeast(600) ? 'single' : 'stepper'}</p>`;
  }
}
customElements.define('width-probe', WidthProbe);

const layout = (el: WidthProbe) => el.shadowRoot!.querySelector('p')!.textContent;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('ContainerWidthController', () => {
  it('follows the container, not the viewport, and re-renders only when a breakpoint is crossed', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 400px"><width-probe style="display: block"></width-probe></div>`);
    const el = box.querySelector('width-probe') as WidthProbe;
    await waitUntil(() => el.width.width === 400, 'measured');
    expect(layout(el)).to.equal('stepper');

    box.style.inlineSize = '800px';
    await waitUntil(() => layout(el) === 'single', 'wide');
    expect(el.width.width).to.equal(800);

    const renders = el.renders;
    box.style.inlineSize = '900px';
    await waitUntil(() => el.width.width === 900);
    await frame();
    await el.updateComplete;
    expect(el.renders, 'no re-render within a band').to.equal(renders);

    box.style.inlineSize = '599px';
    await waitUntil(() => layout(el) === 'stepper', 'narrow again');
  });

  it('stops observing when disconnected', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 400px"><width-probe style="display: block"></width-probe></div>`);
    const el = box.querySelector('width-probe') as WidthProbe;
    await waitUntil(() => el.width.width === 400);
    el.remove();
    el.style.inlineSize = '900px';
    document.body.append(el);
    await waitUntil(() => el.width.width === 900, 'observed again once reconnected');
    el.remove();
    const before = el.width.width;
    el.style.inlineSize = '100px';
    await frame();
    expect(el.width.width, 'a disconnected host is not measured').to.equal(before);
  });
});

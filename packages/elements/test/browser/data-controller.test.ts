import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { PartnerkitError, type PartnerkitClient } from '@partnerkit/api';
import { DataController } from '../../src/core/data-controller.ts';
import { fakeClient } from '../../../../test/fixtures/fake-client.ts';

interface Probe {
  client: PartnerkitClient;
  calls: number;
  answers: (() => Promise<string>)[];
}

let clock = 0;

/** A component showing one value through a DataController keyed by its `topic`. */
class DataProbe extends LitElement {
  static override properties = { topic: {} };
  topic = 'a';
  probe!: Probe;
  data = new DataController<string>(this, {
    client: () => this.probe?.client,
    key: () => this.topic,
    load: () => {
      this.probe.calls += 1;
      return this.probe.answers.shift()?.() ?? Promise.resolve(`${this.topic}-${this.probe.calls}`);
    },
    staleMs: 1000,
    now: () => clock,
  });
  protected override render() {
    return litHtml`<p>${this.data.status}:${this.data.value ?? ''}${this.data.offline ? ':offline' : ''}</p>`;
  }
}
customElements.define('data-probe', DataProbe);

const text = (el: DataProbe) => el.shadowRoot!.querySelector('p')!.textContent;

async function mount(probe: Probe, topic = 'a') {
  const el = document.createElement('data-probe') as DataProbe;
  el.probe = probe;
  el.topic = topic;
  return fixture<DataProbe>(html`${el}`);
}

const newProbe = (): Probe => ({ client: { ...fakeClient().client }, calls: 0, answers: [] });
const networkFailure = () => Promise.reject(new PartnerkitError({ kind: 'network', code: 'network', title: 'offline' }));

describe('DataController', () => {
  beforeEach(() => {
    clock = 0;
  });

  it('loads, then serves a fresh cached value to the next component without a request', async () => {
    const probe = newProbe();
    const first = await mount(probe);
    await waitUntil(() => text(first) === 'complete:a-1');
    const second = await mount(probe);
    expect(text(second)).to.equal('complete:a-1');
    expect(probe.calls).to.equal(1);
  });

  it('shows a stale value at once and replaces it when the revalidation arrives', async () => {
    const probe = newProbe();
    const first = await mount(probe);
    await waitUntil(() => text(first) === 'complete:a-1');
    clock = 5000;
    let answer: (value: string) => void = () => {};
    probe.answers.push(() => new Promise((resolve) => (answer = resolve)));
    const second = await mount(probe);
    expect(text(second)).to.equal('complete:a-1', 'stale value while revalidating');
    answer('a-fresh');
    await waitUntil(() => text(second) === 'complete:a-fresh');
  });

  it('reloads when its key changes, and keeps caches apart per client', async () => {
    const probe = newProbe();
    const el = await mount(probe);
    await waitUntil(() => text(el) === 'complete:a-1');
    el.topic = 'b';
    await waitUntil(() => text(el) === 'complete:b-2');
    const other = await mount(newProbe());
    await waitUntil(() => text(other) === 'complete:a-1', 'another client loads its own');
  });

  it('rolls an optimistic update back when the server refuses it', async () => {
    const el = await mount(newProbe());
    await waitUntil(() => text(el) === 'complete:a-1');
    const refused = el.data.mutate('a-optimistic', () => new Promise((_, reject) => setTimeout(() => reject(new PartnerkitError({ kind: 'http', status: 412, code: 'precondition_failed', title: 'stale' })), 20)));
    await el.updateComplete;
    expect(text(el)).to.equal('complete:a-optimistic');
    let caught: unknown;
    await refused.catch((error: unknown) => (caught = error));
    expect((caught as PartnerkitError).status).to.equal(412);
    await el.updateComplete;
    expect(text(el)).to.equal('complete:a-1');
    await el.data.mutate('a-2', () => Promise.resolve('a-confirmed'));
    await el.updateComplete;
    expect(text(el)).to.equal('complete:a-confirmed');
  });

  it('says offline after a network failure and reloads when the connection returns', async () => {
    const probe = newProbe();
    probe.answers.push(networkFailure);
    const el = await mount(probe);
    await waitUntil(() => text(el) === 'error::offline');
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => text(el) === 'complete:a-2');
  });

  it('aborts its load when the component leaves the page', async () => {
    const probe = newProbe();
    let signal: AbortSignal | undefined;
    const el = document.createElement('data-probe') as DataProbe;
    el.probe = probe;
    el.data = new DataController<string>(el, { client: () => probe.client, key: () => 'x', load: (_, s) => ((signal = s), new Promise(() => {})) });
    document.body.append(el);
    await waitUntil(() => signal);
    el.remove();
    expect(signal!.aborted).to.equal(true);
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { PartnerkitError, type PartnerkitClient } from '@partnerkit/api';
import { DataController, cursorPages, invalidate, type DataOptions } from '../../src/core/data-controller.ts';
import { PkLoadErrorEvent, PkLoadedEvent } from '../../src/core/events.ts';
import { CACHE_LIMIT, cached, store } from '../../src/core/data-cache.ts';
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

// ---- tags, pages, stale answers and the events, through a probe built from any options ----

interface Page {
  data: number[];
  nextCursor: string | null;
}

/** A component whose controller takes the options given to `mountWith`. */
class OptionsProbe extends LitElement {
  static next: DataOptions<unknown>;
  data = new DataController<unknown>(this, OptionsProbe.next);
  protected override render() {
    return litHtml`<p>${this.data.status}:${JSON.stringify(this.data.value ?? null)}</p>`;
  }
}
customElements.define('options-probe', OptionsProbe);

async function mountWith<T>(options: DataOptions<T>) {
  OptionsProbe.next = options as DataOptions<unknown>;
  const el = document.createElement('options-probe') as OptionsProbe;
  return fixture<OptionsProbe>(html`${el}`);
}

const shown = (el: OptionsProbe) => el.shadowRoot!.querySelector('p')!.textContent;

/** Loads counted per key, each answering `<key>-<n>`. */
function counting(client: PartnerkitClient, key: string, tags: string[], loads: Record<string, number>): DataOptions<string> {
  return {
    client: () => client,
    key: () => key,
    tags: () => tags,
    load: async () => {
      loads[key] = (loads[key] ?? 0) + 1;
      return `${key}-${loads[key]}`;
    },
  };
}

/** Ten numbers in pages of three; the cursor is where the next page starts. */
function pagedLoad(calls: (string | undefined)[], fail?: () => boolean): DataOptions<Page>['load'] {
  return async (_client, _signal, cursor) => {
    calls.push(cursor);
    if (fail?.()) throw new PartnerkitError({ kind: 'http', status: 503, code: 'unavailable', title: 'Unavailable' });
    const start = Number(cursor ?? 0);
    const data = Array.from({ length: Math.min(3, 10 - start) }, (_, index) => start + index);
    return { data, nextCursor: start + 3 < 10 ? String(start + 3) : null };
  };
}

describe('DataController tags and invalidation', () => {
  it('revalidates every mounted component of the client with a matching tag, and no other', async () => {
    const { client } = fakeClient();
    const other = fakeClient().client;
    const loads: Record<string, number> = {};
    const list = await mountWith(counting(client, 'list', ['deals'], loads));
    const detail = await mountWith(counting(client, 'detail', ['deal:1'], loads));
    const elsewhere = await mountWith(counting(other, 'elsewhere', ['deals'], loads));
    await waitUntil(() => shown(list) === 'complete:"list-1"' && shown(detail) === 'complete:"detail-1"' && shown(elsewhere) === 'complete:"elsewhere-1"');

    invalidate(client, ['deals']);
    await waitUntil(() => shown(list) === 'complete:"list-2"', 'the list revalidates although its value was fresh');
    expect(loads).to.deep.equal({ list: 2, detail: 1, elsewhere: 1 }, 'other tags and other clients are left alone');

    invalidate(client, ['deal:1', 'deal:2']);
    await waitUntil(() => shown(detail) === 'complete:"detail-2"');
    expect(loads.list).to.equal(2);
  });

  it('marks cached values stale, so a component mounted later loads again', async () => {
    const { client } = fakeClient();
    const loads: Record<string, number> = {};
    const first = await mountWith(counting(client, 'list', ['deals'], loads));
    await waitUntil(() => shown(first) === 'complete:"list-1"');
    first.remove();
    const again = await mountWith(counting(client, 'list', ['deals'], loads));
    expect(shown(again)).to.equal('complete:"list-1"', 'fresh from the cache, without a request');
    expect(loads.list).to.equal(1);
    again.remove();

    invalidate(client, ['deals']);
    const later = await mountWith(counting(client, 'list', ['deals'], loads));
    await waitUntil(() => shown(later) === 'complete:"list-2"', 'revalidated although it was cached moments ago');
    expect(loads.list).to.equal(2);
  });

  it('invalidates the tags a mutation names, without reloading the component that made it', async () => {
    const { client } = fakeClient();
    const loads: Record<string, number> = {};
    const detail = await mountWith(counting(client, 'detail', ['deal:1'], loads));
    const list = await mountWith(counting(client, 'list', ['deals'], loads));
    await waitUntil(() => shown(detail) === 'complete:"detail-1"' && shown(list) === 'complete:"list-1"');
    await (detail.data as DataController<unknown>).mutate('detail-changed', () => Promise.resolve('detail-saved'), { invalidates: ['deals', 'deal:1'] });
    await waitUntil(() => shown(list) === 'complete:"list-2"');
    await detail.updateComplete;
    expect(shown(detail)).to.equal('complete:"detail-saved"');
    expect(loads.detail).to.equal(1, 'its own answer is the current one');
  });
});

describe('the data cache', () => {
  it('keeps the most recently stored keys of a client, up to its limit', () => {
    const { client } = fakeClient();
    const entry = (value: number) => ({ value, fetchedAt: 0, tags: [] });
    for (let n = 0; n < CACHE_LIMIT; n += 1) store(client, `k${n}`, entry(n));
    store(client, 'k0', entry(-1));
    store(client, 'one more', entry(CACHE_LIMIT));
    expect(cached(client, 'k1'), 'the least recently stored went').to.equal(undefined);
    expect(cached(client, 'k0')?.value, 'stored again, so kept').to.equal(-1);
    expect(cached(client, 'one more')?.value).to.equal(CACHE_LIMIT);
    expect(cached(fakeClient().client, 'k0'), 'another client has its own').to.equal(undefined);
  });
});

describe('DataController pages', () => {
  it('appends pages until the last, and a revalidation reloads as many pages as are shown', async () => {
    const { client } = fakeClient();
    const calls: (string | undefined)[] = [];
    const el = await mountWith<Page>({ client: () => client, key: () => 'numbers', tags: () => ['numbers'], pages: cursorPages<Page>(), load: pagedLoad(calls) });
    const data = el.data as DataController<Page>;
    await waitUntil(() => data.status === 'complete');
    expect(data.value!.data).to.deep.equal([0, 1, 2]);
    expect(data.hasMore).to.equal(true);
    await data.loadMore();
    await data.loadMore();
    expect(data.value!.data).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(calls).to.deep.equal([undefined, '3', '6']);

    calls.length = 0;
    invalidate(client, ['numbers']);
    await waitUntil(() => calls.length === 3 && !data.refreshing, 'three pages reloaded');
    expect(calls).to.deep.equal([undefined, '3', '6'], 'in order, following the cursors');
    expect(data.value!.data).to.have.length(9, 'the list does not shrink under the user');

    await data.loadMore();
    expect(data.value!.data).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(data.hasMore).to.equal(false);
    await data.loadMore();
    expect(calls.at(-1)).to.equal('9', 'nothing after the last page');
  });

  it('keeps the pages shown when the next one fails, and loads it on a second try', async () => {
    const { client } = fakeClient();
    const calls: (string | undefined)[] = [];
    let failing = false;
    const el = await mountWith<Page>({ client: () => client, key: () => 'numbers', pages: cursorPages<Page>(), load: pagedLoad(calls, () => failing) });
    const data = el.data as DataController<Page>;
    await waitUntil(() => data.status === 'complete');
    failing = true;
    const failed = oneEvent(el, 'pk-load-error');
    await data.loadMore();
    expect(data.moreStatus).to.equal('error');
    expect(data.status).to.equal('complete');
    expect(data.value!.data).to.deep.equal([0, 1, 2]);
    expect((await failed).detail.kind).to.equal('server');
    failing = false;
    await data.loadMore();
    expect(data.moreStatus).to.equal('idle');
    expect(data.error).to.equal(undefined);
    expect(data.value!.data).to.deep.equal([0, 1, 2, 3, 4, 5]);
  });
});

describe('DataController stale answers', () => {
  it('aborts the load a newer one replaces: its late answer is neither shown nor cached', async () => {
    const { client } = fakeClient();
    let key = 'a';
    const pending: { key: string; signal: AbortSignal; answer: (value: string) => void }[] = [];
    const options: DataOptions<string> = {
      client: () => client,
      key: () => key,
      load: (_client, signal) => new Promise((resolve) => pending.push({ key, signal, answer: resolve })),
    };
    const el = await mountWith(options);
    await waitUntil(() => pending.length === 1);
    key = 'b';
    el.requestUpdate();
    await waitUntil(() => pending.length === 2);
    expect(pending[0]!.signal.aborted, 'the replaced load is aborted').to.equal(true);
    pending[1]!.answer('b-answer');
    await waitUntil(() => shown(el) === 'complete:"b-answer"');
    pending[0]!.answer('a-late');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shown(el)).to.equal('complete:"b-answer"', 'the late answer never lands');

    key = 'a';
    el.requestUpdate();
    await waitUntil(() => pending.length === 3, 'nothing cached for a: it loads');
    expect(shown(el)).to.equal('loading:null');
  });

  it('aborts a revalidation when an invalidation starts a newer one', async () => {
    const { client } = fakeClient();
    const signals: AbortSignal[] = [];
    let n = 0;
    const el = await mountWith<string>({ client: () => client, key: () => 'k', tags: () => ['t'], load: (_client, signal) => (signals.push(signal), Promise.resolve(`k-${(n += 1)}`)) });
    await waitUntil(() => shown(el) === 'complete:"k-1"');
    invalidate(client, ['t']);
    invalidate(client, ['t']);
    expect(signals[1]!.aborted).to.equal(true);
    expect(signals[2]!.aborted).to.equal(false);
    await waitUntil(() => shown(el) === 'complete:"k-3"');
  });
});

describe('DataController events', () => {
  it('fires pk-loaded from its host once the data is rendered, saying whether it was empty', async () => {
    const { client } = fakeClient();
    let answer: (page: Page) => void = () => {};
    const host = document.createElement('div');
    const loaded = oneEvent(host, 'pk-loaded');
    OptionsProbe.next = { client: () => client, key: () => 'empty-list', load: () => new Promise<Page>((resolve) => (answer = resolve)) } as DataOptions<unknown>;
    const el = document.createElement('options-probe') as OptionsProbe;
    host.append(el);
    await fixture(html`${host}`);
    expect(shown(el)).to.equal('loading:null');
    answer({ data: [], nextCursor: null });
    const event = await loaded;
    expect(event).to.be.instanceOf(PkLoadedEvent);
    expect(event.detail).to.deep.equal({ key: 'empty-list', empty: true });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(shown(el), 'on screen when the event fires').to.equal('complete:{"data":[],"nextCursor":null}');
  });

  for (const [error, kind] of [
    [new PartnerkitError({ kind: 'network', code: 'network', title: 'offline' }), 'connection'],
    [new PartnerkitError({ kind: 'http', status: 401, code: 'unauthorized', title: 'Unauthorized' }), 'authentication'],
    [new PartnerkitError({ kind: 'http', status: 404, code: 'not_found', title: 'Not found' }), 'not_found'],
  ] as const) {
    it(`fires pk-load-error with the kind ${kind}`, async () => {
      const { client } = fakeClient();
      const host = document.createElement('div');
      const failed = oneEvent(host, 'pk-load-error');
      OptionsProbe.next = { client: () => client, key: () => `failing-${kind}`, load: () => Promise.reject(error) };
      host.append(document.createElement('options-probe'));
      await fixture(html`${host}`);
      const event = await failed;
      expect(event).to.be.instanceOf(PkLoadErrorEvent);
      expect(event.detail.kind).to.equal(kind);
      expect(event.detail.key).to.equal(`failing-${kind}`);
      expect(event.detail.status).to.equal(error.status);
      expect(event.detail.error).to.equal(error);
    });
  }
});

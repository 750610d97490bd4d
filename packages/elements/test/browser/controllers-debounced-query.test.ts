import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { DebouncedQueryController } from '../../src/core/controllers/debounced-query-controller.ts';

interface Request {
  input: string;
  signal: AbortSignal;
  answer: (value: string) => void;
  fail: (error: unknown) => void;
}

/** A search box: asks about `text` once typing pauses, shows the answer and the status. */
class QueryProbe extends LitElement {
  text = '';
  requests: Request[] = [];
  query = new DebouncedQueryController<string, string>(this, {
    delay: 50,
    input: () => (this.text.length >= 2 ? this.text : undefined),
    query: (input, signal) => new Promise((resolve, reject) => this.requests.push({ input, signal, answer: resolve, fail: reject })),
  });
  protected override render() {
    return litHtml`<p>${this.query.status}:${this.query.value ?? ''}</p>`;
  }
}
customElements.define('query-probe', QueryProbe);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (el: QueryProbe) => el.shadowRoot!.querySelector('p')!.textContent;

async function type(el: QueryProbe, value: string) {
  el.text = value;
  el.query.schedule();
  await el.updateComplete;
}

describe('DebouncedQueryController', () => {
  it('asks once per burst of changes, after the quiet time, with the latest input', async () => {
    const el = await fixture<QueryProbe>(html`<query-probe></query-probe>`);
    for (const value of ['N', 'No', 'Nor', 'Nord']) await type(el, value);
    expect(text(el)).to.equal('pending:');
    expect(el.requests, 'nothing asked while typing').to.have.length(0);
    await waitUntil(() => el.requests.length === 1, 'asked after the pause');
    expect(el.requests[0]!.input).to.equal('Nord');
    await el.updateComplete;
    expect(text(el)).to.equal('loading:');
    el.requests[0]!.answer('Nordwind GmbH');
    await waitUntil(() => text(el) === 'complete:Nordwind GmbH');
    await sleep(80);
    expect(el.requests, 'one request for the burst').to.have.length(1);
  });

  it('a new question aborts the one under way, whose late answer is never shown', async () => {
    const el = await fixture<QueryProbe>(html`<query-probe></query-probe>`);
    await type(el, 'Nord');
    await waitUntil(() => el.requests.length === 1);
    await type(el, 'Nordwind');
    await waitUntil(() => el.requests.length === 2);
    const [first, second] = el.requests as [Request, Request];
    expect(first.signal.aborted, 'the older request is aborted').to.equal(true);
    expect(second.signal.aborted).to.equal(false);
    first.answer('stale');
    await sleep(20);
    expect(text(el)).to.equal('loading:');
    second.answer('fresh');
    await waitUntil(() => text(el) === 'complete:fresh');
  });

  it('an input too short to ask about clears the answer and aborts the request under way', async () => {
    const el = await fixture<QueryProbe>(html`<query-probe></query-probe>`);
    await type(el, 'Nord');
    await waitUntil(() => el.requests.length === 1);
    el.requests[0]!.answer('Nordwind GmbH');
    await waitUntil(() => text(el) === 'complete:Nordwind GmbH');
    await type(el, 'Nordw');
    await waitUntil(() => el.requests.length === 2);
    await type(el, 'N');
    await waitUntil(() => text(el) === 'idle:', 'cleared');
    expect(el.requests[1]!.signal.aborted).to.equal(true);
    expect(el.requests).to.have.length(2);
  });

  it('a failed check keeps the last answer and reports the error', async () => {
    const el = await fixture<QueryProbe>(html`<query-probe></query-probe>`);
    await type(el, 'Nord');
    await waitUntil(() => el.requests.length === 1);
    el.requests[0]!.answer('Nordwind GmbH');
    await type(el, 'Nordwind');
    await waitUntil(() => el.requests.length === 2);
    el.requests[1]!.fail(new Error('down'));
    await waitUntil(() => text(el) === 'error:Nordwind GmbH');
    expect((el.query.error as Error).message).to.equal('down');
  });

  it('disconnecting stops the timer and aborts the request', async () => {
    const el = await fixture<QueryProbe>(html`<query-probe></query-probe>`);
    await type(el, 'Nord');
    await waitUntil(() => el.requests.length === 1);
    await type(el, 'Nordwind');
    el.remove();
    await sleep(80);
    expect(el.requests, 'the scheduled question is not asked').to.have.length(1);
    expect(el.requests[0]!.signal.aborted).to.equal(true);
  });
});

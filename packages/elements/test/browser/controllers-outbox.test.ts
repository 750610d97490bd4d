import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { PartnerkitError } from '@partnerkit/api';
import { OutboxController, type OutboxAttempt, type OutboxEntry, type OutboxOutcome } from '../../src/core/controllers/outbox-controller.ts';

type Entry = OutboxEntry<{ name: string }>;
type Settled = Exclude<OutboxOutcome<string>, { kind: 'skipped' }>;

const KEY = 'test:outbox:user-1';
const offline = () => new PartnerkitError({ kind: 'network', code: 'network', title: 'offline' });
const unavailable = () => new PartnerkitError({ kind: 'http', status: 503, code: 'unavailable', title: 'Service unavailable' });
const forbidden = () => new PartnerkitError({ kind: 'http', status: 403, code: 'forbidden', title: 'Forbidden' });

interface Attempt {
  key: string;
  retry: boolean;
  settle: (result: string | Error) => void;
}

/** A form whose submissions go through an outbox; each attempt waits for the test to settle it. */
class OutboxProbe extends LitElement {
  slotKey = KEY;
  attempts: Attempt[] = [];
  settled: Settled[] = [];
  elsewhere: { slot: string; outcome: Settled }[] = [];
  outbox = new OutboxController<Entry, string>(this, {
    key: () => this.slotKey,
    send: (entry: Entry, attempt: OutboxAttempt<Entry>) =>
      new Promise<string>((resolve, reject) => this.attempts.push({ key: entry.key, retry: attempt.retry, settle: (result) => (typeof result === 'string' ? resolve(result) : reject(result)) })),
    onSettled: (outcome) => {
      this.settled.push(outcome);
    },
    onSettledElsewhere: (slot, outcome) => {
      this.elsewhere.push({ slot, outcome });
    },
  });
  protected override render() {
    return litHtml`<p>${this.outbox.status}</p>`;
  }
}
customElements.define('outbox-probe', OutboxProbe);

const status = (el: OutboxProbe) => el.shadowRoot!.querySelector('p')!.textContent;
const stored = (key = KEY) => JSON.parse(localStorage.getItem(key) ?? 'null') as Entry | null;

describe('OutboxController', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('keeps a submission that fails offline and sends it again with the same key when the browser is back online', async () => {
    const el = await fixture<OutboxProbe>(html`<outbox-probe></outbox-probe>`);
    const done = el.outbox.submit({ payload: { name: 'Nordwind' } });
    await el.updateComplete;
    expect(status(el)).to.equal('sending');
    expect(stored()!.payload, 'stored before it leaves').to.deep.equal({ name: 'Nordwind' });
    el.attempts[0]!.settle(offline());
    expect((await done).kind).to.equal('waiting');
    await el.updateComplete;
    expect(status(el)).to.equal('waiting');
    expect(stored()!.key).to.equal(el.attempts[0]!.key);

    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online')); // A second signal while sending starts nothing more.
    await waitUntil(() => el.attempts.length === 2, 'sent again');
    expect(el.attempts, 'one attempt per signal while sending').to.have.length(2);
    expect(el.attempts[1]!.key, 'the same Idempotency-Key').to.equal(el.attempts[0]!.key);
    expect(el.attempts[1]!.retry).to.equal(true);
    el.attempts[1]!.settle('DR-1');
    await waitUntil(() => status(el) === 'idle');
    expect(el.settled.map((outcome) => outcome.kind)).to.deep.equal(['waiting', 'sent']);
    expect(stored(), 'done with').to.equal(null);
  });

  it('retry() sends again; a 5xx waits like an outage, a refusal ends the submission', async () => {
    const el = await fixture<OutboxProbe>(html`<outbox-probe></outbox-probe>`);
    const first = el.outbox.submit({ payload: { name: 'Nordwind' } });
    el.attempts[0]!.settle(unavailable());
    expect((await first).kind).to.equal('waiting');
    const second = el.outbox.retry();
    el.attempts[1]!.settle(forbidden());
    const outcome = await second;
    expect(outcome.kind).to.equal('refused');
    expect(el.attempts[1]!.key).to.equal(el.attempts[0]!.key);
    expect(stored()).to.equal(null);
    expect(el.outbox.status).to.equal('idle');
  });

  it('resume() after a reload sends the stored submission with its key', async () => {
    const first = await fixture<OutboxProbe>(html`<outbox-probe></outbox-probe>`);
    const waiting = first.outbox.submit({ payload: { name: 'Nordwind' } });
    first.attempts[0]!.settle(offline());
    await waiting;
    const key = first.attempts[0]!.key;
    first.remove();

    const el = await fixture<OutboxProbe>(html`<outbox-probe></outbox-probe>`);
    expect(el.outbox.entry!.key).to.equal(key);
    const resumed = el.outbox.resume()!;
    await el.updateComplete;
    expect(status(el)).to.equal('sending');
    expect(el.attempts.map((attempt) => [attempt.key, attempt.retry])).to.deep.equal([[key, true]]);
    el.attempts[0]!.settle('DR-1');
    expect(await resumed).to.deep.equal({ kind: 'sent', result: 'DR-1' });
    expect(stored()).to.equal(null);
    expect(el.outbox.resume(), 'nothing left to resume').to.equal(undefined);
  });

  it('an attempt that ends after the host moved to another slot settles its own slot, not the host', async () => {
    const el = await fixture<OutboxProbe>(html`<outbox-probe></outbox-probe>`);
    void el.outbox.submit({ payload: { name: 'First deal' } });
    el.outbox.reset();
    el.slotKey = 'test:outbox:user-1:deal-2';
    el.attempts[0]!.settle('DR-1');
    await waitUntil(() => el.elsewhere.length === 1);
    expect(el.elsewhere[0]!.slot).to.equal(KEY);
    expect(el.elsewhere[0]!.outcome.kind).to.equal('sent');
    expect(el.settled, 'the host is not told').to.have.length(0);
    expect(stored(KEY)).to.equal(null);
    expect(el.outbox.status).to.equal('idle');
  });
});

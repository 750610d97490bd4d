import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listen } from '../src/listen.ts';

test('closing lets a request in flight finish and refuses new connections', async () => {
  let started: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => (started = resolve));
  // The handler answers only once the server has been told to close.
  let finish: () => void = () => {};
  const finishing = new Promise<void>((resolve) => (finish = resolve));
  const server = await listen(
    async () => {
      started();
      await finishing;
      return new Response('finished');
    },
    { port: 0, hostname: '127.0.0.1' },
  );
  const url = `http://127.0.0.1:${server.port}/`;
  const answer = fetch(url).then((response) => response.text());
  await inFlight;
  const closed = server.close();
  finish();
  assert.equal(await answer, 'finished');
  await closed;
  await assert.rejects(fetch(url), 'no new connections after close');
});

test('closing cuts connections still busy after the grace period', async () => {
  let started: () => void = () => {};
  const inFlight = new Promise<void>((resolve) => (started = resolve));
  const server = await listen(
    () => {
      started();
      return new Promise<Response>(() => {});
    },
    { port: 0, hostname: '127.0.0.1' },
  );
  const answer = fetch(`http://127.0.0.1:${server.port}/`);
  await inFlight;
  await server.close({ graceMs: 100 });
  await assert.rejects(answer);
});

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { createApp, type AppOptions } from '../src/app.ts';
import { defineFeature } from '../src/feature-module.ts';
import { features } from '../src/features.ts';
import { startSweeps } from '../src/sweeps.ts';
import type { AppEnv } from '../src/http/env.ts';
import { SECRET, SEED_NOW, bearer, partnerUserOf, startTestServer, type TestServer } from './helpers.ts';

describe('feature modules', () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startTestServer();
    token = await server.tokenFor(partnerUserOf(server.seed, 'gold', 'EUR'));
  });
  after(() => server.close());

  /** A feature answering one operation of the contract with the settings it was given. */
  function probeFeature(seen: object[]) {
    return defineFeature({
      name: 'probe',
      defaultSettings: { threshold: 1, label: 'default' },
      routes: (settings) => {
        seen.push(settings);
        return new Hono<AppEnv>().get('/deals/conflicts', (c) => c.json({ conflicts: [] }));
      },
    });
  }

  test('the registry serves deals by default', async () => {
    assert.deepEqual(features.map((feature) => feature.name), ['deals']);
    const answer = await server.app.request('/deals?limit=1', bearer(token));
    assert.equal(answer.status, 200);
  });

  test('createApp mounts the modules it is given, each with its defaults overridden by the options under its name', async () => {
    const seen: object[] = [];
    const options = { db: server.db, secrets: [SECRET], clock: () => SEED_NOW, logger: () => {}, responseValidation: 'off', modules: [probeFeature(seen)], probe: { label: 'vendor' } };
    const app = createApp(options as AppOptions);
    assert.deepEqual(seen, [{ threshold: 1, label: 'vendor' }]);
    assert.equal((await app.request('/deals/conflicts?company=Acme', bearer(token))).status, 200);
    // Deals is not among the modules: the contract declares its other operations, nobody serves them
    // (unchecked here: the contract declares no 404 for them, so the response check would make it a 500).
    const list = await app.request('/deals?limit=1', bearer(token));
    assert.equal(list.status, 404);
    assert.equal(((await list.json()) as { code: string }).code, 'not_found');
  });

  test('startSweeps runs every sweep on its interval, names a failing one, and stops', async () => {
    const runs: string[] = [];
    const failures: string[] = [];
    const module = defineFeature({
      name: 'timed',
      defaultSettings: {},
      routes: () => new Hono<AppEnv>(),
      sweeps: [
        { name: 'tick', intervalMs: 5, run: async () => runs.push('tick') },
        { name: 'broken', intervalMs: 5, run: () => Promise.reject(new Error('down')) },
      ],
    });
    let ranTwice = () => {};
    const twice = new Promise<void>((resolve) => (ranTwice = resolve));
    const stop = startSweeps([module], server.db, () => SEED_NOW, (sweep) => {
      failures.push(sweep);
      if (failures.length >= 2 && runs.length >= 2) ranTwice();
    });
    // Each sweep has run (and the broken one failed) at least twice: on its interval, not once.
    await twice;
    stop();
    const counted = runs.length;
    assert.ok(counted >= 2, `ran ${counted} times`);
    assert.ok(failures.length >= 2 && failures.every((name) => name === 'timed.broken'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(runs.length, counted, 'no run after stop');
  });
});

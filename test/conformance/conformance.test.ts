// Runs the conformance suite. Against a vendor's backend:
//   PARTNERKIT_BASE_URL=https://partners.example.com/api PARTNERKIT_SECRET_KEY=… pnpm conformance
// Without PARTNERKIT_BASE_URL it runs against a freshly started reference server.
import { after, before, describe, test } from 'node:test';
import { checks } from './checks.ts';
import { connect, type Context } from './suite.ts';
import { startReferenceTarget } from './reference-target.ts';

describe('Partnerkit contract conformance', () => {
  let context: Context;
  let close = async () => {};
  before(async () => {
    const baseUrl = process.env.PARTNERKIT_BASE_URL;
    if (baseUrl) {
      const secretKey = process.env.PARTNERKIT_SECRET_KEY;
      if (!secretKey) throw new Error('PARTNERKIT_SECRET_KEY is required with PARTNERKIT_BASE_URL');
      context = await connect({ baseUrl, secretKey });
    } else {
      const target = await startReferenceTarget();
      close = target.close;
      context = await connect(target);
    }
  });
  after(() => close());

  for (const check of checks) test(check.name, () => check.run(context));
});

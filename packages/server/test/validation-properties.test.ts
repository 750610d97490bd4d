import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { bearer, startTestServer, type TestServer, SUBMISSION_FIELDS } from './helpers.ts';

interface Deal {
  id: string;
  customerCompany: string;
  opportunityName: string;
  amount: { amount: string; currency: string };
  expectedCloseDate: string;
}

/** A decimal string as an integer count of ten-thousandths, to compare amounts however they are written. */
const tenThousandths = (amount: string) => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(`${whole}${fraction.padEnd(4, '0')}`);
};

/** Any code point except U+0000, which PostgreSQL cannot store (refused with 400, see validation.test.ts). */
const text = fc.string({ unit: 'binary', minLength: 2, maxLength: 200 }).filter((s) => !s.includes('\u0000'));

const validDeal = fc.record({
  customerCompany: text,
  opportunityName: text,
  amount: fc.record({
    amount: fc.stringMatching(/^\d{1,15}(\.\d{1,4})?$/),
    currency: fc.stringMatching(/^[A-Z]{3}$/),
  }),
  expectedCloseDate: fc
    .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
}).map((deal) => ({ ...deal, ...SUBMISSION_FIELDS }));

/** Strings that include what databases and parsers trip over: NUL, lone surrogates, astral characters, quotes. */
const awkwardString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\u0000', '\ud800', '\udfff', '😀', "'", '"', '\\', '<', '%', '\u2028'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});

/** Calendar dates from year 0000 on (PostgreSQL has no year 0; fast-check favours the bounds). */
const anyDate = fc
  .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** A valid deal with one part made awkward: a text field, the date, or an extra field. */
const nearlyValid = fc.oneof(
  fc.tuple(validDeal, fc.constantFrom('customerCompany', 'opportunityName'), awkwardString).map(([deal, field, value]) => ({ ...deal, [field]: value })),
  fc.tuple(validDeal, awkwardString).map(([deal, currency]) => ({ ...deal, amount: { ...deal.amount, currency } })),
  fc.tuple(validDeal, anyDate).map(([deal, expectedCloseDate]) => ({ ...deal, expectedCloseDate })),
  fc.tuple(validDeal, awkwardString, fc.jsonValue({ maxDepth: 1 })).map(([deal, key, value]) => ({ ...deal, [`extra ${key}`]: value })),
);

/** Arbitrary JSON, objects shaped roughly like a deal, and nearly valid deals. */
const anyBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record(
    {
      customerCompany: fc.oneof(fc.jsonValue({ maxDepth: 2 }), awkwardString),
      opportunityName: fc.oneof(fc.jsonValue({ maxDepth: 2 }), awkwardString),
      amount: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ amount: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.stringMatching(/^-?\d{1,16}(\.\d{1,5})?$/)), currency: awkwardString })),
      expectedCloseDate: fc.oneof(fc.jsonValue({ maxDepth: 1 }), anyDate),
    },
    { requiredKeys: [] },
  ),
  nearlyValid,
  validDeal,
);

describe('request validation properties (POST /deals)', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    token = await server.tokenFor(server.seed.users.find((u) => u.role === 'partner_user')!);
  });
  after(() => server.close());

  const post = (body: unknown) =>
    server.app.request('/deals', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });

  test('any JSON body answers 201 or 400 problem+json with field errors, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const response = await post(body);
        assert.ok(response.status === 201 || response.status === 400, `status ${response.status}`);
        if (response.status === 400) {
          assert.equal(response.headers.get('content-type'), 'application/problem+json');
          const problem = (await response.json()) as { code: string; errors: { field: string }[] };
          assert.equal(problem.code, 'validation_failed');
          assert.ok(problem.errors.length > 0 && problem.errors.every((e) => e.field.startsWith('/body')));
        } else {
          await response.body?.cancel();
        }
      }),
      { numRuns: 100 },
    );
  });

  test('valid bodies answer 201 and read back verbatim', async () => {
    await fc.assert(
      fc.asyncProperty(validDeal, async (body) => {
        const response = await post(body);
        assert.equal(response.status, 201);
        const created = (await response.json()) as Deal;
        const read = await server.app.request(`/deals/${created.id}`, bearer(token));
        assert.equal(read.status, 200);
        const deal = (await read.json()) as Deal;
        assert.deepEqual(deal, created);
        assert.equal(deal.customerCompany, body.customerCompany);
        assert.equal(deal.opportunityName, body.opportunityName);
        assert.equal(deal.amount.currency, body.amount.currency);
        assert.equal(tenThousandths(deal.amount.amount), tenThousandths(body.amount.amount));
        assert.equal(deal.expectedCloseDate, body.expectedCloseDate);
      }),
      { numRuns: 60 },
    );
  });
});

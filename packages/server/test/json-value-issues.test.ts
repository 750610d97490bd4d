import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ContractValidator, readOpenApiDocument, type ContractIssue } from '@partnerkit/api/contract';
import { jsonValueIssues } from '../src/http/json-value-issues.ts';
import { bearer, startTestServer, type TestServer } from './helpers.ts';

/** A `toJSON` the serializer honours and a schema check would not see. */
class Stamp {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toJSON(): string {
    return this.text;
  }
}

// Response validation checks the value a route handed to `c.json` instead of re-reading the JSON
// it wrote; these properties hold it to the wire's verdict whatever the value holds.
describe('checking a JSON answer on its value', () => {
  let server: TestServer;
  let page: { data: Record<string, unknown>[] };
  let check: (body: unknown) => ContractIssue[];

  before(async () => {
    server = await startTestServer();
    const user = server.seed.users.find((candidate) => candidate.role === 'partner_admin')!;
    const response = await server.app.request('/deals?limit=3', bearer(await server.tokenFor(user)));
    assert.equal(response.status, 200);
    page = (await response.json()) as typeof page;
    const operation = new ContractValidator(readOpenApiDocument()).match('GET', '/deals')!.operation;
    check = (body) => operation.checkResponse(200, new Headers({ 'content-type': 'application/json' }), body);
  });
  after(() => server.close());

  const wire = (value: unknown) => check(JSON.parse(JSON.stringify(value)) as unknown);

  test('a conforming page passes either way', () => {
    assert.deepEqual(jsonValueIssues(page, check), []);
    assert.deepEqual(wire(page), []);
  });

  test('whatever is put anywhere in the page, the verdict is the wire\'s', () => {
    const replacement = fc.oneof(
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.constant(Number.POSITIVE_INFINITY),
      fc.date({ noInvalidDate: true }),
      fc.string().map((text) => new Stamp(text)),
      fc.constant(new Stamp('2026-01-01T00:00:00.000Z')),
      fc.constant(new Map([['a', 1]])),
      fc.constant(null),
      fc.integer(),
      fc.string(),
      fc.constant({}),
    );
    fc.assert(
      fc.property(fc.nat({ max: 2 }), fc.nat(1000), replacement, (index, pick, value) => {
        const copy = structuredClone(page);
        const deal = copy.data[index % copy.data.length]!;
        const keys = [...Object.keys(deal), 'notInTheContract'];
        deal[keys[pick % keys.length]!] = value;
        assert.deepEqual(jsonValueIssues(copy, check), wire(copy));
      }),
      { numRuns: 300 },
    );
  });

  test('a Date where the contract wants a date-time string passes, as it does on the wire', () => {
    const copy = structuredClone(page);
    copy.data[0]!.createdAt = new Date('2026-05-01T10:00:00Z');
    assert.deepEqual(jsonValueIssues(copy, check), []);
  });

  test('NaN where a number belongs is null on the wire, and reported as such', () => {
    const copy = structuredClone(page);
    copy.data[0]!.probability = Number.NaN;
    copy.data[0]!.stage = undefined; // absent on the wire: a required field is missing
    const issues = jsonValueIssues(copy, check);
    assert.deepEqual(issues, wire(copy));
    assert.ok(issues.length > 0);
  });
});

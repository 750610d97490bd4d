import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { SECRET, bearer, startTestServer, type TestServer, SUBMISSION_FIELDS } from './helpers.ts';

interface FieldError {
  field: string;
  code: string;
  message: string;
}

interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  errors?: FieldError[];
}

type Messages = Record<'title' | 'detail' | 'field', Record<string, string>>;

const LOCALES = new URL('../locales/', import.meta.url);
const catalogue = (language: string): Messages => JSON.parse(readFileSync(new URL(`${language}.json`, LOCALES), 'utf8')) as Messages;
const fill = (template: string, params: Record<string, string | number> = {}) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name]));

const validDeal = () => ({
  customerCompany: 'Acme Robotics GmbH',
  opportunityName: 'Factory rollout',
  amount: { amount: '125000.00', currency: 'EUR' },
  expectedCloseDate: '2026-09-30',
  ...SUBMISSION_FIELDS,
});

async function readProblem(response: Response, status: number): Promise<Problem> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const problem = (await response.json()) as Problem;
  assert.equal(problem.status, status);
  assert.equal(problem.instance, response.headers.get('x-request-id'));
  return problem;
}

const fieldsAndCodes = (problem: Problem) => (problem.errors ?? []).map((e) => `${e.field} ${e.code}`).sort();

describe('bad input', () => {
  let server: TestServer;
  let token: string;
  before(async () => {
    server = await startTestServer();
    token = await server.tokenFor(server.seed.users.find((u) => u.role === 'partner_user')!);
  });
  after(() => server.close());

  /** POST /deals with a raw body (strings are sent as they are) and a fresh Idempotency-Key. */
  const postDeal = (body: unknown, headers: Record<string, string> = {}) =>
    server.app.request('/deals', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  test('malformed JSON answers 400 with the field /body and code json', async () => {
    for (const body of ['{"customerCompany":', '{customerCompany: "x"}', "{'a': 1}", '{"a": 1,}', 'undefined']) {
      const problem = await readProblem(await postDeal(body), 400);
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(problem.errors, [{ field: '/body', code: 'json', message: 'Must be valid JSON.' }], body);
    }
  });

  test('an empty body and a body that is not an object are refused at /body', async () => {
    assert.deepEqual(fieldsAndCodes(await readProblem(await postDeal(''), 400)), ['/body required']);
    for (const body of [[], 'a string', 42, null, true]) {
      assert.deepEqual(fieldsAndCodes(await readProblem(await postDeal(JSON.stringify(body)), 400)), ['/body type'], JSON.stringify(body));
    }
  });

  test('wrong types, missing and unknown fields give one field error each, as JSON pointers', async () => {
    const response = await postDeal({
      customerCompany: 42,
      amount: { amount: 12.5, currency: 'eur', rate: 1 },
      expectedCloseDate: '2026-02-30',
      ...SUBMISSION_FIELDS,
      color: 'red',
    });
    const problem = await readProblem(response, 400);
    assert.equal(problem.code, 'validation_failed');
    assert.equal(problem.type, 'https://partnerkit.dev/problems/validation_failed');
    assert.deepEqual(fieldsAndCodes(problem), [
      '/body/amount/amount type',
      '/body/amount/currency pattern',
      '/body/amount/rate additional_property',
      '/body/color additional_property',
      '/body/customerCompany type',
      '/body/expectedCloseDate format',
      '/body/opportunityName required',
    ]);
    const messages = new Map(problem.errors!.map((e) => [e.field, e.message]));
    assert.equal(messages.get('/body/opportunityName'), 'This field is required.');
    assert.equal(messages.get('/body/color'), 'This field is not allowed here.');
    assert.equal(messages.get('/body/customerCompany'), 'Must be of type string.');
  });

  test('lengths and amount formats are checked with their limits in the message', async () => {
    const problem = await readProblem(
      await postDeal({ ...validDeal(), customerCompany: 'A', opportunityName: 'x'.repeat(201), amount: { amount: '1.23456', currency: 'EUR' } }),
      400,
    );
    assert.deepEqual(problem.errors!.sort((a, b) => a.field.localeCompare(b.field)), [
      { field: '/body/amount/amount', code: 'pattern', message: 'Has the wrong format.' },
      { field: '/body/customerCompany', code: 'min_length', message: 'Must be at least 2 characters long.' },
      { field: '/body/opportunityName', code: 'max_length', message: 'Must be at most 200 characters long.' },
    ]);
  });

  test('a deal amount or unit price cannot be negative', async () => {
    const problem = await readProblem(await postDeal({ ...validDeal(), amount: { amount: '-5.00', currency: 'EUR' } }), 400);
    assert.deepEqual(problem.errors!.map((e) => `${e.field} ${e.code}`), ['/body/amount/amount pattern']);
  });

  test('text PostgreSQL cannot store and the year 0000 answer 400, not 500', async () => {
    const cases: [unknown, string][] = [
      [{ ...validDeal(), customerCompany: 'Nul\u0000byte' }, '/body/customerCompany invalid'],
      [{ ...validDeal(), opportunityName: 'Half \ud800 a pair' }, '/body/opportunityName invalid'],
      [{ ...validDeal(), expectedCloseDate: '0000-06-30', ...SUBMISSION_FIELDS }, '/body/expectedCloseDate format'],
    ];
    for (const [body, expected] of cases) {
      assert.deepEqual(fieldsAndCodes(await readProblem(await postDeal(body), 400)), [expected]);
    }
    // The same checks guard every JSON body, here the vendor's POST /sessions.
    const session = await server.app.request('/sessions', {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: 'nul-user', email: 'nul@example.com', name: 'Nul\u0000' }, role: 'channel_manager' }),
    });
    assert.deepEqual(fieldsAndCodes(await readProblem(session, 400)), ['/body/user/name invalid']);
  });

  test('a body over 1 MiB answers 413 problem+json', async () => {
    const problem = await readProblem(await postDeal({ ...validDeal(), customerCompany: 'x'.repeat(1024 * 1024) }), 413);
    assert.equal(problem.code, 'payload_too_large');
    assert.match(problem.detail, /1048576/);
  });

  test('a body that is not JSON answers 415; JSON with a charset is accepted', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const problem = await readProblem(await postDeal(validDeal(), { 'content-type': contentType }), 415);
      assert.equal(problem.code, 'unsupported_media_type');
      assert.match(problem.detail, /application\/json/);
    }
    assert.equal((await postDeal(validDeal(), { 'content-type': 'application/json; charset=utf-8' })).status, 201);
  });

  test('an unknown path answers 404 problem+json', async () => {
    for (const path of ['/nope', '/deals/extra/segment', '/admin', '/deals%00']) {
      const problem = await readProblem(await server.app.request(path, bearer(token)), 404);
      assert.equal(problem.code, 'not_found', path);
    }
  });

  test('a known path with another method answers 405 with Allow', async () => {
    for (const [method, path, allow] of [['DELETE', '/deals', 'GET, POST'], ['PUT', '/partner', 'GET, PATCH'], ['POST', '/me', 'GET'], ['DELETE', `/deals/${randomUUID()}`, 'GET, PATCH']] as const) {
      const response = await server.app.request(path, { method, ...bearer(token) });
      const problem = await readProblem(response, 405);
      assert.equal(problem.code, 'method_not_allowed');
      assert.equal(response.headers.get('allow'), allow, `${method} ${path}`);
      assert.equal(problem.detail, `This endpoint does not accept ${method}.`);
    }
  });

  test('parameters are checked: path ids, unknown query parameters, header formats', async () => {
    assert.deepEqual(fieldsAndCodes(await readProblem(await server.app.request('/deals/not-a-uuid', bearer(token)), 400)), ['/path/dealId format']);
    // Operations without parameters refuse unknown ones too (400, declared in the contract), never 500.
    for (const path of ['/me?debug=1', '/partner?fields=all', '/healthz?x=1', '/readyz?x=1']) {
      const problem = await readProblem(await server.app.request(path, bearer(token)), 400);
      assert.equal(problem.errors?.length, 1, path);
      assert.equal(problem.errors![0]!.code, 'additional_property', path);
    }
    const injected = await server.app.request(`/deals?status=${encodeURIComponent("approved' OR '1'='1")}`, bearer(token));
    assert.deepEqual(fieldsAndCodes(await readProblem(injected, 400)), ['/query/status/0 enum']);
    assert.deepEqual(fieldsAndCodes(await readProblem(await postDeal(validDeal(), { 'idempotency-key': "k'; DROP TABLE deals;--" }), 400)), ['/header/idempotency-key pattern']);
  });

  test('SQL and HTML in text fields are stored and returned verbatim', async () => {
    const payloads = [
      "'); DROP TABLE deals;--",
      "Robert'); DELETE FROM partners WHERE ('1'='1",
      '" OR 1=1; --',
      "'; SELECT pg_sleep(10); --",
      '$1 $$ \\x00 E\'\\\\\'',
      '<img src=x onerror=alert(1)>',
      '<script>alert("x")</script>',
      '{{7*7}} ${7*7} %s %n',
    ];
    const [before] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals');
    for (const payload of payloads) {
      const body = { ...validDeal(), customerCompany: payload, opportunityName: `Opportunity ${payload}` };
      const created = await postDeal(body);
      assert.equal(created.status, 201, payload);
      const { id } = (await created.json()) as { id: string };
      const read = await server.app.request(`/deals/${id}`, bearer(token));
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('content-type'), 'application/json');
      const deal = (await read.json()) as { customerCompany: string; opportunityName: string };
      assert.equal(deal.customerCompany, payload);
      assert.equal(deal.opportunityName, `Opportunity ${payload}`);
    }
    const [afterwards] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deals');
    assert.equal(afterwards!.n, before!.n + payloads.length, 'the deals table is still there, with every deal');
    const [partners] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM partners');
    assert.equal(partners!.n, server.seed.partners.length);
  });

  describe('translated problems', () => {
    const cases: [string, string][] = [
      ['de-AT', 'de'],
      ['hu', 'hu'],
      ['fr;q=0.9', 'fr'],
      ['es-MX, en;q=0.5', 'es'],
      ['en;q=0.1, de;q=0.8', 'de'],
      ['xx-YY, zz', 'en'],
      ['*', 'en'],
      ['', 'en'],
    ];
    for (const [header, language] of cases) {
      test(`Accept-Language "${header}" answers in ${language}`, async () => {
        const messages = catalogue(language);
        const response = await postDeal({ ...validDeal(), customerCompany: 'A', opportunityName: undefined }, { 'accept-language': header });
        const problem = await readProblem(response, 400);
        assert.equal(response.headers.get('content-language'), language);
        assert.equal(problem.title, messages.title.validation_failed);
        assert.equal(problem.detail, messages.detail.request_invalid);
        assert.deepEqual(
          problem.errors!.sort((a, b) => a.field.localeCompare(b.field)).map((e) => e.message),
          [fill(messages.field.min_length!, { limit: 2 }), messages.field.required],
        );
        if (language !== 'en') assert.notEqual(problem.detail, catalogue('en').detail.request_invalid, 'really translated');
        const notAllowed = await server.app.request('/deals', { method: 'DELETE', headers: { authorization: `Bearer ${token}`, 'accept-language': header } });
        assert.equal((await readProblem(notAllowed, 405)).detail, fill(messages.detail.method_not_allowed!, { method: 'DELETE' }));
      });
    }
  });

  test('every locale has exactly the keys of en.json and the same {{variables}} per message', () => {
    const en = catalogue('en');
    const files = readdirSync(LOCALES).filter((name) => name.endsWith('.json'));
    assert.deepEqual(files.sort(), ['de.json', 'en.json', 'es.json', 'fr.json', 'hu.json']);
    const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const file of files) {
      const other = catalogue(file.replace(/\.json$/, ''));
      assert.deepEqual(Object.keys(other).sort(), Object.keys(en).sort(), file);
      for (const section of Object.keys(en) as (keyof Messages)[]) {
        assert.deepEqual(Object.keys(other[section]).sort(), Object.keys(en[section]).sort(), `${file} ${section}`);
        for (const [key, text] of Object.entries(en[section])) {
          const translated = other[section][key]!;
          assert.equal(typeof translated, 'string', `${file} ${section}.${key}`);
          assert.ok(translated.trim().length > 0, `${file} ${section}.${key} is empty`);
          assert.deepEqual(variables(translated), variables(text), `${file} ${section}.${key}`);
        }
      }
    }
  });
});

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { components } from '@partnerkit/api';
import { SEED_NOW, call, createDeal, partnerUserOf, startTestServer, submission, type TestServer } from '../helpers.ts';

type Deal = components['schemas']['Deal'];
type Sort = 'created_desc' | 'created_asc' | 'close_asc' | 'close_desc' | 'amount_desc' | 'amount_asc';
type User = TestServer['seed']['users'][number];

const SORTS: readonly Sort[] = ['created_desc', 'created_asc', 'close_asc', 'close_desc', 'amount_desc', 'amount_asc'];

const CSV_HEADER = [
  'reference', 'status', 'customer_company', 'customer_domain', 'customer_country', 'contact_name', 'contact_email', 'opportunity', 'amount', 'currency',
  'expected_close_date', 'stage', 'deal_type', 'partner_role', 'created_at', 'submitted_at', 'expires_at',
];

/** A deal as the list filters and sorts see it. */
interface Row {
  id: string;
  partnerId: string;
  reference: string;
  status: string;
  company: string;
  opportunity: string | null;
  contact: string | null;
  amount: number | null;
  close: string | null;
  createdAt: string;
}

/** The filters of GET /deals, written out independently of the server's SQL. */
interface Filter {
  status?: string[];
  createdFrom?: string;
  createdTo?: string;
  closeFrom?: string;
  closeTo?: string;
  amountMin?: string;
  amountMax?: string;
  q?: string;
  partnerId?: string;
}

function matches(row: Row, filter: Filter): boolean {
  const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();
  if (filter.status && !filter.status.includes(row.status)) return false;
  if (filter.partnerId && row.partnerId !== filter.partnerId) return false;
  if (filter.createdFrom && row.createdAt < `${filter.createdFrom}T00:00:00.000Z`) return false;
  if (filter.createdTo && row.createdAt >= dayAfter(filter.createdTo)) return false;
  if (filter.closeFrom && (row.close === null || row.close < filter.closeFrom)) return false;
  if (filter.closeTo && (row.close === null || row.close > filter.closeTo)) return false;
  if (filter.amountMin && (row.amount === null || row.amount < Number(filter.amountMin))) return false;
  if (filter.amountMax && (row.amount === null || row.amount > Number(filter.amountMax))) return false;
  if (filter.q) {
    const text = `${row.company} ${row.opportunity ?? ''} ${row.reference} ${row.contact ?? ''}`.toLowerCase();
    if (!text.includes(filter.q.toLowerCase())) return false;
  }
  return true;
}

/** The order of each sort: its key (missing values last ascending), then the id, in the same direction. */
function compare(sort: Sort): (a: Row, b: Row) => number {
  const key = (row: Row): string | number =>
    sort.startsWith('created') ? row.createdAt : sort.startsWith('close') ? (row.close ?? '9999-12-31') : (row.amount ?? -1);
  const direction = sort.endsWith('desc') ? -1 : 1;
  return (a, b) => {
    const [ka, kb] = [key(a), key(b)];
    const byKey = ka < kb ? -1 : ka > kb ? 1 : 0;
    return direction * (byKey || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
}

function queryOf(filter: Filter, sort?: Sort): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  if (sort) params.set('sort', sort);
  return params.toString();
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"' && (quoted || field === '')) {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  assert.equal(field + record.join(''), '', 'the CSV ends with a complete record');
  return records;
}

/** The CSV cells of a deal: empty for null; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
function csvCells(deal: Deal): string[] {
  return [
    deal.reference, deal.status, deal.customerCompany, deal.customerDomain, deal.customerCountry, deal.contactName, deal.contactEmail, deal.opportunityName,
    deal.amount?.amount ?? null, deal.amount?.currency ?? null, deal.expectedCloseDate, deal.stage, deal.dealType, deal.partnerRole, deal.createdAt,
    deal.submittedAt, deal.expiresAt,
  ].map((value) => (value === null ? '' : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value));
}

describe('deal list filters, sorts and CSV export', () => {
  let server: TestServer;
  let userA: User;
  let userB: User;
  let manager: User;
  const tokens = { a: '', b: '', manager: '' };
  /** Every deal in the database, as the test expects to find it. */
  const rows: Row[] = [];
  /** The deals this test registers, by name. */
  const made = new Map<string, Deal>();

  before(async () => {
    server = await startTestServer();
    userA = partnerUserOf(server.seed, 'gold', 'EUR');
    userB = server.seed.users.find((u) => u.partnerId !== null && u.partnerId !== userA.partnerId && u.role === 'partner_admin')!;
    manager = server.seed.users.find((u) => u.role === 'channel_manager')!;
    [tokens.a, tokens.b, tokens.manager] = await Promise.all([server.tokenFor(userA), server.tokenFor(userB), server.tokenFor(manager)]);

    for (const d of server.seed.deals) {
      rows.push({
        id: d.id, partnerId: d.partnerId, reference: d.reference, status: d.status, company: d.customerCompany, opportunity: d.opportunityName,
        contact: d.contactName, amount: Number(d.amount), close: d.expectedCloseDate, createdAt: d.createdAt,
      });
    }
    const register = async (name: string, token: string, body: Record<string, unknown>) => {
      const { deal } = await createDeal<Deal>(server, token, body);
      made.set(name, deal);
      rows.push({
        id: deal.id, partnerId: deal.partnerId, reference: deal.reference, status: deal.status, company: deal.customerCompany, opportunity: deal.opportunityName,
        contact: deal.contactName, amount: deal.amount ? Number(deal.amount.amount) : null, close: deal.expectedCloseDate, createdAt: deal.createdAt,
      });
    };
    await register('percent', tokens.a, submission('Prozent Werke GmbH', { opportunityName: 'Rabatt 50% Paket', amount: { amount: '1234.50', currency: 'EUR' } }));
    await register('underscore', tokens.a, submission('Unterstrich Daten GmbH', { opportunityName: 'snake_case migration', expectedCloseDate: '2026-07-01' }));
    await register('formula', tokens.a, submission('=HYPERLINK("http://evil.example","click")', { opportunityName: '@SUM(A1:A9)' }));
    await register('plus', tokens.a, submission('+Plus Partner GmbH', { amount: { amount: '77777.00', currency: 'EUR' } }));
    await register('minus', tokens.a, submission('-Minus Handel GmbH', { contactName: '-Negativ Kontakt' }));
    await register('quotes', tokens.a, submission('Komma, "Quote" & Zeilen\numbruch GmbH', { contactName: 'Zoë Suchbar' }));
    await register('draft', tokens.a, { customerCompany: 'Nur Entwurf GmbH', submit: false });
    await register('other', tokens.b, submission('Fremd Prozent AG', { opportunityName: 'Rabatt 50% anderswo', amount: { amount: '1234.50', currency: 'EUR' } }));
  });
  after(() => server.close());

  const visibleTo = (user: User) => rows.filter((row) => user.role === 'channel_manager' || row.partnerId === user.partnerId);
  const tokenOf = (user: User) => (user === manager ? tokens.manager : user === userA ? tokens.a : tokens.b);

  /** Every page of GET /deals for the query. */
  async function listAll(user: User, query: string, limit = 200): Promise<Deal[]> {
    const seen: Deal[] = [];
    let cursor: string | null = null;
    do {
      const answer: { status: number; body: { data: Deal[]; nextCursor: string | null } } = await call(server, tokenOf(user), 'GET', `/deals?limit=${limit}&${query}${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(answer.status, 200, query);
      assert.ok(answer.body.data.length <= limit);
      seen.push(...answer.body.data);
      cursor = answer.body.nextCursor;
    } while (cursor);
    return seen;
  }

  function expected(user: User, filter: Filter, sort: Sort = 'created_desc'): string[] {
    return visibleTo(user).filter((row) => matches(row, filter)).sort(compare(sort)).map((row) => row.id);
  }

  async function exportCsv(user: User, query: string): Promise<{ response: Response; records: string[][]; text: string }> {
    const response = await server.app.request(`/deals/export?${query}`, { headers: { authorization: `Bearer ${tokenOf(user)}` } });
    assert.equal(response.status, 200, query);
    const text = await response.text();
    return { response, records: parseCsv(text), text };
  }

  test('each filter, alone and combined, lists exactly the matching deals', async () => {
    const filters: Filter[] = [
      {},
      { status: ['submitted'] },
      { status: ['submitted', 'info_requested'] },
      { status: ['draft', 'approved', 'won', 'expired'] },
      { createdFrom: '2026-03-01', createdTo: '2026-04-15' },
      { createdFrom: '2026-06-01' },
      { createdTo: '2025-09-30' },
      { closeFrom: '2026-07-01', closeTo: '2026-07-31' },
      { closeTo: '2026-01-01' },
      { amountMin: '20000', amountMax: '40000' },
      { amountMin: '1234.5', amountMax: '1234.50' },
      { amountMax: '5000.0001' },
      { q: 'rheinwerk' },
      { q: 'Cloud Migration' },
      { q: 'DR-2026-0001' },
      { q: 'MÜLLER' },
      { q: 'suchbar' },
      { q: 'zoë' },
      { q: '50%' },
      { q: '%' },
      { q: '_' },
      { q: 'snake_case' },
      { q: 's_a' },
      { q: '\\' },
      { status: ['approved'], amountMin: '10000', closeFrom: '2026-06-01', q: 'e' },
      { status: ['won', 'lost'], createdFrom: '2025-12-01', createdTo: '2026-02-28', amountMax: '60000' },
    ];
    for (const user of [userA, manager]) {
      for (const filter of filters) {
        const listed = (await listAll(user, queryOf(filter))).map((d) => d.id);
        assert.deepEqual(listed, expected(user, filter), `${user.role} ${JSON.stringify(filter)}`);
      }
    }
    // The filters that matter are not empty: the comparisons above could have failed.
    assert.ok(expected(userA, { status: ['submitted'] }).length > 3);
    assert.ok(expected(userA, { createdFrom: '2026-03-01', createdTo: '2026-04-15' }).length > 3);
    assert.ok(expected(userA, { amountMin: '20000', amountMax: '40000' }).length > 3);
    assert.ok(expected(userA, { q: 'MÜLLER' }).length > 0);
    assert.deepEqual(expected(userA, { q: '50%' }), [made.get('percent')!.id]);
    assert.deepEqual(expected(userA, { q: '_' }), [made.get('underscore')!.id]);
    assert.deepEqual(expected(manager, { q: '%' }).sort(), [made.get('percent')!.id, made.get('other')!.id].sort());
    assert.deepEqual(expected(userA, { createdFrom: '2026-06-01' }).length, 7, 'only the deals registered today');
  });

  test('search ignores the case of accented letters too', async () => {
    const [locale] = await server.db.query<{ folds: boolean }>("SELECT lower('ÁÉÖ') = 'áéö' AS folds");
    assert.ok(locale!.folds, 'the database needs a UTF-8 locale (lower() must know accented letters; see docs/server.md)');
    for (const q of ['Ádám', 'ádám', 'ÁDÁM TÓTH', 'álvaro']) {
      const wanted = expected(manager, { q });
      assert.ok(wanted.length > 0, `the seed has contacts matching ${q}`);
      assert.deepEqual((await listAll(manager, queryOf({ q }))).map((d) => d.id), wanted, q);
    }
  });

  test('a channel manager filters by partner; a partner session never sees another partner\'s deals', async () => {
    for (const partnerId of [userA.partnerId!, userB.partnerId!]) {
      const listed = await listAll(manager, queryOf({ partnerId, status: ['approved', 'submitted'] }));
      assert.deepEqual(listed.map((d) => d.id), expected(manager, { partnerId, status: ['approved', 'submitted'] }));
      assert.ok(listed.length > 0 && listed.every((d) => d.partnerId === partnerId));
    }
    assert.deepEqual(await listAll(userA, queryOf({ partnerId: userB.partnerId! })), [], 'another partner\'s id filters to nothing');
    const everything = await listAll(userA, '');
    assert.ok(everything.every((d) => d.partnerId === userA.partnerId));
    assert.equal(everything.length, visibleTo(userA).length);
  });

  test('every sort, paged with cursors, walks each matching deal exactly once in order', async () => {
    const filtered: Filter = { status: ['approved', 'submitted', 'draft', 'won'] };
    for (const sort of SORTS) {
      for (const [user, filter, limit] of [[manager, {}, 37], [userA, {}, 9], [manager, filtered, 50]] as const) {
        const walked = (await listAll(user, queryOf(filter, sort), limit)).map((d) => d.id);
        assert.equal(new Set(walked).size, walked.length, `${sort}: no deal twice`);
        assert.deepEqual(walked, expected(user, filter, sort), `${sort} ${user.role} ${JSON.stringify(filter)}`);
      }
    }
    // Ties are resolved by id: the deals registered here were all created at the same instant.
    const today = [...made.values()].filter((d) => d.partnerId === userA.partnerId).map((d) => d.id).sort();
    assert.equal(today.length, 7);
    assert.deepEqual((await listAll(userA, 'createdFrom=2026-06-01&sort=created_asc', 2)).map((d) => d.id), today);
    assert.deepEqual((await listAll(userA, 'createdFrom=2026-06-01&sort=created_desc', 3)).map((d) => d.id), [...today].reverse());
    // A draft without amount or close date sorts first by amount ascending (as -1), last by close date ascending.
    const draft = made.get('draft')!.id;
    assert.equal((await listAll(userA, 'sort=amount_asc', 200))[0]!.id, draft);
    assert.equal((await listAll(userA, 'sort=close_desc', 200))[0]!.id, draft);
    assert.equal((await listAll(userA, 'sort=close_asc', 200)).at(-1)!.id, draft);
  });

  test('a cursor made for one sort is refused by another', async () => {
    const first = await call<{ nextCursor: string }>(server, tokens.a, 'GET', '/deals?limit=5&sort=amount_desc');
    const other = await call<{ errors: { field: string }[] }>(server, tokens.a, 'GET', `/deals?limit=5&sort=close_asc&cursor=${first.body.nextCursor}`);
    assert.equal(other.status, 400);
    assert.deepEqual(other.body.errors.map((e) => e.field), ['/query/cursor']);
  });

  test('invalid filters answer 400 with the parameter named', async () => {
    for (const [query, field] of [
      ['amountMin=-1', '/query/amountMin'],
      ['amountMax=1e5', '/query/amountMax'],
      ['createdFrom=2026-13-01', '/query/createdFrom'],
      ['closeTo=tomorrow', '/query/closeTo'],
      ['partnerId=nope', '/query/partnerId'],
      ['status=closed', '/query/status/0'],
      ['expiringSoon=perhaps', '/query/expiringSoon'],
    ]) {
      for (const path of ['/deals', '/deals/export']) {
        const answer = await call<{ errors: { field: string }[] }>(server, tokens.a, 'GET', `${path}?${query}`);
        assert.equal(answer.status, 400, `${path}?${query}`);
        assert.deepEqual(answer.body.errors.map((e) => e.field), [field], `${path}?${query}`);
      }
    }
  });

  test('GET /deals/export answers text/csv: a header row and exactly the rows of the same filter and sort', async () => {
    const cases: [User, Filter, Sort][] = [
      [userA, { status: ['approved', 'submitted'], amountMin: '1000' }, 'amount_desc'],
      [userA, {}, 'created_desc'],
      [manager, { closeFrom: '2026-07-01', closeTo: '2026-12-31' }, 'close_asc'],
      [manager, { q: 'gmbh' }, 'created_asc'],
    ];
    for (const [user, filter, sort] of cases) {
      const query = queryOf(filter, sort);
      const { response, records, text } = await exportCsv(user, query);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.equal(response.headers.get('content-disposition'), `attachment; filename="deals-${SEED_NOW.toISOString().slice(0, 10)}.csv"`);
      assert.ok(text.endsWith('\r\n'));
      const [header, ...data] = records;
      assert.deepEqual(header, CSV_HEADER);
      const listed = await listAll(user, query);
      assert.ok(listed.length > 0, query);
      assert.deepEqual(data, listed.map(csvCells), `${user.role} ${query}`);
    }
  });

  test('the export neutralises formulas and quotes commas, quotes and line breaks', async () => {
    const { records } = await exportCsv(userA, queryOf({ createdFrom: '2026-06-01' }, 'created_asc'));
    const byReference = new Map(records.slice(1).map((record) => [record[0], record]));
    const cells = (name: string) => byReference.get(made.get(name)!.reference)!;
    const column = (name: string) => CSV_HEADER.indexOf(name);
    assert.equal(cells('formula')[column('customer_company')], `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(cells('formula')[column('opportunity')], `'@SUM(A1:A9)`);
    assert.equal(cells('plus')[column('customer_company')], `'+Plus Partner GmbH`);
    assert.equal(cells('minus')[column('customer_company')], `'-Minus Handel GmbH`);
    assert.equal(cells('minus')[column('contact_name')], `'-Negativ Kontakt`);
    assert.equal(cells('quotes')[column('customer_company')], 'Komma, "Quote" & Zeilen\numbruch GmbH');
    assert.equal(cells('quotes')[column('contact_name')], 'Zoë Suchbar');
    assert.equal(cells('percent')[column('customer_company')], 'Prozent Werke GmbH');
    assert.equal(cells('percent')[column('amount')], '1234.50');
    assert.equal(cells('draft')[column('amount')], '');
    assert.ok(records.every((record) => record.length === CSV_HEADER.length));
  });

  test('a partner\'s export holds its own deals only; the channel manager\'s export follows partnerId', async () => {
    const own = new Set(visibleTo(userA).map((row) => row.reference));
    const { records, text } = await exportCsv(userA, '');
    const references = records.slice(1).map((record) => record[0]!);
    assert.equal(references.length, own.size);
    assert.deepEqual(new Set(references), own);
    for (const row of rows.filter((r) => r.partnerId !== userA.partnerId)) assert.ok(!text.includes(row.reference), row.reference);
    assert.ok(!text.includes('Fremd Prozent'));
    // Filtering on another partner's id as a partner exports the header only.
    assert.deepEqual((await exportCsv(userA, queryOf({ partnerId: userB.partnerId! }))).records, [CSV_HEADER]);

    const ofB = (await exportCsv(manager, queryOf({ partnerId: userB.partnerId! }))).records.slice(1).map((record) => record[0]!);
    assert.deepEqual(new Set(ofB), new Set(visibleTo(userB).map((row) => row.reference)));
    assert.deepEqual((await exportCsv(manager, queryOf({ q: 'no deal is called this' }))).records, [CSV_HEADER]);
  });
});

describe('CSV export of more deals than one batch', () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startTestServer();
    token = await server.tokenFor(server.seed.users.find((u) => u.role === 'channel_manager')!);
    // A copy of every seeded deal: over a thousand rows, each sort key twice (ties across the batch boundary).
    await server.db.exec(`
      INSERT INTO deals (id, partner_id, reference, customer_company, opportunity_name, contact_name, amount, currency, status, expected_close_date, created_at, updated_at, submitted_at, expires_at)
      SELECT gen_random_uuid(), partner_id, reference || '-COPY', customer_company, opportunity_name, contact_name, amount, currency, status, expected_close_date, created_at, updated_at, submitted_at, expires_at
        FROM deals`);
  });
  after(() => server.close());

  test('every sort exports every deal once, in the order of the list', async () => {
    const all = await server.db.query<{ id: string; reference: string; amount: string | null; close: string | null; created_at: string }>(
      `SELECT id, reference, amount::text AS amount, to_char(expected_close_date, 'YYYY-MM-DD') AS close,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at FROM deals`,
    );
    assert.ok(all.length > 1000);
    const byId = new Map(all.map((row) => [row.id, row.reference]));
    const model: Row[] = all.map((row) => ({
      id: row.id, partnerId: '', reference: row.reference, status: '', company: '', opportunity: null, contact: null,
      amount: row.amount === null ? null : Number(row.amount), close: row.close, createdAt: row.created_at,
    }));
    for (const sort of SORTS) {
      const response = await server.app.request(`/deals/export?sort=${sort}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
      const references = parseCsv(await response.text()).slice(1).map((record) => record[0]);
      assert.deepEqual(references, [...model].sort(compare(sort)).map((row) => byId.get(row.id)), sort);
    }
  });
});

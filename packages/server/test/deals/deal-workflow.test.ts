import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { components } from '@partnerkit/api';
import { SEED_NOW, SUBMISSION_FIELDS, call, createDeal, partnerUserOf, startTestServer, submission, transition, type TestServer } from '../helpers.ts';

type Deal = components['schemas']['Deal'];
type DealEvent = components['schemas']['DealEvent'];
type AuditEvent = components['schemas']['AuditEvent'];
type Status = Deal['status'];
type Action = components['schemas']['DealTransition']['action'];
type User = TestServer['seed']['users'][number];

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The workflow as the contract describes it: the statuses each action may start from. */
const LEGAL: Record<Action, readonly Status[]> = {
  submit: ['draft', 'info_requested'],
  withdraw: ['draft', 'submitted', 'info_requested'],
  approve: ['submitted'],
  reject: ['submitted'],
  request_info: ['submitted'],
  win: ['approved'],
  lose: ['approved'],
};
const MANAGER_ACTIONS: readonly Action[] = ['approve', 'reject', 'request_info'];
const STATUSES: readonly Status[] = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn'];

describe('deal workflow: transitions, timeline, audit', () => {
  let server: TestServer;
  let user: User;
  let admin: User;
  let manager: User;
  let otherPartnerUser: User;
  /** Session tokens by person; minted again whenever the clock moves (they last 15 minutes). */
  const tokens = { user: '', admin: '', manager: '', other: '' };

  async function mintTokens(): Promise<void> {
    [tokens.user, tokens.admin, tokens.manager, tokens.other] = await Promise.all([server.tokenFor(user), server.tokenFor(admin), server.tokenFor(manager), server.tokenFor(otherPartnerUser)]);
  }

  async function moveClock(to: Date): Promise<void> {
    server.setNow(to);
    await mintTokens();
  }

  before(async () => {
    server = await startTestServer();
    user = partnerUserOf(server.seed, 'gold', 'EUR');
    admin = partnerUserOf(server.seed, 'gold', 'EUR', 'partner_admin');
    manager = server.seed.users.find((u) => u.role === 'channel_manager')!;
    otherPartnerUser = server.seed.users.find((u) => u.partnerId !== null && u.partnerId !== user.partnerId)!;
    await mintTokens();
  });
  after(() => server.close());

  /** Over the gold tier's EUR limit, so a submission waits for review instead of being approved at once. */
  const forReview = (company: string, extra: Record<string, unknown> = {}) => submission(company, { amount: { amount: '900000.00', currency: 'EUR' }, ...extra });

  async function submitted(company: string): Promise<Deal> {
    const { deal } = await createDeal<Deal>(server, tokens.user, forReview(company));
    assert.equal(deal.status, 'submitted');
    return deal;
  }

  async function read(id: string, token = tokens.user): Promise<{ deal: Deal; etag: string }> {
    const answer = await call<Deal>(server, token, 'GET', `/deals/${id}`);
    assert.equal(answer.status, 200);
    return { deal: answer.body, etag: answer.headers.get('etag')! };
  }

  async function timeline(id: string): Promise<DealEvent[]> {
    const answer = await call<{ data: DealEvent[] }>(server, tokens.user, 'GET', `/deals/${id}/events`);
    assert.equal(answer.status, 200);
    return answer.body.data;
  }

  /** The timeline in short: `type from→to by note`. */
  async function story(id: string): Promise<string[]> {
    return (await timeline(id)).map((e) => `${e.type} ${e.fromStatus ?? '-'}→${e.toStatus} by ${e.actor?.role ?? 'system'}${e.note === null ? '' : ` "${e.note}"`}`);
  }

  /** The deal's audit events, oldest first. */
  async function audit(id: string): Promise<AuditEvent[]> {
    const answer = await call<{ data: AuditEvent[] }>(server, tokens.manager, 'GET', `/audit-events?entityId=${id}&limit=200`);
    assert.equal(answer.status, 200);
    return answer.body.data.reverse();
  }

  const move = (token: string, id: string, action: Action, etag: string, reason?: string) =>
    call<Deal & { code?: string }>(server, token, 'POST', `/deals/${id}/transitions`, {
      body: { action, ...(reason === undefined ? {} : { reason }) },
      headers: { 'if-match': etag },
    });

  const patch = (id: string, body: unknown, etag?: string, token = tokens.user) =>
    call<Deal & { code?: string; errors?: { field: string; code: string }[] }>(server, token, 'PATCH', `/deals/${id}`, {
      body,
      headers: etag === undefined ? {} : { 'if-match': etag },
    });

  /** What the database holds about a deal, to show that a refused request changed nothing. */
  async function snapshot(id: string) {
    const [row] = await server.db.query<Record<string, unknown>>(
      `SELECT d.status, d.version, d.updated_at::text AS updated_at, d.decided_by, d.expires_at::text AS expires_at, d.opportunity_name,
              (SELECT count(*)::int FROM deal_events e WHERE e.deal_id = d.id) AS events,
              (SELECT count(*)::int FROM audit_events a WHERE a.entity_id = d.id) AS audits
         FROM deals d WHERE d.id = $1`,
      [id],
    );
    assert.ok(row, `deal ${id} exists`);
    return row;
  }

  function assertProblem(answer: { status: number; headers: Headers; body: unknown }, status: number, code: string, message?: string): void {
    assert.equal(answer.status, status, message ?? JSON.stringify(answer.body));
    assert.equal(answer.headers.get('content-type'), 'application/problem+json');
    assert.equal((answer.body as { code: string }).code, code, message);
  }

  test('submit: false saves a draft with only its company; the draft is created, not submitted', async () => {
    const { deal, etag } = await createDeal<Deal>(server, tokens.user, { customerCompany: 'Draftwerk GmbH', submit: false });
    assert.equal(deal.status, 'draft');
    assert.equal(etag, '"v1"');
    assert.equal(deal.submittedAt, null);
    assert.equal(deal.decision, null);
    assert.equal(deal.amount, null);
    assert.equal(deal.expectedCloseDate, null);
    assert.deepEqual(await story(deal.id), ['created -→draft by partner_user']);
    const [created, ...rest] = await audit(deal.id);
    assert.equal(rest.length, 0);
    assert.equal(created!.action, 'deal.created');
    assert.deepEqual(created!.actor, { userId: user.id, role: 'partner_user' });
    assert.equal(created!.after?.status, 'draft');
    assert.equal(created!.partnerId, user.partnerId);
  });

  test('draft → submitted through the submit transition, recorded with its actor and audited', async () => {
    const { deal, etag } = await createDeal<Deal>(server, tokens.user, forReview('Submitwerk GmbH', { submit: false }));
    assert.equal(deal.status, 'draft');
    const answer = await move(tokens.user, deal.id, 'submit', etag);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'submitted');
    assert.equal(answer.body.submittedAt, SEED_NOW.toISOString());
    assert.deepEqual(answer.body.decision, { outcome: 'review', rule: 'over_limit:gold:EUR' });
    assert.equal(answer.headers.get('etag'), '"v2"');
    const events = await timeline(deal.id);
    assert.deepEqual(events.map((e) => e.type), ['created', 'submitted']);
    assert.deepEqual(events[1]!.actor, { userId: user.id, role: 'partner_user', name: user.name });
    assert.equal(events[1]!.fromStatus, 'draft');
    assert.equal(events[1]!.occurredAt, SEED_NOW.toISOString());
    const entries = await audit(deal.id);
    assert.deepEqual(entries.map((e) => e.action), ['deal.created', 'deal.submit']);
    assert.deepEqual(entries[1]!.before, { status: 'draft' });
    assert.deepEqual(entries[1]!.after, { status: 'submitted' });
  });

  test('the channel manager approves: expiresAt is the decision time plus 90 days, decidedBy is the manager', async () => {
    const deal = await submitted('Approvia Logistik GmbH');
    const decidedAt = new Date(SEED_NOW.getTime() + 5 * HOUR_MS);
    await moveClock(decidedAt);
    try {
      const answer = await transition<Deal>(server, tokens.manager, deal.id, 'approve', 'Customer confirmed by the account team');
      assert.equal(answer.status, 200);
      const approved = answer.body;
      assert.equal(approved.status, 'approved');
      assert.equal(approved.decidedAt, decidedAt.toISOString());
      assert.equal(approved.expiresAt, new Date(decidedAt.getTime() + 90 * DAY_MS).toISOString());
      assert.deepEqual(approved.decidedBy, { userId: manager.id, name: manager.name });
      assert.equal(approved.submittedAt, SEED_NOW.toISOString(), 'the submission time stays');
      assert.deepEqual(approved.allowedActions, [], 'the channel manager has nothing more to do with it');
      assert.deepEqual((await read(deal.id)).deal, { ...approved, allowedActions: ['win', 'lose'] }, 'the partner may now mark it won or lost');
      assert.deepEqual((await story(deal.id)).slice(-1), ['approved submitted→approved by channel_manager "Customer confirmed by the account team"']);
      const last = (await audit(deal.id)).at(-1)!;
      assert.equal(last.action, 'deal.approve');
      assert.deepEqual(last.actor, { userId: manager.id, role: 'channel_manager' });
      assert.equal(last.partnerId, user.partnerId);
      assert.deepEqual(last.after, { status: 'approved', reason: 'Customer confirmed by the account team' });
    } finally {
      await moveClock(SEED_NOW);
    }
  });

  test('reject and request_info need a reason, which becomes the decision reason and the event note', async () => {
    for (const [action, status] of [['reject', 'rejected'], ['request_info', 'info_requested']] as const) {
      const deal = await submitted(`Reasonable ${action} GmbH`);
      const { etag } = await read(deal.id, tokens.manager);
      const before = await snapshot(deal.id);
      for (const body of [{ action }, { action, reason: '' }]) {
        const answer = await call(server, tokens.manager, 'POST', `/deals/${deal.id}/transitions`, { body, headers: { 'if-match': etag } });
        assertProblem(answer, 400, 'validation_failed', action);
        assert.deepEqual((answer.body as { errors: { field: string }[] }).errors.map((e) => e.field), ['/body/reason'], action);
      }
      assert.deepEqual(await snapshot(deal.id), before, `${action} without a reason changed nothing`);
      const reason = action === 'reject' ? 'Customer is a direct account' : 'How many seats are planned?';
      const answer = await move(tokens.manager, deal.id, action, etag, reason);
      assert.equal(answer.status, 200);
      assert.equal(answer.body.status, status);
      assert.equal(answer.body.decisionReason, reason);
      assert.deepEqual(answer.body.decidedBy, { userId: manager.id, name: manager.name });
      assert.equal(answer.body.expiresAt, null, `${action} grants no protection`);
      assert.deepEqual((await story(deal.id)).slice(-1), [`${status} submitted→${status} by channel_manager "${reason}"`]);
      const last = (await audit(deal.id)).at(-1)!;
      assert.equal(last.action, `deal.${action}`);
      assert.deepEqual(last.after, { status, reason });
    }
  });

  test('info_requested → edited with PATCH → submitted again, each step on the timeline', async () => {
    const deal = await submitted('Rueckfrage Handels GmbH');
    assert.equal((await transition(server, tokens.manager, deal.id, 'request_info', 'Please name the procurement contact')).status, 200);
    const { etag } = await read(deal.id);
    const edited = await patch(deal.id, { contactName: 'Petra Einkauf', contactEmail: 'petra.einkauf@example.com' }, etag);
    assert.equal(edited.status, 200);
    assert.equal(edited.body.status, 'info_requested');
    assert.equal(edited.body.contactName, 'Petra Einkauf');
    assert.notEqual(edited.headers.get('etag'), etag);
    const updated = (await audit(deal.id)).at(-1)!;
    assert.equal(updated.action, 'deal.updated');
    assert.deepEqual(updated.before, { contactName: SUBMISSION_FIELDS.contactName, contactEmail: SUBMISSION_FIELDS.contactEmail });
    assert.deepEqual(updated.after, { contactName: 'Petra Einkauf', contactEmail: 'petra.einkauf@example.com' });
    // The answer's ETag is the next request's If-Match.
    const resubmitted = await move(tokens.admin, deal.id, 'submit', edited.headers.get('etag')!);
    assert.equal(resubmitted.status, 200);
    assert.equal(resubmitted.body.status, 'submitted');
    assert.equal(resubmitted.body.decisionReason, null, 'the question is answered');
    assert.equal(resubmitted.body.decidedBy, null);
    assert.deepEqual(await story(deal.id), [
      'created -→draft by partner_user',
      'submitted draft→submitted by partner_user',
      'info_requested submitted→info_requested by channel_manager "Please name the procurement contact"',
      'updated info_requested→info_requested by partner_user',
      'submitted info_requested→submitted by partner_admin',
    ]);
    assert.deepEqual((await audit(deal.id)).map((e) => e.action), ['deal.created', 'deal.request_info', 'deal.updated', 'deal.submit']);
  });

  test('approved → won and approved → lost, by the partner\'s users', async () => {
    for (const [action, status, token] of [['win', 'won', () => tokens.user], ['lose', 'lost', () => tokens.admin]] as const) {
      const deal = await submitted(`Outcome ${status} AG`);
      assert.equal((await transition(server, tokens.manager, deal.id, 'approve')).status, 200);
      const answer = await transition<Deal>(server, token(), deal.id, action);
      assert.equal(answer.status, 200);
      assert.equal(answer.body.status, status);
      const events = await timeline(deal.id);
      assert.deepEqual(events.map((e) => e.type), ['created', 'submitted', 'approved', status]);
      assert.equal(events[3]!.fromStatus, 'approved');
      assert.equal(events[3]!.actor?.role, action === 'win' ? 'partner_user' : 'partner_admin');
      assert.equal((await audit(deal.id)).at(-1)!.action, `deal.${action}`);
    }
  });

  test('draft, submitted and info_requested registrations can be withdrawn', async () => {
    const draft = (await createDeal<Deal>(server, tokens.user, { customerCompany: 'Rueckzug Entwurf GmbH', submit: false })).deal;
    const pending = await submitted('Rueckzug Pruefung GmbH');
    const asked = await submitted('Rueckzug Rueckfrage GmbH');
    assert.equal((await transition(server, tokens.manager, asked.id, 'request_info', 'Which site?')).status, 200);
    for (const [deal, from] of [[draft, 'draft'], [pending, 'submitted'], [asked, 'info_requested']] as const) {
      const answer = await transition<Deal>(server, tokens.user, deal.id, 'withdraw');
      assert.equal(answer.status, 200, from);
      assert.equal(answer.body.status, 'withdrawn');
      assert.deepEqual((await story(deal.id)).slice(-1), [`withdrawn ${from}→withdrawn by partner_user`]);
      assert.deepEqual((await audit(deal.id)).at(-1)!.before, { status: from });
    }
  });

  test('every other move answers 409 illegal_transition and changes nothing', async () => {
    // One deal of this partner in each status, from the seed.
    const byStatus = new Map<Status, string>();
    for (const status of STATUSES) {
      const seeded = server.seed.deals.find((d) => d.partnerId === user.partnerId && d.status === status);
      assert.ok(seeded, `the seed has a ${status} deal for the partner`);
      byStatus.set(status, seeded.id);
    }
    let refused = 0;
    for (const action of Object.keys(LEGAL) as Action[]) {
      const token = MANAGER_ACTIONS.includes(action) ? tokens.manager : tokens.user;
      for (const status of STATUSES.filter((s) => !LEGAL[action].includes(s))) {
        const id = byStatus.get(status)!;
        const before = await snapshot(id);
        const answer = await transition(server, token, id, action, 'A reason');
        assertProblem(answer, 409, 'illegal_transition', `${action} from ${status}`);
        assert.deepEqual(await snapshot(id), before, `${action} from ${status} changed nothing`);
        refused += 1;
      }
    }
    assert.equal(refused, 7 * 9 - 10, 'every illegal pair was tried');
  });

  test('the wrong role answers 403 and changes nothing', async () => {
    const deal = await submitted('Rollentausch GmbH');
    const { etag } = await read(deal.id);
    const before = await snapshot(deal.id);
    const cases: [string, Action][] = [
      [tokens.user, 'approve'],
      [tokens.admin, 'reject'],
      [tokens.admin, 'request_info'],
      [tokens.manager, 'withdraw'],
      [tokens.manager, 'submit'],
    ];
    for (const [token, action] of cases) assertProblem(await move(token, deal.id, action, etag, 'A reason'), 403, 'forbidden', action);
    const approvedSeed = server.seed.deals.find((d) => d.partnerId === user.partnerId && d.status === 'approved')!;
    const approvedBefore = await snapshot(approvedSeed.id);
    for (const action of ['win', 'lose'] as const) assertProblem(await transition(server, tokens.manager, approvedSeed.id, action), 403, 'forbidden', action);
    assert.deepEqual(await snapshot(deal.id), before);
    assert.deepEqual(await snapshot(approvedSeed.id), approvedBefore);
    // A channel manager never edits a partner's registration.
    const draft = (await createDeal<Deal>(server, tokens.user, { customerCompany: 'Managerfrei GmbH', submit: false })).deal;
    assertProblem(await patch(draft.id, { notes: 'edited by the vendor' }, '"v1"', tokens.manager), 403, 'forbidden');
  });

  test('transitions and edits need the current ETag: missing 428, stale 412, and nothing changes', async () => {
    const deal = await submitted('Versionskontrolle GmbH');
    const { etag } = await read(deal.id);
    const before = await snapshot(deal.id);
    assertProblem(await call(server, tokens.manager, 'POST', `/deals/${deal.id}/transitions`, { body: { action: 'approve' } }), 428, 'precondition_required');
    assertProblem(await move(tokens.manager, deal.id, 'approve', '"v999"'), 412, 'precondition_failed');
    assertProblem(await move(tokens.manager, deal.id, 'approve', `W/${etag}`), 412, 'precondition_failed', 'a weak tag never matches');
    assert.deepEqual(await snapshot(deal.id), before);
    // request_info moves the version on: the ETag read before is stale now, for the partner's edit too.
    const asked = await move(tokens.manager, deal.id, 'request_info', etag, 'Which products?');
    assert.equal(asked.status, 200);
    const askedState = await snapshot(deal.id);
    assertProblem(await patch(deal.id, { notes: 'lost update' }, etag), 412, 'precondition_failed');
    assertProblem(await patch(deal.id, { notes: 'no precondition' }), 428, 'precondition_required');
    assertProblem(await move(tokens.user, deal.id, 'submit', etag), 412, 'precondition_failed');
    assert.deepEqual(await snapshot(deal.id), askedState);
    assert.equal((await patch(deal.id, { notes: 'with the current version' }, asked.headers.get('etag')!)).status, 200);
  });

  test('of two transitions made on the same version exactly one succeeds', async () => {
    const deal = await submitted('Gleichzeitig GmbH');
    const { etag } = await read(deal.id);
    const answers = await Promise.all([move(tokens.manager, deal.id, 'approve', etag), move(tokens.manager, deal.id, 'reject', etag, 'Duplicate')]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 412]);
    const winner = answers.find((a) => a.status === 200)!.body;
    assert.equal((await read(deal.id)).deal.status, winner.status);
    assert.equal((await timeline(deal.id)).filter((e) => e.type === 'approved' || e.type === 'rejected').length, 1);
  });

  test('submitting an incomplete draft answers 400 with an error for each missing field at /deal/<field>', async () => {
    const { deal, etag } = await createDeal<Deal>(server, tokens.user, {
      customerCompany: 'Halbfertig GmbH',
      opportunityName: 'Half done',
      contactName: 'Ines Lücke',
      submit: false,
    });
    const before = await snapshot(deal.id);
    const answer = await move(tokens.user, deal.id, 'submit', etag);
    assertProblem(answer, 400, 'validation_failed');
    const errors = (answer.body as unknown as { errors: { field: string; code: string }[] }).errors;
    assert.deepEqual(
      errors.map((e) => `${e.field} ${e.code}`).sort(),
      ['amount', 'contactEmail', 'customerCountry', 'dealType', 'expectedCloseDate', 'partnerRole'].map((field) => `/deal/${field} required`),
    );
    assert.deepEqual(await snapshot(deal.id), before);
    // Completed, it submits.
    const { contactEmail, customerCountry, dealType, partnerRole } = SUBMISSION_FIELDS;
    const completed = await patch(deal.id, { contactEmail, customerCountry, dealType, partnerRole, amount: { amount: '900000.00', currency: 'EUR' }, expectedCloseDate: '2026-12-01' }, etag);
    assert.equal(completed.status, 200);
    const submittedAnswer = await move(tokens.user, deal.id, 'submit', completed.headers.get('etag')!);
    assert.equal(submittedAnswer.status, 200);
    assert.equal(submittedAnswer.body.status, 'submitted');
    assert.equal(submittedAnswer.body.contactName, 'Ines Lücke');
  });

  test('PATCH works in draft and info_requested only; in any other status it answers 409', async () => {
    const draft = await createDeal<Deal>(server, tokens.user, { customerCompany: 'Editierbar GmbH', submit: false });
    const edited = await patch(draft.deal.id, { opportunityName: 'Edited opportunity', customerDomain: 'https://www.editierbar.de/kontakt' }, draft.etag);
    assert.equal(edited.status, 200);
    assert.equal(edited.body.opportunityName, 'Edited opportunity');
    assert.equal(edited.body.customerDomain, 'https://www.editierbar.de/kontakt', 'stored as typed');
    assert.equal(edited.body.customerCompany, 'Editierbar GmbH', 'fields not sent are kept');
    assert.deepEqual((await story(draft.deal.id)).slice(-1), ['updated draft→draft by partner_user']);

    const others = STATUSES.filter((s) => s !== 'draft' && s !== 'info_requested');
    for (const status of others) {
      const seeded = server.seed.deals.find((d) => d.partnerId === user.partnerId && d.status === status)!;
      const { etag } = await read(seeded.id);
      const before = await snapshot(seeded.id);
      assertProblem(await patch(seeded.id, { opportunityName: 'Not editable now' }, etag), 409, 'illegal_transition', status);
      assert.deepEqual(await snapshot(seeded.id), before, status);
    }
  });

  test('another partner\'s deal is answered 404 for reading, its timeline, edits and transitions', async () => {
    const deal = await submitted('Fremdkunde GmbH');
    const draft = (await createDeal<Deal>(server, tokens.user, { customerCompany: 'Fremdentwurf GmbH', submit: false })).deal;
    const before = await snapshot(draft.id);
    assertProblem(await call(server, tokens.other, 'GET', `/deals/${deal.id}`), 404, 'not_found');
    assertProblem(await call(server, tokens.other, 'GET', `/deals/${deal.id}/events`), 404, 'not_found');
    assertProblem(await patch(draft.id, { notes: 'not mine' }, '*', tokens.other), 404, 'not_found');
    assertProblem(await move(tokens.other, draft.id, 'withdraw', '*'), 404, 'not_found');
    assert.deepEqual(await snapshot(draft.id), before);
    // The channel manager reads every partner's deal and timeline.
    assert.equal((await read(deal.id, tokens.manager)).deal.id, deal.id);
    assert.equal((await call(server, tokens.manager, 'GET', `/deals/${deal.id}/events`)).status, 200);
  });

  test('the audit log lists the changes newest first, in the order written, across pages', async () => {
    // At least a dozen changes, so that sequence numbers of one and of two digits are among them.
    let { deal, etag } = await createDeal<Deal>(server, tokens.user, { customerCompany: 'Protokoll GmbH', submit: false });
    for (let edit = 1; edit <= 11; edit += 1) {
      const answer = await patch(deal.id, { notes: `Edit ${edit}` }, etag);
      assert.equal(answer.status, 200);
      [deal, etag] = [answer.body, answer.headers.get('etag')!];
    }
    const written = (await server.db.query<{ id: string }>('SELECT id FROM audit_events ORDER BY seq DESC')).map((row) => row.id);
    assert.ok(written.length >= 12);
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: AuditEvent[]; nextCursor: string | null } } = await call(server, tokens.manager, 'GET', `/audit-events?limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200);
      listed.push(...page.body.data.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    assert.deepEqual(listed, written);
  });
});

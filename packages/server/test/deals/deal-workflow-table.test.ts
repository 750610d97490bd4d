// The server and the in-memory fake the component tests use must run the same workflow: every
// action from every status by either side of the channel gives the same outcome on both.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DEAL_ACTIONS, dealTransitions, PartnerkitError, type Deal, type DealAction, type DealStatus } from '@partnerkit/api';
import { FakeDealStore, fakeDeals } from '../../../../test/fixtures/deals/fake-deals.ts';
import { createApp } from '../../src/app.ts';
import { SECRET, SEED_NOW, call, createDeal, partnerUserOf, startTestServer, submission, type TestServer } from '../helpers.ts';

const STATUSES = ['draft', 'submitted', 'info_requested', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn'] as const satisfies readonly DealStatus[];
// Fails to compile when the contract gains a status the table does not try.
const everyStatus: Exclude<DealStatus, (typeof STATUSES)[number]> extends never ? true : never = true;
const ROLES = ['partner_user', 'channel_manager'] as const;
type TableRole = (typeof ROLES)[number];

type Outcome = { allowed: true; status: DealStatus; allowedActions: DealAction[] } | { allowed: false; httpStatus: number };

const DAY_MS = 86_400_000;
const reasonFor = (action: DealAction) => (dealTransitions[action].needsReason ? { reason: 'Checked against the table' } : {});

describe('the deal workflow table: server and fake agree', () => {
  let server: TestServer;
  let app: ReturnType<typeof createApp>;
  const tokens = {} as Record<TableRole, string>;
  let dealId: string;
  let contractDeal: Deal;

  before(async () => {
    assert.ok(everyStatus);
    server = await startTestServer();
    // No auto-approval limits: every submission waits for review, as in the fake.
    app = createApp({ db: server.db, secrets: [SECRET], clock: () => SEED_NOW, logger: () => {}, deals: { autoApproval: {} } });
    tokens.partner_user = await server.tokenFor(partnerUserOf(server.seed, 'gold', 'EUR'));
    tokens.channel_manager = await server.tokenFor(server.seed.users.find((u) => u.role === 'channel_manager')!);
    const { deal } = await createDeal<Deal>(server, tokens.partner_user, { ...submission('Workflow Table GmbH', { customerDomain: 'workflow-table.example' }), submit: false });
    dealId = deal.id;
    contractDeal = deal;
  });
  after(() => server.close());

  /** Puts the server's deal into `status` directly, with the dates that status implies (an approval's protection still running). */
  async function serverDealIn(status: DealStatus): Promise<string> {
    await server.db.query(
      `UPDATE deals SET status = $2, version = version + 1,
              submitted_at = CASE WHEN $2 = 'draft' THEN NULL ELSE $3::timestamptz - interval '1 day' END,
              expires_at = CASE WHEN $2 = 'approved' THEN $3::timestamptz + interval '30 days' ELSE NULL END
        WHERE id = $1`,
      [dealId, status, SEED_NOW.toISOString()],
    );
    const current = await call(server, tokens.partner_user, 'GET', `/deals/${dealId}`);
    assert.equal(current.status, 200);
    return current.headers.get('etag')!;
  }

  async function onServer(status: DealStatus, action: DealAction, role: TableRole): Promise<Outcome> {
    const etag = await serverDealIn(status);
    const response = await app.request(`/deals/${dealId}/transitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json', 'if-match': etag },
      body: JSON.stringify({ action, ...reasonFor(action) }),
    });
    const body = (await response.json()) as Deal;
    return response.status === 200 ? { allowed: true, status: body.status, allowedActions: body.allowedActions } : { allowed: false, httpStatus: response.status };
  }

  async function onFake(status: DealStatus, action: DealAction, role: TableRole): Promise<Outcome> {
    const deal: Deal = {
      ...contractDeal,
      status,
      submittedAt: status === 'draft' ? null : new Date(SEED_NOW.getTime() - DAY_MS).toISOString(),
      expiresAt: status === 'approved' ? new Date(SEED_NOW.getTime() + 30 * DAY_MS).toISOString() : null,
    };
    const store = new FakeDealStore(
      { deals: [deal] },
      { blankDeal: () => deal, partner: { id: deal.partnerId, name: 'Workflow Table' }, user: { id: 'u1', name: 'User' }, reviewer: { name: 'Reviewer' } },
      [],
    );
    try {
      const { data } = await fakeDeals(store, role).transition(deal.id, { action, ...reasonFor(action) }, { ifMatch: store.etagOf(deal.id) });
      return { allowed: true, status: data.status, allowedActions: data.allowedActions };
    } catch (error) {
      if (!(error instanceof PartnerkitError)) throw error;
      return { allowed: false, httpStatus: error.status };
    }
  }

  test('every action from every status, as a partner user and as a channel manager', async () => {
    const seen = { allowed: 0, 403: 0, 409: 0 };
    for (const role of ROLES) {
      for (const status of STATUSES) {
        for (const action of DEAL_ACTIONS) {
          const server = await onServer(status, action, role);
          const fake = await onFake(status, action, role);
          assert.deepEqual(fake, server, `${role} ${action} from ${status}`);
          if (server.allowed) seen.allowed += 1;
          else if (server.httpStatus === 403 || server.httpStatus === 409) seen[server.httpStatus] += 1;
          else assert.fail(`${role} ${action} from ${status}: the server answered ${server.httpStatus}`);
        }
      }
    }
    // The table exercises every kind of outcome, so agreement is not vacuous.
    assert.ok(seen.allowed > 0 && seen[403] > 0 && seen[409] > 0, JSON.stringify(seen));
    assert.equal(seen.allowed + seen[403] + seen[409], ROLES.length * STATUSES.length * DEAL_ACTIONS.length);
  });
});

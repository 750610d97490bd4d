// The deal-registration operations, independent of HTTP: the routes parse, call one of these, and answer.
import { dealTransitions, isDealEditable, mayMake, type components, type DealAction } from '@partnerkit/api';
import type { ContractValidator } from '@partnerkit/api/contract';
import type { Database, Queryable } from '../db/database.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';
import type { AuditOrigin } from '../audit/record-audit.ts';
import { changedFields } from '../audit/record-audit.ts';
import { ProblemError, problems } from '../http/problem.ts';
import { cursorFrom, isTimestamp, pageOf } from '../http/cursor.ts';
import { checkIfMatch } from '../http/etag.ts';
import { columnValues, fieldsOf, toDeal, type DealRow } from './deal-record.ts';
import { dealListSql, dealCursor, type DealListQuery } from './list-query.ts';
import { findConflicts, probes, selectConflicts, toConflicts } from './conflicts.ts';
import { dealTimeline, type NewDealEvent } from './deal-events.ts';
import { mutateDeals } from './deal-mutation.ts';
import { readCurrent } from './deal-reads.ts';
import { insertDraft, isChannelManager, selectDeal, selectDeals, selectReviewQueue, updateDealFields, updateDealStatus, updateReviewer } from './deal-queries.ts';
import { checkReferences, requireComplete } from './deal-checks.ts';
import { csvRows } from './csv-export.ts';
import { submitDeal } from './submission.ts';
import type { DealSettings } from './settings.ts';

type Deal = components['schemas']['Deal'];
type DealCreate = components['schemas']['DealCreate'];
type DealUpdate = components['schemas']['DealUpdate'];
type DealEvent = components['schemas']['DealEvent'];
type Conflict = components['schemas']['Conflict'];
type ReviewItem = components['schemas']['ReviewQueueItem'];
type ConflictQuery = { company?: string; domain?: string; country?: string; excludeDealId?: string };

const DAY_MS = 86_400_000;
const EXPORT_BATCH = 1000;

/** One call of an operation: who asks, under which request, with the app's services and the feature's settings. */
export interface DealCall {
  db: Database;
  clock: () => Date;
  contract: ContractValidator;
  settings: DealSettings;
  session: SessionClaims;
  requestId: string;
}

/** A deal with the version its ETag names. */
export type Versioned = { deal: Deal; version: number };

const versioned = (row: DealRow, call: DealCall): Versioned => ({ deal: toDeal(row, call.session.role), version: row.version });
const origin = (call: DealCall, at: Date): AuditOrigin => ({ actor: call.session, at, requestId: call.requestId });
const scopeOf = (session: SessionClaims) => session.partnerId ?? null;

/** One deal in the caller's scope, made current by the read path; 404 when it is not in scope (another partner's included). */
async function currentDeal(call: DealCall, db: Queryable, id: string, now: Date, forUpdate = false): Promise<DealRow> {
  const [row] = await readCurrent(db, now, scopeOf(call.session), async () => {
    const found = await selectDeal(db, id, call.session, now, forUpdate);
    return found ? [found] : [];
  });
  if (!row) throw problems.notFound();
  return row;
}

/** The deal as a change in this transaction left it. */
async function changedDeal(tx: Queryable, id: string, call: DealCall, now: Date): Promise<DealRow> {
  const row = await selectDeal(tx, id, call.session, now);
  if (!row) throw problems.notFound();
  return row;
}

export async function listDeals(call: DealCall, query: DealListQuery & { limit: number }): Promise<{ data: Deal[]; nextCursor: string | null }> {
  const { db, session } = call;
  const now = call.clock();
  const sql = dealListSql(query, session, now, call.settings.expiringSoonDays, dealCursor(query));
  const rows = await readCurrent(db, now, scopeOf(session), () => selectDeals(db, sql, query.limit + 1, now, scopeOf(session)));
  return pageOf(rows, query.limit, (row) => toDeal(row, session.role), (row) => ({ key: row.sort_key, id: row.id }));
}

/** The list as CSV, every page, streamed: each pull reads the batch after the last row sent, so memory stays flat. */
export function exportDeals(call: DealCall, query: DealListQuery): { csv: ReadableStream<Uint8Array>; date: string } {
  const { db, session } = call;
  const now = call.clock();
  const scope = scopeOf(session);
  const encoder = new TextEncoder();
  let after: { key: string; id: string } | undefined;
  const csv = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const sql = dealListSql(query, session, now, call.settings.expiringSoonDays, after);
      const read = () => selectDeals(db, sql, EXPORT_BATCH, now, scope);
      // The first batch makes the data current; the later ones continue from it.
      const rows = after ? await read() : await readCurrent(db, now, scope, read);
      controller.enqueue(encoder.encode(csvRows(rows.map((row) => toDeal(row, session.role)), !after)));
      const last = rows[rows.length - 1];
      if (rows.length < EXPORT_BATCH || !last) controller.close();
      else after = { key: last.sort_key, id: last.id };
    },
  });
  return { csv, date: now.toISOString().slice(0, 10) };
}

export async function checkConflicts(call: DealCall, query: ConflictQuery): Promise<Conflict[]> {
  const { db, session } = call;
  const now = call.clock();
  const probe = { company: query.company, domain: query.domain, country: query.country, excludeDealId: query.excludeDealId, now, similarity: call.settings.companySimilarity };
  if (!probes(probe)) return [];
  return toConflicts(await readCurrent(db, now, scopeOf(session), () => selectConflicts(db, probe, scopeOf(session))), session);
}

/** Submitted deals, oldest first, with their age against the review SLA and their conflicts. */
export async function reviewQueue(call: DealCall, query: { limit: number; cursor?: string }): Promise<{ data: ReviewItem[]; nextCursor: string | null }> {
  const { db, session, settings } = call;
  const now = call.clock();
  const after = cursorFrom(query, isTimestamp);
  const rows = await readCurrent(db, now, scopeOf(session), () => selectReviewQueue(db, after, query.limit, now));
  const page = pageOf(rows, query.limit, (row) => row, (row) => ({ key: row.submitted_key, id: row.id }));
  const data = await Promise.all(
    page.data.map(async (row) => {
      const age = (now.getTime() - Date.parse(row.submitted_at!)) / 3_600_000;
      const conflicts = await findConflicts(
        db,
        { company: row.customer_company, domain: row.customer_domain, country: row.customer_country?.trim(), excludeDealId: row.id, now, similarity: settings.companySimilarity },
        session,
      );
      return { deal: toDeal(row, session.role), partnerName: row.partner_name, ageHours: Math.round(age * 10) / 10, slaHours: settings.reviewSlaHours, overdue: age > settings.reviewSlaHours, conflicts };
    }),
  );
  return { data, nextCursor: page.nextCursor };
}

export async function getDeal(call: DealCall, id: string): Promise<Versioned> {
  return versioned(await currentDeal(call, call.db, id, call.clock()), call);
}

export async function dealEvents(call: DealCall, id: string): Promise<DealEvent[]> {
  const deal = await currentDeal(call, call.db, id, call.clock());
  return dealTimeline(call.db, deal.id);
}

/** A draft, or a submission; in the transaction of the caller's idempotency key. */
export async function createDeal(call: DealCall & { session: { partnerId: string } }, tx: Queryable, input: DealCreate): Promise<Versioned> {
  const { session, settings } = call;
  const { submit = true, ...fields } = input;
  const now = call.clock();
  return mutateDeals(tx, origin(call, now), async (tx) => {
    await checkReferences(tx, fields, '/body');
    const id = await insertDraft(tx, session, now, columnValues(fields));
    const events: NewDealEvent[] = [{ dealId: id, type: 'created', actorId: session.userId, from: null, to: 'draft', at: now }];
    if (submit) events.push(...(await submitDeal(tx, await changedDeal(tx, id, call, now), session, now, settings)));
    const row = await changedDeal(tx, id, call, now);
    return {
      result: versioned(row, call),
      events,
      audit: [{ partnerId: session.partnerId, action: 'deal.created', entityType: 'deal', entityId: id, before: null, after: { ...fields, status: row.status } }],
    };
  });
}

/** Edits a draft or an info-requested registration, on the version `ifMatch` names. */
export async function updateDeal(call: DealCall, id: string, update: DealUpdate, ifMatch: string | undefined): Promise<Versioned> {
  const { session } = call;
  const now = call.clock();
  return mutateDeals(call.db, origin(call, now), async (tx) => {
    const current = await currentDeal(call, tx, id, now, true);
    checkIfMatch(ifMatch, current.version);
    if (!isDealEditable(current.status)) throw new ProblemError({ status: 409, code: 'illegal_transition', detail: 'deal_not_editable', params: { status: current.status } });
    const before = toDeal(current, session.role);
    await checkReferences(tx, { ...fieldsOf(before), ...update } as Partial<DealCreate>, '/body');
    await updateDealFields(tx, current.id, now, columnValues(update));
    const after = await changedDeal(tx, current.id, call, now);
    return {
      result: versioned(after, call),
      events: [{ dealId: current.id, type: 'updated', actorId: session.userId, from: current.status, to: current.status, at: now }],
      audit: [{ partnerId: current.partner_id, action: 'deal.updated', entityType: 'deal', entityId: current.id, ...changedFields(fieldsOf(before), fieldsOf(toDeal(after, session.role))) }],
    };
  });
}

/** One of the workflow's moves; 403 for the wrong role, 409 from the wrong status. */
export async function transitionDeal(call: DealCall, id: string, action: DealAction, reason: string | undefined, ifMatch: string | undefined): Promise<Versioned> {
  const { session, settings } = call;
  if (!mayMake(action, session.role)) throw problems.forbidden();
  const now = call.clock();
  return mutateDeals(call.db, origin(call, now), async (tx) => {
    const current = await currentDeal(call, tx, id, now, true);
    checkIfMatch(ifMatch, current.version);
    const move = dealTransitions[action];
    if (!move.from.includes(current.status)) {
      throw new ProblemError({ status: 409, code: 'illegal_transition', detail: 'illegal_transition', params: { action, status: current.status } });
    }
    let events: NewDealEvent[];
    if (action === 'submit') {
      requireComplete(call.contract, toDeal(current, session.role));
      events = await submitDeal(tx, current, session, now, settings);
    } else {
      // A channel manager's move is a decision: who made it and why are kept on the deal.
      const decided = move.by === 'channel_manager';
      await updateDealStatus(tx, current.id, {
        status: move.to,
        now,
        ...(decided ? { decision: { by: session.userId, reason: reason ?? null } } : {}),
        ...(action === 'approve' ? { expiresAt: new Date(now.getTime() + settings.protectionDays * DAY_MS) } : {}),
      });
      events = [{ dealId: current.id, type: move.event, actorId: session.userId, from: current.status, to: move.to, note: reason ?? null, at: now }];
    }
    const after = await changedDeal(tx, current.id, call, now);
    return {
      result: versioned(after, call),
      events,
      audit: [{ partnerId: current.partner_id, action: `deal.${action}`, entityType: 'deal', entityId: current.id, before: { status: current.status }, after: { status: after.status, ...(reason ? { reason } : {}) } }],
    };
  });
}

/** A channel manager hands the review of a deal in review to another channel manager. */
export async function assignReviewer(call: DealCall, id: string, reviewerId: string): Promise<Versioned> {
  const now = call.clock();
  return mutateDeals(call.db, origin(call, now), async (tx) => {
    const current = await currentDeal(call, tx, id, now, true);
    if (current.status !== 'submitted' && current.status !== 'info_requested') {
      throw new ProblemError({ status: 409, code: 'illegal_transition', detail: 'deal_not_in_review', params: { status: current.status } });
    }
    if (!(await isChannelManager(tx, reviewerId))) throw problems.validation([{ field: '/body/reviewerId', code: 'not_a_channel_manager', params: {} }]);
    await updateReviewer(tx, current.id, reviewerId, now);
    return {
      result: versioned(await changedDeal(tx, current.id, call, now), call),
      events: [{ dealId: current.id, type: 'reviewer_assigned', actorId: call.session.userId, from: current.status, to: current.status, at: now }],
      audit: [{ partnerId: current.partner_id, action: 'deal.reviewer_assigned', entityType: 'deal', entityId: current.id, before: { reviewerId: current.reviewer_id }, after: { reviewerId } }],
    };
  });
}

import { Hono, type Context } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { partnerSession, sessionWithRole } from '../http/middleware.ts';
import { etag } from '../http/etag.ts';
import { idempotentCreate } from '../http/idempotency.ts';
import type { SessionClaims } from '../auth/session-tokens.ts';
import type { DealListQuery } from './list-query.ts';
import type { DealSettings } from './settings.ts';
import * as deals from './service.ts';

type DealCreate = components['schemas']['DealCreate'];
type DealUpdate = components['schemas']['DealUpdate'];
type DealTransition = components['schemas']['DealTransition'];

/** The signed-in user (any role) that may read deals. */
const reader = (c: Context<AppEnv>) => sessionWithRole(c, 'partner_user', 'partner_admin', 'channel_manager');

const dealId = (c: Context<AppEnv>) => c.get('input').path.dealId as string;

/** A deal answered with the ETag of its version. */
function answer(c: Context<AppEnv>, { deal, version }: deals.Versioned): Response {
  c.header('etag', etag(version));
  return c.json(deal);
}

/** The deal routes: each parses its input, calls one operation of `service.ts`, and answers. */
export function dealRoutes(settings: DealSettings): Hono<AppEnv> {
  const call = <S extends SessionClaims>(c: Context<AppEnv>, session: S) => {
    const { db, clock, contract } = c.get('services');
    return { db, clock, contract, settings, session, requestId: c.get('requestId') };
  };
  return new Hono<AppEnv>()
    /** `GET /deals`: filtered, sorted, keyset-paginated. */
    .get('/deals', async (c) => c.json(await deals.listDeals(call(c, reader(c)), c.get('input').query as DealListQuery & { limit: number })))
    /** `GET /deals/export`: the same list as CSV, every page, streamed. */
    .get('/deals/export', (c) => {
      const { csv, date } = deals.exportDeals(call(c, reader(c)), c.get('input').query as DealListQuery);
      return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="deals-${date}.csv"` });
    })
    /** `GET /deals/conflicts`: would a registration for this customer conflict? */
    .get('/deals/conflicts', async (c) => c.json({ conflicts: await deals.checkConflicts(call(c, reader(c)), c.get('input').query) }))
    /** `GET /deals/review-queue`: submitted deals, oldest first, with their age against the review SLA. */
    .get('/deals/review-queue', async (c) =>
      c.json(await deals.reviewQueue(call(c, sessionWithRole(c, 'channel_manager')), c.get('input').query as { limit: number; cursor?: string })),
    )
    /** `GET /deals/{dealId}`: another partner's deal is answered 404, exactly like a missing one. */
    .get('/deals/:dealId', async (c) => answer(c, await deals.getDeal(call(c, reader(c)), dealId(c))))
    /** `GET /deals/{dealId}/events`: the timeline. */
    .get('/deals/:dealId/events', async (c) => c.json({ data: await deals.dealEvents(call(c, reader(c)), dealId(c)) }))
    /** `POST /deals`: a draft, or a submission, once per Idempotency-Key; audited. */
    .post('/deals', async (c) => {
      const session = partnerSession(c);
      return idempotentCreate(c, session.partnerId, async (tx) => {
        const { deal, version } = await deals.createDeal(call(c, session), tx, c.get('input').body as DealCreate);
        return { status: 201, headers: { etag: etag(version), location: `${new URL(c.req.url).pathname}/${deal.id}` }, body: deal };
      });
    })
    /** `PATCH /deals/{dealId}`: edit a draft or an info-requested registration, guarded by If-Match. */
    .patch('/deals/:dealId', async (c) =>
      answer(c, await deals.updateDeal(call(c, partnerSession(c)), dealId(c), c.get('input').body as DealUpdate, c.req.header('if-match'))),
    )
    /** `POST /deals/{dealId}/transitions`: the workflow's moves; anything else is 409. */
    .post('/deals/:dealId/transitions', async (c) => {
      const { action, reason } = c.get('input').body as DealTransition;
      return answer(c, await deals.transitionDeal(call(c, reader(c)), dealId(c), action, reason, c.req.header('if-match')));
    })
    /** `PUT /deals/{dealId}/reviewer`: a channel manager hands the review to another. */
    .put('/deals/:dealId/reviewer', async (c) => {
      const { reviewerId } = c.get('input').body as { reviewerId: string };
      return answer(c, await deals.assignReviewer(call(c, sessionWithRole(c, 'channel_manager')), dealId(c), reviewerId));
    });
}

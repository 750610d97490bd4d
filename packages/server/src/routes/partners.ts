import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { partnerSession, sessionWithRole } from '../http/middleware.ts';
import { problems } from '../http/problem.ts';
import { cursorFrom, pageOf } from '../http/cursor.ts';
import { etag, requireIfMatch } from '../http/etag.ts';
import type { Queryable } from '../db/database.ts';
import { changedFields } from '../audit/record-audit.ts';
import { mutate, noEvents } from '../db/mutation.ts';
import { selectPartner, selectPartnerPage, updatePartnerProfile, type PartnerProfileFields, type PartnerRow, type PartnerSummaryRow } from '../queries/partner-queries.ts';

type PartnerProfile = components['schemas']['PartnerProfile'];
type PartnerProfileUpdate = components['schemas']['PartnerProfileUpdate'];
type PartnerSummary = components['schemas']['PartnerSummary'];

function toSummary(row: PartnerSummaryRow): PartnerSummary {
  return { id: row.id, name: row.name, tier: row.tier, country: row.country.trim(), currency: row.currency.trim(), locale: row.locale };
}

function toProfile(row: PartnerRow): PartnerProfile {
  return {
    ...toSummary(row),
    type: row.type,
    website: row.website,
    regions: row.regions,
    specialisations: row.specialisations,
    channelManager: row.channel_manager_name && row.channel_manager_email
      ? { name: row.channel_manager_name, email: row.channel_manager_email, ...(row.channel_manager_phone ? { phone: row.channel_manager_phone } : {}) }
      : null,
    updatedAt: row.updated_at,
  };
}

/** The partner, locked for update when asked; 404 when it is gone. */
async function readPartner(db: Queryable, partnerId: string, forUpdate = false): Promise<PartnerRow> {
  const row = await selectPartner(db, partnerId, forUpdate);
  if (!row) throw problems.notFound();
  return row;
}

/** The profile fields a partner admin may change, as stored. */
function editable(profile: PartnerProfile): PartnerProfileFields {
  return { name: profile.name, type: profile.type, website: profile.website, regions: profile.regions, specialisations: profile.specialisations };
}

export const partnerRoutes = new Hono<AppEnv>()
  /** `GET /partners`: every partner organisation, for the vendor backend and channel managers. */
  .get('/partners', async (c) => {
    if (c.get('caller').kind === 'session') sessionWithRole(c, 'channel_manager');
    const { query } = c.get('input');
    const limit = query.limit as number;
    const after = cursorFrom(query);
    const rows = await selectPartnerPage(c.get('services').db, after, limit);
    return c.json(pageOf(rows, limit, toSummary, (row) => ({ key: row.name, id: row.id })));
  })
  /** `GET /partner`: the session's own partner organisation. */
  .get('/partner', async (c) => {
    const session = partnerSession(c);
    const row = await readPartner(c.get('services').db, session.partnerId);
    c.header('etag', etag(row.version));
    return c.json(toProfile(row));
  })
  /** `PATCH /partner`: partner admins change their profile, guarded by If-Match, audited. */
  .patch('/partner', async (c) => {
    const session = partnerSession(c, 'partner_admin');
    const update = c.get('input').body as PartnerProfileUpdate;
    const { db, clock } = c.get('services');
    const now = clock();
    const row = await mutate(db, { actor: session, at: now, requestId: c.get('requestId') }, noEvents, async (tx) => {
      const current = await readPartner(tx, session.partnerId, true);
      requireIfMatch(c, current.version);
      const before = editable(toProfile(current));
      const after = { ...before, ...update };
      const changes = changedFields({ ...before }, { ...after });
      // Nothing changes: no new version, nothing to audit.
      if (Object.keys(changes.after).length === 0) return { result: current, events: [], audit: [] };
      return {
        result: await updatePartnerProfile(tx, session.partnerId, after, now),
        events: [],
        audit: [{ partnerId: session.partnerId, action: 'partner.updated', entityType: 'partner', entityId: session.partnerId, ...changes }],
      };
    });
    c.header('etag', etag(row.version));
    return c.json(toProfile(row));
  });

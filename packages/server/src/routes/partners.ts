import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { partnerSession, sessionWithRole } from '../http/middleware.ts';
import { problems } from '../http/problem.ts';
import { cursorFrom, pageOf } from '../http/cursor.ts';
import { etag, requireIfMatch } from '../http/etag.ts';
import { utc } from '../db/sql.ts';
import type { Queryable } from '../db/database.ts';
import { changedFields, recordAudit } from '../audit/record-audit.ts';

type PartnerProfile = components['schemas']['PartnerProfile'];
type PartnerProfileUpdate = components['schemas']['PartnerProfileUpdate'];
type PartnerSummary = components['schemas']['PartnerSummary'];

interface PartnerRow {
  id: string;
  name: string;
  type: PartnerProfile['type'];
  tier: PartnerProfile['tier'];
  country: string;
  currency: string;
  locale: string;
  website: string | null;
  regions: string[];
  specialisations: string[];
  channel_manager_name: string | null;
  channel_manager_email: string | null;
  channel_manager_phone: string | null;
  version: number;
  updated_at: string;
}

const PARTNER_COLUMNS = `id, name, type, tier, country, currency, locale, website, regions, specialisations,
  channel_manager_name, channel_manager_email, channel_manager_phone, version, ${utc('updated_at')} AS updated_at`;

function toSummary(row: Pick<PartnerRow, 'id' | 'name' | 'tier' | 'country' | 'currency' | 'locale'>): PartnerSummary {
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

async function readPartner(db: Queryable, partnerId: string, forUpdate = false): Promise<PartnerRow> {
  const [row] = await db.query<PartnerRow>(`SELECT ${PARTNER_COLUMNS} FROM partners WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [partnerId]);
  if (!row) throw problems.notFound();
  return row;
}

/** The profile fields a partner admin may change, as stored. */
function editable(profile: PartnerProfile): Record<string, unknown> {
  return { name: profile.name, type: profile.type, website: profile.website, regions: profile.regions, specialisations: profile.specialisations };
}

export const partnerRoutes = new Hono<AppEnv>()
  /** `GET /partners`: every partner organisation, for the vendor backend and channel managers. */
  .get('/partners', async (c) => {
    if (c.get('caller').kind === 'session') sessionWithRole(c, 'channel_manager');
    const { query } = c.get('input');
    const limit = query.limit as number;
    const after = cursorFrom(query);
    const params: unknown[] = [limit + 1];
    let where = 'TRUE';
    if (after) {
      params.push(after.key, after.id);
      where = '(name, id) > ($2, $3::uuid)';
    }
    const rows = await c.get('services').db.query<PartnerRow>(
      `SELECT id, name, tier, country, currency, locale FROM partners WHERE ${where} ORDER BY name, id LIMIT $1`,
      params,
    );
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
    const row = await db.transaction(async (tx) => {
      const current = await readPartner(tx, session.partnerId, true);
      requireIfMatch(c, current.version);
      const before = editable(toProfile(current));
      const after = { ...before, ...update };
      const changes = changedFields(before, after);
      // Nothing changes: no new version, nothing to audit.
      if (Object.keys(changes.after).length === 0) return current;
      const [updated] = await tx.query<PartnerRow>(
        `UPDATE partners SET name = $2, type = $3, website = $4, regions = $5, specialisations = $6,
                version = version + 1, updated_at = $7
          WHERE id = $1 RETURNING ${PARTNER_COLUMNS}`,
        [session.partnerId, after.name, after.type, after.website, after.regions, after.specialisations, clock().toISOString()],
      );
      await recordAudit(tx, {
        actor: session,
        partnerId: session.partnerId,
        action: 'partner.updated',
        entityType: 'partner',
        entityId: session.partnerId,
        ...changes,
        at: clock(),
        requestId: c.get('requestId'),
      });
      return updated!;
    });
    c.header('etag', etag(row.version));
    return c.json(toProfile(row));
  });

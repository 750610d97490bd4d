import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Queryable } from '../db/database.ts';
import type { AppEnv } from './env.ts';
import { problems } from './problem.ts';

/** What a create answers; stored with the key so a retry gets exactly the same answer. */
export interface StoredAnswer {
  status: ContentfulStatusCode;
  headers: Record<string, string>;
  body: unknown;
}

/** Canonical JSON (sorted keys), so the same body hashes the same however it was serialised. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${path}\n${canonical(body)}`).digest('hex');
}

/**
 * Runs a create at most once per (scope, Idempotency-Key). The key row, the created records
 * and the stored answer commit in one transaction: a crash before commit leaves nothing (a
 * retry creates), a crash after it leaves the answer (a retry replays). A concurrent
 * duplicate waits on the key row's lock and then replays.
 */
export async function idempotentCreate(c: Context<AppEnv>, scope: string, create: (tx: Queryable) => Promise<StoredAnswer>): Promise<Response> {
  const key = c.req.header('idempotency-key')!;
  const hash = requestHash(c.req.method, c.req.path, c.get('input').body);
  const answer = await c.get('services').db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_headers, response_body)
       VALUES ($1, $2, $3, 0, '{}', 'null') ON CONFLICT (scope, key) DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (claimed.length === 0) {
      const [stored] = await tx.query<{ request_hash: string; response_status: number; response_headers: Record<string, string>; response_body: unknown }>(
        'SELECT request_hash, response_status, response_headers, response_body FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      if (!stored || stored.request_hash !== hash) throw problems.idempotencyKeyReused();
      return { status: stored.response_status as ContentfulStatusCode, headers: { ...stored.response_headers, 'idempotent-replayed': 'true' }, body: stored.response_body };
    }
    const created = await create(tx);
    await tx.query('UPDATE idempotency_keys SET response_status = $3, response_headers = $4, response_body = $5 WHERE scope = $1 AND key = $2', [
      scope,
      key,
      created.status,
      JSON.stringify(created.headers),
      JSON.stringify(created.body),
    ]);
    return created;
  });
  return c.json(answer.body as object, answer.status, answer.headers);
}

import type { Context } from 'hono';
import { problems } from './problem.ts';

/** The strong ETag of a resource version. */
export function etag(version: number): string {
  return `"v${version}"`;
}

/**
 * The version an update was made on, from an `If-Match` value: 428 when it is missing, 412
 * when it names no current version. `*` matches whatever is current.
 */
export function checkIfMatch(header: string | undefined, current: number): void {
  if (!header) throw problems.preconditionRequired();
  // Strong comparison (RFC 9110): a weak tag `W/"v1"` never matches.
  const tags = header.split(',').map((tag) => tag.trim());
  if (!tags.includes('*') && !tags.includes(etag(current))) throw problems.preconditionFailed();
}

/** `checkIfMatch` on the request's `If-Match` header. */
export function requireIfMatch(c: Context, current: number): void {
  checkIfMatch(c.req.header('if-match'), current);
}

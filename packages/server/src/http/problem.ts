import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ContractIssue } from '@partnerkit/api/contract';
import { messagesFor, negotiateLanguage, type DetailKey, type MessageParams, type TitleKey } from './messages.ts';

/** A field problem before translation: the message is chosen by `code` in the request's language. */
export type FieldIssue = ContractIssue;

/** An error a route throws to answer with RFC 9457 problem details, translated at answer time. */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: TitleKey;
  readonly detailKey: DetailKey;
  readonly params: MessageParams;
  readonly issues: readonly FieldIssue[];
  readonly headers: Record<string, string>;

  constructor(init: { status: ContentfulStatusCode; code: TitleKey; detail: DetailKey; params?: MessageParams; issues?: readonly FieldIssue[]; headers?: Record<string, string> }) {
    super(`${init.code}: ${init.detail}`);
    this.status = init.status;
    this.code = init.code;
    this.detailKey = init.detail;
    this.params = init.params ?? {};
    this.issues = init.issues ?? [];
    this.headers = init.headers ?? {};
  }
}

export const problems = {
  unauthorized: (detail: DetailKey = 'session_required') => new ProblemError({ status: 401, code: 'unauthorized', detail }),
  forbidden: () => new ProblemError({ status: 403, code: 'forbidden', detail: 'role_forbidden' }),
  notFound: (detail: DetailKey = 'resource_not_found') => new ProblemError({ status: 404, code: 'not_found', detail }),
  methodNotAllowed: (method: string, allowed: string[]) =>
    new ProblemError({ status: 405, code: 'method_not_allowed', detail: 'method_not_allowed', params: { method }, headers: { allow: allowed.join(', ') } }),
  validation: (issues: readonly FieldIssue[]) => new ProblemError({ status: 400, code: 'validation_failed', detail: 'request_invalid', issues }),
  idempotencyKeyReused: () => new ProblemError({ status: 409, code: 'idempotency_key_reused', detail: 'idempotency_key_reused' }),
  preconditionFailed: () => new ProblemError({ status: 412, code: 'precondition_failed', detail: 'stale_version' }),
  preconditionRequired: () => new ProblemError({ status: 428, code: 'precondition_required', detail: 'if_match_required' }),
  payloadTooLarge: (limit: number) => new ProblemError({ status: 413, code: 'payload_too_large', detail: 'body_too_large', params: { limit } }),
  unsupportedMediaType: (expected: string) => new ProblemError({ status: 415, code: 'unsupported_media_type', detail: 'media_type', params: { expected } }),
  rateLimited: (seconds: number) =>
    new ProblemError({ status: 429, code: 'rate_limited', detail: 'rate_limited', params: { seconds }, headers: { 'retry-after': String(seconds) } }),
  notReady: () => new ProblemError({ status: 503, code: 'not_ready', detail: 'database_unavailable' }),
  internal: () => new ProblemError({ status: 500, code: 'internal', detail: 'internal' }),
};

/** Writes a problem+json answer in the request's language; `instance` carries the request id. */
export function problemResponse(c: Context, error: ProblemError): Response {
  const language = negotiateLanguage(c.req.header('accept-language'));
  const t = messagesFor(language);
  const body = {
    type: `https://partnerkit.dev/problems/${error.code}`,
    title: t.title(error.code),
    status: error.status,
    code: error.code,
    detail: t.detail(error.detailKey, error.params),
    instance: c.get('requestId') as string | undefined,
    ...(error.issues.length
      ? { errors: error.issues.map((issue) => ({ field: issue.field, code: issue.code, message: t.field(issue.code, issue.params) })) }
      : {}),
  };
  return c.body(JSON.stringify(body), error.status, { ...error.headers, 'content-type': 'application/problem+json', 'content-language': language });
}

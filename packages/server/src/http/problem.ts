import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldError {
  /** JSON pointer into the request, e.g. `/query/limit` or `/body/user/email`. */
  field: string;
  code: string;
  message: string;
}

/** An error a route throws to answer with RFC 9457 problem details. */
export class ProblemError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: readonly FieldError[];

  constructor(status: ContentfulStatusCode, code: string, title: string, detail?: string, errors: readonly FieldError[] = []) {
    super(detail ?? title);
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

export const problems = {
  unauthorized: (detail = 'A valid session token is required.') => new ProblemError(401, 'unauthorized', 'Unauthorized', detail),
  forbidden: (detail = 'This session may not do that.') => new ProblemError(403, 'forbidden', 'Forbidden', detail),
  notFound: (detail = 'No such resource.') => new ProblemError(404, 'not_found', 'Not found', detail),
  validation: (errors: readonly FieldError[]) =>
    new ProblemError(400, 'validation_failed', 'Invalid request', 'The request does not match the contract.', errors),
};

/** Writes a problem+json answer; `instance` carries the request id for support. */
export function problemResponse(c: Context, error: ProblemError): Response {
  const body = {
    type: `https://partnerkit.dev/problems/${error.code}`,
    title: error.title,
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    instance: c.get('requestId') as string | undefined,
    ...(error.errors.length ? { errors: error.errors } : {}),
  };
  return c.body(JSON.stringify(body), error.status, { 'content-type': 'application/problem+json' });
}

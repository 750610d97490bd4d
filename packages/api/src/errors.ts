import type { components } from './generated/schema.ts';

export type Problem = components['schemas']['Problem'];
export type FieldError = components['schemas']['FieldError'];

/**
 * Where a failure came from: `http` is an answer from the server (see `status` and `code`);
 * `network` means no answer arrived; `timeout` means the answer took too long; `aborted`
 * means the caller's AbortSignal fired.
 */
export type PartnerkitErrorKind = 'http' | 'network' | 'timeout' | 'aborted';

/** Every failed client call rejects with this error. */
export class PartnerkitError extends Error {
  override readonly name = 'PartnerkitError';
  readonly kind: PartnerkitErrorKind;
  /** HTTP status, 0 when no answer arrived. */
  readonly status: number;
  /** Stable machine code from the problem document, or the kind for transport failures. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];
  /** The server's request id (problem `instance` or `X-Request-Id`), for support tickets. */
  readonly requestId: string | undefined;

  constructor(init: {
    kind: PartnerkitErrorKind;
    status?: number;
    code: string;
    title: string;
    detail?: string;
    fieldErrors?: readonly FieldError[];
    requestId?: string;
    cause?: unknown;
  }) {
    super(init.detail ?? init.title, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
  }

  /** Builds the error from a non-2xx answer and its parsed body (problem+json when the server sent it). */
  static fromAnswer(response: Response, body: unknown): PartnerkitError {
    const problem: Partial<Problem> = body && typeof body === 'object' ? (body as Partial<Problem>) : {};
    const requestId = typeof problem.instance === 'string' ? problem.instance : (response.headers.get('x-request-id') ?? undefined);
    return new PartnerkitError({
      kind: 'http',
      status: response.status,
      code: typeof problem.code === 'string' ? problem.code : `http_${response.status}`,
      title: typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
      ...(typeof problem.detail === 'string' ? { detail: problem.detail } : {}),
      fieldErrors: Array.isArray(problem.errors) ? problem.errors : [],
      ...(requestId ? { requestId } : {}),
    });
  }
}

export function isPartnerkitError(value: unknown): value is PartnerkitError {
  return value instanceof PartnerkitError;
}

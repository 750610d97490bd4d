import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import { baseMediaType, type ContractIssue } from '@partnerkit/api/contract';
import type { AppEnv } from './env.ts';
import { problems } from './problem.ts';
import { countRequest } from './rate-limit.ts';
import { jsonValueIssues } from './json-value-issues.ts';

/** Largest request body accepted; larger ones are refused with 413 before they are read in full. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Finds the contract operation of a request: 404 for unknown paths, 405 for unknown methods. */
export const matchOperation = createMiddleware<AppEnv>(async (c, next) => {
  const { contract } = c.get('services');
  // Mounted under a prefix (`host.route('/api', app)`), this `*` middleware's route is `/api/*`.
  const mount = c.req.routePath.replace(/\/\*$/, '');
  const path = c.req.path.slice(mount.length) || '/';
  // HEAD is a GET without the body.
  const matched = contract.match(c.req.method === 'HEAD' ? 'GET' : c.req.method, path);
  if (!matched) {
    countRequest(c, undefined);
    const allowed = contract.allowedMethods(path);
    if (allowed.length) throw problems.methodNotAllowed(c.req.method, allowed.map((m) => m.toUpperCase()));
    throw problems.notFound('endpoint_not_found');
  }
  c.set('operation', matched);
  await next();
});

export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw problems.payloadTooLarge(MAX_BODY_BYTES);
  },
});

/** Checks parameters and body against the operation's schemas; routes read `c.get('input')`. */
export const validateRequest = createMiddleware<AppEnv>(async (c, next) => {
  const { operation, pathParams } = c.get('operation');
  const query: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) query[name] = values.length === 1 ? values[0]! : values;
  const checked = operation.checkParameters({ path: pathParams, query, headers: c.req.header() });
  const issues: ContractIssue[] = [...checked.issues];
  let body: unknown;
  if (operation.requestContent.size > 0) {
    const text = await c.req.text();
    if (text.length > 0 || operation.requestBodyRequired) {
      const mediaType = baseMediaType(c.req.header('content-type'));
      if (!operation.requestContent.has(mediaType)) throw problems.unsupportedMediaType([...operation.requestContent.keys()].join(', '));
      if (text.length === 0) {
        issues.push({ field: '/body', code: 'required', params: {} });
      } else {
        try {
          body = JSON.parse(text);
        } catch {
          issues.push({ field: '/body', code: 'json', params: {} });
        }
        if (body !== undefined) {
          const schemaIssues = operation.checkBody(mediaType, body);
          const reported = new Set(schemaIssues.map((issue) => issue.field));
          issues.push(...schemaIssues, ...unstorableText(body, '/body').filter((issue) => !reported.has(issue.field)));
        }
      }
    }
  }
  if (issues.length) throw problems.validation(issues);
  c.set('input', { query: checked.query, path: checked.path, body });
  await next();
});

/**
 * Strings PostgreSQL cannot store (text and jsonb refuse NUL and unpaired surrogates), as
 * field issues, so they are answered 400 instead of failing in the database.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);

function unstorableText(value: unknown, field: string): ContractIssue[] {
  if (typeof value === 'string') return unstorable(value) ? [{ field, code: 'invalid', params: {} }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableText(item, `${field}/${index}`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const pointer = `${field}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return unstorable(key) ? [{ field: pointer, code: 'invalid', params: {} }] : unstorableText(item, pointer);
    });
  }
  return [];
}

/**
 * Checks every answer against the contract. `enforce` replaces a non-conforming answer with
 * a 500 (a bug must not reach clients as data), `log` only reports it.
 *
 * A JSON answer made with `c.json(value)` is checked on `value` itself when it is plain JSON
 * data (objects, arrays, strings, finite numbers, booleans, null), which is what the wire
 * carries; anything else, and any value that fails, is checked on its serialized form, so the
 * verdict is always the wire's. Other answers are read from a clone.
 */
export function validateResponse(mode: 'enforce' | 'log') {
  return createMiddleware<AppEnv>(async (c, next) => {
    const json = c.json;
    let sent: { response: Response; value: unknown } | undefined;
    c.json = ((value: unknown, ...rest: unknown[]) => {
      const response = (json as (value: unknown, ...rest: unknown[]) => Response)(value, ...rest);
      sent = { response, value };
      return response;
    }) as typeof c.json;
    await next();
    const matched = c.get('operation');
    // A 500 is a failure already logged where it happened, not a breach of the contract.
    if (!matched || c.res.status === 500 || c.req.method === 'HEAD') return;
    const mediaType = baseMediaType(c.res.headers.get('content-type'));
    const isJson = mediaType.endsWith('json');
    const check = (body: unknown) => matched.operation.checkResponse(c.res.status, c.res.headers, body).filter((issue) => isJson || !issue.field.startsWith('/body'));
    let issues: ContractIssue[];
    if (isJson && sent?.response === c.res) {
      issues = jsonValueIssues(sent.value, check);
    } else {
      // Other bodies (the CSV export) are streamed and never read here: their status, headers
      // and media type are checked, not their content.
      issues = check(isJson ? parseBody(await c.res.clone().text()) : undefined);
    }
    if (issues.length === 0) return;
    c.get('services').logger({
      level: 'error',
      msg: 'response breaks the contract',
      requestId: c.get('requestId'),
      operation: matched.operationId,
      status: c.res.status,
      issues: issues.map((issue) => `${issue.field} ${issue.code}`),
    });
    if (mode === 'enforce') throw problems.internal();
  });
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import {
  HTTP_METHODS,
  type Header,
  type HttpMethod,
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  type Ref,
  type Response,
} from './openapi-document.ts';

// ajv-formats is CommonJS with `exports.default`; Node hands the whole module object to a default import.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const SCHEMA_BASE = 'https://partnerkit.dev/contract/schemas/';

/**
 * One failed check: `field` is a JSON pointer into the request (`/body/amount`, `/query/limit`,
 * `/header/idempotency-key`, `/path/dealId`) or the response; `code` is stable, `params` fill
 * in the translated message.
 */
export interface ContractIssue {
  field: string;
  code: string;
  params: Record<string, string | number>;
}

export interface RequestParts {
  path: Record<string, string>;
  /** Query values as received; repeated names arrive as arrays. */
  query: Record<string, string | string[]>;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export interface CheckedRequest {
  issues: ContractIssue[];
  /** Query, path and header values coerced to their schema types, with defaults filled in. */
  query: Record<string, unknown>;
  path: Record<string, unknown>;
}

export interface MatchedOperation {
  method: HttpMethod;
  /** The path template, e.g. `/deals/{dealId}`. */
  template: string;
  operationId: string;
  pathParams: Record<string, string>;
  operation: CompiledOperation;
}

interface CompiledResponse {
  headers: { name: string; required: boolean; validate: ValidateFunction | undefined }[];
  content: Map<string, ValidateFunction | undefined>;
}

interface OperationValidators {
  operationId: string;
  params: Record<'query' | 'path' | 'header', ValidateFunction>;
  requestContent: ReadonlyMap<string, ValidateFunction | undefined>;
  requestBodyRequired: boolean;
  security: readonly string[];
  responses: ReadonlyMap<string, CompiledResponse>;
}

/** Validators for one operation, compiled once. */
export class CompiledOperation {
  readonly operationId: string;
  /** Declared request media types and their body validators; empty when the operation takes no body. */
  readonly requestContent: ReadonlyMap<string, ValidateFunction | undefined>;
  readonly requestBodyRequired: boolean;
  /** Names of the security schemes any one of which admits a request; empty for public operations. */
  readonly security: readonly string[];
  readonly #params: OperationValidators['params'];
  readonly #responses: ReadonlyMap<string, CompiledResponse>;

  constructor(validators: OperationValidators) {
    this.operationId = validators.operationId;
    this.requestContent = validators.requestContent;
    this.requestBodyRequired = validators.requestBodyRequired;
    this.security = validators.security;
    this.#params = validators.params;
    this.#responses = validators.responses;
  }

  /** Checks path, query and header parameters, coercing them to their declared types. */
  checkParameters(parts: RequestParts): CheckedRequest {
    const query: Record<string, unknown> = { ...parts.query };
    const path: Record<string, unknown> = { ...parts.path };
    const headers: Record<string, unknown> = { ...parts.headers };
    const issues = [
      ...run(this.#params.query, query, '/query'),
      ...run(this.#params.path, path, '/path'),
      ...run(this.#params.header, headers, '/header'),
    ];
    return { issues, query, path };
  }

  /** Checks a parsed JSON body against the schema of its media type. */
  checkBody(mediaType: string, body: unknown): ContractIssue[] {
    const validate = this.requestContent.get(mediaType);
    return validate ? run(validate, body, '/body') : [];
  }

  /** Checks an answer: declared status, media type, body schema and required headers. */
  checkResponse(status: number, headers: Headers, body: unknown): ContractIssue[] {
    const response = this.#responses.get(String(status)) ?? this.#responses.get(`${String(status)[0]}XX`) ?? this.#responses.get('default');
    if (!response) return [{ field: '/status', code: 'undeclared_status', params: { status } }];
    const issues: ContractIssue[] = [];
    for (const header of response.headers) {
      const value = headers.get(header.name);
      if (value === null) {
        if (header.required) issues.push({ field: `/header/${header.name.toLowerCase()}`, code: 'required', params: {} });
      } else if (header.validate) {
        issues.push(...run(header.validate, value, `/header/${header.name.toLowerCase()}`));
      }
    }
    if (response.content.size === 0) return issues;
    const mediaType = baseMediaType(headers.get('content-type'));
    if (!response.content.has(mediaType)) {
      issues.push({ field: '/header/content-type', code: 'media_type', params: { expected: [...response.content.keys()].join(', '), actual: mediaType || 'none' } });
      return issues;
    }
    const validate = response.content.get(mediaType);
    return validate ? [...issues, ...run(validate, body, '/body')] : issues;
  }
}

/** Compiles every operation of an OpenAPI 3.1 document once and matches requests to them. */
export class ContractValidator {
  readonly #routes: { method: HttpMethod; template: string; pattern: RegExp; names: string[]; literals: number; operation: CompiledOperation }[] = [];

  constructor(document: OpenApiDocument) {
    const bodies = createAjv(document, false);
    const params = createAjv(document, 'array');
    const resolve = <T extends object>(item: T | Ref): T => resolveRef(document, item);
    for (const [template, pathItem] of Object.entries(document.paths)) {
      const { pattern, names, literals } = compileTemplate(template);
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (!operation) continue;
        const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve<Parameter>(p));
        const compiled = new CompiledOperation({
          operationId: operation.operationId ?? `${method} ${template}`,
          params: {
            query: params.compile(parameterObject(parameters, 'query', false)),
            path: params.compile(parameterObject(parameters, 'path', false)),
            header: params.compile(parameterObject(parameters, 'header', true)),
          },
          requestContent: requestContent(operation, bodies, resolve),
          requestBodyRequired: Boolean(operation.requestBody && resolve(operation.requestBody).required),
          security: (operation.security ?? document.security ?? []).flatMap((requirement) => Object.keys(requirement)),
          responses: new Map(Object.entries(operation.responses).map(([status, response]) => [status, compileResponse(resolve<Response>(response), bodies, resolve)])),
        });
        this.#routes.push({ method, template, pattern, names, literals, operation: compiled });
      }
    }
    // Literal segments win over parameters: `/deals/export` before `/deals/{dealId}`.
    this.#routes.sort((a, b) => b.literals - a.literals);
  }

  /** The operation a request is for, with its raw path parameters; undefined when the contract has none. */
  match(method: string, path: string): MatchedOperation | undefined {
    const lower = method.toLowerCase();
    for (const route of this.#routes) {
      if (route.method !== lower) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const pathParams = Object.fromEntries(route.names.map((name, index) => [name, safeDecode(found[index + 1] ?? '')]));
      return { method: route.method, template: route.template, operationId: route.operation.operationId, pathParams, operation: route.operation };
    }
    return undefined;
  }

  /** The methods the contract declares for a path, for `405 Method Not Allowed`. */
  allowedMethods(path: string): HttpMethod[] {
    return this.#routes.filter((route) => route.pattern.test(path)).map((route) => route.method);
  }
}

/** `application/json; charset=utf-8` → `application/json`. */
export function baseMediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function createAjv(document: OpenApiDocument, coerceTypes: false | 'array'): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, coerceTypes, useDefaults: coerceTypes !== false });
  // OpenAPI annotations that are not JSON Schema keywords.
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
  addFormats(ajv);
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    ajv.addSchema(rewriteRefs(schema) as object, `${SCHEMA_BASE}${name}`);
  }
  return ajv;
}

/** Points `#/components/schemas/X` at the schema registered as X. */
function rewriteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? [key, SCHEMA_BASE + value.slice('#/components/schemas/'.length)]
        : [key, rewriteRefs(value)],
    ),
  );
}

function resolveRef<T extends object>(document: OpenApiDocument, item: T | Ref): T {
  if (!('$ref' in item)) return item;
  const target = item.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  if (!target || typeof target !== 'object') throw new Error(`Unresolvable $ref ${item.$ref}`);
  return resolveRef(document, target as T | Ref);
}

function parameterObject(parameters: Parameter[], location: Parameter['in'], open: boolean): JsonSchema {
  const own = parameters.filter((p) => p.in === location);
  // Header names are case-insensitive: they are checked in lower case.
  const key = (p: Parameter) => (location === 'header' ? p.name.toLowerCase() : p.name);
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [key(p), rewriteRefs(p.schema ?? {})])),
    required: own.filter((p) => p.required).map(key),
    additionalProperties: open,
  };
}

function requestContent(operation: Operation, ajv: Ajv2020, resolve: <T extends object>(item: T | Ref) => T): Map<string, ValidateFunction | undefined> {
  if (!operation.requestBody) return new Map();
  const body = resolve(operation.requestBody);
  return new Map(Object.entries(body.content).map(([mediaType, media]) => [mediaType, media.schema === undefined ? undefined : ajv.compile(rewriteRefs(media.schema) as object)]));
}

function compileResponse(response: Response, ajv: Ajv2020, resolve: <T extends object>(item: T | Ref) => T): CompiledResponse {
  return {
    headers: Object.entries(response.headers ?? {}).map(([name, header]) => {
      const resolved = resolve<Header>(header);
      return { name, required: resolved.required ?? false, validate: resolved.schema === undefined ? undefined : ajv.compile(rewriteRefs(resolved.schema) as object) };
    }),
    content: new Map(Object.entries(response.content ?? {}).map(([mediaType, media]) => [mediaType, media.schema === undefined ? undefined : ajv.compile(rewriteRefs(media.schema) as object)])),
  };
}

function compileTemplate(template: string): { pattern: RegExp; names: string[]; literals: number } {
  const names: string[] = [];
  let literals = 0;
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      if (param) {
        names.push(param[1]!);
        return '([^/]+)';
      }
      if (segment) literals += 1;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), names, literals };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const CODES: Record<string, string> = {
  required: 'required',
  additionalProperties: 'additional_property',
  unevaluatedProperties: 'additional_property',
  type: 'type',
  format: 'format',
  enum: 'enum',
  const: 'enum',
  pattern: 'pattern',
  minLength: 'min_length',
  maxLength: 'max_length',
  minimum: 'minimum',
  maximum: 'maximum',
  exclusiveMinimum: 'minimum',
  exclusiveMaximum: 'maximum',
  minItems: 'min_items',
  maxItems: 'max_items',
  uniqueItems: 'unique_items',
  minProperties: 'min_properties',
};

/** Runs a validator and turns Ajv's errors into one issue per field, most specific first. */
function run(validate: ValidateFunction, data: unknown, prefix: string): ContractIssue[] {
  if (validate(data)) return [];
  const byField = new Map<string, ContractIssue>();
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error, prefix);
    if (!issue) continue;
    const known = byField.get(issue.field);
    // Wrapper keywords (anyOf for nullable values) only fill in when nothing more specific was said.
    if (!known || (known.code === 'invalid' && issue.code !== 'invalid')) byField.set(issue.field, issue);
  }
  return [...byField.values()];
}

function toIssue(error: ErrorObject, prefix: string): ContractIssue | undefined {
  const params = error.params as Record<string, unknown>;
  let field = prefix + error.instancePath;
  if (error.keyword === 'if') return undefined;
  if (error.keyword === 'required') field += `/${String(params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') field += `/${String(params.additionalProperty)}`;
  if (error.keyword === 'unevaluatedProperties') field += `/${String(params.unevaluatedProperty)}`;
  const code = CODES[error.keyword] ?? 'invalid';
  const out: Record<string, string | number> = {};
  if (typeof params.limit === 'number') out.limit = params.limit;
  if (typeof params.format === 'string') out.format = params.format;
  if (typeof params.type === 'string') out.type = params.type;
  if (Array.isArray(params.type)) out.type = params.type.join(', ');
  if (Array.isArray(params.allowedValues)) out.allowed = params.allowedValues.join(', ');
  if (params.allowedValue !== undefined) out.allowed = String(params.allowedValue);
  return { field, code, params: out };
}

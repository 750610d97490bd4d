// The Partnerkit conformance suite: checks that a backend keeps the contract, over HTTP,
// against any base URL. Every answer it sees is validated against the OpenAPI document.
import { ContractValidator, readOpenApiDocument } from '@partnerkit/api/contract';

export interface Target {
  /** Base URL of the API under test, e.g. `https://partners.example.com/api`. */
  baseUrl: string;
  /** The vendor secret key, used as `POST /sessions` and `GET /partners` credentials. */
  secretKey: string;
  /** Replaces global fetch (tests wrap it to simulate broken servers). */
  fetch?: typeof globalThis.fetch;
}

export interface Check {
  name: string;
  run(context: Context): Promise<void>;
}

/** A contract breach found by a check; the message says what was expected and what came. */
export class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

const contract = new ContractValidator(readOpenApiDocument());

/** What the checks share: credentials for two partners and a channel manager, and a checked fetch. */
export class Context {
  readonly #target: Target;
  readonly #tokens = new Map<string, string>();
  partnerA = '';
  partnerB = '';
  /** A unique tag per run, so ids and keys of repeated runs never collide. */
  readonly run = `conformance-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(target: Target) {
    this.#target = target;
  }

  /** Sends a request, checks the answer against the contract, and returns it parsed. */
  async request(method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {}): Promise<Answer> {
    const url = this.#target.baseUrl.replace(/\/$/, '') + path;
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined = init.rawBody;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await (this.#target.fetch ?? fetch)(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Left as text: the contract check below reports a body that is not JSON.
    }
    const operation = contract.match(method, path.split('?')[0]!);
    if (!operation) throw new ConformanceError(`${method} ${path} is not an operation of the contract`);
    const issues = operation.operation.checkResponse(response.status, response.headers, parsed);
    if (issues.length) {
      throw new ConformanceError(
        `${method} ${path} answered ${response.status}, which breaks the contract:\n` + issues.map((issue) => `  - ${issue.field}: ${issue.code} ${JSON.stringify(issue.params)}`).join('\n'),
      );
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** A session token from `POST /sessions` for a conformance user of `partnerId` (none for a channel manager). */
  async token(role: 'partner_user' | 'partner_admin' | 'channel_manager', partnerId?: string): Promise<string> {
    const cacheKey = `${role}:${partnerId ?? ''}`;
    const known = this.#tokens.get(cacheKey);
    if (known) return known;
    const id = `${this.run}-${role}-${partnerId ?? 'vendor'}`;
    const answer = await this.request('POST', '/sessions', {
      token: this.#target.secretKey,
      body: { ...(partnerId ? { partnerId } : {}), user: { id, email: `${id}@conformance.example`, name: `Conformance ${role}` }, role },
    });
    expectStatus(answer, 201, 'POST /sessions with the secret key');
    const token = (answer.body as { token: string }).token;
    this.#tokens.set(cacheKey, token);
    return token;
  }

  get secretKey(): string {
    return this.#target.secretKey;
  }
}

export function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) {
    const problem = answer.body as { code?: string; detail?: string } | undefined;
    throw new ConformanceError(`${what}: expected ${status}, got ${answer.status}${problem?.code ? ` (${problem.code}: ${problem.detail ?? ''})` : ''}`);
  }
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

/** Prepares the context: two partner organisations from `GET /partners`. */
export async function connect(target: Target): Promise<Context> {
  const context = new Context(target);
  const answer = await context.request('GET', '/partners?limit=2', { token: target.secretKey });
  expectStatus(answer, 200, 'GET /partners with the secret key');
  const partners = (answer.body as { data: { id: string }[] }).data;
  expect(partners.length >= 2, `the conformance suite needs two partner organisations, GET /partners listed ${partners.length}`);
  context.partnerA = partners[0]!.id;
  context.partnerB = partners[1]!.id;
  return context;
}

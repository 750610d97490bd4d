// Why the server cannot start, said in one sentence that tells the operator what to do.
import { MIN_SECRET_KEY_LENGTH } from './auth/session-tokens.ts';

/** A failure to start whose message is that sentence; the underlying error, if any, is its cause. */
export class StartupError extends Error {
  constructor(sentence: string, options?: { cause?: unknown }) {
    super(sentence, options);
    this.name = 'StartupError';
  }
}


/** The vendor secret key, or a StartupError saying how to set one. */
export function requireSecretKey(key: string | undefined): string {
  if (!key) throw new StartupError(`PARTNERKIT_SECRET_KEY is not set: set it to a random secret of at least ${MIN_SECRET_KEY_LENGTH} characters.`);
  if (key.length < MIN_SECRET_KEY_LENGTH) {
    throw new StartupError(`PARTNERKIT_SECRET_KEY is ${key.length} characters long: set it to a random secret of at least ${MIN_SECRET_KEY_LENGTH} characters.`);
  }
  return key;
}

/** Where a database URL points, without its credentials. */
function serverOf(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/** Opening or migrating PostgreSQL failed: what the operator should check. */
export function databaseStartupError(error: unknown, databaseUrl: string): StartupError {
  const at = serverOf(databaseUrl);
  const code = codeOf(error);
  const sentence =
    code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN'
      ? `Cannot reach the database at DATABASE_URL (${at}): start PostgreSQL there or set DATABASE_URL to a server that runs.`
      : code === '28P01' || code === '28000'
        ? `The database at DATABASE_URL (${at}) refused the login: correct the user and password in DATABASE_URL.`
        : code === '3D000'
          ? `The database named in DATABASE_URL (${at}) does not exist: create it or correct DATABASE_URL.`
          : `Cannot use the database at DATABASE_URL (${at}): check that PostgreSQL runs there with the pg_trgm extension, or run with DEBUG=partnerkit to see why.`;
  return new StartupError(sentence, { cause: error });
}

/** Binding the HTTP port failed. */
export function portStartupError(error: unknown, port: number): StartupError {
  const code = codeOf(error);
  const sentence =
    code === 'EADDRINUSE'
      ? `Port ${port} is already in use: stop the program that uses it or set PORT to a free port.`
      : code === 'EACCES'
        ? `Port ${port} may not be opened by this user: set PORT to a port above 1023.`
        : `Cannot listen on port ${port}: set PORT to another port, or run with DEBUG=partnerkit to see why.`;
  return new StartupError(sentence, { cause: error });
}

/** `DEBUG=partnerkit` (or a list naming it, or `*`) asks for stacks. */
function debugging(): boolean {
  return (process.env.DEBUG ?? '').split(',').some((name) => ['partnerkit', '*'].includes(name.trim()));
}

/**
 * Ends a process that could not start: one line on stderr saying what to do, and exit code 1.
 * Stacks (the error's and its cause's) only with `DEBUG=partnerkit`.
 */
export function exitOnStartupFailure(error: unknown): never {
  const sentence = error instanceof StartupError ? error.message : `The server could not start (${error instanceof Error ? error.message : String(error)}): run with DEBUG=partnerkit to see why.`;
  console.error(sentence.replace(/\s*\n\s*/g, ' '));
  if (debugging()) {
    for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
      console.error(cause instanceof Error ? cause.stack : String(cause));
    }
  }
  process.exit(1);
}

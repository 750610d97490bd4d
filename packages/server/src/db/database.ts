import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { openPostgres } from './postgres.ts';

/** The part of a database connection that routes and migrations use. */
export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** Answers when the database does (readiness). */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

/** A database: PGlite embedded by default, or a PostgreSQL server (`postgres.ts`); both speak the same SQL. */
export interface Database extends Queryable {
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface PgliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(db: PgliteLike): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/**
 * Opens an embedded PostgreSQL (PGlite). With `dataDir` the data lives in that folder and
 * survives restarts; without it the database is in memory (tests).
 */
export async function openPglite(options: { dataDir?: string } = {}): Promise<Database> {
  // pg_trgm: trigram similarity and indexed text search.
  const pg = new PGlite({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm } });
  await pg.waitReady;
  return {
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  };
}

/** PostgreSQL when a connection URL is given (`DATABASE_URL`), else PGlite in `dataDir` or in memory. */
export function openDatabase(options: { databaseUrl?: string | undefined; dataDir?: string | undefined } = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir ? { dataDir: options.dataDir } : {});
}

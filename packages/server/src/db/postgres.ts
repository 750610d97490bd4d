import pg from 'pg';
import type { Database, Queryable } from './database.ts';

type Parser = (value: string) => unknown;

// Values come back as PGlite returns them, so routes and tests see the same shapes on both:
// int8 is a number (a bigint beyond 2^53), date/timestamp/timestamptz are Dates (a `date` at UTC
// midnight), bytea is a Uint8Array; numeric, interval, time, money and uuid stay text.
const int8: Parser = (value) => {
  const n = BigInt(value);
  return n < Number.MIN_SAFE_INTEGER || n > Number.MAX_SAFE_INTEGER ? n : Number(n);
};
const date: Parser = (value) => (value === 'infinity' ? Infinity : value === '-infinity' ? -Infinity : new Date(value));
const number: Parser = (value) => +value;
const scalarParsers: Record<number, Parser> = {
  16: (value) => value === 't',
  17: (value) => Uint8Array.from(Buffer.from(value.slice(2), 'hex')),
  20: int8,
  21: number, // int2
  23: number, // int4
  26: number, // oid
  700: number, // float4
  701: number, // float8
  114: (value) => JSON.parse(value), // json
  3802: (value) => JSON.parse(value), // jsonb
  1082: date,
  1114: date,
  1184: date,
};
/** pg's text[] parser: nested arrays of strings and nulls. */
const textArray = (pg.types.getTypeParser as (oid: number) => (value: string) => unknown[])(1009);
const mapArray = (items: unknown[], parse: Parser): unknown[] =>
  items.map((item) => (Array.isArray(item) ? mapArray(item, parse) : item === null ? null : parse(item as string)));

/** Same values as PGlite sends: a Date as its ISO instant rather than pg's local-time string. */
const toParam = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await client.query<Row>(sql, params.map(toParam))).rows;
    },
    async exec(sql: string) {
      await client.query(sql); // no parameters: the simple protocol runs several statements
    },
  };
}

/** Connects to a PostgreSQL server (`postgres://user:password@host:port/database`) through a pool. */
export async function openPostgres(connectionString: string): Promise<Database> {
  const parsers = new Map<number, Parser>(Object.entries(scalarParsers).map(([oid, parse]) => [Number(oid), parse]));
  const pool = new pg.Pool({
    connectionString,
    // Sessions run in UTC like PGlite, whatever the server's default time zone.
    options: '-c TimeZone=UTC',
    types: { getTypeParser: ((oid: number) => parsers.get(oid) ?? String) as typeof pg.types.getTypeParser },
  });
  // An idle connection closed by the server (restart, dropped database): the pool opens a new one.
  pool.on('error', () => {});
  // Arrays of every type, parsed element by element as PGlite does (it runs this query too).
  const arrays = await pool.query<{ oid: number; typarray: number }>(
    `SELECT b.oid, b.typarray FROM pg_catalog.pg_type a JOIN pg_catalog.pg_type b ON b.oid = a.typelem
      WHERE a.typcategory = 'A' GROUP BY b.oid, b.typarray`,
  );
  for (const { oid, typarray } of arrays.rows) {
    const element = scalarParsers[oid] ?? String;
    parsers.set(typarray, (value) => mapArray(textArray(value), element));
  }
  return {
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        // A connection that cannot even roll back is discarded rather than reused.
        const rollback = await client.query('ROLLBACK').then(() => undefined, (failure: Error) => failure);
        client.release(rollback);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

import { randomBytes } from 'node:crypto';
import { createApp } from './app.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { generateSeed, type SeedOptions } from './seed/generate.ts';
import { loadSeed } from './seed/load.ts';
import { features } from './features.ts';
import { startSweeps } from './sweeps.ts';
import type { Logger } from './http/logger.ts';
import { databaseStartupError, requireSecretKey } from './startup-errors.ts';

export interface ReferenceServerOptions {
  /** PostgreSQL connection URL (`DATABASE_URL`); the embedded PGlite when omitted. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; in memory when omitted. Unused with `databaseUrl`. */
  dataDir?: string;
  /** Vendor secret key; a random one is generated when omitted (printed by the caller). */
  secretKey?: string;
  /** Seed an empty database with the deterministic demo data. Default true. */
  seed?: boolean | SeedOptions;
  /** Receives the request and error records; JSON lines on stdout/stderr by default. */
  logger?: Logger;
}

export interface ReferenceServer {
  app: ReturnType<typeof createApp>;
  db: Database;
  secretKey: string;
  /** True when this start loaded the seed (an empty database). */
  seeded: boolean;
  close(): Promise<void>;
}

/** Opens PostgreSQL and migrates it; a failure becomes a StartupError that says what to check. */
async function openPostgresOrExplain(databaseUrl: string): Promise<Database> {
  let db: Database | undefined;
  try {
    db = await openDatabase({ databaseUrl });
    await migrate(db);
    return db;
  } catch (error) {
    await db?.close().catch(() => {});
    throw databaseStartupError(error, databaseUrl);
  }
}

async function openAndMigrate(options: ReferenceServerOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgresOrExplain(options.databaseUrl);
  const db = await openDatabase({ dataDir: options.dataDir });
  await migrate(db);
  return db;
}

/**
 * Opens the database, applies migrations, seeds an empty database, and builds the app. What an
 * operator must fix (a short secret key, an unreachable database) is thrown as a StartupError.
 */
export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  if (options.secretKey !== undefined) requireSecretKey(options.secretKey);
  const db = await openAndMigrate(options);
  const seedOptions = options.seed === undefined || options.seed === true ? {} : options.seed;
  const seeded = seedOptions ? await loadSeed(db, generateSeed(seedOptions)) : false;
  const secretKey = options.secretKey ?? `pk_dev_${randomBytes(24).toString('base64url')}`;
  const app = createApp({ db, secrets: [secretKey], ...(options.logger ? { logger: options.logger } : {}) });
  const stopSweeps = startSweeps(features, db, () => new Date(), (sweep, error) => console.error(JSON.stringify({ level: 'error', msg: 'sweep failed', sweep, error: String(error) })));
  return {
    app,
    db,
    secretKey,
    seeded,
    async close() {
      stopSweeps();
      await db.close();
    },
  };
}

import type { Hono } from 'hono';
import type { Database } from './db/database.ts';
import type { AppEnv } from './http/env.ts';

/** Work a feature needs done on a timer while the server runs (e.g. ending what is past its time). */
export interface ScheduledSweep {
  /** Named in the error log when a run fails. */
  name: string;
  intervalMs: number;
  run(db: Database, now: Date): Promise<unknown>;
}

/**
 * A product feature as the core sees it: routes to mount, settings a vendor may override on
 * `createApp({ [name]: { … } })`, and sweeps a started server schedules. The core knows nothing
 * else of it; features register in `features.ts`.
 */
export interface FeatureModule<Name extends string = string, Settings extends object = object> {
  name: Name;
  defaultSettings: Settings;
  /** The feature's routes, given its settings (the defaults merged with the app's options). */
  routes(settings: Settings): Hono<AppEnv>;
  sweeps?: readonly ScheduledSweep[];
  /** Folders of its SQL migrations (`NNN_name.sql`, numbered once for the whole schema). */
  migrations?: readonly string[];
}

/** Keeps the literal name and settings type, so `createApp` options are typed per feature. */
export function defineFeature<const Name extends string, Settings extends object>(module: FeatureModule<Name, Settings>): FeatureModule<Name, Settings> {
  return module;
}

/** A feature's settings: its defaults, overridden field by field by the app's options. */
export function settingsOf<Settings extends object>(module: FeatureModule<string, Settings>, overrides: unknown): Settings {
  return { ...module.defaultSettings, ...(overrides && typeof overrides === 'object' ? overrides : {}) };
}

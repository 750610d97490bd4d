import type { Database } from './db/database.ts';
import type { FeatureModule } from './feature-module.ts';

/** Starts every feature's sweeps on their intervals; returns a function that stops them all. */
export function startSweeps(modules: readonly FeatureModule[], db: Database, clock: () => Date, onError: (sweep: string, error: unknown) => void): () => void {
  const timers = modules.flatMap((module) =>
    (module.sweeps ?? []).map((sweep) => {
      const timer = setInterval(() => {
        sweep.run(db, clock()).catch((error: unknown) => onError(`${module.name}.${sweep.name}`, error));
      }, sweep.intervalMs);
      // A sweep never keeps the process alive on its own.
      timer.unref();
      return timer;
    }),
  );
  return () => timers.forEach((timer) => clearInterval(timer));
}

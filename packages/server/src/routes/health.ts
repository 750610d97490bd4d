import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { problems } from '../http/problem.ts';
import { ping } from '../db/database.ts';

/** `GET /healthz` (the process answers) and `GET /readyz` (the database answers too). */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' as const }))
  .get('/readyz', async (c) => {
    try {
      await ping(c.get('services').db);
    } catch {
      throw problems.notReady();
    }
    return c.json({ status: 'ok' as const });
  });

import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { problems } from '../http/problem.ts';

/** `GET /healthz` (the process answers) and `GET /readyz` (the database answers too). */
export const healthRoutes = new Hono<AppEnv>()
  .get('/healthz', (c) => c.json({ status: 'ok' as const }))
  .get('/readyz', async (c) => {
    try {
      await c.get('services').db.query('SELECT 1');
    } catch {
      throw problems.notReady();
    }
    return c.json({ status: 'ok' as const });
  });

import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { sessionWithRole } from '../http/middleware.ts';
import { selectActiveProducts } from '../queries/product-queries.ts';

/** `GET /products`: the active catalogue, for deal line items. */
export const productRoutes = new Hono<AppEnv>().get('/products', async (c) => {
  sessionWithRole(c, 'partner_user', 'partner_admin', 'channel_manager');
  return c.json({ data: await selectActiveProducts(c.get('services').db) });
});

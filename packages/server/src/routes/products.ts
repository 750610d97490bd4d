import { Hono } from 'hono';
import type { components } from '@partnerkit/api';
import type { AppEnv } from '../http/env.ts';
import { sessionWithRole } from '../http/middleware.ts';

type Product = components['schemas']['Product'];

/** `GET /products`: the active catalogue, for deal line items. */
export const productRoutes = new Hono<AppEnv>().get('/products', async (c) => {
  sessionWithRole(c, 'partner_user', 'partner_admin', 'channel_manager');
  const rows = await c.get('services').db.query<{ id: string; sku: string; name: string; family: string; list_prices: Product['listPrices'] }>(
    'SELECT id, sku, name, family, list_prices FROM products WHERE active ORDER BY family, name',
  );
  return c.json({ data: rows.map((row) => ({ id: row.id, sku: row.sku, name: row.name, family: row.family, listPrices: row.list_prices })) });
});

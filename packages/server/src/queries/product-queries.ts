import type { components } from '@partnerkit/api';
import type { Queryable } from '../db/database.ts';

type Product = components['schemas']['Product'];

/** The active catalogue, by family and name. */
export async function selectActiveProducts(db: Queryable): Promise<Product[]> {
  const rows = await db.query<{ id: string; sku: string; name: string; family: string; list_prices: Product['listPrices'] }>(
    'SELECT id, sku, name, family, list_prices FROM products WHERE active ORDER BY family, name',
  );
  return rows.map((row) => ({ id: row.id, sku: row.sku, name: row.name, family: row.family, listPrices: row.list_prices }));
}

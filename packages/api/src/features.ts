// Every feature's client slice, by the name it takes on the client (`client.deals`), and its
// exports. A new feature adds itself here; `createClient`, `PartnerkitClient` and the package's
// entry pick it up.
import type { Transport } from './client.ts';
import { dealsClient } from './deals/client.ts';

export * from './deals/index.ts';

const slices = {
  deals: dealsClient,
} satisfies Record<string, (transport: Transport) => object>;

export type FeatureClients = { [Name in keyof typeof slices]: ReturnType<(typeof slices)[Name]> };

export function featureClients(transport: Transport): FeatureClients {
  return Object.fromEntries(Object.entries(slices).map(([name, slice]) => [name, slice(transport)])) as FeatureClients;
}

import { defineFeature } from '../feature-module.ts';
import { dealRoutes } from './routes.ts';
import { defaultDealSettings } from './settings.ts';
import { expireDeals } from './expiry.ts';

/** Deal registration: the model every feature module copies. */
export const dealsModule = defineFeature({
  name: 'deals',
  defaultSettings: defaultDealSettings,
  routes: dealRoutes,
  // Protection periods end on time even when nobody reads the deals.
  sweeps: [{ name: 'expiry', intervalMs: 60_000, run: (db, now) => expireDeals(db, now) }],
  // Its tables were created by the schema's first migrations (001–005 in the core's folder, which
  // predate feature folders); later changes go in `deals/migrations/` and are listed here.
});

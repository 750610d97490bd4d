import { dealsModule } from './deals/module.ts';

/** Every feature the server serves; a new feature adds its module here and nowhere else in the core. */
export const features = [dealsModule] as const;

/** `createApp` options per feature: `{ deals: Partial<DealSettings> }` and so on, from the modules' names. */
export type FeatureOptions = { [M in (typeof features)[number] as M['name']]?: Partial<M['defaultSettings']> };

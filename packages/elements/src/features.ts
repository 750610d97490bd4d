import type { Feature } from './core/feature.ts';
import { dealsFeature } from './deals/feature.ts';

/** Every feature of the portal; a new feature adds its line here. */
export const features: readonly Feature[] = [dealsFeature];

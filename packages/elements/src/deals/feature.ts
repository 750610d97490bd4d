import type { Feature } from '../core/feature.ts';
import { dealDetailNamespace, dealsNamespace } from './locales.ts';

/** Deal registration: partners register and follow their deals; channel managers review them. */
export const dealsFeature: Feature = {
  name: 'deals',
  elements: {
    'pk-deal-list': 'deals/define/pk-deal-list.ts',
    'pk-deal-detail': 'deals/define/pk-deal-detail.ts',
    'pk-deal-registration': 'deals/define/pk-deal-registration.ts',
    'pk-deal-review-queue': 'deals/define/pk-deal-review-queue.ts',
  },
  namespaces: [dealsNamespace, dealDetailNamespace],
  budget: 25 * 1024,
};

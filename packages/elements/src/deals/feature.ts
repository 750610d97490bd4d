import type { Feature } from '../core/feature.ts';
import { dealDetailNamespace, dealsNamespace } from './locales.ts';

/** Deal registration: partners register and follow their deals; channel managers review them. */
export const dealsFeature: Feature = {
  name: 'deals',
  elements: {
    'pk-deal-list': '@partnerkit/elements/define/pk-deal-list',
    'pk-deal-detail': '@partnerkit/elements/define/pk-deal-detail',
    'pk-deal-registration': '@partnerkit/elements/define/pk-deal-registration',
    'pk-deal-review-queue': '@partnerkit/elements/define/pk-deal-review-queue',
  },
  namespaces: [dealsNamespace, dealDetailNamespace],
  budget: 25 * 1024,
};

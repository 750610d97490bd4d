// Registers every element of deal registration.
import './pk-deal-list.ts';
import './pk-deal-detail.ts';
import './pk-deal-review-queue.ts';
import './pk-deal-registration.ts';

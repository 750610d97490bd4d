// Registers every Partnerkit element; the portal first, so it provides before its children ask.
import './pk-portal.ts';
import './pk-deal-list.ts';
import './pk-button.ts';
import './pk-text-field.ts';
import './pk-textarea.ts';
import './pk-select.ts';
import './pk-checkbox.ts';
import './pk-radio-group.ts';
import './pk-money-field.ts';
import './pk-date-field.ts';
import './pk-deal-detail.ts';
import './pk-deal-review-queue.ts';

// Registers every Partnerkit element; the portal first, so it provides before its children ask.
import './pk-portal.ts';
import './pk-deal-list.ts';

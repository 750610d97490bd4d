// What every Partnerkit page loads before any feature: the portal, page-wide configuration and
// the data controller (with lit, @lit/context, i18next and the API client).
export { PkPortal } from '../../packages/elements/src/portal/pk-portal.ts';
export { Partnerkit } from '../../packages/elements/src/core/configure.ts';
export { DataController } from '../../packages/elements/src/core/data-controller.ts';
import '../../packages/elements/src/define/pk-portal.ts';

export { PkPortal } from './portal/pk-portal.ts';
export { PkDealList } from './deals/pk-deal-list.ts';
export { clientContext, sessionContext, localizationContext } from './core/contexts.ts';
export { createI18n, localize, resolveLocale, SUPPORTED_LOCALES, NAMESPACES } from './core/i18n.ts';
export type { Localization, SupportedLocale, Namespace } from './core/i18n.ts';
export { ResourceController } from './core/resource-controller.ts';
export type { ResourceStatus } from './core/resource-controller.ts';
export { formatMoney, formatDate, formatRelative } from './core/format.ts';
export { defineElement } from './core/define.ts';

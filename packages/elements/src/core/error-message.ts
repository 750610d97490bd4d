import { PartnerkitError } from '@partnerkit/api';
import type { Localization } from './i18n.ts';

/** The user-facing sentence for a failed load, in the user's language. */
export function errorMessage(error: PartnerkitError, l10n: Localization): string {
  if (error.kind === 'network') return l10n.t('error.network', { ns: 'common' });
  if (error.kind === 'timeout') return l10n.t('error.timeout', { ns: 'common' });
  if (error.status === 401) return l10n.t('error.unauthorized', { ns: 'common' });
  if (error.status === 403) return l10n.t('error.forbidden', { ns: 'common' });
  return l10n.t('error.generic', { ns: 'common' });
}

/** Any failure as a `PartnerkitError`: thrown values that are not one count as network failures. */
export function asPartnerkitError(error: unknown): PartnerkitError {
  return error instanceof PartnerkitError ? error : new PartnerkitError({ kind: 'network', code: 'unknown', title: String(error), cause: error });
}

import { html, nothing, type TemplateResult } from 'lit';
import { isDealEditable, type Deal, type PartnerkitError } from '@partnerkit/api';
import { errorMessage } from '../../core/error-message.ts';
import { formatDate, formatElapsed } from '../../core/format.ts';
import type { RegistrationView } from './registration-view.ts';

// The registration's notices and the states around its form: a restored draft, a submission
// waiting to be sent, the channel manager's question, the edited deal loading / failing / no
// longer editable, and the confirmation.

type Words = Pick<RegistrationView, 't' | 'l10n'>;

export function renderRestored(view: Words, savedAt: string, discardLabel: string, onDiscard: () => void): TemplateResult {
  return html`<pk-alert part="notice" class="notice" variant="info">
    ${view.t('draft.restored', { when: formatElapsed(savedAt, view.l10n.locale) })}
    <pk-button slot="actions" type="button" variant="secondary" size="small" @click=${onDiscard}>${discardLabel}</pk-button>
  </pk-alert>`;
}

export function renderPending(view: Words, onRetry: () => void): TemplateResult {
  return html`<pk-alert part="pending" class="notice" variant="info">
    <strong slot="heading">${view.t('pending.heading')}</strong>
    ${view.t('pending.message')}
    <pk-button slot="actions" type="button" variant="secondary" size="small" @click=${onRetry}>${view.t('action.retry')}</pk-button>
  </pk-alert>`;
}

/** The channel manager's question on a deal returned for more information. */
export function renderQuestion(view: Words, deal: Deal | undefined): TemplateResult | typeof nothing {
  const question = deal?.status === 'info_requested' && deal.decisionReason;
  return question ? html`<pk-alert part="question" class="notice" variant="info"><strong slot="heading">${view.t('edit.question')}</strong>${question}</pk-alert>` : nothing;
}

/**
 * An edited deal before its form: the load failed (with Retry), it is loading, or it can no longer
 * be changed. Undefined when the form shows.
 */
export function renderEditState(view: Words, state: { deal: Deal | undefined; error: PartnerkitError | undefined; busy: boolean; onRetry: () => void }): TemplateResult | undefined {
  const { deal, error } = state;
  if (error && !deal) return html`<pk-error-state request-id=${error.requestId ?? ''} @pk-retry=${state.onRetry}>${errorMessage(error, view.l10n)}</pk-error-state>`;
  if (!deal) {
    return html`<p class="visually-hidden" role="status">${view.t('edit.loading')}</p>
      <pk-skeleton lines="6"></pk-skeleton>`;
  }
  if (!isDealEditable(deal.status) && !state.busy) {
    return html`<pk-alert part="notice" variant="info">${view.t('edit.notEditable', { status: view.l10n.t(`status.${deal.status}`, { ns: 'deals' }) })}</pk-alert>`;
  }
  return undefined;
}

/** The confirmation: reference, status and what happens next. */
export function renderSuccess(view: Words, deal: Deal, options: { resubmitted: boolean; onAnother: (() => void) | undefined }): TemplateResult {
  const { t, l10n } = view;
  const status = deal.status;
  const next =
    status === 'approved'
      ? deal.expiresAt
        ? t('success.next.approved', { date: formatDate(deal.expiresAt.slice(0, 10), l10n.locale) })
        : t('success.next.approvedNoDate')
      : ['submitted', 'info_requested', 'rejected'].includes(status)
        ? t(`success.next.${status}`)
        : t('success.next.other');
  return html`<section part="success" aria-labelledby="success-heading">
    <h3 id="success-heading" tabindex="-1">${t(options.resubmitted ? 'edit.resubmitted' : 'success.heading')}</h3>
    <dl>
      <dt>${t('success.reference')}</dt>
      <dd class="reference">${deal.reference}</dd>
      <dt>${t('success.status')}</dt>
      <dd>${l10n.t(`status.${status}`, { ns: 'deals' })}</dd>
    </dl>
    <p>${next}</p>
    ${options.onAnother ? html`<pk-button type="button" @click=${options.onAnother}>${t('action.another')}</pk-button>` : nothing}
  </section>`;
}

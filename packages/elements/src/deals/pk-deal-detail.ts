import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { dealTransitions, isPartnerkitError, type Deal, type DealEvent, type DealTransition } from '@partnerkit/api';
import type { Localization } from '../core/i18n.ts';
import { PortalElement } from '../core/portal-element.ts';
import { DataController } from '../core/data-controller.ts';
import { errorMessage } from '../core/error-message.ts';
import { renderStates } from '../core/render-states.ts';
import { countryName, formatDate, formatDateTime, formatMoney, formatPercent, formatRelative } from '../core/format.ts';
import { dealDetailStyles } from './pk-deal-detail.styles.ts';
import { PkDealChangedEvent, PkDealEditEvent, type DealDetail } from './events.ts';
import type { ElementDependencies } from '../core/define.ts';
import { dealsNamespace, dealDetailNamespace } from './locales.ts';
import { PkAlert } from '../ui/pk-alert.ts';
import { PkButton } from '../ui/pk-button.ts';
import { PkDialog } from '../ui/pk-dialog.ts';
import { PkErrorState } from '../ui/pk-error-state.ts';
import { PkSkeleton } from '../ui/pk-skeleton.ts';
import { PkStatusChip } from '../ui/pk-status-chip.ts';
import { PkTextarea } from '../ui/pk-textarea.ts';

type Action = DealTransition['action'];

interface Loaded {
  deal: Deal;
  etag: string;
  events: DealEvent[];
}

/** How each workflow action looks; which ones are offered comes with the deal (`allowedActions`). */
const TONES: Record<Action, 'primary' | 'secondary' | 'danger'> = {
  submit: 'primary', win: 'primary', approve: 'primary', lose: 'secondary', request_info: 'secondary', withdraw: 'danger', reject: 'danger',
};

/**
 * One deal registration: every field, the timeline, and the actions its status allows the
 * signed-in user — resubmit, withdraw, mark won or lost for the partner; approve, reject or
 * ask for information (with a required reason) for the channel manager.
 *
 * @tag pk-deal-detail
 * @summary A deal registration's fields, timeline and the actions its status allows.
 * @csspart header - Reference, customer and status.
 * @csspart fields - The field groups.
 * @csspart timeline - The list of events.
 * @csspart actions - The action buttons.
 * @csspart error - The `<pk-error-state>` when the deal could not be loaded.
 * @csspart forbidden - The message when the session may not see the deal.
 * @csspart offline - The note that the deal shown may be out of date.
 * @fires pk-deal-changed - After an action succeeded; `detail.deal` is the deal as it is now. Lists and queues on the page showing the deal refresh by themselves.
 * @fires pk-deal-edit - The partner asked to edit the deal (draft or info requested); `detail.deal`. The host opens its form.
 * @fires pk-loaded - The deal is on screen (first time and after each refresh); `detail.key` is `deal:<id>`.
 * @fires pk-load-error - The deal could not be loaded; `detail.kind` says why (connection, authentication, not_found…).
 */
export class PkDealDetail extends PortalElement {
  /** The elements it renders, registered with it. @internal */
  static dependencies: ElementDependencies = { 'pk-alert': PkAlert, 'pk-button': PkButton, 'pk-dialog': PkDialog, 'pk-error-state': PkErrorState, 'pk-skeleton': PkSkeleton, 'pk-status-chip': PkStatusChip, 'pk-textarea': PkTextarea };
  /** Its strings' namespaces, loaded before it renders text. @internal */
  static override namespaces = [dealsNamespace, dealDetailNamespace];
  static override styles = dealDetailStyles;

  /** Id of the deal to show. */
  @property({ attribute: 'deal-id' }) dealId = '';

  @state() private pending: Action | undefined;
  @state() private actionError = '';
  @state() private asking: Action | undefined;

  @query('pk-dialog') private dialog!: PkDialog;
  @query('pk-textarea') private reasonField!: PkTextarea;

  #data = new DataController<Loaded>(this, {
    client: () => this.client,
    key: () => (this.dealId ? `deal:${this.dealId}` : undefined),
    staleMs: 0,
    tags: () => [`deal:${this.dealId}`],
    load: async (client, signal) => {
      const [{ data: deal, etag }, events] = await Promise.all([client.deals.get(this.dealId, { signal }), client.deals.events(this.dealId, { signal })]);
      return { deal, etag, events };
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('dealId')) this.actionError = '';
  }

  /** Reloads the deal and its timeline. */
  refresh(): Promise<void> {
    return this.#data.refresh({ force: true });
  }

  async #run(action: Action, reason?: string): Promise<void> {
    const loaded = this.#data.value;
    const client = this.client;
    if (!client || !loaded || !this.l10n) return;
    this.pending = action;
    this.actionError = '';
    try {
      const id = loaded.deal.id;
      // The deal stays as it is until the server decides; then lists showing it refresh.
      const { deal } = await this.#data.mutate(
        loaded,
        async () => {
          const { data, etag } = await client.deals.transition(id, { action, ...(reason ? { reason } : {}) }, { ifMatch: loaded.etag });
          return { deal: data, etag, events: await client.deals.events(id) };
        },
        { invalidates: ['deals', `deal:${id}`] },
      );
      this.dispatchEvent(new PkDealChangedEvent({ deal }));
    } catch (error) {
      const t = this.l10n.t;
      if (isPartnerkitError(error) && (error.status === 409 || error.status === 412)) {
        // Someone else moved the deal on: show it as it is now and say so.
        this.actionError = t('detail.changedMeanwhile', { ns: 'dealDetail' });
        await this.refresh();
      } else {
        this.actionError = isPartnerkitError(error) ? errorMessage(error, this.l10n) : String(error);
      }
    } finally {
      this.pending = undefined;
    }
  }

  #ask(action: Action): void {
    this.asking = action;
    void this.updateComplete.then(() => this.dialog.show());
  }

  async #confirmReason(event: Event): Promise<void> {
    event.preventDefault();
    const field = this.reasonField;
    if (!field.reportValidity()) return;
    const action = this.asking!;
    this.dialog.close();
    await this.#run(action, field.value.trim());
  }

  protected override render() {
    const l10n = this.l10n;
    return renderStates(this.#data, {
      l10n,
      skeleton: () => html`<pk-skeleton lines="6"></pk-skeleton>`,
      loadingLabel: l10n?.t('detail.loading', { ns: 'dealDetail' }),
      data: (loaded, l10n) => this.#renderDeal(loaded, l10n),
    });
  }

  #renderDeal({ deal, events }: Loaded, l10n: Localization) {
    const t = (key: string, options: Record<string, unknown> = {}) => l10n.t(key, { ns: 'dealDetail', ...options });
    return html`
      <article aria-labelledby="title">
        <header part="header">
          <p class="reference">${deal.reference}</p>
          <h2 id="title">${deal.customerCompany}</h2>
          <p class="subtitle">${deal.opportunityName ?? ''}</p>
          <pk-status-chip status=${deal.status}>${l10n.t(`status.${deal.status}`, { ns: 'deals' })}</pk-status-chip>
        </header>
        ${this.#renderDecision(deal, l10n, t)}
        ${this.#renderActions(deal, t)}
        ${this.actionError ? html`<pk-alert variant="danger">${this.actionError}</pk-alert>` : nothing}
        <div part="fields" class="fields">
          ${this.#group(t('detail.group.customer'), [
            [t('field.customerDomain'), deal.customerDomain],
            [t('field.customerCountry'), deal.customerCountry ? countryName(deal.customerCountry, l10n.locale) : null],
            [t('field.customerRegion'), deal.customerRegion],
            [t('field.customerPostalCode'), deal.customerPostalCode],
            [t('field.industry'), deal.industry],
            [t('field.companySize'), deal.companySize],
          ])}
          ${this.#group(t('detail.group.contact'), [
            [t('field.contactName'), deal.contactName],
            [t('field.contactEmail'), deal.contactEmail],
            [t('field.contactPhone'), deal.contactPhone],
            [t('field.contactTitle'), deal.contactTitle],
          ])}
          ${this.#group(t('detail.group.opportunity'), [
            [t('field.amount'), deal.amount ? formatMoney(deal.amount, l10n.locale) : null],
            [t('field.expectedCloseDate'), deal.expectedCloseDate ? formatDate(deal.expectedCloseDate, l10n.locale) : null],
            [t('field.stage'), deal.stage ? t(`stage.${deal.stage}`) : null],
            [t('field.probability'), deal.probability === null ? null : formatPercent(deal.probability / 100, l10n.locale)],
            [t('field.dealType'), deal.dealType ? t(`dealType.${deal.dealType}`) : null],
            // The channel manager reads the partner's role, not their own.
            [t(this.session?.role === 'channel_manager' ? 'field.partnerRoleOfPartner' : 'field.partnerRole'), deal.partnerRole ? t(`partnerRole.${deal.partnerRole}`) : null],
          ])}
          ${deal.notes ? html`<section><h3>${t('field.notes')}</h3><p class="notes">${deal.notes}</p></section>` : nothing}
        </div>
        ${this.#renderTimeline(events, l10n, t)}
      </article>
      ${this.#renderReasonDialog(t)}
    `;
  }

  #renderDecision(deal: Deal, l10n: Localization, t: (key: string, options?: Record<string, unknown>) => string) {
    const lines: TemplateResult[] = [];
    if (deal.expiresAt && deal.status === 'approved') {
      lines.push(html`<p>${t('detail.protectedUntil', { date: formatDate(deal.expiresAt.slice(0, 10), l10n.locale), relative: formatRelative(deal.expiresAt, l10n.locale) })}</p>`);
    }
    if (deal.decisionReason && (deal.status === 'rejected' || deal.status === 'info_requested')) {
      lines.push(html`<p><strong>${t(deal.status === 'rejected' ? 'detail.rejectedBecause' : 'detail.question')}</strong> ${deal.decisionReason}</p>`);
    }
    if (deal.conflict.detected) lines.push(html`<p>${t('detail.conflict')}</p>`);
    return lines.length ? html`<div class="decision">${lines}</div>` : nothing;
  }

  #renderActions(deal: Deal, t: (key: string, options?: Record<string, unknown>) => string) {
    const allowed = deal.allowedActions.map((action) => ({ action, tone: TONES[action], needsReason: dealTransitions[action].needsReason }));
    const { editable } = deal;
    if (!allowed.length && !editable) return nothing;
    return html`
      <div part="actions" class="actions" role="group" aria-label=${t('detail.actions')}>
        ${editable
          ? html`<pk-button type="button" variant="secondary" @click=${() => this.dispatchEvent(new PkDealEditEvent({ deal }))}
              >${t('action.edit')}</pk-button>`
          : nothing}
        ${allowed.map(
          (entry) => html`<pk-button
            type="button"
            variant=${entry.tone}
            ?loading=${this.pending === entry.action}
            ?disabled=${this.pending !== undefined && this.pending !== entry.action}
            @click=${() => (entry.needsReason ? this.#ask(entry.action) : void this.#run(entry.action))}
            >${t(`action.${entry.action}`)}</pk-button
          >`,
        )}
      </div>
    `;
  }

  #renderTimeline(events: DealEvent[], l10n: Localization, t: (key: string, options?: Record<string, unknown>) => string) {
    return html`
      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">${t('detail.timeline')}</h3>
        <ol part="timeline" class="timeline">
          ${events.map(
            (event) => html`<li>
              <span class="event">${t(`event.${event.type}`)}</span>
              <span class="meta">
                <time datetime=${event.occurredAt}>${formatDateTime(event.occurredAt, l10n.locale)}</time>
                · ${event.actor ? event.actor.name : t('detail.system')}
              </span>
              ${event.note ? html`<span class="note">${event.note}</span>` : nothing}
            </li>`,
          )}
        </ol>
      </section>
    `;
  }

  #renderReasonDialog(t: (key: string, options?: Record<string, unknown>) => string) {
    const action = this.asking;
    return html`
      <pk-dialog size="small" @pk-close=${() => (this.asking = undefined)}>
        <h2 slot="heading">${action ? t(`action.${action}`) : ''}</h2>
        <form id="reason-form" @submit=${(event: Event) => void this.#confirmReason(event)}>
          <pk-textarea name="reason" required maxlength="2000" label=${action === 'request_info' ? t('detail.questionLabel') : t('detail.reasonLabel')}></pk-textarea>
        </form>
        <div slot="footer" class="dialog-actions">
          <pk-button type="button" variant="secondary" @click=${() => this.dialog.close()}>${t('action.cancel')}</pk-button>
          <pk-button type="button" @click=${(event: Event) => void this.#confirmReason(event)}>${action ? t(`action.${action}`) : ''}</pk-button>
        </div>
      </pk-dialog>
    `;
  }

  #group(title: string, rows: [string, string | null][]) {
    const present = rows.filter(([, value]) => value !== null && value !== '');
    if (!present.length) return nothing;
    return html`<section>
      <h3>${title}</h3>
      <dl>${present.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>
    </section>`;
  }
}

/** `detail` of `pk-deal-changed` and `pk-deal-edit`. */
export type DealDetailEventDetail = DealDetail;

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-detail': PkDealDetail;
  }
}

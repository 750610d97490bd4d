import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { Deal, DealPage, DealStatus, PartnerkitClient } from '@partnerkit/api';
import { clientContext, localizationContext } from '../core/contexts.ts';
import type { Localization } from '../core/i18n.ts';
import { ResourceController } from '../core/resource-controller.ts';
import { errorMessage } from '../core/error-message.ts';
import { formatDate, formatMoney, formatRelative } from '../core/format.ts';
import { dealListStyles } from './pk-deal-list.styles.ts';

const SKELETON_ROWS = 5;

/**
 * The signed-in partner's deal registrations, newest first.
 *
 * @tag pk-deal-list
 * @summary Table of the partner's deal registrations with loading, empty and error states.
 * @csspart table - The table of deals.
 * @csspart row - One deal's row.
 * @csspart status - A deal's status chip.
 * @csspart error - The error message with its retry button.
 * @csspart load-more - The button that loads the next page.
 * @cssprop --pk-deal-list-font - Font of the list; defaults to `--pk-font-body`.
 */
export class PkDealList extends LitElement {
  static override styles = dealListStyles;

  /** Deals per page (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** Only deals in this status; all when empty. */
  @property() status: DealStatus | '' = '';

  @consume({ context: clientContext, subscribe: true })
  @state()
  protected client: PartnerkitClient | undefined;

  @consume({ context: localizationContext, subscribe: true })
  @state()
  protected l10n: Localization | undefined;

  @state() private deals: Deal[] = [];
  #nextCursor: string | null = null;

  #firstPage = new ResourceController<DealPage>(this, (signal) => this.#fetchPage(undefined, signal), (page) => {
    this.deals = page.data;
    this.#nextCursor = page.nextCursor;
  });
  #nextPage = new ResourceController<DealPage>(this, (signal) => this.#fetchPage(this.#nextCursor ?? undefined, signal), (page) => {
    this.deals = [...this.deals, ...page.data];
    this.#nextCursor = page.nextCursor;
  });

  #fetchPage(cursor: string | undefined, signal: AbortSignal): Promise<DealPage> {
    if (!this.client) return Promise.reject(new Error('no client'));
    return this.client.listDeals(
      { limit: this.pageSize, ...(this.status ? { status: [this.status] } : {}), ...(cursor ? { cursor } : {}) },
      { signal },
    );
  }

  /** Reloads the first page. */
  refresh(): Promise<void> {
    return this.#loadFirstPage();
  }

  #loadFirstPage(): Promise<void> {
    return this.#firstPage.run();
  }

  #loadMore(): Promise<void> {
    return this.#nextPage.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.client && this.#firstPage.status === 'idle') void this.#loadFirstPage();
  }

  // Untyped map: `client` is protected, so it is not a key of `this`.
  protected override updated(changed: PropertyValues): void {
    if ((changed.has('client') || changed.has('pageSize') || changed.has('status')) && this.client) {
      void this.#loadFirstPage();
    }
  }

  protected override render() {
    const l10n = this.l10n;
    // Until translations arrive there is nothing to say: show the skeleton only.
    if (!l10n) return this.#renderTable(undefined);
    const t = l10n.t;
    const first = this.#firstPage;
    if (first.status === 'error' && first.error) return this.#renderError(first.error, () => this.#loadFirstPage());
    const loading = first.status !== 'complete';
    return html`
      <h2 id="title">${t('list.title', { ns: 'deals' })}</h2>
      ${this.#renderTable(l10n)}
      ${loading
        ? html`<p class="visually-hidden" role="status">${t('list.loading', { ns: 'deals' })}</p>`
        : this.deals.length === 0
          ? html`<p part="empty">${t('list.empty', { ns: 'deals' })}</p>`
          : html`<div class="footer">
              <p role="status">${t('list.count', { ns: 'deals', count: this.deals.length })}</p>
              ${this.#nextCursor
                ? html`<button part="load-more" ?disabled=${this.#nextPage.status === 'loading'} @click=${() => this.#loadMore()}>
                    ${t('list.loadMore', { ns: 'deals' })}
                  </button>`
                : nothing}
            </div>`}
      ${this.#nextPage.status === 'error' && this.#nextPage.error ? this.#renderError(this.#nextPage.error, () => this.#loadMore()) : nothing}
    `;
  }

  #renderTable(l10n: Localization | undefined) {
    // Busy until both the data and the words to show it with have arrived.
    const loading = this.#firstPage.status !== 'complete' || !l10n;
    if (!loading && this.deals.length === 0) return nothing;
    const t = l10n?.t;
    const columns = ['reference', 'customer', 'opportunity', 'amount', 'status', 'expectedClose', 'protection'] as const;
    return html`
      <div class="scroll" part="scroll" tabindex="0" role="region" aria-labelledby="title">
        <table part="table" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'}>
          <thead>
            <tr>
              ${columns.map((column) => html`<th scope="col" class=${column === 'amount' ? 'amount' : ""}>${t ? t(`column.${column}`, { ns: 'deals' }) : html`<span class="skeleton"></span>`}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${loading || !l10n
              ? Array.from({ length: SKELETON_ROWS }, () => html`<tr aria-hidden="true">${columns.map(() => html`<td><span class="skeleton"></span></td>`)}</tr>`)
              : this.deals.map((deal) => this.#renderRow(deal, l10n))}
          </tbody>
        </table>
      </div>
    `;
  }

  #renderRow(deal: Deal, l10n: Localization) {
    const { t, locale } = l10n;
    return html`
      <tr part="row">
        <td class="reference">${deal.reference}</td>
        <td>${deal.customerCompany}</td>
        <td>${deal.opportunityName}</td>
        <td class="amount">${deal.amount ? formatMoney(deal.amount, locale) : '—'}</td>
        <td><span part="status" class="status ${deal.status}">${t(`status.${deal.status}`, { ns: 'deals' })}</span></td>
        <td>${deal.expectedCloseDate ? formatDate(deal.expectedCloseDate, locale) : '—'}</td>
        <td>${this.#protection(deal, l10n)}</td>
      </tr>
    `;
  }

  #protection(deal: Deal, { t, locale }: Localization): string {
    if (!deal.expiresAt) return t('protection.none', { ns: 'deals' });
    const when = formatRelative(deal.expiresAt, locale);
    return Date.parse(deal.expiresAt) > Date.now() ? t('protection.ends', { ns: 'deals', when }) : t('protection.ended', { ns: 'deals', when });
  }

  #renderError(error: NonNullable<ResourceController<DealPage>['error']>, retry: () => void) {
    const l10n = this.l10n!;
    return html`
      <div role="alert" part="error">
        <p>${errorMessage(error, l10n)}</p>
        ${error.requestId ? html`<p class="reference">${l10n.t('errorReference', { ns: 'common', id: error.requestId })}</p>` : nothing}
        <button @click=${retry}>${l10n.t('retry', { ns: 'common' })}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-list': PkDealList;
  }
}

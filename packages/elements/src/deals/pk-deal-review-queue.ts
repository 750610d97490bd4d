import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { ReviewQueuePage } from '@partnerkit/api';
import type { Localization } from '../core/i18n.ts';
import { PortalElement } from '../core/portal-element.ts';
import { DataController } from '../core/data-controller.ts';
import { renderStates } from '../core/render-states.ts';
import { formatHours, formatMoney } from '../core/format.ts';
import { reviewQueueStyles } from './pk-deal-review-queue.styles.ts';
import type { ElementDependencies } from '../core/define.ts';
import { dealDetailNamespace } from './locales.ts';
import { PkAlert } from '../ui/pk-alert.ts';
import { PkBadge } from '../ui/pk-badge.ts';
import { PkDealDetail } from './pk-deal-detail.ts';
import { PkEmptyState } from '../ui/pk-empty-state.ts';
import { PkErrorState } from '../ui/pk-error-state.ts';
import { PkSkeleton } from '../ui/pk-skeleton.ts';

type Item = ReviewQueuePage['data'][number];

/**
 * The channel manager's review queue: submitted registrations, oldest first, with their age
 * against the review SLA. Choosing one shows its conflicts side by side with it and the deal
 * itself with approve, reject and request-info actions. Keyboard first: arrow keys move
 * through the queue, Enter opens; after a decision (which refreshes the queue through the
 * `deals` tag) the next registration opens.
 *
 * @tag pk-deal-review-queue
 * @summary Submitted registrations awaiting review, with SLA age, conflicts and decisions.
 * @csspart queue - The list of registrations awaiting review.
 * @csspart item - One registration in the queue.
 * @csspart conflicts - The side-by-side comparison with conflicting registrations.
 * @csspart error - The `<pk-error-state>` when the queue could not be loaded.
 * @csspart forbidden - The message for sessions that may not review.
 * @csspart offline - The note that the queue shown may be out of date.
 * @fires pk-loaded - The queue is on screen (first time and after each refresh); `detail.empty` when nothing awaits review.
 * @fires pk-load-error - The queue could not be loaded; `detail.kind` says why.
 */
export class PkDealReviewQueue extends PortalElement {
  /** The elements it renders, registered with it. @internal */
  static dependencies: ElementDependencies = { 'pk-alert': PkAlert, 'pk-badge': PkBadge, 'pk-deal-detail': PkDealDetail, 'pk-empty-state': PkEmptyState, 'pk-error-state': PkErrorState, 'pk-skeleton': PkSkeleton };
  /** Its strings' namespaces, loaded before it renders text. @internal */
  static override namespaces = [dealDetailNamespace];
  static override styles = reviewQueueStyles;

  @state() private selectedId: string | undefined;
  /** Where the last decided registration stood: its successor takes its place. */
  #decidedIndex = 0;

  /** Only sessions that may review load the queue; others are told so. */
  get #mayReview(): boolean {
    return this.session?.permissions.includes('deals:review') ?? false;
  }

  #queue = new DataController<ReviewQueuePage>(this, {
    client: () => this.client,
    key: () => (this.#mayReview ? 'review-queue' : undefined),
    staleMs: 0,
    tags: () => ['deals', 'review-queue'],
    load: (client, signal) => client.deals.reviewQueue({ limit: 200 }, { signal }),
  });

  get #items(): Item[] {
    return this.#queue.value?.data ?? [];
  }

  #select(id: string, focus = false): void {
    this.selectedId = id;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${id}"]`)?.focus());
  }

  #onKeydown(event: KeyboardEvent): void {
    const items = this.#items;
    const index = Math.max(0, items.indexOf(this.#selected(items)!));
    const move = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }[event.key];
    if (move === undefined || !items.length) return;
    event.preventDefault();
    const next = Math.min(items.length - 1, Math.max(0, index + move));
    this.#select(items[next]!.deal.id, true);
  }

  /** The detail's decision already refreshes the queue (it invalidates `deals`); this picks what opens next. */
  #onDecided(): void {
    const items = this.#items;
    this.#decidedIndex = Math.max(0, items.indexOf(this.#selected(items)!));
    this.selectedId = undefined;
  }

  /** The registration the user picked; until then the first, and after a decision the one that took its place. */
  #selected(items: Item[]): Item | undefined {
    return items.find((item) => item.deal.id === this.selectedId) ?? items[Math.min(this.#decidedIndex, items.length - 1)];
  }

  protected override render() {
    const l10n = this.l10n;
    const t = (key: string, options: Record<string, unknown> = {}) => l10n?.t(key, { ns: 'dealDetail', ...options }) ?? '';
    return html`
      ${l10n ? html`<h2 id="title">${t('queue.title')}</h2>` : nothing}
      ${renderStates(this.#queue, {
        l10n,
        skeleton: () => html`<pk-skeleton lines="4"></pk-skeleton>`,
        loadingLabel: t('queue.loading'),
        forbidden: this.session && !this.#mayReview ? t('queue.notPermitted') : undefined,
        empty: () => html`<pk-empty-state><h3 slot="heading">${t('queue.empty')}</h3></pk-empty-state>`,
        data: ({ data: items }, l10n) => this.#renderQueue(items, l10n, t),
      })}
    `;
  }

  #renderQueue(items: Item[], l10n: Localization, t: (key: string, options?: Record<string, unknown>) => string) {
    const selected = this.#selected(items);
    return html`
      <div class="layout">
        <ul part="queue" class="queue" role="listbox" aria-labelledby="title" @keydown=${this.#onKeydown}>
          ${items.map((item) => this.#renderItem(item, item === selected, l10n, t))}
        </ul>
        <div class="review">
          ${selected ? this.#renderConflicts(selected, t) : nothing}
          ${selected ? html`<pk-deal-detail deal-id=${selected.deal.id} @pk-deal-changed=${() => this.#onDecided()}></pk-deal-detail>` : nothing}
        </div>
      </div>
    `;
  }

  #renderItem(item: Item, selected: boolean, l10n: Localization, t: (key: string, options?: Record<string, unknown>) => string) {
    const { deal } = item;
    return html`<li
      part="item"
      role="option"
      data-id=${deal.id}
      aria-selected=${selected ? 'true' : 'false'}
      tabindex=${selected ? 0 : -1}
      @click=${() => this.#select(deal.id, true)}
    >
      <span class="company">${deal.customerCompany}</span>
      <span class="meta">${item.partnerName} · ${deal.reference}</span>
      <span class="meta">${deal.amount ? formatMoney(deal.amount, l10n.locale) : ''}</span>
      <span class="age ${item.overdue ? 'overdue' : ''}">
        ${t('queue.age', { age: formatHours(item.ageHours, l10n.locale), sla: formatHours(item.slaHours, l10n.locale) })}
        ${item.overdue ? html`<pk-badge variant="danger">${t('queue.overdue')}</pk-badge>` : nothing}
        ${item.conflicts.length ? html`<pk-badge variant="warning">${t('queue.conflicts', { count: item.conflicts.length })}</pk-badge>` : nothing}
      </span>
    </li>`;
  }

  #renderConflicts(item: Item, t: (key: string, options?: Record<string, unknown>) => string) {
    const rows = item.conflicts.filter((conflict) => conflict.deal);
    if (!rows.length) return nothing;
    const { deal } = item;
    return html`
      <section part="conflicts" aria-labelledby="conflicts-title">
        <h3 id="conflicts-title">${t('queue.conflictsTitle')}</h3>
        <div class="scroll" tabindex="0" role="region" aria-labelledby="conflicts-title">
          <table>
            <thead>
              <tr>
                <th scope="col">${t('queue.column.registration')}</th>
                <th scope="col">${t('queue.column.partner')}</th>
                <th scope="col">${t('queue.column.company')}</th>
                <th scope="col">${t('queue.column.domain')}</th>
                <th scope="col">${t('queue.column.match')}</th>
              </tr>
            </thead>
            <tbody>
              <tr class="this">
                <th scope="row">${deal.reference}</th>
                <td>${item.partnerName}</td>
                <td>${deal.customerCompany}</td>
                <td>${deal.customerDomain ?? ''}</td>
                <td>${t('queue.thisOne')}</td>
              </tr>
              ${rows.map(
                (conflict) => html`<tr>
                  <th scope="row">${conflict.deal!.reference}</th>
                  <td>${conflict.deal!.partnerName}</td>
                  <td>${conflict.deal!.customerCompany}</td>
                  <td>${conflict.deal!.customerDomain ?? ''}</td>
                  <td>${t(`queue.match.${conflict.matchedOn}`, { similarity: Math.round(conflict.similarity * 100) })}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pk-deal-review-queue': PkDealReviewQueue;
  }
}

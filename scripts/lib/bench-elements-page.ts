// The page `pnpm bench:elements` measures, bundled by esbuild and run in Chromium: a <pk-portal>
// with an in-memory client that answers GET /deals with ONE page of 10,000 deals (the `limit` is
// ignored, `nextCursor` is null), so the list renders all of them at once, without paging and
// without a network. `window.bench` runs the measurements the script asks for.
import '../../packages/elements/src/define/pk-portal.ts';
import '../../packages/elements/src/deals/define/pk-deal-list.ts';
import { paginate, type Deal, type DealStatus, type Me, type PartnerkitClient } from '@partnerkit/api';
import type { PkPortal } from '../../packages/elements/src/portal/pk-portal.ts';

const DEAL_COUNT = 10_000;
const DAY_MS = 86_400_000;
const STATUSES: DealStatus[] = ['approved', 'submitted', 'won', 'info_requested', 'draft', 'approved', 'lost', 'expired', 'rejected', 'withdrawn'];
const COMPANIES = ['Nordlicht', 'Rheinwerk', 'Brückner', 'Alpenblick', 'Donau', 'Tirol', 'Balaton', 'Provence', 'Sierra', 'Hafen'];
const KINDS = ['Manufacturing AG', 'Logistics SE', 'Finance GmbH', 'Healthcare Kft.', 'Energy SAS', 'Media S.L.'];
const CURRENCIES = ['EUR', 'EUR', 'EUR', 'USD', 'GBP', 'HUF'];
const partnerId = '00000000-0000-4000-8000-000000000001';

/** 10,000 deals, newest first, with every column filled the way the seed fills it. */
function makeDeals(count: number): Deal[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, index): Deal => {
    const status = STATUSES[index % STATUSES.length]!;
    const createdAt = new Date(now - index * 3_600_000).toISOString();
    const company = `${COMPANIES[index % COMPANIES.length]} ${KINDS[index % KINDS.length]}`;
    const approved = status === 'approved' || status === 'won' || status === 'expired';
    return {
      id: `00000000-0000-4000-8000-${String(index + 2).padStart(12, '0')}`,
      partnerId,
      reference: `DR-2026-${String(count - index).padStart(6, '0')}`,
      status,
      allowedActions: [],
      editable: false,
      customerCompany: company,
      customerDomain: null,
      customerCountry: 'DE',
      customerRegion: null,
      customerPostalCode: null,
      industry: null,
      companySize: null,
      contactName: `Contact ${index}`,
      contactEmail: null,
      contactPhone: null,
      contactTitle: null,
      opportunityName: `Rollout ${COMPANIES[(index * 7) % COMPANIES.length]} ${index}`,
      lineItems: [],
      amount: { amount: ((index * 7919) % 250_000 + 1_000).toFixed(2), currency: CURRENCIES[index % CURRENCIES.length]! },
      expectedCloseDate: new Date(now + ((index % 300) - 60) * DAY_MS).toISOString().slice(0, 10),
      stage: null,
      probability: null,
      dealType: null,
      partnerRole: null,
      notes: null,
      attachments: [],
      createdAt,
      updatedAt: createdAt,
      submittedAt: status === 'draft' ? null : createdAt,
      decidedAt: approved ? createdAt : null,
      decidedBy: null,
      decisionReason: null,
      expiresAt: approved ? new Date(now + ((index % 120) - 20) * DAY_MS).toISOString() : null,
      conflict: { detected: false, matchedOn: [] },
      decision: null,
      reviewer: null,
    };
  });
}

const me: Me = {
  user: { id: '00000000-0000-4000-8000-000000000000', email: 'bench@example.com', name: 'Bench User' },
  partner: { id: partnerId, name: 'Bench Partner', tier: 'gold', country: 'DE', currency: 'EUR', locale: 'en-GB' },
  role: 'partner_admin',
  permissions: ['deals:read', 'deals:create', 'partner:read'],
  locale: 'en-GB',
  currency: 'EUR',
};

const deals = makeDeals(DEAL_COUNT);
const unused = (name: string) => () => Promise.reject(new Error(`${name} is not part of the benchmark`));
const client: PartnerkitClient = {
  baseUrl: 'memory:',
  getMe: async () => me,
  listPartners: unused('listPartners'),
  getPartner: unused('getPartner'),
  updatePartner: unused('updatePartner'),
  listProducts: unused('listProducts'),
  listAuditEvents: unused('listAuditEvents'),
  paginate,
  deals: {
    list: async () => ({ data: deals, nextCursor: null }),
    get: unused('deals.get'),
    create: unused('deals.create'),
    update: unused('deals.update'),
    transition: unused('deals.transition'),
    events: unused('deals.events'),
    checkConflicts: unused('deals.checkConflicts'),
    reviewQueue: unused('deals.reviewQueue'),
    assignReviewer: unused('deals.assignReviewer'),
    export: unused('deals.export'),
  },
};

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

const portal = document.querySelector<PkPortal>('pk-portal')!;
portal.client = client;

function parts() {
  const list = document.querySelector('pk-deal-list');
  const table = list?.shadowRoot?.querySelector('pk-data-table');
  const scroller = table?.shadowRoot?.querySelector<HTMLElement>('.scroll') ?? null;
  const rows = () => table?.shadowRoot?.querySelectorAll('tr.row').length ?? 0;
  return { list, table, scroller, rows };
}

export interface FirstRows {
  firstRowsMs: number;
  rowsInDom: number;
}

export interface ScrollResult {
  frames: number;
  frameDeltasMs: number[];
  maxRowsInDom: number;
  rowsInDomAtEnd: number;
  lastRowShown: boolean;
  scrolledPx: number;
}

declare global {
  interface Window {
    bench: {
      firstRows(): Promise<FirstRows>;
      scrollToEnd(stepPx: number): Promise<ScrollResult>;
    };
  }
}

window.bench = {
  /**
   * From inserting <pk-deal-list> into the (already localized) portal to the first animation
   * frame in which its data table holds rows: client answer, list and table render, first paint.
   */
  async firstRows() {
    await new Promise<void>((resolve) => {
      const check = () => (portal.hasAttribute('lang') ? resolve() : setTimeout(check, 10));
      check();
    });
    for (let i = 0; i < 5; i += 1) await nextFrame();
    const start = performance.now();
    portal.append(document.createElement('pk-deal-list'));
    for (;;) {
      const at = await nextFrame();
      const rows = parts().rows();
      if (rows > 0) return { firstRowsMs: at - start, rowsInDom: rows };
      if (performance.now() - start > 10_000) throw new Error('no rows after 10 s');
    }
  },

  /**
   * Scrolls the table's scroll area by `stepPx` per animation frame until its end (and the last
   * deal is in view), recording the time between frames. The DOM is inspected only every tenth
   * frame (rows in the DOM, end reached), so measuring adds no layout work to the other frames.
   */
  async scrollToEnd(stepPx) {
    const { scroller, table, rows } = parts();
    if (!scroller || !table) throw new Error('the list has not rendered');
    // Let the virtualizer take over from the first rows before measuring.
    for (let i = 0; i < 30; i += 1) await nextFrame();
    const deltas: number[] = [];
    let maxRows = rows();
    const lastShown = () => Boolean(table.shadowRoot?.querySelector(`tr[data-index="${deals.length - 1}"]`));
    let last = await nextFrame();
    for (let frame = 1; frame <= 20_000; frame += 1) {
      scroller.scrollTop += stepPx;
      const now = await nextFrame();
      deltas.push(now - last);
      last = now;
      if (frame % 10 === 0) {
        maxRows = Math.max(maxRows, rows());
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 && lastShown()) break;
      }
    }
    return {
      frames: deltas.length,
      frameDeltasMs: deltas,
      maxRowsInDom: maxRows,
      rowsInDomAtEnd: rows(),
      lastRowShown: lastShown(),
      scrolledPx: scroller.scrollTop,
    };
  },
};

import { SeededRandom } from './random.ts';

// Pure data, no I/O: the server loads it into the database, and Storybook and unit tests
// use it as fixtures, so every surface shows the same partners and deals.

export type Tier = 'registered' | 'silver' | 'gold' | 'platinum';
export type Role = 'partner_user' | 'partner_admin' | 'channel_manager';
export type DealStatus = 'draft' | 'submitted' | 'info_requested' | 'approved' | 'rejected' | 'won' | 'lost' | 'expired' | 'withdrawn';

export type PartnerType = 'reseller' | 'integrator' | 'msp' | 'referral' | 'distributor';

export interface SeedPartner {
  id: string;
  name: string;
  tier: Tier;
  country: string;
  currency: string;
  locale: string;
  type: PartnerType;
  website: string;
  regions: string[];
  specialisations: string[];
  channelManager: { name: string; email: string; phone: string };
}

export interface SeedUser {
  id: string;
  externalId: string;
  /** Null for the vendor's channel manager, who works across partners. */
  partnerId: string | null;
  email: string;
  name: string;
  role: Role;
  locale: string;
}

export interface SeedProduct {
  id: string;
  sku: string;
  name: string;
  family: string;
  /** List price per currency, decimal strings. */
  listPrices: { amount: string; currency: string }[];
}

export interface SeedLineItem {
  productId: string;
  quantity: number;
  unitPrice: { amount: string; currency: string };
}

export interface SeedDeal {
  id: string;
  partnerId: string;
  reference: string;
  customerCompany: string;
  customerDomain: string;
  customerCountry: string;
  customerPostalCode: string | null;
  industry: string;
  companySize: '1-49' | '50-249' | '250-999' | '1000+';
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contactTitle: string;
  opportunityName: string;
  lineItems: SeedLineItem[];
  /** Decimal string with two fraction digits: the sum of the line items. */
  amount: string;
  currency: string;
  stage: 'qualification' | 'discovery' | 'proposal' | 'negotiation' | 'commit';
  probability: number;
  dealType: 'new' | 'upsell' | 'renewal';
  partnerRole: 'sourced' | 'influenced' | 'co_sell';
  status: DealStatus;
  /** YYYY-MM-DD */
  expectedCloseDate: string;
  /** RFC 3339 UTC */
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  /** The channel manager who decided; set for decided statuses. */
  decidedBy: string | null;
  decisionReason: string | null;
  expiresAt: string | null;
}

export interface Seed {
  partners: SeedPartner[];
  users: SeedUser[];
  products: SeedProduct[];
  deals: SeedDeal[];
}

export interface SeedOptions {
  /** Number of deals: `demo` is a few hundred, `bench` 100,000. Default `demo`. */
  size?: 'demo' | 'bench' | number;
  /** Dates are laid out relative to this instant, so the demo always looks current. */
  now?: Date;
  seed?: number;
}

export const DEFAULT_SEED = 20261124;
const DAY_MS = 86_400_000;
const PROTECTION_DAYS = 90;

interface Market {
  country: string;
  currency: string;
  locale: string;
  /** Typical deal size in the market's currency. */
  dealScale: number;
  firstNames: readonly string[];
  lastNames: readonly string[];
  companyStems: readonly string[];
  companySuffixes: readonly string[];
  emailDomain: string;
}

const markets: Record<string, Market> = {
  DE: {
    country: 'DE', currency: 'EUR', locale: 'de-DE', dealScale: 40_000, emailDomain: 'de',
    firstNames: ['Anna', 'Jonas', 'Lena', 'Felix', 'Sophie', 'Lukas', 'Marie', 'Maximilian'],
    lastNames: ['Schmidt', 'Müller', 'Weber', 'Fischer', 'Becker', 'Hoffmann', 'Schäfer', 'Koch'],
    companyStems: ['Rheinwerk', 'Nordlicht', 'Bergmann', 'Elbtal', 'Hanse', 'Schwarzwald', 'Isar', 'Spreewald', 'Brückner', 'Taunus'],
    companySuffixes: ['GmbH', 'AG', 'GmbH & Co. KG', 'SE'],
  },
  AT: {
    country: 'AT', currency: 'EUR', locale: 'de-AT', dealScale: 30_000, emailDomain: 'at',
    firstNames: ['Katharina', 'Florian', 'Julia', 'Tobias', 'Elisabeth', 'Stefan'],
    lastNames: ['Gruber', 'Huber', 'Wagner', 'Pichler', 'Steiner', 'Moser'],
    companyStems: ['Alpenblick', 'Donauwelle', 'Wienerwald', 'Tirol', 'Salzach', 'Grossglockner'],
    companySuffixes: ['GmbH', 'AG'],
  },
  HU: {
    country: 'HU', currency: 'HUF', locale: 'hu-HU', dealScale: 12_000_000, emailDomain: 'hu',
    firstNames: ['Bence', 'Eszter', 'Máté', 'Zsófia', 'Levente', 'Réka', 'Ádám', 'Katalin'],
    lastNames: ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár'],
    companyStems: ['Duna', 'Tisza', 'Balaton', 'Mátra', 'Pannon', 'Hortobágy', 'Zemplén', 'Bakony'],
    companySuffixes: ['Kft.', 'Zrt.', 'Nyrt.'],
  },
  FR: {
    country: 'FR', currency: 'EUR', locale: 'fr-FR', dealScale: 35_000, emailDomain: 'fr',
    firstNames: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Gabriel', 'Manon', 'Théo'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Roux'],
    companyStems: ['Lumière', 'Rivoli', 'Garonne', 'Provence', 'Beaumont', 'Loire', 'Vercors', 'Armor'],
    companySuffixes: ['SAS', 'SA', 'SARL'],
  },
  ES: {
    country: 'ES', currency: 'EUR', locale: 'es-ES', dealScale: 25_000, emailDomain: 'es',
    firstNames: ['Lucía', 'Hugo', 'Martina', 'Pablo', 'Sofía', 'Álvaro', 'Carmen', 'Javier'],
    lastNames: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz'],
    companyStems: ['Ibérica', 'Meseta', 'Guadalquivir', 'Levante', 'Cantábrica', 'Alhambra', 'Sierra Nevada', 'Mediterránea'],
    companySuffixes: ['S.L.', 'S.A.'],
  },
  GB: {
    country: 'GB', currency: 'GBP', locale: 'en-GB', dealScale: 30_000, emailDomain: 'co.uk',
    firstNames: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Olivia', 'Jack', 'Emily'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas'],
    companyStems: ['Thames', 'Pennine', 'Cotswold', 'Highland', 'Mersey', 'Wessex', 'Severn', 'Kingsway'],
    companySuffixes: ['Ltd', 'plc', 'LLP'],
  },
  US: {
    country: 'US', currency: 'USD', locale: 'en-US', dealScale: 45_000, emailDomain: 'com',
    firstNames: ['Emma', 'Liam', 'Ava', 'Noah', 'Mia', 'Ethan', 'Harper', 'Mason'],
    lastNames: ['Johnson', 'Miller', 'Davis', 'Rodriguez', 'Anderson', 'Clark', 'Lewis', 'Walker'],
    companyStems: ['Harbor', 'Summit', 'Prairie', 'Redwood', 'Liberty', 'Cascade', 'Lakeshore', 'Canyon'],
    companySuffixes: ['Inc.', 'LLC', 'Corp.'],
  },
};

interface PartnerBlueprint {
  name: string;
  market: keyof typeof markets;
  tier: Tier;
  type: PartnerType;
  regions: string[];
  specialisations: string[];
}

const partnerBlueprints: readonly PartnerBlueprint[] = [
  { name: 'Nordlicht Systems GmbH', market: 'DE', tier: 'gold', type: 'integrator', regions: ['DE', 'AT', 'CH'], specialisations: ['Cloud Migration', 'Data Platform'] },
  { name: 'Alpenblick IT-Services GmbH', market: 'AT', tier: 'silver', type: 'msp', regions: ['AT', 'DE'], specialisations: ['Managed Security', 'Backup & Recovery'] },
  { name: 'Duna Informatika Kft.', market: 'HU', tier: 'gold', type: 'reseller', regions: ['HU', 'SK', 'RO'], specialisations: ['Endpoint Rollout', 'Network Refresh'] },
  { name: 'Solutions Lumière SAS', market: 'FR', tier: 'platinum', type: 'integrator', regions: ['FR', 'BE', 'LU'], specialisations: ['Analytics Upgrade', 'Security Suite'] },
  { name: 'Soluciones Ibéricas S.L.', market: 'ES', tier: 'silver', type: 'reseller', regions: ['ES', 'PT'], specialisations: ['Support Renewal'] },
  { name: 'Thames Digital Ltd', market: 'GB', tier: 'registered', type: 'referral', regions: ['GB', 'IE'], specialisations: ['Cloud Migration'] },
  { name: 'Harbor Cloud Partners Inc.', market: 'US', tier: 'platinum', type: 'distributor', regions: ['US', 'CA'], specialisations: ['Data Platform', 'Managed Security', 'Cloud Migration'] },
];

/** The vendor's channel manager: the contact of every partner, and a user with that role. */
export const CHANNEL_MANAGER = { name: 'Morgan Keller', email: 'morgan.keller@vendor.example', phone: '+49 30 1234 5678' };

/** The vendor's catalogue: list prices in EUR, converted at fixed rates for the other currencies. */
const catalogue = [
  { sku: 'CLD-MIG', name: 'Cloud Migration Service', family: 'Services', eur: 4800 },
  { sku: 'SEC-STE', name: 'Security Suite (per 50 seats)', family: 'Security', eur: 3200 },
  { sku: 'DAT-PLT', name: 'Data Platform Licence', family: 'Data', eur: 7500 },
  { sku: 'END-RLT', name: 'Endpoint Rollout Pack', family: 'Devices', eur: 1900 },
  { sku: 'SUP-REN', name: 'Premium Support (1 year)', family: 'Services', eur: 2400 },
  { sku: 'ANL-UPG', name: 'Analytics Upgrade', family: 'Data', eur: 3900 },
  { sku: 'NET-RFR', name: 'Network Refresh Kit', family: 'Devices', eur: 5600 },
  { sku: 'BKP-REC', name: 'Backup & Recovery Appliance', family: 'Security', eur: 6100 },
] as const;
const RATES: Record<string, number> = { EUR: 1, GBP: 0.86, USD: 1.08, HUF: 395 };
const titles = ['Head of IT', 'CIO', 'IT Manager', 'Procurement Lead', 'CTO', 'Infrastructure Lead'];
const sizes = { '1-49': 2, '50-249': 4, '250-999': 3, '1000+': 2 } as const;
const stagesByStatus: Record<DealStatus, SeedDeal['stage'][]> = {
  draft: ['qualification'], submitted: ['discovery', 'proposal'], info_requested: ['discovery'], approved: ['proposal', 'negotiation'],
  rejected: ['discovery'], won: ['commit'], lost: ['negotiation'], expired: ['proposal'], withdrawn: ['qualification'],
};
const probabilityByStage: Record<SeedDeal['stage'], number> = { qualification: 10, discovery: 25, proposal: 50, negotiation: 70, commit: 90 };
const phoneCodes: Record<string, string> = { DE: '+49', AT: '+43', HU: '+36', FR: '+33', ES: '+34', GB: '+44', US: '+1' };

const industries = ['Logistics', 'Manufacturing', 'Retail', 'Healthcare', 'Energy', 'Finance', 'Public Sector', 'Media'];
const offerings = ['Cloud Migration', 'Security Suite', 'Data Platform', 'Endpoint Rollout', 'Support Renewal', 'Analytics Upgrade', 'Network Refresh', 'Backup & Recovery'];

const statusWeights: Record<DealStatus, number> = {
  draft: 4, submitted: 14, info_requested: 6, approved: 30, rejected: 6, won: 18, lost: 8, expired: 8, withdrawn: 6,
};

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function dealCount(size: SeedOptions['size']): number {
  if (typeof size === 'number') return size;
  return size === 'bench' ? 100_000 : 700;
}

/** Generates the deterministic demo data set: the same options always give the same data. */
export function generateSeed(options: SeedOptions = {}): Seed {
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const now = (options.now ?? new Date()).getTime();

  const partners: SeedPartner[] = partnerBlueprints.map((blueprint) => {
    const market = markets[blueprint.market]!;
    return {
      id: random.uuid(),
      name: blueprint.name,
      tier: blueprint.tier,
      country: market.country,
      currency: market.currency,
      locale: market.locale,
      type: blueprint.type,
      website: `https://www.${slug(blueprint.name.split(' ')[0]!)}.${market.emailDomain}`,
      regions: [...blueprint.regions],
      specialisations: [...blueprint.specialisations],
      channelManager: { ...CHANNEL_MANAGER },
    };
  });

  const users: SeedUser[] = partners.flatMap((partner, index) => {
    const market = markets[partnerBlueprints[index]!.market]!;
    const domain = `${slug(partner.name.split(' ')[0]!)}.${market.emailDomain}`;
    return (['partner_admin', 'partner_user'] as const).map((role) => {
      const first = random.pick(market.firstNames);
      const last = random.pick(market.lastNames);
      return {
        id: random.uuid(),
        externalId: `demo-${slug(first)}-${slug(last)}-${index}-${role}`,
        partnerId: partner.id,
        email: `${slug(first)}.${slug(last)}@${domain}`,
        name: `${first} ${last}`,
        role,
        locale: partner.locale,
      };
    });
  });

  // A random source of their own, so the catalogue never shifts the deals.
  const productRandom = new SeededRandom((options.seed ?? DEFAULT_SEED) + 1);
  const products: SeedProduct[] = catalogue.map((item) => ({
    id: productRandom.uuid(),
    sku: item.sku,
    name: item.name,
    family: item.family,
    listPrices: Object.entries(RATES).map(([currency, rate]) => ({ amount: (Math.round(item.eur * rate * 100) / 100).toFixed(2), currency })),
  }));

  const total = dealCount(options.size);
  const deals: SeedDeal[] = [];
  for (let index = 0; index < total; index += 1) {
    const partnerIndex = random.int(0, partners.length - 1);
    const partner = partners[partnerIndex]!;
    const market = markets[partnerBlueprints[partnerIndex]!.market]!;
    const status = random.weighted(statusWeights);
    const createdAt = now - random.int(1, 365) * DAY_MS - random.int(0, DAY_MS - 1);
    const approvedAt = createdAt + random.int(1, 10) * DAY_MS;
    // Approved deals get a protection window that still runs, so the demo shows live countdowns.
    const expiresAt =
      status === 'approved'
        ? now + random.int(1, PROTECTION_DAYS) * DAY_MS
        : status === 'won' || status === 'lost' || status === 'expired'
          ? approvedAt + PROTECTION_DAYS * DAY_MS
          : null;
    const stem = random.pick(market.companyStems);
    const industry = random.pick(industries);
    const company = `${stem} ${industry} ${random.pick(market.companySuffixes)}`;
    const domain = `${slug(stem)}-${slug(industry)}.${market.emailDomain}`;
    const first = random.pick(market.firstNames);
    const last = random.pick(market.lastNames);
    // Line items at up to 20 % below list price; the amount is their sum, in exact cents.
    const lineItems: SeedLineItem[] = Array.from({ length: random.int(1, 3) }, () => {
      const product = products[random.int(0, products.length - 1)]!;
      const list = Number(product.listPrices.find((price) => price.currency === partner.currency)!.amount);
      const unit = Math.round(list * (0.8 + random.next() * 0.2) * 100);
      return { productId: product.id, quantity: random.int(1, Math.max(2, Math.round(market.dealScale / list))), unitPrice: { amount: (unit / 100).toFixed(2), currency: partner.currency } };
    });
    const cents = lineItems.reduce((sum, item) => sum + Math.round(Number(item.unitPrice.amount) * 100) * item.quantity, 0);
    const stage = random.pick(stagesByStatus[status]);
    const year = new Date(createdAt).getUTCFullYear();
    const decided = status !== 'draft' && status !== 'submitted' && status !== 'withdrawn';
    deals.push({
      id: random.uuid(),
      partnerId: partner.id,
      reference: `DR-${year}-${String(index + 1).padStart(6, '0')}`,
      customerCompany: company,
      customerDomain: domain,
      customerCountry: market.country,
      customerPostalCode: market.country === 'GB' || market.country === 'US' ? null : String(random.int(1000, 99999)).padStart(market.country === 'AT' || market.country === 'HU' ? 4 : 5, '0'),
      industry,
      companySize: random.weighted(sizes),
      contactName: `${first} ${last}`,
      contactEmail: `${slug(first)}.${slug(last)}@${domain}`,
      contactPhone: `${phoneCodes[market.country]} ${random.int(100, 999)} ${random.int(1000000, 9999999)}`,
      contactTitle: random.pick(titles),
      opportunityName: `${random.pick(offerings)} ${stem}`,
      lineItems,
      amount: (cents / 100).toFixed(2),
      currency: partner.currency,
      stage,
      probability: probabilityByStage[stage],
      dealType: random.weighted({ new: 6, upsell: 3, renewal: 2 }),
      partnerRole: random.weighted({ sourced: 6, influenced: 2, co_sell: 2 }),
      status,
      expectedCloseDate: isoDate(createdAt + random.int(30, 240) * DAY_MS),
      createdAt: new Date(createdAt).toISOString(),
      submittedAt: status === 'draft' ? null : new Date(createdAt).toISOString(),
      decidedAt: decided ? new Date(approvedAt).toISOString() : null,
      decidedBy: null,
      decisionReason:
        status === 'rejected' ? 'The customer is already covered by a direct account team.'
          : status === 'info_requested' ? 'Please add the procurement contact and the expected number of seats.' : null,
      expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    });
  }
  // Drawn after the deals so that adding it left every generated deal unchanged.
  users.push({
    id: random.uuid(),
    externalId: 'demo-channel-manager',
    partnerId: null,
    email: CHANNEL_MANAGER.email,
    name: CHANNEL_MANAGER.name,
    role: 'channel_manager',
    locale: 'en-GB',
  });
  const manager = users[users.length - 1]!;
  for (const deal of deals) if (deal.decidedAt) deal.decidedBy = manager.id;
  return { partners, users, products, deals };
}

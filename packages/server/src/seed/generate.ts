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

export interface SeedDeal {
  id: string;
  partnerId: string;
  reference: string;
  customerCompany: string;
  opportunityName: string;
  /** Decimal string with two fraction digits. */
  amount: string;
  currency: string;
  status: DealStatus;
  /** YYYY-MM-DD */
  expectedCloseDate: string;
  /** RFC 3339 UTC */
  createdAt: string;
  expiresAt: string | null;
}

export interface Seed {
  partners: SeedPartner[];
  users: SeedUser[];
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
    const amount = Math.round(market.dealScale * (0.2 + random.next() * 4) * 100) / 100;
    const company = `${random.pick(market.companyStems)} ${random.pick(industries)} ${random.pick(market.companySuffixes)}`;
    const year = new Date(createdAt).getUTCFullYear();
    deals.push({
      id: random.uuid(),
      partnerId: partner.id,
      reference: `DR-${year}-${String(index + 1).padStart(6, '0')}`,
      customerCompany: company,
      opportunityName: `${random.pick(offerings)} ${company.split(' ')[0]}`,
      amount: amount.toFixed(2),
      currency: partner.currency,
      status,
      expectedCloseDate: isoDate(createdAt + random.int(30, 240) * DAY_MS),
      createdAt: new Date(createdAt).toISOString(),
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
  return { partners, users, deals };
}

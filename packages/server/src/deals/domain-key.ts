// Second-level labels under which registrations happen one level deeper (acme.co.uk, not co.uk).
// A short list of the suffixes partners' customers use; not the whole Public Suffix List.
const SECOND_LEVEL = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'ltd.uk', 'plc.uk', 'me.uk',
  'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'co.kr', 'co.in', 'com.br', 'com.mx', 'com.ar',
  'com.tr', 'com.cn', 'com.hk', 'com.sg', 'co.za', 'co.at', 'or.at', 'gv.at', 'co.hu', 'com.es',
  'com.pl', 'com.pt', 'co.il', 'com.ua',
]);

/**
 * The registrable domain of a website or domain as typed: `https://shop.Acme.co.uk/x` →
 * `acme.co.uk`. Null when nothing domain-like was given.
 */
export function registrableDomain(input: string | null | undefined): string | null {
  if (!input) return null;
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/\.$/, '');
  const labels = host.split('.').filter(Boolean);
  if (labels.length < 2) return null;
  const lastTwo = labels.slice(-2).join('.');
  const keep = SECOND_LEVEL.has(lastTwo) && labels.length >= 3 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** Tag of the pseudo-locale: English made accented and about 40 % longer. */
export const PSEUDO_LOCALE = 'en-XA';

const ACCENTED: Record<string, string> = {
  a: 'å', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/**
 * `Deal registrations` → `[Ðéåļ ŕéĝîšţŕåţîöñš ·······]`: every letter accented, padded to
 * about 140 % of its length and bracketed, so untranslated text and clipped text stand out.
 */
export function pseudoLocalize(text: string): string {
  const accented = [...text].map((char) => ACCENTED[char] ?? char).join('');
  const padding = '·'.repeat(Math.max(1, Math.round(text.length * 0.4)));
  return `[${accented} ${padding}]`;
}

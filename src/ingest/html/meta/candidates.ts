// Small shared pieces of the metadata rules: a candidate value with the rule that found it, text
// of an element, and the host-derived site name.

export interface Candidate {
  value: string;
  rule: string;
}

const ENTITY: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', bdquo: '„', laquo: '«', raquo: '»', szlig: 'ß', euro: '€', shy: '\u00ad' };
// Latin-1 letters by their entity names: &eacute; &Ouml; &ntilde; ...
const ACCENTS: [string, string][] = [['acute', '\u0301'], ['grave', '\u0300'], ['circ', '\u0302'], ['uml', '\u0308'], ['tilde', '\u0303'], ['cedil', '\u0327'], ['ring', '\u030a']];
for (const base of 'aeiouycnAEIOUYCN') for (const [name, mark] of ACCENTS) ENTITY[`${base}${name}`] = `${base}${mark}`.normalize('NFC');

/** Decodes character references left in attribute values (pages double-escape `&amp;#038;`). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITY[code] ?? ENTITY[code.toLowerCase()] ?? m;
  });
}

/** One-line, NFC-normalised text with stray character references decoded. */
export function clean(s: string | null | undefined): string {
  return decodeEntities(s ?? '')
    .replace(/[\s\u00a0\u200b\u200e\u200f\ufeff]+/g, ' ')
    .trim()
    .normalize('NFC');
}

export function textOf(el: Element | null | undefined): string {
  return clean(el?.textContent);
}

/** `www.zeit.de` -> `zeit`: the registrable label of a host name, for comparisons with site names. */
export function hostLabel(url: string | null): string | null {
  if (!url) return null;
  try {
    const parts = new URL(url).hostname.replace(/^www\d?\./, '').split('.');
    if (parts.length >= 3 && /^(co|com|org|net|gov|ac)$/.test(parts[parts.length - 2]!)) return parts[parts.length - 3] ?? null;
    return parts.length >= 2 ? parts[parts.length - 2]! : parts[0] ?? null;
  } catch {
    return null;
  }
}

/** Letters and digits only, lower-cased: for loose equality between names. */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

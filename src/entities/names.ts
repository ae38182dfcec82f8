// Name keys for matching transliteration variants and partial names of the same person or body.
// Transliterated names (Arabic, Persian, Russian into English) vary in vowels, doubled letters and
// how one sound is written (q/gh/k, y/i, ou/u): a consonant skeleton with those letters folded
// groups such variants, and an edit-distance check on the full form keeps unrelated names apart.

const PARTICLES = new Set(['al', 'el', 'al-', 'el-', 'bin', 'ibn', 'bint', 'abu', 'van', 'von', 'de', 'der', 'da', 'di', 'la', 'le', 'du']);

/** Lower case, no diacritics, no punctuation except inner spaces; `al-Assad` -> `al assad`. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]s\b/g, '')
    .replace(/[-‐–—]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name's words without particles (al, bin, van …), which outlets keep or drop at will. */
export function nameTokens(s: string): string[] {
  return normaliseName(s)
    .split(' ')
    .filter((t) => t && !PARTICLES.has(t));
}

/**
 * Consonant skeleton of one word: sounds that transliterations write differently are folded
 * (gh/q/k/c/ck -> k, kh -> h, ph/f -> f, w/v, z/s, j/g-before-e), vowels and y/w glides dropped
 * after the first letter, doubled letters collapsed.
 */
export function skeleton(word: string): string {
  let w = normaliseName(word).replace(/ /g, '');
  if (!w) return '';
  w = w
    .replace(/tch/g, 'ch')
    .replace(/kh/g, 'h')
    .replace(/gh|ck|q|c(?=[aou])|c$/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/sh|ch/g, 'S')
    .replace(/w/g, 'v')
    .replace(/z/g, 's')
    .replace(/dj|j/g, 'J')
    .replace(/th/g, 't');
  const first = w[0]!;
  const rest = w.slice(1).replace(/[aeiouyh]/g, '');
  const head = /[aeiouy]/.test(first) ? 'a' : first;
  return (head + rest).replace(/(.)\1+/g, '$1');
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Vowel runs as classes (a / e-i-y / o-u): 'Youssef' -> 'UI', 'Yusuf' -> 'UU', 'Hussein' -> 'UI'. */
function vowelClasses(word: string): string {
  const runs = normaliseName(word).replace(/ /g, '').slice(1).match(/[aeiouy]+/g) ?? [];
  return runs.map((r) => (r[0] === 'a' ? 'A' : r[0] === 'o' || r[0] === 'u' ? 'U' : 'I')).join('');
}

/**
 * Two words are spellings of one name: the same consonant skeleton, and either a small edit
 * distance or vowels that agree but for one (transliterations disagree on a vowel, rarely on all:
 * 'Yusuf'/'Youssef' agree, 'Hassan'/'Hussein' do not).
 */
export function sameNameWord(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x === y) return true;
  if (x.length < 3 || y.length < 3) return false;
  if (skeleton(x) !== skeleton(y)) return false;
  if (levenshtein(x, y) <= Math.max(1, Math.floor(Math.max(x.length, y.length) / 4))) return true;
  const vx = vowelClasses(x);
  const vy = vowelClasses(y);
  if (vx.length !== vy.length || vx[0] !== vy[0]) return false;
  let differ = 0;
  for (let i = 0; i < vx.length; i++) if (vx[i] !== vy[i]) differ++;
  return differ <= (vx.length >= 2 ? 1 : 0);
}

/**
 * Whether a shorter name form can refer to a fuller one: every word of the short form matches a
 * word of the long form in order ('Assad' ~ 'Bashar al-Assad', 'Ali Ayoub' ~ 'Ali Abdullah Ayyoub'),
 * and the short form keeps the long form's last word (surnames carry the reference).
 */
export function nameCompatible(short: string, long: string): boolean {
  const s = nameTokens(short);
  const l = nameTokens(long);
  if (s.length === 0 || l.length === 0 || s.length > l.length) return false;
  if (!sameNameWord(s[s.length - 1]!, l[l.length - 1]!)) return false;
  let j = 0;
  for (const w of s) {
    while (j < l.length && !sameNameWord(w, l[j]!)) j++;
    if (j === l.length) return false;
    j++;
  }
  return true;
}

/** A key under which all spellings of a surname meet, for index lookups across articles. */
export function surnameKey(name: string): string {
  const t = nameTokens(name);
  return t.length ? skeleton(t[t.length - 1]!) : '';
}

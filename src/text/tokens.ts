// Tokens with offsets: words (with inner hyphens and apostrophes), numbers with separators,
// possessive 's split off, abbreviations with their dots, and every punctuation mark on its own.

export interface Token {
  start: number;
  end: number;
  text: string;
}

const TOKEN = new RegExp(
  [
    String.raw`(?:[A-Za-z]\.){2,}`, // U.S., a.m.
    String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?`, // 380,000
    String.raw`\d+(?:[.:/-]\d+)*`, // 3.5, 10:30, 24/7, 1996-08-22
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*?(?=['’][sS]\b)`, // word before a possessive
    String.raw`['’][sS]\b`, // the possessive
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*\.?(?<=(?:Mr|Mrs|Ms|Dr|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Brig|Sen|Rep|Gov|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|St|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|etc)\.)`, // abbreviation
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*`, // plain word
    String.raw`\.\.\.|…|--|[^\s\p{L}\p{N}]`, // punctuation
  ].join('|'),
  'gu',
);

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN)) {
    const s = start + (m.index ?? 0);
    out.push({ start: s, end: s + m[0].length, text: m[0] });
  }
  return out;
}

// Tokens with offsets: words (with inner hyphens and apostrophes), numbers with separators,
// possessive 's split off, abbreviations, initials and other dotted forms with their dots (one
// token each, as the sentence splitter reads them), and every punctuation mark on its own.

export interface Token {
  start: number;
  end: number;
  text: string;
}

const TOKEN = new RegExp(
  [
    String.raw`(?:[A-Za-z]\.){2,}`, // U.S., a.m.
    String.raw`(?!I\.)\p{Lu}\.(?![\p{L}\p{N}])`, // an initial: the 'J.' of 'J. Smith' (not the pronoun ending a sentence)
    String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?`, // 380,000
    String.raw`\d+(?:[.:/-]\d+)*`, // 3.5, 10:30, 24/7, 1996-08-22
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*?(?=['’][sS]\b)`, // word before a possessive
    String.raw`['’][sS]\b`, // the possessive
    String.raw`[\p{L}\p{M}\p{N}]+(?:[-‐'’][\p{L}\p{M}\p{N}]+)*\.?(?<=(?:Mr|Mrs|Ms|Messrs|Dr|Prof|Pres|Rev|Hon|Gen|Maj|Lt|Col|Capt|Cmdr|Sgt|Cpl|Pvt|Adm|Brig|Sen|Rep|Gov|Amb|Sec|Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|St|Mt|Ft|Ave|Blvd|Jr|Sr|Inc|Ltd|Co|Corp|Bros|Dept|No|Nos|vs|etc|Ala|Ariz|Ark|Calif|Colo|Conn|Fla|Ga|Ill|Kan|Ky|Md|Mass|Mich|Minn|Mont|Neb|Nev|Okla|Tenn|Tex|Vt|Wis|Wyo)\.)`, // abbreviation
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

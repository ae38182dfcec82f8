// MONEY, PERCENT and CARDINAL mentions by pattern: their forms are regular enough that rules beat
// a tagger, and the outlet comparison needs their values ('more than 380,000', 'billions of dollars').
import type { NumberMention } from '../doc/layers.js';

/** An amount as found in one text, before the pipeline places it in a field. */
export type NumericMention = Omit<NumberMention, 'field'>;

const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, dozens: 12, hundreds: 100, thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9, trillion: 1e12,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, mln: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const WORD_NUM = Object.keys(SMALL).join('|');
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE_RE = String.raw`(?:\s?(?:hundred|thousand|million|mln|billion|bn|trillion|tn)\b)?`;
const CURRENCY_SIGN = String.raw`[$€£¥₹]|US\$|USD|EUR|GBP`;
const CURRENCY_WORD = String.raw`dollars?|euros?|pounds?|yen|yuan|rubles?|roubles?|rials?|shekels?|riyals?|lira|dinars?`;

const PATTERNS: { type: NumericMention['type']; re: RegExp }[] = [
  { type: 'MONEY', re: new RegExp(String.raw`(?:${CURRENCY_SIGN})\s?(?:${NUM})${SCALE_RE}`, 'g') },
  { type: 'MONEY', re: new RegExp(String.raw`\b(?:${NUM}|${WORD_NUM})${SCALE_RE}(?:\s+of)?\s+(?:U\.S\.\s+)?(?:${CURRENCY_WORD})\b`, 'gi') },
  { type: 'PERCENT', re: new RegExp(String.raw`\b(?:${NUM})\s?(?:%|per\s?cent\b|percent\b)`, 'gi') },
  { type: 'CARDINAL', re: new RegExp(String.raw`\b(?:${NUM})${SCALE_RE}(?!\s?(?:%|per\s?cent|percent))`, 'gi') },
  { type: 'CARDINAL', re: new RegExp(String.raw`\b(?:${WORD_NUM})(?:[\s-](?:${WORD_NUM}))*\b`, 'gi') },
];

function parseValue(s: string): number | null {
  const t = s.toLowerCase().replace(/[$€£¥₹]|us\$|usd|eur|gbp/g, ' ');
  const num = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/.exec(t);
  if (num) {
    let v = Number(num[1]!.replace(/,/g, ''));
    const scale = /(hundred|thousand|million|mln|billion|bn|trillion|tn)\b/.exec(t.slice((num.index ?? 0) + num[0].length));
    if (scale) v *= SCALE[scale[1]!] ?? 1;
    return v;
  }
  const words = t.match(new RegExp(`\\b(${WORD_NUM})\\b`, 'g'));
  if (!words) return null;
  if (/s$/.test(words[words.length - 1]!) && words.length === 1 && /(dozens|hundreds|thousands|millions|billions)/.test(words[0]!)) return null;
  let total = 0;
  let current = 0;
  for (const w of words) {
    const v = SMALL[w]!;
    if (v >= 1000) {
      total += Math.max(current, 1) * v;
      current = 0;
    } else if (v === 100) current = Math.max(current, 1) * 100;
    else current += v;
  }
  return total + current;
}

/** Number mentions in order; a money or percent span wins over the bare number inside it. */
export function findNumbers(text: string): NumericMention[] {
  const found: NumericMention[] = [];
  const taken = (s: number, e: number) => found.some((f) => s < f.end && f.start < e);
  for (const { type, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].trimEnd().length;
      if (taken(start, end)) continue;
      // Years and clock times are the time layer's.
      if (type === 'CARDINAL' && /^(1[89]|20)\d{2}$/.test(m[0].trim())) continue;
      if (type === 'CARDINAL' && /^\d/.test(m[0]) && (/[:/.-]$/.test(text.slice(start - 1, start)) || /^[:/]\d/.test(text.slice(end, end + 2)))) continue;
      if (type === 'CARDINAL' && /^(one)$/i.test(m[0].trim())) continue;
      found.push({ start, end, type, text: text.slice(start, end), value: parseValue(text.slice(start, end)) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

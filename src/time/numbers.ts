// Reading quantities written as digits or words: '24', 'twenty four', 'a couple of', '2 1/2'.
import { NUMBER_WORDS, VAGUE_QUANTITIES } from '../lang/en/time-words.js';

const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const ONES = 'one|two|three|four|five|six|seven|eight|nine';

/** Regex source for a quantity (digits, number words, compounds, vague words). */
export const QUANTITY = `(?:\\d+(?:\\.\\d+)?(?:\\s+1\\/2)?|(?:${TENS})(?:[\\s-](?:${ONES}))?|(?:(?:a|${ONES}|ten|twelve)\\s+)?(?:hundred|thousand|dozen)|(?:a\\s+)?couple(?:\\s+of)?|${Object.keys(NUMBER_WORDS)
  .filter((w) => !/^(a |twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)/.test(w))
  .sort((a, b) => b.length - a.length)
  .join('|')}|${VAGUE_QUANTITIES.filter((w) => w !== 'the').map((w) => w.replace(/ /g, '\\s+')).join('|')})`;

/** The number a quantity phrase names, or null when it is vague ('several', 'a few'). */
export function readQuantity(raw: string): number | null {
  const s = raw.toLowerCase().replace(/\s+/g, ' ').replace(/-/g, ' ').trim();
  const half = /^(\d+) 1\/2$/.exec(s);
  if (half) return Number(half[1]) + 0.5;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (s in NUMBER_WORDS) return NUMBER_WORDS[s] ?? null;
  const parts = s.replace(/^a /, '').split(' ');
  let total = 0;
  for (const p of parts) {
    const n = NUMBER_WORDS[p];
    if (n === undefined) return null;
    total = n >= 100 ? (total || 1) * n : total + n;
  }
  return total || null;
}

// Span conventions where the gold of TimeBank and AQUAINT, counted together, leaves words out: approximators and
// hedges ('about two weeks', 'almost five months', 'just over an hour', 'right now') stay outside
// the span (except in 'about two years ago'), and so does a point modifier before a weekday ('earlier Friday', 'late Monday'). The
// TIMEX3 mod still records the modifier; only the extent changes.
import { WEEKDAYS } from '../lang/en/time-words.js';
import type { Candidate } from './rules.js';

const HEDGE = /^(?:about|almost|just|right|only|barely)\s+/i;
const WEEKDAY_WORDS = Object.keys(WEEKDAYS).filter((w) => w.length > 3).join('|');
const MOD_BEFORE_WEEKDAY = new RegExp(`^(?:early|earlier|late|later)\\s+(?=(?:${WEEKDAY_WORDS})\\b)`, 'i');

/** The candidate with leading words outside the conventional extent dropped. */
export function conventionalSpan(text: string, c: Candidate): Candidate {
  const span = text.slice(c.start, c.end);
  // 'almost two years ago' names a point; both corpora keep its hedge.
  const lead = (c.rule === 'rule:ago' ? null : HEDGE.exec(span)) ?? MOD_BEFORE_WEEKDAY.exec(span);
  if (!lead || lead[0].length >= span.length) return c;
  return { ...c, start: c.start + lead[0].length };
}

/** 'Now,' opening a sentence is a discourse marker ('Now, he says ...'), not a time; neither corpus marks it. */
export function isDiscourseMarker(text: string, c: Candidate): boolean {
  if (!/^now$/i.test(text.slice(c.start, c.end)) || text[c.end] !== ',') return false;
  return /(?:^|[.!?"'`]\s*|\n\s*)$/.test(text.slice(Math.max(0, c.start - 4), c.start)) || c.start === 0;
}

// Sentences as the quote layer sees them: the reporter's words as tokens, each quotation as one unit.
// A private splitter (the shared one in src/text may replace it): a sentence ends at . ! ? (with any
// closing marks after them) followed by a space and a capital, digit or opening mark, unless the
// period closes an abbreviation or initial; a line break always ends one; a quotation is never split.
import { ABBREVIATIONS, SPEECH_VERBS } from '../lang/en/quote-words.js';
import type { MarkSpan } from './marks.js';

export interface Unit {
  kind: 'word' | 'punct' | 'quote';
  start: number;
  end: number;
  text: string;
  /** Lower-cased text, for list look-ups. */
  lower: string;
  /** Index into the mark spans, for a quote unit. */
  quote?: number;
}

export interface Sentence {
  start: number;
  end: number;
  units: Unit[];
}

const TOKEN = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Word and punctuation units of text[from, to); an abbreviation keeps its period ('Maj.', 'U.S.'). */
export function tokenize(text: string, from: number, to: number): Unit[] {
  const out: Unit[] = [];
  const segment = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(segment); m; m = TOKEN.exec(segment)) {
    const t = m[0];
    const start = from + m.index;
    if (/[\p{L}\p{N}]/u.test(t[0]!)) {
      let end = start + t.length;
      if (text[end] === '.' && end < to && isAbbreviation(t)) end++;
      out.push({ kind: 'word', start, end, text: text.slice(start, end), lower: text.slice(start, end).toLowerCase() });
      TOKEN.lastIndex = end - from;
    } else {
      out.push({ kind: 'punct', start, end: start + 1, text: t, lower: t });
    }
  }
  return out;
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || /\./.test(word);
}

/** Whether the period at `i` closes an abbreviation or an initial rather than a sentence. */
function periodIsAbbreviation(text: string, i: number): boolean {
  const m = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, i - 12), i));
  return m !== null && isAbbreviation(m[0]);
}

const BOUNDARY = /[.!?…]+[”"’')\]]*(?=\s+[“"‘'(\p{Lu}\p{N}])|\n/gu;

/** '“…?” King asked': a quotation ending in ? or ! may still be followed by its cue. */
const ATTRIBUTION_AHEAD = new RegExp(String.raw`^\s+(?:[\p{L}.'’-]+\s+){0,4}?(?:${[...SPEECH_VERBS].join('|')})\b`, 'u');

/** Sentence spans of the text, none of them crossing a line break or a quotation's interior. */
export function sentenceSpans(text: string, marks: MarkSpan[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  let mi = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0] !== '\n') {
      while (mi < marks.length && marks[mi]!.close < end) mi++;
      const mark = marks[mi];
      if (mark && mark.open < end && end < mark.close) continue;
      if (m[0] === '.' && periodIsAbbreviation(text, m.index)) continue;
      if (/[?!]/.test(m[0]) && /[”"’']$/.test(m[0]) && ATTRIBUTION_AHEAD.test(text.slice(end, end + 80))) continue;
    }
    push(text, out, start, m[0] === '\n' ? m.index : end);
    start = end;
  }
  push(text, out, start, text.length);
  return out;
}

function push(text: string, out: { start: number; end: number }[], from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e });
}

/** Each sentence's units: tokens of the text outside quotations, and one unit per quotation. */
export function buildSentences(text: string, marks: MarkSpan[]): Sentence[] {
  const spans = sentenceSpans(text, marks);
  const out: Sentence[] = [];
  let mi = 0;
  for (const s of spans) {
    const units: Unit[] = [];
    let at = s.start;
    while (mi < marks.length && marks[mi]!.open < s.start) mi++;
    while (mi < marks.length && marks[mi]!.open < s.end) {
      const mark = marks[mi]!;
      units.push(...tokenize(text, at, mark.open));
      const qt = text.slice(mark.start, mark.end);
      units.push({ kind: 'quote', start: mark.open, end: mark.close, text: qt, lower: qt.toLowerCase(), quote: mi });
      at = mark.close;
      mi++;
    }
    units.push(...tokenize(text, at, s.end));
    out.push({ start: s.start, end: s.end, units });
  }
  return out;
}

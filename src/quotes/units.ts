// Sentences as the quote layer sees them: the reporter's words as tokens, each quotation as one unit.
// They are the document's sentences and tokens (src/text), joined where the quote layer must not
// split: a sentence boundary inside a quotation, and a quotation ending in ? or ! that its cue
// still follows ('“…?” the minister asked'). A line break always ends one.
import { SPEECH_VERBS } from '../lang/en/quote-words.js';
import { sentencesWithTokens, type Token, type TokenizedSentence } from '../text/index.js';
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

/** '“…?” King asked': a quotation ending in ? or ! may still be followed by its cue. */
const ATTRIBUTION_AHEAD = new RegExp(String.raw`^\s+(?:[\p{L}.'’-]+\s+){0,4}?(?:${[...SPEECH_VERBS].join('|')})\b`, 'u');

/** The document's sentences cut at every line break, each with its tokens. */
function lines(text: string, sentences: readonly TokenizedSentence[]): TokenizedSentence[] {
  const out: TokenizedSentence[] = [];
  let newline = text.indexOf('\n');
  for (const s of sentences) {
    let from = s.start;
    let tokens: Token[] = [];
    for (const t of s.tokens) {
      while (newline >= 0 && newline < t.start && tokens.length === 0) newline = text.indexOf('\n', newline + 1);
      if (tokens.length && newline >= 0 && newline < t.start) {
        out.push({ start: from, end: tokens.at(-1)!.end, tokens });
        from = t.start;
        tokens = [];
        newline = text.indexOf('\n', t.start);
      }
      tokens.push(t);
    }
    if (tokens.length) out.push({ start: from, end: s.end, tokens });
  }
  return out;
}

/** Sentence spans with their tokens, none of them crossing a line break or a quotation's interior. */
export function sentenceSpans(text: string, marks: readonly MarkSpan[], sentences: readonly TokenizedSentence[]): TokenizedSentence[] {
  const out: TokenizedSentence[] = [];
  let mi = 0;
  for (const s of lines(text, sentences)) {
    const last = out.at(-1);
    if (last && !text.slice(last.end, s.start).includes('\n')) {
      while (mi < marks.length && marks[mi]!.close <= last.end) mi++;
      const mark = marks[mi];
      const insideQuote = mark !== undefined && mark.open < last.end && last.end < mark.close;
      const cueFollows = /[?!][”"’')\]]*[”"’']$/.test(text.slice(last.end - 4, last.end)) && ATTRIBUTION_AHEAD.test(text.slice(last.end, last.end + 80));
      if (insideQuote || cueFollows) {
        out[out.length - 1] = { start: last.start, end: s.end, tokens: [...last.tokens, ...s.tokens] };
        continue;
      }
    }
    out.push(s);
  }
  return out;
}

const isWordy = (text: string) => /[\p{L}\p{N}]/u.test(text[0]!);

/**
 * A token as a unit. The phrase rules read a speaker's words whole, so a unit keeps what the
 * tokenizer splits off a word with no space between: a possessive ('Russia's ministry') and a
 * hyphenated number ('a 43-year-old teacher').
 */
function pushUnit(units: Unit[], t: Token): void {
  const last = units.at(-1);
  const glued = last !== undefined && last.kind === 'word' && last.end === t.start && (/^['’][sS]$/.test(t.text) || /^[-‐]$/.test(t.text) || (/[-‐]$/.test(last.text) && isWordy(t.text)));
  if (glued) {
    units[units.length - 1] = { ...last, end: t.end, text: last.text + t.text, lower: (last.text + t.text).toLowerCase() };
    return;
  }
  units.push({ kind: isWordy(t.text) ? 'word' : 'punct', start: t.start, end: t.end, text: t.text, lower: t.text.toLowerCase() });
}

/**
 * Each sentence's units: tokens of the text outside quotations, and one unit per quotation. Without
 * `sentences` (the document's sentence layer), the text is split and tokenized here.
 */
export function buildSentences(text: string, marks: MarkSpan[], sentences: readonly TokenizedSentence[] = sentencesWithTokens(text)): Sentence[] {
  const out: Sentence[] = [];
  let mi = 0;
  for (const s of sentenceSpans(text, marks, sentences)) {
    const units: Unit[] = [];
    let ti = 0;
    // The reporter's tokens from `from` up to `to`; those of a quotation's interior are its unit.
    const tokensBetween = (from: number, to: number) => {
      while (ti < s.tokens.length && s.tokens[ti]!.start < to) {
        const t = s.tokens[ti++]!;
        if (t.start >= from) pushUnit(units, t);
      }
    };
    let at = s.start;
    while (mi < marks.length && marks[mi]!.open < s.start) mi++;
    while (mi < marks.length && marks[mi]!.open < s.end) {
      const mark = marks[mi]!;
      tokensBetween(at, mark.open);
      const qt = text.slice(mark.start, mark.end);
      units.push({ kind: 'quote', start: mark.open, end: mark.close, text: qt, lower: qt.toLowerCase(), quote: mi });
      at = mark.close;
      mi++;
    }
    tokensBetween(at, s.end);
    out.push({ start: s.start, end: s.end, units });
  }
  return out;
}

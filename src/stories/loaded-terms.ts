// Loaded words: terms that carry a stance ('regime', 'terrorist', 'Zionist entity'). Each use is
// reported with its voice: the outlet's own words, or words inside a quotation (the speaker's).
// The lexicon is the project's own; each entry names why the term is loaded. A term the outlet only
// names in order to explain it ('X is the word for ...', 'the so-called X') is a mention, not a use:
// it is neither the outlet's voice nor a quotation.
import { SpanIndex } from '../text/span-index.js';

export interface LoadedTermRule {
  name: string;
  /** Matches the term with the words that make it loaded ('Assad regime', 'terrorist group'). */
  re: RegExp;
  why: string;
}

export const LOADED_TERMS: LoadedTermRule[] = [
  { name: 'regime', re: /\b(?:[\p{Lu}][\p{L}-]+\s+)?regime\b/gu, why: 'delegitimises a government' },
  { name: 'zionist', re: /\bZionist(?:[-‐][\p{Lu}][\p{L}]+)?(?:\s+(?:entity|enemy|regime|schemes?|occupiers?|forces|state))?/gu, why: 'denies Israel its name' },
  { name: 'terrorist', re: /\bterror(?:ist)?s?(?:\s+(?:group|groups|organi[sz]ations?|infrastructure|entity|cells?|network))?\b/giu, why: 'labels an armed group as terrorist' },
  { name: 'extremist', re: /\bextremists?(?:\s+(?:[\p{Lu}][\p{L}]+\s+)?(?:forces|groups?|militias?))?\b/giu, why: 'labels a group as extreme' },
  { name: 'backed', re: /\b[\p{Lu}][\p{L}]+[-‐]backed\b/gu, why: 'casts a group as a proxy' },
  { name: 'takfiri', re: /\btakfiris?\b/giu, why: 'sectarian label for Sunni armed groups' },
  { name: 'occupation', re: /\boccup(?:ation|iers?|ying)\s+(?:forces|army|state|entity)\b/giu, why: 'frames presence as occupation' },
  { name: 'martyr', re: /\bmartyr(?:s|dom|ed)?\b/giu, why: 'frames a death as sacrifice' },
  { name: 'thugs', re: /\b(?:thugs|puppets?|mercenar(?:y|ies)|crusaders?|infidels?)\b/giu, why: 'insult for a party' },
  { name: 'axis', re: /\baxis of (?:resistance|evil)\b/giu, why: 'bloc label taken from one side' },
];

export interface LoadedTermUse {
  rule: string;
  text: string;
  start: number;
  end: number;
  voice: 'own' | 'quoted' | 'defined';
}

/** The same sentence goes on to explain the term: 'X is the word for ...', 'X, a label for ...', 'X refers to ...'. */
const DEFINED_AFTER =
  /^[”"’']?\s*(?:(?:is|are|was|were|means|meant|refers to|denotes|describes)\b[^.!?\n]{0,60}?\b(?:term|word|name|label|expression|epithet|phrase)s?\b|[,(]\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(?:term|word|name|label|expression|epithet)\s+(?:for|used|that|which|given|applied|the|it|they)\b)/iu;
/** The term is introduced as a word: 'the term X', 'the so-called X', 'what it calls X'. */
const DEFINED_BEFORE = /\b(?:(?:the|a|an)\s+(?:[\p{L}-]+\s+)?(?:term|word|label|expression|epithet)|so-called|what (?:it|they|he|she|\p{Lu}\p{L}+) (?:calls?|called|terms?|termed)(?:\s+(?:the|an?))?)\s*[“"‘']?$/iu;

/** Whether a match is only mentioned to be explained (see DEFINED_AFTER, DEFINED_BEFORE). */
function isDefinition(text: string, start: number, end: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 80);
  return DEFINED_AFTER.test(text.slice(end, end + 120)) || DEFINED_BEFORE.test(text.slice(lineStart, start));
}

/** Spans between paired quotation marks, as a fallback when no quote layer output is given. */
export function quotedSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/“[^”\n]*”|"[^"\n]*"|‘[^’\n]{3,}?’(?!\p{L})|(?<!\p{L})'[^'\n]{3,}?'(?!\p{L})/gu)) {
    spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return spans;
}

export function findLoadedTerms(text: string, quotes: { start: number; end: number }[] = quotedSpans(text)): LoadedTermUse[] {
  const out: LoadedTermUse[] = [];
  // Uses and quotations by position: scanning all of them per match was quadratic on a long text.
  const taken = new SpanIndex<LoadedTermUse>();
  const quoted = new SpanIndex(quotes);
  for (const rule of LOADED_TERMS) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.overlaps({ start, end })) continue;
      const inQuote = quoted.overlapping({ start, end }).some((q) => start >= q.start && end <= q.end);
      const use: LoadedTermUse = { rule: rule.name, text: m[0], start, end, voice: inQuote ? 'quoted' : isDefinition(text, start, end) ? 'defined' : 'own' };
      out.push(use);
      taken.add(use);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

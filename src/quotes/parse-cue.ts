// A quotation's cue read off the dependency parse, for the whole quotations whose sentence the word
// patterns find no cue in: the speaker is the subject of a speech verb of the quotation's sentence,
// between it and the next or previous quotation ('“…,” the club's head coach Ana Ruiz said after
// the match'). The nearest such verb after the quotation wins, else the nearest before it. A
// fragment inside the reporter's sentence ('known as a “…”') is a term, not a quotation to attribute.
import type { DocToken, TokenSyntax } from '../doc/layers.js';
import { PRONOUNS, SPEECH_VERBS } from '../lang/en/quote-words.js';
import { tokensWithSyntax } from '../syntax/index.js';
import type { TokenizedSentence } from '../text/index.js';
import { spanAt } from '../text/span-index.js';
import type { Attribution } from './attribution.js';
import type { MarkSpan } from './marks.js';
import type { Phrase } from './phrases.js';
import type { Sentence } from './units.js';

type Parsed = DocToken & TokenSyntax;

/** Dependents that belong to a speaker's phrase ('the', 'club's', 'head coach', 'Ana Ruiz'). */
const PHRASE_PART = /^(?:compound|flat|det|amod|nmod:poss|case|nummod)(?::|$)/;

/** The span of a subject with the dependents that make its phrase, as token indexes. */
function phraseOf(tokens: readonly Parsed[], head: number): [number, number] {
  let first = head;
  let last = head;
  const grow = (h: number) => {
    tokens.forEach((t, k) => {
      if (t.head - 1 !== h || !PHRASE_PART.test(t.deprel)) return;
      first = Math.min(first, k);
      last = Math.max(last, k);
      grow(k);
    });
  };
  grow(head);
  return [first, last];
}

export function parseCue(sentence: Sentence, quote: MarkSpan, marks: readonly MarkSpan[], docSentences: readonly TokenizedSentence[]): Attribution | null {
  const inQuote = (t: { start: number }) => marks.some((m) => m.open <= t.start && t.start < m.close);
  const found: { verb: Parsed; subject: [number, number]; tokens: Parsed[] }[] = [];
  // The document's sentences this quote-layer sentence covers (a binary search: one scan of all of
  // them per quotation would be quadratic in a long text).
  const from = spanAt(docSentences, sentence.start, (s) => s.end > sentence.start);
  for (let k = Math.max(0, from); k < docSentences.length && docSentences[k]!.start < sentence.end; k++) {
    const s = docSentences[k]!;
    if (s.end <= sentence.start) continue;
    const tokens = tokensWithSyntax(s.tokens);
    tokens.forEach((verb, v) => {
      if (verb.upos !== 'VERB' || !SPEECH_VERBS.has(verb.text.toLowerCase()) || inQuote(verb)) return;
      const subject = tokens.findIndex((t) => t.head - 1 === v && /^nsubj(?!:pass)/.test(t.deprel));
      const subj = tokens[subject];
      if (!subj || inQuote(subj)) return;
      // A pronoun speaks only as a third person ('he said'); 'I' in the reporter's words is the writer, 'who' a relative.
      if (!(subj.upos === 'PROPN' || subj.upos === 'NOUN' || (subj.upos === 'PRON' && PRONOUNS.has(subj.text.toLowerCase())))) return;
      found.push({ verb, subject: phraseOf(tokens, subject), tokens });
    });
  }
  // Only a verb with no other quotation between it and this one ('“…” X said. “…”' gives the second nothing of its own).
  const next = marks.find((m) => m.open >= quote.close)?.open ?? Infinity;
  const previous = marks.findLast((m) => m.close <= quote.open)?.close ?? -Infinity;
  const after = found.filter((f) => f.verb.start >= quote.close && f.verb.end <= next).sort((a, b) => a.verb.start - b.verb.start)[0];
  const before = found.filter((f) => f.verb.end <= quote.open && f.verb.start >= previous).sort((a, b) => b.verb.start - a.verb.start)[0];
  const cue = after ?? before;
  if (!cue) return null;
  const [first, last] = cue.subject;
  const start = cue.tokens[first]!.start;
  const end = cue.tokens[last]!.end;
  // The phrase in the quote layer's units (a unit may hold several tokens: 'club's').
  const firstUnit = sentence.units.findIndex((u) => u.end > start);
  const lastUnit = sentence.units.findLastIndex((u) => u.start < end);
  if (firstUnit < 0 || lastUnit < firstUnit || sentence.units.slice(firstUnit, lastUnit + 1).some((u) => u.kind === 'quote')) return null;
  const head = cue.tokens[cue.subject[1]]!;
  const kind: Phrase['kind'] = first === last && head.upos === 'PRON' ? 'pronoun' : cue.tokens.slice(first, last + 1).some((t) => t.upos === 'PROPN') ? 'name' : 'nominal';
  const speaker: Phrase = { kind, first: firstUnit, last: lastUnit, start: sentence.units[firstUnit]!.start, end: sentence.units[lastUnit]!.end, titled: false, clauseFirst: firstUnit };
  return { speaker, cue: cue.verb.text, cueType: 'verb', via: null };
}

// Whose event a word is, read off the dependency parse: an event word belongs to an entity that is
// one of its arguments (subject, object, oblique, possessor), or to the subject its clause shares
// with the clause it is joined to ('the firm sued and lost', 'promised to rebuild'). A reference inside a
// larger phrase counts through that phrase's head ('the iPod's battery failed': the battery's
// failure is told of the iPod).
import type { DocToken, TokenSyntax } from '../doc/layers.js';

type Parsed = DocToken & TokenSyntax;

/** Relations by which a word is an argument of an event word. */
const ARGUMENT = /^(?:nsubj|obj|iobj|obl|nmod|csubj|expl)(?::|$)/;
/** Relations that join a reference to the phrase it belongs to, climbed before the argument test. */
const WITHIN_PHRASE = /^(?:compound|flat|appos|conj|nmod:poss|amod|nummod)(?::|$)/;
/** Relations by which a clause takes its subject from the word it hangs on. */
const SHARES_SUBJECT = /^(?:conj|xcomp)$/;
/** Clauses hung on the reference itself: it takes part in them ('the iPhone, which sold', 'Jobs, speaking ...'). */
const CLAUSE_ON_NOUN = /^(?:acl|parataxis)(?::|$)/;
/** Relations by which an event noun is what its verb does ('filed a lawsuit', 'gave a keynote'). */
const NOUN_OF_VERB = /^(?:obj|obl|nsubj:pass)(?::|$)/;

/** The token of a span whose head lies outside it (the span's syntactic head), 0-based. */
function spanHead(tokens: readonly Parsed[], start: number, end: number): number {
  for (let k = start; k < end; k++) {
    const h = tokens[k]!.head - 1;
    if (h < start || h >= end) return k;
  }
  return start;
}

/** The words a reference stands in for as an argument: its head, then the phrases that contain it. */
function argumentHeads(tokens: readonly Parsed[], start: number, end: number): number[] {
  const out: number[] = [];
  let k = spanHead(tokens, start, end);
  for (let step = 0; step < 4 && k >= 0; step++) {
    out.push(k);
    if (!WITHIN_PHRASE.test(tokens[k]!.deprel)) break;
    k = tokens[k]!.head - 1;
  }
  return out;
}

/** Whether the event word at `word` has the reference `start..end` (token indexes) as an argument. */
export function isArgumentOf(tokens: readonly Parsed[], word: number, start: number, end: number): boolean {
  const heads = argumentHeads(tokens, start, end);
  const isArgument = (w: number) => heads.some((k) => tokens[k]!.head - 1 === w && ARGUMENT.test(tokens[k]!.deprel));
  if (isArgument(word)) return true;
  if (CLAUSE_ON_NOUN.test(tokens[word]!.deprel) && heads.includes(tokens[word]!.head - 1)) return true;
  // An event noun that is what a verb of the reference's does.
  const verb = tokens[word]!.head - 1;
  if (verb >= 0 && NOUN_OF_VERB.test(tokens[word]!.deprel) && tokens[verb]!.upos === 'VERB' && isArgument(verb)) return true;
  // A clause with no subject of its own takes the subject (or, for 'urged X to', the object) of the word it is joined to.
  let w = word;
  for (let step = 0; step < 3; step++) {
    const rel = tokens[w]!.deprel;
    if (!SHARES_SUBJECT.test(rel)) return false;
    if (tokens.some((t) => t.head - 1 === w && /^nsubj/.test(t.deprel))) return false;
    w = tokens[w]!.head - 1;
    if (w < 0) return false;
    const controller = rel === 'xcomp' ? /^(?:nsubj|obj)/ : /^nsubj/;
    if (heads.some((k) => tokens[k]!.head - 1 === w && controller.test(tokens[k]!.deprel))) return true;
  }
  return false;
}

/** Whether the event word has a subject of its own outside every reference (then the event is that subject's). */
export function hasOtherSubject(tokens: readonly Parsed[], word: number, refs: readonly { start: number; end: number }[]): boolean {
  return tokens.some((t, k) => t.head - 1 === word && /^nsubj/.test(t.deprel) && (t.upos === 'PROPN' || t.upos === 'NOUN') && !refs.some((r) => k >= r.start && k < r.end));
}

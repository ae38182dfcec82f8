// An event's roles read off the dependency parse (src/syntax): the trigger verb's subject or
// passive agent is the source, its object, recipient or a target-marking oblique the target. The
// parse's clause structure carries what word order cannot: a verb coordinated with another shares
// its subject, an open complement ('agreed to meet') its controller's, a relative clause's verb has
// the noun it modifies as its subject. The coder falls back to the nearest-name rules (with lower
// confidence) where the parse names no actor.
import { tokensWithSyntax } from '../syntax/index.js';
import type { DocToken } from '../doc/layers.js';
import type { ActorChunk } from './actors.js';

export interface Parse {
  /** 0-based head of each word, -1 for the root. */
  heads: number[];
  rels: string[];
  lemmas: string[];
  upos: string[];
}

/** The sentence's parse in the form the role rules index it: the syntax layer's, made now if no stage made it. */
export function parseOf(tokens: DocToken[]): Parse {
  const parsed = tokensWithSyntax(tokens);
  return { heads: parsed.map((t) => t.head - 1), rels: parsed.map((t) => t.deprel), lemmas: parsed.map((t) => t.lemma), upos: parsed.map((t) => t.upos) };
}

const base = (rel: string) => rel.split(':')[0]!;

function children(p: Parse, i: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < p.heads.length; k++) if (p.heads[k] === i) out.push(k);
  return out;
}

function childWith(p: Parse, i: number, rels: string[]): number | null {
  for (const k of children(p, i)) if (rels.includes(p.rels[k]!)) return k;
  return null;
}

/** The preposition (case marker) of an oblique or nominal modifier, lower-cased. */
function caseOf(p: Parse, words: readonly string[], i: number): string | null {
  for (const k of children(p, i)) if (base(p.rels[k]!) === 'case') return words[k]!.toLowerCase();
  return null;
}

const RELATIVE_PRONOUNS = new Set(['which', 'who', 'that', 'whom']);

export interface ParsedRoles {
  /** Word index heading the source phrase, and whether the verb is passive. */
  source: number | null;
  /** Candidate target words, best first: object, recipient, then target-marking obliques. */
  targets: number[];
  passive: boolean;
}

/** Prepositions that bring in the party acted on or with. */
const TARGET_CASES = new Set(['with', 'to', 'against', 'on', 'upon', 'toward', 'towards', 'at', 'into', 'from']);

/**
 * The source and target words of the event whose trigger word is `at` (a verb, or the light verb
 * of 'held talks'). Subjects are looked for up the clause: a conjoined verb without a subject of its
 * own takes its first conjunct's, an open complement its controller's, a relative clause's the noun
 * it modifies.
 */
export function rolesAt(p: Parse, words: readonly string[], at: number): ParsedRoles {
  const passive = children(p, at).some((k) => p.rels[k] === 'nsubj:pass' || p.rels[k] === 'aux:pass');
  let verb = at;
  let subject: number | null = null;
  for (let hops = 0; hops < 4 && subject === null; hops++) {
    const own = childWith(p, verb, passive && verb === at ? ['nsubj:pass', 'nsubj'] : ['nsubj', 'nsubj:pass']) ?? strandedSubject(p, words, verb);
    if (own !== null && !RELATIVE_PRONOUNS.has(words[own]!.toLowerCase())) {
      subject = own;
      break;
    }
    const rel = p.rels[verb]!;
    const head = p.heads[verb]!;
    if (head < 0) break;
    // 'groups fighting in Syria', 'the state, which attacked ...': the modified noun is the subject;
    // not so an infinitive of purpose ('in Damascus to coordinate').
    if (rel === 'acl:relcl' || (rel === 'acl' && childWith(p, verb, ['mark']) === null)) {
      subject = head;
      break;
    }
    if (rel === 'conj' || rel === 'xcomp' || rel === 'advcl') verb = head;
    else break;
  }
  if (passive) {
    let agent: number | null = null;
    for (const k of children(p, at)) if (base(p.rels[k]!) === 'obl' && caseOf(p, words, k) === 'by') agent = k;
    return { source: agent, targets: subject === null ? [] : [subject], passive };
  }
  const kids = children(p, at);
  const objects = kids.filter((k) => p.rels[k] === 'obj' || p.rels[k] === 'iobj');
  const obliques = kids.filter((k) => base(p.rels[k]!) === 'obl' && TARGET_CASES.has(caseOf(p, words, k) ?? ''));
  return { source: subject, targets: [...objects, ...obliques], passive };
}

/**
 * A name or noun right before a verb that has no subject, which the parser hung on another word as
 * an oblique with no preposition: the greedy parser's usual misreading of a second clause after a
 * comma ('X is doing this, Y complained to Z'). An oblique bare of any case marker is not a
 * well-formed UD oblique, so reading it as the verb's subject mends a parse error, not a parse.
 */
function strandedSubject(p: Parse, words: readonly string[], verb: number): number | null {
  const before = verb - 1;
  if (before < 0 || p.heads[before] === verb || p.rels[before] !== 'obl') return null;
  if (!['PROPN', 'NOUN', 'PRON'].includes(p.upos[before]!) || caseOf(p, words, before) !== null) return null;
  return before;
}

/** Relations that stay inside a noun phrase: its clauses (relative, participial) are not the phrase. */
const NOMINAL = new Set(['amod', 'compound', 'nmod', 'det', 'case', 'flat', 'appos', 'nummod', 'conj', 'cc', 'punct', 'obl']);

/** The words of a noun phrase: its head and what hangs under it by nominal relations. */
function subtree(p: Parse, i: number): Set<number> {
  const out = new Set([i]);
  for (let grew = true; grew; ) {
    grew = false;
    for (let k = 0; k < p.heads.length; k++) if (!out.has(k) && out.has(p.heads[k]!) && NOMINAL.has(base(p.rels[k]!))) {
      out.add(k);
      grew = true;
    }
  }
  return out;
}

/**
 * The actor chunk a phrase stands for: the chunk holding its head word, else the first chunk inside
 * the phrase that is not itself behind a preposition of the phrase ('officials of the Hungarian
 * government' -> the government's chunk), else null.
 */
export function chunkOfPhrase(p: Parse, chunks: ActorChunk[], i: number | null): ActorChunk | null {
  if (i === null) return null;
  const own = chunks.find((c) => i >= c.start && i < c.end);
  if (own) return own;
  const span = subtree(p, i);
  return chunks.find((c) => span.has(c.start) && span.has(c.end - 1)) ?? null;
}

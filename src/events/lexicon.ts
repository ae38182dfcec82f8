// The general event lexicon (data/lexicon.json, built by scripts/build-event-lexicon.ts from our
// seeds and WordNet): verbs, phrasal verbs and event nouns by CAMEO code, keyed by lemma. It adds
// to the hand patterns what they do not cover:
//   - a verb of the lexicon alone ('The navy shelled the port');
//   - a light verb and an event noun, coded as the noun ('held talks', 'paid a visit',
//     'launched an offensive'): the object noun chooses among the codes of an ambiguous verb
//     ('imposing a curfew' vs 'imposing an embargo');
//   - a reversal of an act ('cancelled the visit', 'lifted the embargo', 'halted the offensive'):
//     coded as what it is where CAMEO names it (easing sanctions 085, halting talks 164), otherwise
//     as the act negated, never as the act.
import { readJsonData } from '../lang/tables.js';
import { nounForms, verbForms } from './inflect.js';
import type { CompiledPattern, PatternSpec } from './patterns.js';

interface LexiconCode {
  verbs: string[];
  phrasal: string[];
  nouns: string[];
  example: string;
}

interface LexiconFile {
  lightVerbs: string[];
  offerVerbs: string[];
  reversalVerbs: string[];
  reversalOnly: string[];
  reversalOfRoot: Record<string, string>;
  symmetricCodes: string[];
  mutualCodes: string[];
  codes: Record<string, LexiconCode>;
}

/** An event noun (one or more words) with its code. */
interface EventNoun {
  words: string[];
  code: string;
}

export interface Lexicon {
  /** Single verbs and phrasal verbs as pattern specs ('{shell}', '{pull} out'). */
  specs: PatternSpec[];
  /** Light verbs by inflected form. */
  light: Set<string>;
  /** Light verbs that offer their noun's act ('offered talks'): the event is the intent. */
  offer: Set<string>;
  /** Reversal verbs by inflected form of their verb, with the particle they need ('call off'). */
  reversal: Map<string, { particle: string | null; only: boolean }[]>;
  /** Event nouns by the form of their first word. */
  nouns: Map<string, EventNoun[]>;
  reversalOfRoot: Map<string, string>;
  symmetric: Set<string>;
  mutual: Set<string>;
  examples: Map<string, string>;
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const file = readJsonData<LexiconFile>('events/data/lexicon.json');
  const symmetric = new Set(file.symmetricCodes);
  const mutual = new Set(file.mutualCodes);
  const specs: PatternSpec[] = [];
  const nouns = new Map<string, EventNoun[]>();
  const examples = new Map<string, string>();
  for (const [code, entry] of Object.entries(file.codes)) {
    examples.set(code, entry.example);
    const sym = symmetric.has(code) ? { symmetric: true } : mutual.has(code) ? { mutual: true } : {};
    for (const v of entry.verbs) specs.push({ code, p: `{${v}}`, example: entry.example, lexicon: true, ...sym });
    for (const ph of entry.phrasal) {
      const [head, ...rest] = ph.split(' ');
      specs.push({ code, p: [`{${head}}`, ...rest].join(' '), example: entry.example, ...sym });
    }
    for (const n of entry.nouns) {
      const parts = n.split(' ');
      const last = parts.pop()!;
      for (const form of nounForms(last)) {
        const words = [...parts, form];
        const list = nouns.get(words[0]!) ?? [];
        if (!list.some((x) => x.words.join(' ') === words.join(' '))) list.push({ words, code });
        nouns.set(words[0]!, list);
      }
    }
  }
  // Longer nouns first: 'hunger strike' before 'strike'.
  for (const list of nouns.values()) list.sort((a, b) => b.words.length - a.words.length);
  const offer = new Set(file.offerVerbs.flatMap((v) => verbForms(v)));
  const light = new Set([...file.lightVerbs.flatMap((v) => verbForms(v)), ...offer]);
  const only = new Set(file.reversalOnly);
  const reversal = new Map<string, { particle: string | null; only: boolean }[]>();
  for (const r of file.reversalVerbs) {
    const [head, particle] = r.split(' ') as [string, string | undefined];
    for (const form of verbForms(head)) {
      const list = reversal.get(form) ?? [];
      list.push({ particle: particle ?? null, only: only.has(r) });
      reversal.set(form, list);
    }
  }
  cached = { specs, light, offer, reversal, nouns, reversalOfRoot: new Map(Object.entries(file.reversalOfRoot)), symmetric, mutual, examples };
  return cached;
}

/** Words an object noun phrase does not run past. */
const PHRASE_END = new Set([',', ';', ':', '.', '!', '?', '(', ')', '"', 'that', 'which', 'who', 'whom', 'because', 'if', 'when', 'while', 'but', 'to', 'as', 'after', 'before', 'since', 'until', 'unless',
  // A preposition other than 'of' leaves the object ('stopped work in protest'; 'a wave of attacks' stays).
  'in', 'at', 'on', 'for', 'with', 'against', 'over', 'from', 'by', 'into', 'during', 'near', 'about', 'between',
  // A new clause's subject or auxiliary ('announced it will return ...'): the object phrase has ended.
  'it', 'they', 'he', 'she', 'we', 'i', 'you', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'is', 'are', 'was', 'were', 'has', 'have', 'had']);

/** The first event noun in the object phrase that starts at `from` (within `max` words), or null. */
export function objectNoun(words: string[], from: number, max = 5): { at: number; end: number; noun: EventNoun } | null {
  const { nouns } = lexicon();
  for (let i = from; i < Math.min(words.length, from + max); i++) {
    const w = words[i]!;
    if (PHRASE_END.has(w)) return null;
    for (const n of nouns.get(w) ?? []) if (n.words.every((x, k) => words[i + k] === x)) return { at: i, end: i + n.words.length, noun: n };
  }
  return null;
}

/** What reversing an act of `code` is: CAMEO's own code for it, by the longest matching prefix, or null (the act negated). */
export function reversalCode(code: string): string | null {
  const map = lexicon().reversalOfRoot;
  for (let n = code.length; n >= 2; n--) {
    const hit = map.get(code.slice(0, n));
    if (hit) return hit;
  }
  return null;
}

/**
 * A pattern standing for one light-verb or reversal construction as found ('launched ... offensive'):
 * its steps hold the words matched, so that the coder reads its verb (passive, verbal) as it reads
 * a hand pattern's.
 */
export function constructionPattern(kind: 'light' | 'reversal', code: string, negate: boolean, verb: string, noun: string, nounWords = 1): CompiledPattern {
  const lex = lexicon();
  const spec: PatternSpec = {
    code,
    p: `{${verb}} ... ${noun}`,
    example: lex.examples.get(code) ?? '',
    ...(lex.symmetric.has(code) && !negate ? { symmetric: true } : lex.mutual.has(code) && !negate ? { mutual: true } : {}),
    ...(negate ? { negate: true } : {}),
  };
  const steps: CompiledPattern['steps'] = [
    { kind: 'word', forms: new Set([verb]), verbal: new Set([verb]), optional: false },
    { kind: 'gap', max: 4 },
    { kind: 'word', forms: new Set([noun]), verbal: new Set(), optional: false },
  ];
  // A hand pattern of the same verb and one-word object wins a tie; a reversal wins over both.
  // A noun of several words ('air strikes') is the more specific reading and outweighs a hand pattern's one word.
  return { spec, steps, weight: kind === 'reversal' ? 4 : 1 + nounWords };
}

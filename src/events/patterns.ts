// The pattern language and its loader. Patterns are data (src/events/patterns/*.json), one file
// per CAMEO root; each pattern is a short word sequence:
//   {agree}      any form of the verb (agree, agrees, agreed, agreeing)
//   [treaty]     the noun and its plural
//   a|b|{c}      alternatives
//   word?        an optional word
//   ...          a gap of up to four words (no punctuation)
// and carries the CAMEO code it yields and an example sentence of the project's own.
import { dataFiles, readJsonData } from '../lang/tables.js';
import { nounForms, verbForms } from './inflect.js';
import { intentCode } from './cameo.js';
import { constructionPattern, lexicon, objectNoun, reversalCode } from './lexicon.js';

export interface PatternSpec {
  code: string;
  p: string;
  example: string;
  /** Both sides act: 'A met B' is coded both ways. */
  symmetric?: boolean;
  /** A joint subject with no other party acts on each other ('A and B agreed'), though 'A agreed to X on B' is one way. */
  mutual?: boolean;
  /** 'X said Y must ...': the target stands before the trigger, the speaker is the source. */
  role?: 'deontic';
  /** The action is itself the announcement ('will resign'): modality does not recode it. */
  keep?: boolean;
  /** Code when the source is an armed force (MIL): 'troops killed' is fighting, not assault. */
  military?: string;
  /** Code when the source is a crowd (civilians, students, workers): 'protested' is a protest. */
  crowd?: string;
  /** A verb of the general lexicon: it fires only where the parse reads the word as a verb ('finance minister'). */
  lexicon?: boolean;
  /** A reversal coded as the act negated ('cancelled the visit'): never the act itself. */
  negate?: boolean;
}

export interface PatternFile {
  root: string;
  name: string;
  patterns: PatternSpec[];
}

/** `verbal`: forms that come only from a {verb} (after a determiner they are nouns: 'the fight'). */
type Step = { kind: 'word'; forms: Set<string>; verbal: Set<string>; optional: boolean } | { kind: 'gap'; max: number };

export interface CompiledPattern {
  spec: PatternSpec;
  steps: Step[];
  /** Number of required words, for preferring the most specific match. */
  weight: number;
}

export function parsePattern(p: string): Step[] {
  const steps: Step[] = [];
  for (const raw of p.trim().split(/\s+/)) {
    if (raw === '...') {
      steps.push({ kind: 'gap', max: 4 });
      continue;
    }
    const optional = raw.endsWith('?') && raw.length > 1;
    const body = optional ? raw.slice(0, -1) : raw;
    const forms = new Set<string>();
    const verbal = new Set<string>();
    const other = new Set<string>();
    for (const alt of body.split('|')) {
      const verb = /^\{(.+)\}$/.exec(alt);
      const noun = /^\[(.+)\]$/.exec(alt);
      if (verb) for (const f of verbForms(verb[1]!)) verbal.add(f);
      else if (noun) for (const f of nounForms(noun[1]!)) other.add(f);
      else other.add(alt.toLowerCase());
    }
    for (const f of [...verbal, ...other]) forms.add(f);
    for (const f of other) verbal.delete(f);
    steps.push({ kind: 'word', forms, verbal, optional });
  }
  const first = steps[0];
  if (!first || first.kind !== 'word' || first.optional) throw new Error(`pattern must start with a required word: '${p}'`);
  return steps;
}

export function patternFiles(): PatternFile[] {
  return dataFiles('events/patterns', '.json').map((f) => readJsonData<PatternFile>(f));
}

export interface PatternIndex {
  /** Patterns by the forms of their first word. */
  byFirst: Map<string, CompiledPattern[]>;
  all: CompiledPattern[];
}

let cached: PatternIndex | null = null;

export function patternIndex(): PatternIndex {
  if (cached) return cached;
  const byFirst = new Map<string, CompiledPattern[]>();
  const all: CompiledPattern[] = [];
  const hand = patternFiles().flatMap((f) => f.patterns);
  const written = new Set(hand.map((s) => s.p));
  // The lexicon's verbs after the hand patterns: a hand pattern of the same words wins a tie.
  const general = lexicon().specs.filter((s) => !written.has(s.p));
  for (const file of [{ patterns: hand }, { patterns: general }]) {
    for (const spec of file.patterns) {
      const steps = parsePattern(spec.p);
      const compiled: CompiledPattern = { spec, steps, weight: steps.filter((s) => s.kind === 'word' && !s.optional).length };
      all.push(compiled);
      const first = steps[0] as { forms: Set<string> };
      for (const f of first.forms) {
        const list = byFirst.get(f) ?? [];
        list.push(compiled);
        byFirst.set(f, list);
      }
    }
  }
  cached = { byFirst, all };
  return cached;
}

/** Marks a gap may not cross (a hyphen inside '30-day' may be crossed). */
const PUNCT = /^[,;:.!?()"“”]+$/u;

/** Token index just past the match of `steps` from `at`, or -1. */
export function matchAt(steps: Step[], words: string[], at: number): number {
  const go = (s: number, i: number): number => {
    if (s === steps.length) return i;
    const step = steps[s]!;
    if (step.kind === 'gap') {
      // Hyphens split by the tokenizer ('30 - day') do not count as words of the gap.
      let counted = 0;
      for (let k = 0; counted <= step.max && i + k <= words.length; k++) {
        if (k > 0) {
          const w = words[i + k - 1]!;
          if (PUNCT.test(w)) break;
          if (w !== '-') counted++;
          if (counted > step.max) break;
        }
        const r = go(s + 1, i + k);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (i < words.length && step.forms.has(words[i]!)) {
      const r = go(s + 1, i + 1);
      if (r >= 0) return r;
    }
    return step.optional ? go(s + 1, i) : -1;
  };
  return go(0, at);
}

export interface PatternMatch {
  pattern: CompiledPattern;
  /** Token range [start, end). */
  start: number;
  end: number;
  /** A passive whose pattern's object stands before the verb: that object word's index. */
  objectAt?: number;
  /** A reversal construction from the lexicon ('called off the strike'). */
  reversal?: boolean;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that']);

/** Every position's best (most specific) pattern match, left to right. */
export function findTriggers(words: string[]): PatternMatch[] {
  const { byFirst } = patternIndex();
  const out: PatternMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = byFirst.get(words[i]!) ?? [];
    let best: PatternMatch | null = null;
    const afterDeterminer = i > 0 && DETERMINERS.has(words[i - 1]!);
    // 'will be met with a response': a symmetric act (meet, talk) in the passive is another sense.
    const afterBe = i > 0 && BE_FORMS.has(words[i - 1]!);
    for (const c of candidates) {
      if (afterDeterminer && (c.steps[0] as { verbal: Set<string> }).verbal.has(words[i]!)) continue;
      if (afterBe && c.spec.symmetric && (c.steps[0] as { verbal: Set<string> }).verbal.has(words[i]!)) continue;
      const end = matchAt(c.steps, words, i);
      if (end < 0) continue;
      if (!best || c.weight > best.pattern.weight) best = { pattern: c, start: i, end };
    }
    const passive = candidates.length ? passiveWithObject(words, i, candidates) : null;
    if (passive && (!best || passive.pattern.weight > best.pattern.weight)) best = passive;
    const construction = constructionAt(words, i);
    if (construction && (!best || construction.pattern.weight > best.pattern.weight)) best = construction;
    if (best) out.push(best);
  }
  return withoutReversed(out);
}

/** The act a reversal names ('postponed the summit', 'the summit was postponed') is no trigger of its own. */
function withoutReversed(matches: PatternMatch[]): PatternMatch[] {
  const spans = matches.filter((m) => m.reversal).map((m) => (m.objectAt !== undefined ? [m.objectAt, m.start] : [m.start + 1, m.end]) as [number, number]);
  if (!spans.length) return matches;
  return matches.filter((m) => !spans.some(([a, b]) => m.start >= a && m.start < b));
}

/**
 * A light verb or a reversal verb and the event noun of its object ('paid a visit', 'called off
 * the strike'), from the lexicon; a passive reversal takes the noun of its subject ('the summit
 * was postponed').
 */
function constructionAt(words: string[], i: number): PatternMatch | null {
  const lex = lexicon();
  const w = words[i]!;
  if (i > 0 && DETERMINERS.has(words[i - 1]!)) return null;
  for (const r of lex.reversal.get(w) ?? []) {
    const from = r.particle ? (words[i + 1] === r.particle ? i + 2 : -1) : i + 1;
    if (from < 0) continue;
    const passive = BE_FORMS.has(words[i - 1] ?? '') || (BE_FORMS.has(words[i - 2] ?? '') && /ly$/.test(words[i - 1] ?? ''));
    const obj = passive ? nounBefore(words, i) : objectNoun(words, from);
    if (!obj) continue;
    const eased = reversalCode(obj.noun.code);
    if (r.only && !eased) continue;
    const pattern = constructionPattern('reversal', eased ?? obj.noun.code, !eased, w, words[obj.end - 1]!);
    return { pattern, start: i, end: passive ? from : obj.end, reversal: true, ...(passive ? { objectAt: obj.at } : {}) };
  }
  if (lex.light.has(w)) {
    const obj = objectNoun(words, i + 1);
    if (obj) return { pattern: constructionPattern('light', lex.offer.has(w) ? intentCode(obj.noun.code) : obj.noun.code, false, w, words[obj.end - 1]!, obj.noun.words.length), start: i, end: obj.end };
  }
  return null;
}

/** The event noun a passive verb's subject ends with ('the planned summit was postponed'), within six words before it. */
function nounBefore(words: string[], i: number): ReturnType<typeof objectNoun> {
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const hit = objectNoun(words, k, 1);
    if (hit) return hit;
  }
  return null;
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be']);

/**
 * 'The Iranian envoy was summoned', 'two diplomats were expelled': the passive of a pattern that
 * needs an object after its verb ('{summon} ... [ambassador]|[envoy]') has the object before it, in
 * the subject. The participle after a form of 'be' matches when the object word stands just before.
 */
function passiveWithObject(words: string[], i: number, candidates: CompiledPattern[]): PatternMatch | null {
  const w = words[i]!;
  if (!/(ed|en|wn|ught|ld|nt|ck|ut|ot)$/.test(w)) return null;
  const prev = words[i - 1] ?? '';
  if (!BE_FORMS.has(prev) && !(BE_FORMS.has(words[i - 2] ?? '') && /ly$/.test(prev))) return null;
  let best: PatternMatch | null = null;
  for (const c of candidates) {
    const [verb, ...rest] = c.steps;
    const required = rest.filter((st) => st.kind === 'word' && !st.optional);
    const last = rest[rest.length - 1];
    // Only '{verb} ... object' patterns: a gap, then one object word.
    if (!verb || verb.kind !== 'word' || !verb.verbal.has(w) || required.length !== 1 || rest[rest.length - 2]?.kind !== 'gap' || last?.kind !== 'word') continue;
    const objects = last.forms;
    let at = -1;
    for (let k = i - 1; k >= Math.max(0, i - 7) && at < 0; k--) if (objects.has(words[k]!)) at = k;
    if (at < 0) continue;
    if (!best || c.weight > best.pattern.weight) best = { pattern: c, start: i, end: i + 1, objectAt: at };
  }
  return best;
}

// Speaker phrases on a sentence's units: a name (capitalised words with titles and particles,
// 'Prime Minister Benjamin Netanyahu', 'Fahd Jasem al-Freij'), a nominal (determiner, modifiers and
// a head noun: 'an Iranian military spokesman', 'state television') or a pronoun.
import {
  DETERMINERS,
  NAME_CONNECTORS,
  NOMINAL_HEADS,
  NOT_NAME_START,
  ORG_WORDS,
  PRONOUNS,
  SPEECH_VERBS,
  ADVERBIALS,
  WEEKDAYS_AND_MONTHS,
} from '../lang/en/quote-words.js';
import { ROLE_NOUNS, TITLES } from '../lang/en/role-words.js';
import type { Unit } from './units.js';

export interface Phrase {
  kind: 'name' | 'nominal' | 'pronoun';
  /** Unit indexes of the first and last word. */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Carries a title or follows a role word: a person's name. */
  titled: boolean;
  /** Unit index where the phrase's clause part starts, descriptors included ('state news agency SANA'). */
  clauseFirst: number;
}

const isWord = (u: Unit | undefined): u is Unit => u !== undefined && u.kind === 'word';
const isPossessive = (u: Unit): boolean => /['’]s?$/.test(u.text) && /['’]/.test(u.text);

/** A capitalised word that can be part of a name. */
export function isNameWord(u: Unit | undefined): boolean {
  if (!isWord(u) || isPossessive(u)) return false;
  if (WEEKDAYS_AND_MONTHS.has(u.lower.replace(/\.$/, ''))) return false;
  return /^\p{Lu}/u.test(u.text) || /^(?:al|el)-\p{Lu}/u.test(u.text);
}

function makePhrase(units: Unit[], kind: Phrase['kind'], first: number, last: number, clauseFirst = first): Phrase {
  return { kind, first, last, start: units[first]!.start, end: units[last]!.end, titled: isTitled(units, first, last), clauseFirst };
}

/** A name carrying a title word followed by a non-title word, or preceded by a role word. */
function isTitled(units: Unit[], first: number, last: number): boolean {
  const before = units[first - 1];
  if (isWord(before) && ROLE_NOUNS.has(before.lower)) return true;
  // 'Secretary of State' and 'Defense Ministry' carry titles but name offices, not persons.
  if (ORG_WORDS.has(units[last]!.lower)) return false;
  let lastTitle = -1;
  for (let i = first; i <= last; i++) if (TITLES.has(units[i]!.lower)) lastTitle = i;
  return lastTitle >= 0 && lastTitle < last;
}

/** Drops leading capitalised words that open sentences rather than names ('On Tuesday', 'The'). */
function stripLeading(units: Unit[], first: number, last: number): number {
  let f = first;
  // A lowercase particle ('al', 'of') cannot start a name; a capitalised one can ('Al Akhbar').
  const particle = (u: Unit): boolean => NAME_CONNECTORS.has(u.lower) && !/^\p{Lu}/u.test(u.text);
  while (f <= last && (NOT_NAME_START.has(units[f]!.lower) || particle(units[f]!) || !isNameWord(units[f]))) f++;
  return f;
}

/** The name ending at unit `j`, or null. 'Tehran and Damascus' is one name. */
export function nameEndingAt(units: Unit[], j: number, min = 0): Phrase | null {
  if (!isNameWord(units[j]) || NOT_NAME_START.has(units[j]!.lower)) return null;
  let k = j;
  while (k - 1 >= min && j - k < 10) {
    const prev = units[k - 1]!;
    if (isNameWord(prev)) k--;
    else if (isWord(prev) && NAME_CONNECTORS.has(prev.lower) && k - 2 >= min && isNameWord(units[k - 2])) k -= 2;
    else break;
  }
  const first = stripLeading(units, k, j);
  if (first > j) return null;
  // Two names joined by 'and' speak together ('Tehran and Damascus say').
  const and = units[first - 1];
  if (first === k && and?.lower === 'and' && first - 2 >= min) {
    const left = nameEndingAt(units, first - 2, min);
    if (left && left.last === first - 2) return withClause(units, makePhrase(units, 'name', left.first, j));
  }
  return withClause(units, makePhrase(units, 'name', first, j));
}

/** Extends a name's clause start over lowercase descriptors ('state news agency SANA'). */
function withClause(units: Unit[], p: Phrase): Phrase {
  const head = units[p.first - 1];
  if (isWord(head) && !isNameWord(head) && (NOMINAL_HEADS.has(head.lower) || ROLE_NOUNS.has(head.lower))) {
    const nominal = nominalEndingAt(units, p.first - 1);
    if (nominal) return { ...p, clauseFirst: nominal.first };
  }
  return p;
}

/** The name starting at unit `i` (a leading 'the' skipped), or null. */
export function nameStartingAt(units: Unit[], i: number, max = units.length - 1): Phrase | null {
  let f = i;
  if (units[f]?.lower === 'the') f++;
  if (!isNameWord(units[f]) || NOT_NAME_START.has(units[f]!.lower)) return null;
  let e = f;
  while (e + 1 <= max && e - f < 10) {
    const next = units[e + 1]!;
    if (isNameWord(next)) e++;
    else if (isWord(next) && NAME_CONNECTORS.has(next.lower) && isNameWord(units[e + 2]) && e + 2 <= max) e += 2;
    else break;
  }
  return makePhrase(units, 'name', f, e, i);
}

/** Words that cannot modify a nominal head. */
function isModifier(u: Unit | undefined): u is Unit {
  if (isWord(u) && /^(?:former|later|late|early)$/.test(u.lower)) return true;
  return isWord(u) && !NOT_NAME_START.has(u.lower) && !SPEECH_VERBS.has(u.lower) && !ADVERBIALS.has(u.lower) && !/^(?:who|which|that|and|or|of|to)$/.test(u.lower);
}

/** The nominal ending at unit `j` ('an Iranian military spokesman', 'Syrian state media'), or null. */
export function nominalEndingAt(units: Unit[], j: number, min = 0): Phrase | null {
  const head = units[j];
  if (!isWord(head) || !NOMINAL_HEADS.has(head.lower)) return null;
  let k = j;
  let mods = 0;
  while (k - 1 >= min) {
    const prev = units[k - 1]!;
    if (isWord(prev) && DETERMINERS.has(prev.lower)) {
      k--;
      break;
    }
    if (mods < 4 && isModifier(prev)) {
      k--;
      mods++;
    } else break;
  }
  // A bare number head needs its determiner ('the two'); a bare head needs a determiner or a modifier.
  if (k === j || (/^(?:two|three)$/.test(head.lower) && !DETERMINERS.has(units[k]!.lower))) return null;
  return makePhrase(units, 'nominal', k, j);
}

/**
 * The nominal starting at unit `i`: determiner or modifiers, then a head, then maybe a name
 * ('state news agency SANA'); or descriptors closed by a name ('a skeptical Robert Wolfarth').
 */
export function nominalStartingAt(units: Unit[], i: number, max = units.length - 1): Phrase | null {
  for (let e = i; e <= Math.min(max, i + 5); e++) {
    const u = units[e];
    if (!isWord(u)) return null;
    if (NOMINAL_HEADS.has(u.lower) && !isNameWord(u) && e > i) {
      const name = nameStartingAt(units, e + 1, max);
      return makePhrase(units, name ? 'name' : 'nominal', name ? name.first : i, name ? name.last : e, i);
    }
    if (e > i && isNameWord(u) && !isNameWord(units[i]) && !isNameWord(units[e - 1]) && !NAME_CONNECTORS.has(units[e - 1]!.lower)) {
      const name = nameStartingAt(units, e, max);
      if (name && !isModifier(units[name.last + 1])) return { ...name, clauseFirst: i };
    }
    if (e > i && !isModifier(u)) return null;
    if (e === i && !(DETERMINERS.has(u.lower) || isModifier(u))) return null;
  }
  return null;
}

/** A determiner and up to three following words, for positions a verb confirms ('said the court'). */
export function determinerPhrase(units: Unit[], i: number, max = units.length - 1): Phrase | null {
  if (!isWord(units[i]) || !/^(?:the|a|an|his|her|their|its|our)$/.test(units[i]!.lower)) return null;
  let e = i;
  while (e + 1 <= max && e - i < 3 && isModifier(units[e + 1])) e++;
  return e > i ? makePhrase(units, 'nominal', i, e) : null;
}

function pronounAt(units: Unit[], j: number): Phrase | null {
  const u = units[j];
  return isWord(u) && PRONOUNS.has(u.lower) ? makePhrase(units, 'pronoun', j, j) : null;
}

/** The speaker phrase ending at unit `j`. */
export function phraseEndingAt(units: Unit[], j: number, min = 0): Phrase | null {
  if (j < min) return null;
  return pronounAt(units, j) ?? nameEndingAt(units, j, min) ?? nominalEndingAt(units, j, min);
}

/** The speaker phrase starting at unit `i`. */
export function phraseStartingAt(units: Unit[], i: number, max = units.length - 1): Phrase | null {
  if (i > max) return null;
  return pronounAt(units, i) ?? nominalStartingAt(units, i, max) ?? nameStartingAt(units, i, max);
}

/** Whether a name looks like a person's rather than an organisation's or a place's. */
export function looksLikePerson(units: Unit[], p: Phrase, surnames: Set<string>): boolean {
  if (p.kind !== 'name') return false;
  if (p.titled) return true;
  const words = units.slice(p.first, p.last + 1).filter((u) => u.kind === 'word');
  if (words.some((u) => ORG_WORDS.has(u.lower) || u.lower === 'of' || u.lower === 'and')) return false;
  if (words.length === 1) return surnames.has(words[0]!.lower);
  return words.length <= 4 && !words.every((u) => /^[\p{Lu}\p{N}.-]+$/u.test(u.text));
}

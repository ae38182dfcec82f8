// Speakers beyond the cue: the persons a 'he said' can point back to, and snapping a speaker onto an
// entity mention from the NER layer when one is given.
import { SPEECH_VERBS } from '../lang/en/quote-words.js';
import { looksLikePerson, nameEndingAt, nameStartingAt, isNameWord, phraseEndingAt, type Phrase } from './phrases.js';
import { subjectOf } from './attribution.js';
import type { Sentence, Unit } from './units.js';

export interface MentionInput {
  start: number;
  end: number;
  type: string;
  entityId?: string | null;
  /** The analysis layer's name for the same id (`DocMention.entityKey`), read when entityId is absent. */
  entityKey?: string | null;
}

export interface SpeakerSpan {
  text: string;
  start: number;
  end: number;
  entityId: string | null;
}

/** A person a pronoun may refer to, by where it stands in the text. */
export interface PersonCandidate {
  start: number;
  end: number;
}

const PERSON_TYPES = new Set(['PERSON', 'PER']);
const MENTION_PRIORITY: Record<string, number> = { PERSON: 0, PER: 0, ORG: 1, NORP: 2, GPE: 2, LOC: 3 };

/**
 * Persons outside quotations, in text order: titled names ('Maj. Gen. Mohammad Bagheri'), names that
 * speak ('Bagheri on Wednesday said' — a one-word name only when a titled name ended with it) and
 * PERSON mentions.
 */
export function personCandidates(sentences: Sentence[], mentions: MentionInput[]): PersonCandidate[] {
  const out: PersonCandidate[] = [];
  const surnames = new Set<string>();
  const named: { units: Unit[]; phrase: Phrase }[] = [];
  for (const s of sentences) {
    const u = s.units;
    for (let j = 0; j < u.length; j++) {
      if (!isNameWord(u[j]) || isNameWord(u[j + 1])) continue;
      const p = nameEndingAt(u, j);
      if (p?.titled) {
        out.push({ start: p.start, end: p.end });
        surnames.add(u[p.last]!.lower);
      }
    }
    for (let v = 0; v < u.length; v++) {
      if (u[v]!.kind !== 'word') continue;
      const found: (Phrase | null)[] = [];
      if (SPEECH_VERBS.has(u[v]!.lower)) found.push(subjectOf(u, v), nameStartingAt(u, v + 1));
      else if (u[v]!.lower === 'as' && u[v + 1]?.lower === 'saying') found.push(phraseEndingAt(u, v - 1));
      else if (u[v]!.lower === 'according' && u[v + 1]?.lower === 'to') found.push(nameStartingAt(u, v + 2));
      for (const p of found) if (p && p.kind === 'name' && !p.titled) named.push({ units: u, phrase: p });
    }
  }
  // Two-word person names teach their surnames too ('Renada Chisholm' makes 'Chisholm' a person).
  for (const { units, phrase } of named) {
    if (phrase.last > phrase.first && looksLikePerson(units, phrase, surnames)) surnames.add(units[phrase.last]!.lower);
  }
  for (const { units, phrase } of named) if (looksLikePerson(units, phrase, surnames)) out.push({ start: phrase.start, end: phrase.end });
  for (const m of mentions) if (PERSON_TYPES.has(m.type)) out.push({ start: m.start, end: m.end });
  return out.sort((a, b) => a.start - b.start);
}

/** The last candidate that ends before `at` and lies outside the given quotation spans. */
export function personBefore(candidates: PersonCandidate[], at: number): PersonCandidate | null {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  // Candidates are sorted by start; a long one may end later than a shorter one after it.
  for (let i = lo - 1; i >= 0; i--) if (candidates[i]!.end <= at) return candidates[i]!;
  return null;
}

/** Mentions sorted by start, for snapping. */
export function sortMentions(mentions: MentionInput[]): MentionInput[] {
  return [...mentions].sort((a, b) => a.start - b.start);
}

/**
 * The speaker as output: the best entity mention overlapping the phrase (persons first, then the
 * longest) with its entity id, or the phrase itself.
 */
export function snapSpeaker(text: string, span: { start: number; end: number }, mentions: MentionInput[]): SpeakerSpan {
  let best: MentionInput | null = null;
  // Mentions are sorted by start; only those starting before the span's end can overlap it.
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < span.end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 50; i--) {
    const m = mentions[i]!;
    if (m.end <= span.start) continue;
    if (!best || rank(m) < rank(best) || (rank(m) === rank(best) && m.end - m.start > best.end - best.start)) best = m;
  }
  if (best) return { text: text.slice(best.start, best.end), start: best.start, end: best.end, entityId: best.entityId ?? best.entityKey ?? null };
  return { text: text.slice(span.start, span.end), start: span.start, end: span.end, entityId: null };
}

function rank(m: MentionInput): number {
  return MENTION_PRIORITY[m.type] ?? 4;
}

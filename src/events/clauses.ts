// Clause structure the coder needs without a parser: non-restrictive relative clauses, clause
// boundaries (';', 'but', ', while', 'and' + actor + verb), and coordinated objects whose last
// conjunct is the next clause's subject ('Iran attacked Iraq and Syria condemned the raid').
import type { ActorChunk } from './actors.js';
import type { PatternMatch } from './patterns.js';

/** Marks the words of non-restrictive relative clauses: from ', who|which|whose|whom' to the next comma. */
export function relativeClauses(words: string[]): boolean[] {
  const out = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] !== ',' || !RELATIVE_PRONOUNS.has(words[i + 1]!)) continue;
    let j = i + 1;
    while (j < words.length && words[j] !== ',' && words[j] !== ';') out[j++] = true;
    i = j - 1;
  }
  return out;
}

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'whose', 'whom']);

/** Index of a clause boundary after `from`: ';', ', but', ', while', 'but', or -1. */
export function clauseBoundary(words: string[], from: number): number {
  for (let i = from; i < words.length - 1; i++) {
    const w = words[i]!;
    if (w === ';' || w === 'but' || (w === ',' && (words[i + 1] === 'while' || words[i + 1] === 'whereas'))) return i;
  }
  return -1;
}

export function firstBoundary(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** Words between a clause's subject and its verb ('Syria also condemned', 'the two will meet'). */
const PRE_VERB = new Set(['will', 'would', 'could', 'may', 'might', 'can', 'has', 'have', 'had', 'also', 'then', 'later', 'jointly', 'quickly', 'immediately', 'again']);

/** The index of the first trigger verb after `at`, past auxiliaries and adverbs, or -1. */
export function verbAfter(words: string[], triggers: PatternMatch[], at: number): number {
  let j = at;
  while (j < words.length && PRE_VERB.has(words[j]!)) j++;
  return triggers.some((m) => m.start === j && isVerbal(words, m)) ? j : -1;
}

/**
 * 'Iran attacked Iraq and Syria condemned the raid': after the main verb, a coordinated actor whose
 * last conjunct is followed by a verb is two things, the object and the next clause's subject.
 */
export function splitLaterSubjects(words: string[], chunks: ActorChunk[], triggers: PatternMatch[], from: number): ActorChunk[] {
  const out: ActorChunk[] = [];
  for (const c of chunks) {
    const last = c.members[c.members.length - 1]!;
    const prev = c.members[c.members.length - 2];
    const and = prev ? words.lastIndexOf('and', last.start) : -1;
    if (!prev || c.start < from || and < prev.end || verbAfter(words, triggers, c.end) < 0) {
      out.push(c);
      continue;
    }
    out.push({ start: c.start, end: prev.end, members: c.members.slice(0, -1) });
    out.push({ start: and + 1, end: c.end, members: [last] });
  }
  return out;
}

/** 'X met Y and the two agreed': an 'and' outside any actor, followed by an actor and then its verb, opens a clause. */
export function andClause(words: string[], chunks: ActorChunk[], triggers: PatternMatch[], from: number): number {
  for (let i = from; i < words.length - 1; i++) {
    if (words[i] !== 'and' || chunks.some((c) => i >= c.start && i < c.end)) continue;
    const subject = chunks.find((c) => c.start === i + 1);
    if (subject && verbAfter(words, triggers, subject.end) >= 0) return i;
  }
  return -1;
}

/** The trigger is a finite verb form, not a noun ('refusing', 'rejected', not 'withdrawal'). */
export function isVerbal(words: string[], m: PatternMatch): boolean {
  const step = m.pattern.steps[0] as { verbal: Set<string> };
  return step.verbal.has(words[m.start]!);
}

// Plural anaphors as subjects ('The two agreed', 'both sides signed', 'the allies struck'): they
// stand for the most recent pair of actors that acted or were named together earlier in the same
// text, so the coder replaces them with an actor chunk holding that pair.
import type { ActorChunk, ActorMember } from './actors.js';
import type { CodedEvent } from './types.js';

/** What a text has said so far that a later plural anaphor may point back to. */
export interface Discourse {
  /** Actor codes of the recent pairs, most recent last ([['IRN', 'IRQGOV'], ...]). */
  pairs: string[][];
}

const REMEMBERED = 6;

/** Adds a sentence's pair to the discourse, keeping the few most recent. */
export function remember(discourse: Discourse, pair: string[] | null): void {
  if (!pair) return;
  discourse.pairs.push(pair);
  if (discourse.pairs.length > REMEMBERED) discourse.pairs.shift();
}

/**
 * The remembered pair an anaphor most likely means: the one with most members whose country the
 * sentence names ('Tehran ... the two countries' after 'Iran and Syria'), the most recent on ties.
 */
export function likeliestPair(discourse: Discourse, countries: Set<string>): string[] | null {
  let best: string[] | null = null;
  let bestScore = -1;
  for (const pair of discourse.pairs) {
    const score = pair.filter((code) => countries.has(code.slice(0, 3))).length;
    if (score >= bestScore) {
      best = pair;
      bestScore = score;
    }
  }
  return best;
}

/** Nouns that may follow 'the two' or 'both' in such an anaphor, with the sector they add. */
const HEADS = new Map<string, string | null>([
  ['sides', null], ['countries', null], ['nations', null], ['states', null], ['neighbours', null], ['neighbors', null],
  ['allies', null], ['rivals', null], ['parties', null], ['partners', null], ['men', null], ['capitals', null],
  ['governments', 'GOV'], ['leaders', 'GOV'], ['presidents', 'GOV'], ['ministers', 'GOV'], ['premiers', 'GOV'],
  ['delegations', 'GOV'], ['foreign ministers', 'GOV'], ['armies', 'MIL'], ['militaries', 'MIL'],
]);
/** Anaphors that need no head noun. */
const BARE = new Set(['the allies', 'the sides', 'the neighbours', 'the neighbors', 'the rivals', 'the pair', 'the partners']);
const GOVERNING = new Set(['in', 'at', 'from', 'to', 'of', 'with', 'for', 'against', 'by', 'on', 'between', 'among', 'about', 'toward', 'towards']);

interface Anaphor {
  start: number;
  end: number;
  sector: string | null;
}

/** The first plural anaphor in subject position (not governed by a preposition), if any. */
export function findPluralAnaphor(words: string[]): Anaphor | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if ((w !== 'the' && w !== 'both') || (i > 0 && GOVERNING.has(words[i - 1]!))) continue;
    if (w === 'the' && BARE.has(`the ${words[i + 1] ?? ''}`)) return { start: i, end: i + 2, sector: null };
    const headAt = w === 'both' ? i + 1 : words[i + 1] === 'two' ? i + 2 : -1;
    if (headAt < 0) continue;
    const two = `${words[headAt] ?? ''} ${words[headAt + 1] ?? ''}`;
    if (HEADS.has(two)) return { start: i, end: headAt + 2, sector: HEADS.get(two) ?? null };
    const one = words[headAt] ?? '';
    if (HEADS.has(one)) return { start: i, end: headAt + 1, sector: HEADS.get(one) ?? null };
    // 'The two agreed', 'both will attend': no head noun, a predicate follows.
    if (PREDICATE_START.has(one) || /ed$/.test(one)) return { start: i, end: headAt, sector: null };
  }
  return null;
}

/** Words that may open a predicate right after 'the two' or 'both'. */
const PREDICATE_START = new Set(['will', 'would', 'have', 'had', 'are', 'were', 'also', 'then', 'later', 'jointly', 'met', 'held', 'said', 'say', 'agree', 'sign', 'meet', 'vowed', 'pledged', 'signed', 'could', 'can', 'must', 'should', 'did', 'do']);

/** The anaphor as an actor chunk holding the pair's codes; a head noun adds its sector ('the two leaders'). */
export function pairChunk(anaphor: Anaphor, pair: string[]): ActorChunk {
  const members: ActorMember[] = pair.map((code) => ({
    country: code.slice(0, 3),
    sector: code.length > 3 ? code.slice(3) : anaphor.sector,
    capitalOnly: false,
    people: false,
    hasOwnCountry: true,
    former: false,
    start: anaphor.start,
    end: anaphor.end,
  }));
  return { start: anaphor.start, end: anaphor.end, members };
}

/** The pair a sentence leaves for later anaphors: its last coordinated actors, else a reciprocal event's two sides. */
export function pairOf(events: CodedEvent[], coordinated: string[] | null): string[] | null {
  if (coordinated) return coordinated;
  const both = events.find((e) => e.reciprocal && e.source && e.target && e.source !== e.target);
  return both ? [both.source!, both.target!] : null;
}

// Announced actions confirmed by a later definite noun: 'Israel said it would attack the battery.
// The attack came in response to ...' tells that the attack took place. The coder first codes the
// announcement as an intent or threat (with the action it announces as `planned`); a following
// sentence that speaks of 'the attack' as past turns it into the action itself, with the earlier
// sentence's actors. The nouns, the roots they confirm and the cues of a past or undone action are
// data (data/event-nouns.json).
import { readJsonData } from '../lang/tables.js';
import type { Token, TokenizedSentence } from '../text/index.js';
import { findAtoms } from './actors.js';
import { cameoInfo } from './cameo.js';
import type { CodedEvent } from './types.js';

interface NounTable {
  determiners: string[];
  nouns: { nouns: string[]; roots: string[] }[];
  past: string[];
  notDone: string[];
}

interface Compiled {
  determiners: Set<string>;
  /** Noun (one or two words, lower case) -> roots it may confirm. */
  roots: Map<string, Set<string>>;
  past: Set<string>;
  notDone: string[];
  /** A cheap test on the raw sentence before tokenising it. */
  quick: RegExp;
}

let table: Compiled | null = null;

function load(): Compiled {
  if (table) return table;
  const raw = readJsonData<NounTable>('events/data/event-nouns.json');
  const roots = new Map<string, Set<string>>();
  for (const g of raw.nouns) for (const n of g.nouns) roots.set(n, new Set([...(roots.get(n) ?? []), ...g.roots]));
  const heads = [...new Set([...roots.keys()].map((n) => n.split(' ').pop()!))];
  table = {
    determiners: new Set(raw.determiners),
    roots,
    past: new Set(raw.past),
    notDone: raw.notDone,
    quick: new RegExp(`\\b(?:${raw.determiners.join('|')})\\s+(?:\\S+\\s+){0,2}?(?:${heads.join('|')})\\b`, 'i'),
  };
  return table;
}

/** How many sentences back an announcement may be confirmed from. */
export const CONFIRM_WINDOW = 2;

interface NounHit {
  at: number;
  end: number;
  roots: Set<string>;
}

/** The first definite event noun of the sentence ('the attack', 'the Israeli strike', 'this visit'). */
function definiteNoun(words: string[], t: Compiled): NounHit | null {
  for (let i = 0; i < words.length - 1; i++) {
    if (!t.determiners.has(words[i]!)) continue;
    // At most one modifier between the determiner and the noun ('the Israeli attack', 'the first visit').
    for (let k = i + 1; k <= Math.min(i + 2, words.length - 1); k++) {
      const two = k + 1 < words.length ? `${words[k]} ${words[k + 1]}` : '';
      const noun = t.roots.has(two) ? two : t.roots.has(words[k]!) ? words[k]! : null;
      if (noun) return { at: i, end: k + noun.split(' ').length, roots: t.roots.get(noun)! };
      if (!/^[a-z-]+$/i.test(words[k]!)) break;
    }
  }
  return null;
}

/** The sentence tells of the noun's action as done: a past verb after the noun and no cue of an undone one. */
function toldAsDone(words: string[], hit: NounHit, t: Compiled): boolean {
  const joined = ` ${words.join(' ')} `;
  if (t.notDone.some((p) => joined.includes(` ${p} `))) return false;
  return words.slice(hit.end).some((w) => t.past.has(w) || (/^[a-z]{3,}ed$/.test(w) && w !== 'need'));
}

/**
 * The announced actions a sentence confirms, as events of their own: `recent` holds the intents and
 * threats of the previous sentences (with their sentence index), `index` is this sentence's.
 */
export function confirmedEvents(text: string, span: TokenizedSentence, index: number, recent: { event: CodedEvent; sentence: number }[]): CodedEvent[] {
  const candidates = recent.filter((r) => r.event.planned && index - r.sentence <= CONFIRM_WINDOW && r.event.modality !== 'negated');
  if (!candidates.length) return [];
  const t = load();
  const sentence = text.slice(span.start, span.end);
  if (!t.quick.test(sentence)) return [];
  const { tokens } = span;
  const words = tokens.map((x) => x.text.toLowerCase().replace(/’/g, "'"));
  const hit = definiteNoun(words, t);
  if (!hit || !toldAsDone(words, hit, t)) return [];
  const matching = candidates.filter((r) => hit.roots.has(r.event.planned!.slice(0, 2)));
  if (!matching.length) return [];
  // The latest announcing sentence is the one referred back to.
  const latest = Math.max(...matching.map((r) => r.sentence));
  const chosen = matching.filter((r) => r.sentence === latest);
  // 'The attack on Lebanon' after 'would attack Syria' is another attack.
  const named = countriesNamedAfter(tokens, words, hit.end);
  const out: CodedEvent[] = [];
  for (const { event: e } of chosen) {
    const sides = [e.source, e.target].filter((x): x is string => !!x).map((x) => x.slice(0, 3));
    if (named.length && !named.some((c) => sides.includes(c))) continue;
    const info = cameoInfo(e.planned!);
    if (!info?.plover) continue;
    const noun = text.slice(tokens[hit.at]!.start, tokens[hit.end - 1]!.end);
    const { planned: _planned, ...rest } = e;
    out.push({
      ...rest,
      cameo: e.planned!,
      root: info.root,
      plover: info.plover,
      quad: info.quad,
      goldstein: info.goldstein,
      modality: 'asserted',
      start: e.start,
      end: span.end,
      confidence: Math.round((e.confidence - 0.05) * 100) / 100,
      confirmed: { by: noun, sentences: [{ start: e.start, end: e.end }, { start: span.start, end: span.end }] },
    });
  }
  return out;
}

/** Countries named right after the noun ('the attack on Lebanon', 'the visit to Cairo'). */
function countriesNamedAfter(tokens: Token[], words: string[], from: number): string[] {
  if (!['on', 'against', 'in', 'to', 'with', 'by'].includes(words[from] ?? '')) return [];
  const atoms = findAtoms(tokens.slice(from, from + 5));
  return atoms.map((a) => a.country).filter((c): c is string => !!c && c.length === 3);
}

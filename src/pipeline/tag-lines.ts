// The work of `dossier tag`, apart from reading and printing: the lines of one document (given as
// text or as tokens) are tagged together, so that every sentence sees the document's other
// sentences; entities are resolved over the whole document; numbers, times and quotes are found
// line by line. No event coding: `tag` does not print events.
import { splitSentences, tokenize, type Token } from '../text/index.js';
import { tagSentences, type EntitySpan, type NerModel } from '../entities/ner/index.js';
import { resolveMentions } from '../entities/resolve.js';
import { findNumbers } from '../entities/numeric.js';
import type { Mention, PlaceLookup } from '../entities/types.js';
import type { EntityRegistry } from '../entities/registry.js';
import { findTimes } from '../time/index.js';
import { findQuotes } from '../quotes/index.js';
import { published, toTokens } from './input-records.js';

/** What tagging needs, loaded once per process. */
export interface TagTools {
  model: NerModel;
  places: PlaceLookup;
  registry: EntityRegistry;
}

/** One input line: a sentence (or more) as `text`, or one sentence as `tokens`, tagged on those tokens. */
interface LineInput {
  rec: Record<string, unknown>;
  text: string;
  /** Character offset of each given token in `text` (tokens joined by single spaces); null for text input. */
  tokenStarts: number[] | null;
  sentences: Token[][];
}

function readLine(rec: Record<string, unknown>): LineInput {
  if (Array.isArray(rec.tokens)) {
    const words = rec.tokens.map(String);
    const tokens: Token[] = [];
    let pos = 0;
    for (const w of words) {
      tokens.push({ start: pos, end: pos + w.length, text: w });
      pos += w.length + 1;
    }
    return { rec, text: words.join(' '), tokenStarts: tokens.map((t) => t.start), sentences: tokens.length ? [tokens] : [] };
  }
  if (typeof rec.text !== 'string') throw new Error('needs "text" (a string) or "tokens" (an array)');
  const text = rec.text;
  return { rec, text, tokenStarts: null, sentences: splitSentences(text).map((s) => tokenize(text, s.start, s.end)) };
}

function anchorOf(rec: Record<string, unknown>) {
  const d = published(rec);
  return d ? { date: d.value, timezone: d.timezone } : null;
}

function shift(t: Token, by: number): Token {
  return { start: t.start + by, end: t.end + by, text: t.text };
}

export type TaggedLine = ReturnType<typeof lineOutput>;

/**
 * Tags the records of one document (consecutive input lines with the same `doc`, or one line alone)
 * and returns one output per record, in order. A record that cannot be read yields an error object
 * in its place; the others are tagged without it.
 */
export function tagDocumentLines(records: Record<string, unknown>[], tools: TagTools, docId: string): (TaggedLine | { error: string })[] {
  const lines: (LineInput | { error: string })[] = records.map((rec) => {
    try {
      return readLine(rec);
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  });
  // The document's text: the lines joined by line breaks (the resolver does not carry names across them).
  const bases: number[] = [];
  const sentences: Token[][] = [];
  let text = '';
  for (const line of lines) {
    if (text) text += '\n';
    bases.push(text.length);
    if ('error' in line) continue;
    text += line.text;
    const base = bases.at(-1)!;
    for (const s of line.sentences) sentences.push(s.map((t) => shift(t, base)));
  }
  const tagged = tagSentences(tools.model, text, sentences);
  const resolved = resolveMentions(text, tagged, tools.places);
  const canonical = new Map<string, string>();
  for (const e of resolved.entities) canonical.set(e.key, tools.registry.add(e, docId).key);
  const names = namesAsTagged(tagged, resolved.mentions);
  return lines.map((line, i) => {
    if ('error' in line) return line;
    const from = bases[i]!;
    const to = from + line.text.length;
    const inLine = <T extends { start: number; end: number }>(list: T[]) =>
      list.filter((m) => m.start >= from && m.end <= to).map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
    return lineOutput(line, inLine(names), inLine(resolved.mentions), canonical);
  });
}

/** The resolver's type of each tagger type where it has nothing finer (PER is a PERSON; a LOC stays LOC). */
const RESOLVED_TYPE: Record<EntitySpan['type'], Mention['type']> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', MISC: 'MISC' };
/** The tagger type each resolved type refines. */
const TAGGER_TYPE: Partial<Record<Mention['type'], EntitySpan['type']>> = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', NORP: 'MISC', MISC: 'MISC' };

/**
 * The names to print: each name the tagger found, with the extent it was tagged on (the tokens as
 * given), typed and linked by the resolver's mention of the same extent; where the resolver drew a
 * different extent (a title split off, 'news agency' taken in), by an overlapping mention of the
 * same tagger type, else as tagged. Then the resolver's own finds that no tagged name overlaps
 * (country names the tagger missed).
 */
function namesAsTagged(tagged: EntitySpan[], mentions: Mention[]): Mention[] {
  const exact = new Map(mentions.map((m) => [`${m.start}:${m.end}`, m]));
  const out: Mention[] = [];
  for (const t of tagged) {
    const same = exact.get(`${t.start}:${t.end}`);
    if (same) {
      out.push(same);
      continue;
    }
    const near = mentions.find((m) => m.start < t.end && t.start < m.end && TAGGER_TYPE[m.type] === t.type);
    out.push({ start: t.start, end: t.end, text: t.text, type: near?.type ?? RESOLVED_TYPE[t.type], entityKey: near?.entityKey ?? null, role: null, metonymy: false, rule: 'ner' });
  }
  for (const m of mentions) if (!tagged.some((t) => m.start < t.end && t.start < m.end)) out.push(m);
  return out;
}

function lineOutput(line: LineInput, names: Mention[], mentions: Mention[], canonical: Map<string, string>) {
  const { rec, text, tokenStarts } = line;
  const at = (s: { start: number; end: number }) => toTokens(tokenStarts, s.start, s.end);
  const numbers = findNumbers(text).map((n) => ({ ...n, entityKey: null }));
  return {
    id: rec.id ?? null,
    entities: [...names, ...numbers]
      .sort((a, b) => a.start - b.start)
      .map((m) => ({ ...at(m), type: m.type, text: m.text, canonical: m.entityKey ? (canonical.get(m.entityKey) ?? m.entityKey) : null })),
    times: findTimes(text, anchorOf(rec)).map((t) => ({ ...at(t), text: t.text, type: t.type, value: t.value, granularity: t.granularity, resolved: t.resolved })),
    quotes: findQuotes(text, { mentions }).map((q) => ({
      ...at(q),
      text: q.text,
      speaker: q.speaker?.text ?? null,
      speakerCanonical: q.speaker?.entityId ? (canonical.get(q.speaker.entityId) ?? q.speaker.entityId) : null,
      cue: q.cue,
      via: q.via?.text ?? null,
      partial: q.partial,
    })),
  };
}

// The work of `dossier tag`, apart from reading and printing: the lines of one document (given as
// text or as tokens) are tagged together, so that every sentence sees the document's other
// sentences; entities are resolved over the whole document; numbers, times and quotes are found
// line by line. No event coding: `tag` does not print events.
import { splitSentences, tokenize, type Token } from '../text/index.js';
import { tagTokenised, type NerModel } from '../entities/ner/index.js';
import { resolveMentions } from '../entities/resolve.js';
import { findNumbers } from '../entities/numeric.js';
import type { Mention, PlaceLookup } from '../entities/types.js';
import type { EntityRegistry } from '../entities/registry.js';
import { findTimes } from '../time/index.js';
import { findQuotes } from '../quotes/index.js';
import { parseDateValue } from '../ingest/date-value.js';

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

/** Character offsets -> token indices (end exclusive) when the input came as tokens. */
function toTokens(starts: number[] | null, start: number, end: number): { start: number; end: number } {
  if (!starts) return { start, end };
  let s = 0;
  while (s + 1 < starts.length && starts[s + 1]! <= start) s++;
  let e = s;
  while (e < starts.length && starts[e]! < end) e++;
  return { start: s, end: e };
}

function anchorOf(rec: Record<string, unknown>) {
  const d = parseDateValue(rec.published ?? rec.date ?? rec.dct, 'input');
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
  const resolved = resolveMentions(text, tagTokenised(tools.model, text, sentences), tools.places);
  const canonical = new Map<string, string>();
  for (const e of resolved.entities) canonical.set(e.key, tools.registry.add(e, docId).key);
  return lines.map((line, i) => {
    if ('error' in line) return line;
    const from = bases[i]!;
    const to = from + line.text.length;
    const mentions = resolved.mentions.filter((m) => m.start >= from && m.end <= to).map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
    return lineOutput(line, mentions, canonical);
  });
}

function lineOutput(line: LineInput, mentions: Mention[], canonical: Map<string, string>) {
  const { rec, text, tokenStarts } = line;
  const at = (s: { start: number; end: number }) => toTokens(tokenStarts, s.start, s.end);
  const numbers = findNumbers(text).map((n) => ({ ...n, entityKey: null }));
  return {
    id: rec.id ?? null,
    entities: [...mentions, ...numbers]
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

// The clusterer's state as named parts, so that a store writes only the parts a batch changed
// and reads the rest back without parsing numbers from text. Part keys:
//   meta          options, counters, article counts, dictionary size (JSON)
//   v:<slice>     4,096 dictionary keys each (NUL-separated text); only the last slices grow
//   df:<kind>:<s> document counts of 4,096 ids (raw Int32 bytes), kind terms | phrases | facts
//   dd:<kind>:<q> ids counted by the batches since the counts were last written whole (each +1)
//   e:<n>, t:<n>  one event or topic with its centroids (v8 serialization: typed arrays as bytes)
//   ei:<s>, ti:<s> event and topic index posting lists of 256 keys (raw Int32 bytes)
// Numeric arrays are host-endian bytes (every platform Node runs on in practice is little-endian).
import { deserialize, serialize } from 'node:v8';
import type { CentroidRecord } from './centroid.js';
import type { ClustererOptions } from './types.js';

export interface StatePart {
  key: string;
  value: Uint8Array;
}

/** What a save writes: parts to upsert, parts to delete, and whether the parts are the whole state (replace all). */
export interface StateChanges {
  parts: StatePart[];
  removed: string[];
  complete: boolean;
}

export const STATE_PARTS_VERSION = 3;

export interface StateMeta {
  version: number;
  options: ClustererOptions;
  counters: { topic: number; event: number };
  /** Articles counted by the terms, phrases and facts tables. */
  documents: [number, number, number];
  vocabulary: number;
  /** Events and topics saved (absent in states saved before clusters were read lazily). */
  clusters?: [number, number];
}

export interface ProfileRecord {
  terms: CentroidRecord;
  words: CentroidRecord;
  phrases: CentroidRecord;
  facts: CentroidRecord;
  first: number | null;
  last: number | null;
}

export interface EventRecord extends ProfileRecord {
  n: number;
  topic: number;
  docIds: string[];
  joinScoreSum: number;
  joins: number;
}

export interface TopicRecord extends ProfileRecord {
  n: number;
  events: number[];
  docCount: number;
}

export const VOCAB_SLICE = 4096;
export const DF_KINDS = ['terms', 'phrases', 'facts'] as const;

export const eventPartKey = (n: number): string => `e:${n}`;
export const topicPartKey = (n: number): string => `t:${n}`;

const text = new TextEncoder();
const untext = new TextDecoder();

export function jsonPart(key: string, value: unknown): StatePart {
  return { key, value: text.encode(JSON.stringify(value)) };
}

export function readJson<T>(bytes: Uint8Array): T {
  return JSON.parse(untext.decode(bytes)) as T;
}

/**
 * A dictionary slice: the keys joined by NUL after a leading NUL (splitting is several times
 * faster to read back than a JSON array); a JSON array should a key ever hold a NUL.
 */
export function vocabPart(key: string, keys: readonly string[]): StatePart {
  const plain = keys.every((k) => !k.includes('\0'));
  return { key, value: text.encode(plain ? `\0${keys.join('\0')}` : JSON.stringify(keys)) };
}

export function readVocab(bytes: Uint8Array): string[] {
  const s = untext.decode(bytes);
  if (!s.startsWith('\0')) return JSON.parse(s) as string[];
  return s.slice(1).split('\0');
}

export function recordPart(key: string, value: EventRecord | TopicRecord): StatePart {
  return { key, value: serialize(value) };
}

export function readRecord<T extends EventRecord | TopicRecord>(bytes: Uint8Array): T {
  return deserialize(bytes) as T;
}

/** The parts grouped by kind, as `fromParts` reads them. */
export interface SortedParts {
  meta: StateMeta | null;
  vocab: Map<number, Uint8Array>;
  df: Map<number, Uint8Array>[];
  dfDeltas: Map<number, Uint8Array>[];
  /** Event and topic records by cluster number. */
  events: Map<number, Uint8Array>;
  topics: Map<number, Uint8Array>;
  eventIndex: Map<number, Uint8Array>;
  topicIndex: Map<number, Uint8Array>;
}

export function sortParts(parts: Iterable<StatePart>): SortedParts {
  const out: SortedParts = { meta: null, vocab: new Map(), df: DF_KINDS.map(() => new Map()), dfDeltas: DF_KINDS.map(() => new Map()), events: new Map(), topics: new Map(), eventIndex: new Map(), topicIndex: new Map() };
  for (const { key, value } of parts) {
    const [kind, a, b] = key.split(':');
    if (kind === 'meta') out.meta = readJson<StateMeta>(value);
    else if (kind === 'v') out.vocab.set(Number(a), value);
    else if (kind === 'df') out.df[DF_KINDS.indexOf(a as (typeof DF_KINDS)[number])]?.set(Number(b), value);
    else if (kind === 'dd') out.dfDeltas[DF_KINDS.indexOf(a as (typeof DF_KINDS)[number])]?.set(Number(b), value);
    else if (kind === 'e') out.events.set(Number(a), value);
    else if (kind === 't') out.topics.set(Number(a), value);
    else if (kind === 'ei') out.eventIndex.set(Number(a), value);
    else if (kind === 'ti') out.topicIndex.set(Number(a), value);
    else throw new Error(`unknown clusterer state part ${key}`);
  }
  return out;
}

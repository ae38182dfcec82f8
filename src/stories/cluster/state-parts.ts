// The clusterer's state as named parts, so that a store writes only the parts a batch changed
// and reads the rest back without parsing numbers from text. Part keys:
//   meta          options, counters, article counts, dictionary size (JSON)
//   v:<slice>     4,096 dictionary keys each, by id (NUL-separated text); only the last slices grow
//   vb:<bucket>   the dictionary by key: the [key, id] pairs whose key hashes to the bucket (JSON),
//                 so that a run looks up the keys of its articles without reading the dictionary
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

export const STATE_PARTS_VERSION = 4;
/** States of version 3 have no dictionary buckets: they are read whole once and get them at the next save. */
export const BUCKETLESS_VERSION = 3;

export interface StateMeta {
  version: number;
  options: ClustererOptions;
  counters: { topic: number; event: number };
  /** Articles counted by the terms, phrases and facts tables. */
  documents: [number, number, number];
  vocabulary: number;
  /** How many buckets the dictionary is hashed into, and how many hold a key (`vb:` parts); absent in version 3. */
  buckets?: number;
  filledBuckets?: number;
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

/**
 * Where a saved state is read from. A run reads the small parts whole at load (meta, document
 * counts) and every other part by key when it first needs it, so that its cost follows what
 * its articles touch rather than the size of the store.
 */
export interface StateSource {
  /** The parts whose keys start with `prefix`. */
  withPrefix(prefix: string): StatePart[];
  /** The keys (not the bytes) of the parts whose keys start with `prefix`. */
  keysWithPrefix(prefix: string): string[];
  /** The bytes of those of these parts the state holds. */
  read(keys: readonly string[]): Map<string, Uint8Array>;
  /** How many parts have keys starting with `prefix`. */
  count(prefix: string): number;
}

/** A source over parts held in memory (tests, a state converted from JSON). */
export function memorySource(parts: Iterable<StatePart>): StateSource {
  const all = new Map<string, Uint8Array>();
  for (const p of parts) all.set(p.key, p.value);
  const starting = (prefix: string) => [...all.keys()].filter((k) => k.startsWith(prefix));
  return {
    withPrefix: (prefix) => starting(prefix).map((key) => ({ key, value: all.get(key)! })),
    keysWithPrefix: starting,
    read: (keys) => new Map(keys.filter((k) => all.has(k)).map((k) => [k, all.get(k)!])),
    count: (prefix) => starting(prefix).length,
  };
}

/** The number after a part key's kind (`e:12` → 12, `df:terms:3` → 3). */
export function partNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf(':') + 1));
}

/** The parts of one kind (`e:`, `ti:`, `vb:`, `df:terms:` …), by their number. */
export interface NumberedParts {
  numbers(): number[];
  read(numbers: readonly number[]): Map<number, Uint8Array>;
  all(): Map<number, Uint8Array>;
}

export function numberedParts(source: StateSource, prefix: string): NumberedParts {
  const byNumber = (parts: Iterable<readonly [string, Uint8Array]>) => new Map([...parts].map(([k, v]) => [partNumber(k), v]));
  return {
    numbers: () => source.keysWithPrefix(prefix).map(partNumber),
    read: (numbers) => byNumber(source.read(numbers.map((n) => `${prefix}${n}`))),
    all: () => byNumber(source.withPrefix(prefix).map((p) => [p.key, p.value] as const)),
  };
}

// Entity-name lists as hashes: the lower-cased token sequence of each name maps to a bit mask of the
// types it was seen with. Names are stored only as hashes, so no source text ships with the model.
import { hashString, mix } from './hash.js';
import { ENTITY_TYPES } from './tags.js';

/** Longest name, in tokens, that the lists hold. */
export const MAX_NAME_TOKENS = 6;
export const SPAN_SEED = 0x5bd1e995;
const TOKEN_SEED = 0x27d4eb2d;

/** Hash -> type mask; span keys for whole names, token keys for tokens inside names. */
export type Gazetteer = Map<number, number>;

export function normaliseToken(w: string): string {
  return w.toLowerCase().replace(/\d/g, '0');
}

export function spanKey(tokenHashes: ArrayLike<number>, start: number, end: number): number {
  let h = SPAN_SEED;
  for (let i = start; i < end; i++) h = mix(h, tokenHashes[i]!);
  return h;
}

export function tokenKey(tokenHash: number): number {
  return mix(TOKEN_SEED, tokenHash);
}

/** Adds one name (its tokens) of type index `type`. */
export function addName(g: Gazetteer, tokens: readonly string[], type: number): void {
  if (tokens.length === 0 || tokens.length > MAX_NAME_TOKENS) return;
  const hashes = tokens.map((t) => hashString(normaliseToken(t)));
  const k = spanKey(hashes, 0, hashes.length);
  g.set(k, (g.get(k) ?? 0) | (1 << type));
  for (let i = 0; i < hashes.length; i++) {
    if (!/[A-Za-z]/.test(tokens[i]!)) continue;
    const tk = tokenKey(hashes[i]!);
    g.set(tk, (g.get(tk) ?? 0) | (1 << type));
  }
}

export function typeIndex(type: string): number {
  return ENTITY_TYPES.indexOf(type as (typeof ENTITY_TYPES)[number]);
}

/** Read side of a name list: a mask for a key, or undefined. */
export interface NameLookup {
  get(key: number): number | undefined;
}

/** A name list frozen into an open-addressing table (Map lookups on 32-bit keys above 2^30 are slow). */
export class NameTable implements NameLookup {
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** The names of a Map, or (with `size`) an empty table with room for `size` names, filled by put. */
  constructor(names: Gazetteer, size = names.size) {
    let cap = 1;
    while (cap < size * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
    for (const [k, m] of names) this.put(k, m);
  }

  /** A table over parallel arrays of keys and masks (as model files store them): no Map in between. */
  static fromArrays(keys: ArrayLike<number>, masks: ArrayLike<number>): NameTable {
    const table = new NameTable(new Map(), keys.length);
    for (let i = 0; i < keys.length; i++) table.put(keys[i]!, masks[i]!);
    return table;
  }

  private put(key: number, mask: number): void {
    let p = key & this.mask;
    while (this.slots[2 * p + 1] !== 0) p = (p + 1) & this.mask;
    this.slots[2 * p] = key | 0;
    this.slots[2 * p + 1] = mask;
  }

  get(key: number): number | undefined {
    const k = key | 0;
    let p = key & this.mask;
    for (;;) {
      const m = this.slots[2 * p + 1]!;
      if (m === 0) return undefined;
      if (this.slots[2 * p] === k) return m;
      p = (p + 1) & this.mask;
    }
  }
}

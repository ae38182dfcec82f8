// Numeric feature hashing: a feature is a 32-bit key mixed from a template number and integer
// values (string hashes, tag and label ids), so the hot loops build no strings at all.

/** FNV-1a over s[start, end), lower-cased when asked; 0 is kept free as the 'empty' key. */
export function hashRange(s: string, start: number, end: number, lower: boolean): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (lower && c >= 65 && c <= 90) c += 32;
    else if (lower && c > 127) c = s[i]!.toLowerCase().charCodeAt(0);
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

export function hashString(s: string): number {
  return hashRange(s, 0, s.length, false);
}

/** One murmur3 round: folds x into h. */
export function mix(h: number, x: number): number {
  x = Math.imul(x, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  h ^= x;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** murmur3's finaliser, so that the low bits (the table slot) depend on every input bit. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

export function key1(t: number, a: number): number {
  return finish(mix(mix(t, a), 1));
}
export function key2(t: number, a: number, b: number): number {
  return finish(mix(mix(mix(t, a), b), 2));
}
export function key3(t: number, a: number, b: number, c: number): number {
  return finish(mix(mix(mix(mix(t, a), b), c), 3));
}
export function key4(t: number, a: number, b: number, c: number, d: number): number {
  return finish(mix(mix(mix(mix(mix(t, a), b), c), d), 4));
}

/** A seeded generator (mulberry32) for reproducible shuffles and exploration. */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Distributional word classes (built by scripts/build-word-clusters.ts): word hash -> class id.
// The classes form a tree: TOP classes, each split in BRANCH, SPLITS times over, so a class id is a
// path of bits and its prefixes are the coarser classes that contain it (as Brown-cluster bit
// prefixes are). Stored as id + 1 (0 is no class), sorted hash deltas and 16-bit ids.

export const TOP_BITS = 4;
export const BRANCH_BITS = 2;
export const SPLITS = 3;
/** Bits of a full path: 1,024 leaves. */
export const PATH_BITS = TOP_BITS + SPLITS * BRANCH_BITS;

/** The class at depth `level` (0: one of 2^TOP_BITS, SPLITS: the leaf) of a stored id; 0 for no class. */
export function clusterPrefix(id: number, level: number): number {
  if (id === 0) return 0;
  return 1 + ((id - 1) >> ((SPLITS - level) * BRANCH_BITS));
}

export function encodeWordClusters(classes: Map<number, number>): Buffer {
  const entries = [...classes].sort((a, b) => a[0] - b[0]);
  const keys = new Uint32Array(entries.length + 1);
  keys[0] = entries.length;
  entries.forEach(([k], i) => (keys[i + 1] = (k - (i ? entries[i - 1]![0] : 0)) >>> 0));
  return Buffer.concat([Buffer.from(keys.buffer), Buffer.from(Uint16Array.from(entries, ([, c]) => c).buffer)]);
}

/** Reads what encodeWordClusters wrote, starting at byte `at` (a multiple of 4): word hashes and their ids. */
export function readWordClusters(bytes: Uint8Array, at: number): { keys: Uint32Array; ids: Uint16Array } {
  const n = new Uint32Array(bytes.buffer, bytes.byteOffset + at, 1)[0]!;
  const keys = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + at + 4, bytes.byteOffset + at + 4 + n * 4));
  const ids = new Uint16Array(bytes.buffer.slice(bytes.byteOffset + at + 4 + n * 4, bytes.byteOffset + at + 4 + n * 6));
  let k = 0;
  for (let i = 0; i < n; i++) keys[i] = k = (k + keys[i]!) >>> 0;
  return { keys, ids };
}

/** The same as a Map (word hash -> id). */
export function decodeWordClusters(bytes: Uint8Array, at: number): Map<number, number> {
  const { keys, ids } = readWordClusters(bytes, at);
  return new Map(Array.from(keys, (k, i) => [k, ids[i]!]));
}

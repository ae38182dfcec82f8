// Exact and near-duplicate fingerprints of article text.
// Exact: sha256 of the text with case, punctuation and spacing folded, so re-encoded or re-wrapped
// copies count as the same content. Near: a MinHash signature of word 5-shingles, banded for
// locality-sensitive hashing, so that candidate wire copies are found through an index lookup, not a
// scan of the store. Written here because the npm MinHash packages are unmaintained or pull in
// large dependencies for a few dozen lines.
import { createHash } from 'node:crypto';

export const MINHASH_SIZE = 64;
export const LSH_BANDS = 16;
const ROWS_PER_BAND = MINHASH_SIZE / LSH_BANDS;
const SHINGLE = 5;
/** Estimated Jaccard similarity from which two articles are linked as near duplicates. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function contentHash(text: string): string {
  return createHash('sha256').update(words(text).join(' ')).digest('hex');
}

/** 32-bit FNV-1a over a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A fast 32-bit integer mixer (murmur3 finaliser); with a seed it acts as one hash permutation. */
function mix(x: number, seed: number): number {
  let h = (x ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix(i + 1, 0x9e3779b9));

/** MinHash signature of the text's word shingles; null when the text is too short to compare. */
export function minhash(text: string): Uint32Array | null {
  const w = words(text);
  if (w.length < SHINGLE * 2) return null;
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    const h = fnv1a(w.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = mix(h, SEEDS[k] as number);
      if (v < (sig[k] as number)) sig[k] = v;
    }
  }
  return sig;
}

/** One hash per band of the signature (rows folded together), for the LSH index. */
export function lshBands(sig: Uint32Array): number[] {
  const bands: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = b + 1;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = mix(h, sig[b * ROWS_PER_BAND + r] as number);
    // Keep it a positive 31-bit integer so every SQL engine stores it the same way.
    bands.push(h & 0x7fffffff);
  }
  return bands;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}

export function signatureToBuffer(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function bufferToSignature(buf: Buffer): Uint32Array {
  const copy = new Uint8Array(buf.byteLength);
  copy.set(buf);
  return new Uint32Array(copy.buffer);
}

/** Lower-cases scheme and host, drops fragments, tracking parameters and a trailing slash. */
export function normaliseUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|cmpid$|ref$|ito$)/i.test(key)) u.searchParams.delete(key);
  }
  let s = u.toString();
  if (u.pathname.length > 1 && s.endsWith('/') && !u.search) s = s.slice(0, -1);
  return s;
}

// Viterbi decoding over BILOU tags with hard constraints (I/L only inside an open entity of the
// same type, no entity left open at the end) plus learned transition weights.
import { canEnd, canFollow, NUM_TAGS } from './tags.js';

const T = NUM_TAGS;
/** Row r of `ALLOWED` (r = previous tag + 1; row 0 is the sentence start) says which tags may follow. */
const ALLOWED = new Uint8Array((T + 1) * T);
const ENDS = new Uint8Array(T);
for (let a = -1; a < T; a++) for (let b = 0; b < T; b++) ALLOWED[(a + 1) * T + b] = canFollow(a, b) ? 1 : 0;
for (let a = 0; a < T; a++) ENDS[a] = canEnd(a) ? 1 : 0;
/**
 * The tag set's shape, which the decoder unrolls: a tag that opens nothing (O, L-x, U-x) may be
 * followed by O, B-x or U-x; B-x and I-x only by I-x or L-x. Checked against canFollow below.
 */
const CLOSED = [0, 3, 4, 7, 8, 11, 12, 15, 16];
const STARTS = [0, 1, 4, 5, 8, 9, 12, 13, 16];
for (let x = -1; x < T; x++) {
  for (let y = 0; y < T; y++) {
    const closedPrev = x < 0 || CLOSED.includes(x);
    const expected = closedPrev ? STARTS.includes(y) : (y - 1) >> 2 === (x - 1) >> 2 && ((y - 1) & 3) >= 1 && ((y - 1) & 3) <= 2;
    if (expected !== (ALLOWED[(x + 1) * T + y] === 1)) throw new Error('decoder: tag constraints differ from the unrolled shape');
  }
}
if (T !== 17) throw new Error('decoder: unrolled for 17 tags');

// Reused between calls (decoding is synchronous), so that tagging allocates little.
let scratchScore = new Float32Array(64 * T);
let scratchBack = new Int8Array(64 * T);

/** Transition weights: (T + 1) rows of T (start row first). */
export function viterbi(emit: Float32Array, n: number, trans: Float32Array, out: Int8Array): void {
  if (n === 0) return;
  if (scratchScore.length < n * T) {
    scratchScore = new Float32Array(n * T * 2);
    scratchBack = new Int8Array(n * T * 2);
  }
  const score = scratchScore;
  const back = scratchBack;
  for (let b = 0; b < T; b++) score[b] = ALLOWED[b] ? emit[b]! + trans[b]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    const cur = i * T;
    // Scores of the tags that open nothing, read once: each is a predecessor of 9 tags. Candidates
    // are tried in ascending tag order and only a strictly better one wins, so ties go to the lowest.
    const s0 = score[prev]!;
    const s3 = score[prev + 3]!;
    const s4 = score[prev + 4]!;
    const s7 = score[prev + 7]!;
    const s8 = score[prev + 8]!;
    const s11 = score[prev + 11]!;
    const s12 = score[prev + 12]!;
    const s15 = score[prev + 15]!;
    const s16 = score[prev + 16]!;
    for (let j = 0; j < 9; j++) {
      const b = STARTS[j]!;
      let best = -Infinity;
      let arg = 0;
      let v = s0 + trans[T + b]!;
      if (v > best) [best, arg] = [v, 0];
      v = s3 + trans[4 * T + b]!;
      if (v > best) [best, arg] = [v, 3];
      v = s4 + trans[5 * T + b]!;
      if (v > best) [best, arg] = [v, 4];
      v = s7 + trans[8 * T + b]!;
      if (v > best) [best, arg] = [v, 7];
      v = s8 + trans[9 * T + b]!;
      if (v > best) [best, arg] = [v, 8];
      v = s11 + trans[12 * T + b]!;
      if (v > best) [best, arg] = [v, 11];
      v = s12 + trans[13 * T + b]!;
      if (v > best) [best, arg] = [v, 12];
      v = s15 + trans[16 * T + b]!;
      if (v > best) [best, arg] = [v, 15];
      v = s16 + trans[17 * T + b]!;
      if (v > best) [best, arg] = [v, 16];
      score[cur + b] = best + emit[cur + b]!;
      back[cur + b] = arg;
    }
    // I-x and L-x: after B-x or I-x of the same type.
    for (let x = 0; x < 4; x++) {
      const bx = 1 + 4 * x;
      const sb = score[prev + bx]!;
      const si = score[prev + bx + 1]!;
      for (let b = bx + 1; b <= bx + 2; b++) {
        let best = -Infinity;
        let arg = 0;
        let v = sb + trans[(bx + 1) * T + b]!;
        if (v > best) [best, arg] = [v, bx];
        v = si + trans[(bx + 2) * T + b]!;
        if (v > best) [best, arg] = [v, bx + 1];
        score[cur + b] = best + emit[cur + b]!;
        back[cur + b] = arg;
      }
    }
  }
  let best = -Infinity;
  let arg = 0;
  const last = (n - 1) * T;
  for (let a = 0; a < T; a++) {
    if (ENDS[a] && score[last + a]! > best) {
      best = score[last + a]!;
      arg = a;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]!]!;
}

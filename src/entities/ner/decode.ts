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
 * For each tag b, the tags that may precede it (most tags have few), flat: PRED[PRED_AT[b]..PRED_AT[b + 1]),
 * ascending, so that ties go to the lowest tag; PRED_TRANS holds the matching index into the transitions.
 */
const PRED_AT = new Int32Array(T + 1);
const predList: number[] = [];
for (let b = 0; b < T; b++) {
  PRED_AT[b] = predList.length;
  for (let a = 0; a < T; a++) if (ALLOWED[(a + 1) * T + b]) predList.push(a);
}
PRED_AT[T] = predList.length;
const PRED = Int32Array.from(predList);
const PRED_TRANS = new Int32Array(PRED.length);
for (let b = 0; b < T; b++) for (let k = PRED_AT[b]!; k < PRED_AT[b + 1]!; k++) PRED_TRANS[k] = (PRED[k]! + 1) * T + b;

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
    for (let b = 0; b < T; b++) {
      let best = -Infinity;
      let arg = 0;
      const end = PRED_AT[b + 1]!;
      for (let k = PRED_AT[b]!; k < end; k++) {
        const a = PRED[k]!;
        const v = score[prev + a]! + trans[PRED_TRANS[k]!]!;
        if (v > best) {
          best = v;
          arg = a;
        }
      }
      score[cur + b] = best + emit[cur + b]!;
      back[cur + b] = arg;
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

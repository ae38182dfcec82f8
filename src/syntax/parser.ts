// Dependency parser: greedy arc-eager transitions (shift, reduce, left-arc, right-arc) scored by
// an averaged perceptron over Zhang & Nivre's (2011) rich templates; the label of each arc is
// chosen by a second perceptron at the moment the arc is made, so later features can read it.
// Training follows Goldberg & Nivre's (2012) dynamic oracle with error exploration.
import { key1, key2, key3, key4 } from './hash.js';
import { UPOS_INDEX, type Scorer } from './tagger.js';
import type { WordInfo } from './word-info.js';

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;

const NONE = 0x3c3c3c3;
const ROOT_WORD = 0x7e7e7e7;
const ROOT_TAG = 50;
const NO_LABEL = 99;

/** Parser state over words 1..n with the root at 0. */
export class ParseState {
  readonly stack: Int32Array;
  sp = 0;
  b = 1;
  readonly head: Int32Array;
  readonly label: Int32Array;
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nl: Int32Array;
  readonly nr: Int32Array;
  readonly lsLo: Int32Array;
  readonly lsHi: Int32Array;
  readonly rsLo: Int32Array;
  readonly rsHi: Int32Array;
  readonly inStack: Uint8Array;
  rootChildren = 0;

  constructor(readonly n: number) {
    const m = n + 1;
    this.stack = new Int32Array(m);
    this.head = new Int32Array(m).fill(-1);
    this.label = new Int32Array(m).fill(-1);
    this.lc1 = new Int32Array(m).fill(-1);
    this.lc2 = new Int32Array(m).fill(-1);
    this.rc1 = new Int32Array(m).fill(-1);
    this.rc2 = new Int32Array(m).fill(-1);
    this.nl = new Int32Array(m);
    this.nr = new Int32Array(m);
    this.lsLo = new Int32Array(m);
    this.lsHi = new Int32Array(m);
    this.rsLo = new Int32Array(m);
    this.rsHi = new Int32Array(m);
    this.inStack = new Uint8Array(m);
    this.push(0);
  }

  get s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1]! : -1;
  }

  private push(i: number): void {
    this.stack[this.sp++] = i;
    this.inStack[i] = 1;
  }

  private pop(): void {
    this.inStack[this.stack[--this.sp]!] = 0;
  }

  done(): boolean {
    return this.b > this.n;
  }

  valid(move: number): boolean {
    const s0 = this.s0;
    switch (move) {
      case SHIFT:
        return this.b <= this.n;
      case REDUCE:
        return s0 > 0 && this.head[s0]! >= 0;
      case LEFT:
        return s0 > 0 && this.head[s0]! < 0 && this.b <= this.n;
      default:
        return s0 >= 0 && this.b <= this.n && (s0 !== 0 || this.rootChildren === 0);
    }
  }

  addArc(h: number, d: number, lab: number): void {
    this.head[d] = h;
    this.label[d] = lab;
    if (h === 0) this.rootChildren++;
    const bit = 1 << (lab & 31);
    if (d < h) {
      if (this.lc1[h]! < 0 || d < this.lc1[h]!) {
        this.lc2[h] = this.lc1[h]!;
        this.lc1[h] = d;
      } else if (this.lc2[h]! < 0 || d < this.lc2[h]!) this.lc2[h] = d;
      this.nl[h]!++;
      if (lab < 32) this.lsLo[h]! |= bit;
      else this.lsHi[h]! |= bit;
    } else {
      if (this.rc1[h]! < 0 || d > this.rc1[h]!) {
        this.rc2[h] = this.rc1[h]!;
        this.rc1[h] = d;
      } else if (this.rc2[h]! < 0 || d > this.rc2[h]!) this.rc2[h] = d;
      this.nr[h]!++;
      if (lab < 32) this.rsLo[h]! |= bit;
      else this.rsHi[h]! |= bit;
    }
  }

  /** Applies a move; lab is the arc label for LEFT and RIGHT. */
  apply(move: number, lab: number): void {
    const s0 = this.s0;
    switch (move) {
      case SHIFT:
        this.push(this.b++);
        break;
      case REDUCE:
        this.pop();
        break;
      case LEFT:
        this.addArc(this.b, s0, lab);
        this.pop();
        break;
      default:
        this.addArc(s0, this.b, lab);
        this.push(this.b++);
    }
  }
}

/** What the features read besides the state: word hashes, tags, and running counts of tags. */
export interface ParseInput {
  info: WordInfo;
  tags: ArrayLike<number>;
  /** punct[i]: punctuation marks among words 1..i; verbs[i]: verbs among them. */
  punct: Int32Array;
  verbs: Int32Array;
}

export function parseInput(info: WordInfo, tags: ArrayLike<number>): ParseInput {
  const punct = new Int32Array(info.n + 1);
  const verbs = new Int32Array(info.n + 1);
  const P_TAG = UPOS_INDEX.get('PUNCT')!, V_TAG = UPOS_INDEX.get('VERB')!;
  for (let i = 1; i <= info.n; i++) {
    punct[i] = punct[i - 1]! + (tags[i - 1] === P_TAG ? 1 : 0);
    verbs[i] = verbs[i - 1]! + (tags[i - 1] === V_TAG ? 1 : 0);
  }
  return { info, tags, punct, verbs };
}

function W(x: number, inp: ParseInput): number {
  return x < 0 ? NONE : x === 0 ? ROOT_WORD : inp.info.lower[x - 1]!;
}
function P(x: number, inp: ParseInput): number {
  return x < 0 ? NONE : x === 0 ? ROOT_TAG : inp.tags[x - 1]!;
}
function Lb(x: number, st: ParseState): number {
  return x < 0 ? NONE : st.label[x]! < 0 ? NO_LABEL : st.label[x]!;
}

/** The transition features (Zhang & Nivre 2011 templates plus S1 and 'S0 has a head'). */
export function transitionFeatures(st: ParseState, inp: ParseInput, keys: Int32Array): number {
  const n = st.n;
  const s0 = st.s0;
  const s1 = st.sp > 1 ? st.stack[st.sp - 2]! : -1;
  const n0 = st.b <= n ? st.b : -1;
  const n1 = st.b + 1 <= n ? st.b + 1 : -1;
  const n2 = st.b + 2 <= n ? st.b + 2 : -1;
  const s0h = s0 > 0 ? st.head[s0]! : -1;
  const s0h2 = s0h > 0 ? st.head[s0h]! : -1;
  const s0l = s0 >= 0 ? st.lc1[s0]! : -1;
  const s0l2 = s0 >= 0 ? st.lc2[s0]! : -1;
  const s0r = s0 >= 0 ? st.rc1[s0]! : -1;
  const s0r2 = s0 >= 0 ? st.rc2[s0]! : -1;
  const n0l = n0 >= 0 ? st.lc1[n0]! : -1;
  const n0l2 = n0 >= 0 ? st.lc2[n0]! : -1;
  const s0w = W(s0, inp), s0p = P(s0, inp), n0w = W(n0, inp), n0p = P(n0, inp);
  const n1w = W(n1, inp), n1p = P(n1, inp), n2w = W(n2, inp), n2p = P(n2, inp);
  const d = s0 >= 0 && n0 >= 0 ? Math.min(n0 - s0, 10) : -1;
  const vr = s0 >= 0 ? st.nr[s0]! : -1, vl = s0 >= 0 ? st.nl[s0]! : -1, n0vl = n0 >= 0 ? st.nl[n0]! : -1;
  const s0hp = P(s0h, inp), s0lp = P(s0l, inp), s0rp = P(s0r, inp), n0lp = P(n0l, inp);
  let k = 0;
  keys[k++] = key2(1, s0w, s0p);
  keys[k++] = key1(2, s0w);
  keys[k++] = key1(3, s0p);
  keys[k++] = key2(4, n0w, n0p);
  keys[k++] = key1(5, n0w);
  keys[k++] = key1(6, n0p);
  keys[k++] = key2(7, n1w, n1p);
  keys[k++] = key1(8, n1w);
  keys[k++] = key1(9, n1p);
  keys[k++] = key2(10, n2w, n2p);
  keys[k++] = key1(11, n2w);
  keys[k++] = key1(12, n2p);
  keys[k++] = key4(13, s0w, s0p, n0w, n0p);
  keys[k++] = key3(14, s0w, s0p, n0w);
  keys[k++] = key3(15, s0w, n0w, n0p);
  keys[k++] = key3(16, s0w, s0p, n0p);
  keys[k++] = key3(17, s0p, n0w, n0p);
  keys[k++] = key2(18, s0w, n0w);
  keys[k++] = key2(19, s0p, n0p);
  keys[k++] = key2(20, n0p, n1p);
  keys[k++] = key3(21, n0p, n1p, n2p);
  keys[k++] = key3(22, s0p, n0p, n1p);
  keys[k++] = key3(23, s0hp, s0p, n0p);
  keys[k++] = key3(24, s0p, s0lp, n0p);
  keys[k++] = key3(25, s0p, s0rp, n0p);
  keys[k++] = key3(26, s0p, n0p, n0lp);
  keys[k++] = key2(27, s0w, d);
  keys[k++] = key2(28, s0p, d);
  keys[k++] = key2(29, n0w, d);
  keys[k++] = key2(30, n0p, d);
  keys[k++] = key3(31, s0w, n0w, d);
  keys[k++] = key3(32, s0p, n0p, d);
  keys[k++] = key2(33, s0w, vr);
  keys[k++] = key2(34, s0p, vr);
  keys[k++] = key2(35, s0w, vl);
  keys[k++] = key2(36, s0p, vl);
  keys[k++] = key2(37, n0w, n0vl);
  keys[k++] = key2(38, n0p, n0vl);
  keys[k++] = key1(39, W(s0h, inp));
  keys[k++] = key1(40, s0hp);
  keys[k++] = key1(41, Lb(s0, st));
  keys[k++] = key1(42, W(s0l, inp));
  keys[k++] = key1(43, s0lp);
  keys[k++] = key1(44, Lb(s0l, st));
  keys[k++] = key1(45, W(s0r, inp));
  keys[k++] = key1(46, s0rp);
  keys[k++] = key1(47, Lb(s0r, st));
  keys[k++] = key1(48, W(n0l, inp));
  keys[k++] = key1(49, n0lp);
  keys[k++] = key1(50, Lb(n0l, st));
  keys[k++] = key1(51, W(s0h2, inp));
  keys[k++] = key1(52, P(s0h2, inp));
  keys[k++] = key1(53, Lb(s0h, st));
  keys[k++] = key1(54, W(s0l2, inp));
  keys[k++] = key1(55, P(s0l2, inp));
  keys[k++] = key1(56, Lb(s0l2, st));
  keys[k++] = key1(57, W(s0r2, inp));
  keys[k++] = key1(58, P(s0r2, inp));
  keys[k++] = key1(59, Lb(s0r2, st));
  keys[k++] = key1(60, W(n0l2, inp));
  keys[k++] = key1(61, P(n0l2, inp));
  keys[k++] = key1(62, Lb(n0l2, st));
  keys[k++] = key3(63, s0p, s0lp, P(s0l2, inp));
  keys[k++] = key3(64, s0p, s0rp, P(s0r2, inp));
  keys[k++] = key3(65, s0p, s0hp, P(s0h2, inp));
  keys[k++] = key3(66, n0p, n0lp, P(n0l2, inp));
  const rsl = s0 >= 0 ? st.rsLo[s0]! : NONE, rsh = s0 >= 0 ? st.rsHi[s0]! : NONE;
  const lsl = s0 >= 0 ? st.lsLo[s0]! : NONE, lsh = s0 >= 0 ? st.lsHi[s0]! : NONE;
  const nsl = n0 >= 0 ? st.lsLo[n0]! : NONE, nsh = n0 >= 0 ? st.lsHi[n0]! : NONE;
  keys[k++] = key3(67, s0w, rsl, rsh);
  keys[k++] = key3(68, s0p, rsl, rsh);
  keys[k++] = key3(69, s0w, lsl, lsh);
  keys[k++] = key3(70, s0p, lsl, lsh);
  keys[k++] = key3(71, n0w, nsl, nsh);
  keys[k++] = key3(72, n0p, nsl, nsh);
  keys[k++] = key2(73, W(s1, inp), P(s1, inp));
  keys[k++] = key3(74, P(s1, inp), s0p, n0p);
  keys[k++] = key4(75, s0 > 0 && st.head[s0]! >= 0 ? 1 : 0, s0p, n0p, st.rootChildren > 0 ? 1 : 0);
  keys[k++] = key2(76, n0 >= 0 ? inp.info.shape[n0 - 1]! : NONE, n0p);
  // Punctuation and verbs between S0 and N0: a clause boundary lies between them or not.
  const pb = s0 >= 0 && n0 >= 0 ? Math.min(inp.punct[n0 - 1]! - inp.punct[s0]!, 3) : -1;
  const vb = s0 >= 0 && n0 >= 0 ? Math.min(inp.verbs[n0 - 1]! - inp.verbs[s0]!, 2) : -1;
  keys[k++] = key3(77, s0p, n0p, pb);
  keys[k++] = key3(78, s0p, n0p, vb);
  keys[k++] = key4(79, s0w, n0p, pb, vb);
  keys[k++] = key4(80, s0p, n0w, pb, vb);
  return k;
}

/** Features for the label of the arc h -> d (d's tag, words around both, labels already there). */
export function labelFeatures(st: ParseState, inp: ParseInput, h: number, d: number, keys: Int32Array): number {
  const hw = W(h, inp), hp = P(h, inp), dw = W(d, inp), dp = P(d, inp);
  const dir = d < h ? 1 : 2;
  const dist = Math.min(Math.abs(h - d), 8);
  const n = st.n;
  let k = 0;
  keys[k++] = key1(101, hw);
  keys[k++] = key1(102, hp);
  keys[k++] = key1(103, dw);
  keys[k++] = key1(104, dp);
  keys[k++] = key3(105, hp, dp, dir);
  keys[k++] = key3(106, hw, dp, dir);
  keys[k++] = key3(107, hp, dw, dir);
  keys[k++] = key2(108, hw, dw);
  keys[k++] = key4(109, dir, dist, hp, dp);
  keys[k++] = key2(110, dp, W(st.lc1[d]!, inp));
  keys[k++] = key2(111, dp, P(st.lc1[d]!, inp));
  keys[k++] = key3(112, dp, st.lsLo[d]!, st.lsHi[d]!);
  keys[k++] = key4(113, hp, dir, dir === 1 ? st.lsLo[h]! : st.rsLo[h]!, dir === 1 ? st.lsHi[h]! : st.rsHi[h]!);
  keys[k++] = key3(114, dp, P(d > 1 ? d - 1 : -1, inp), P(d < n ? d + 1 : -1, inp));
  keys[k++] = key3(115, hp, P(h > 1 ? h - 1 : -1, inp), P(h > 0 && h < n ? h + 1 : -1, inp));
  keys[k++] = key2(116, dp, d > 0 ? inp.info.suf[2]![d - 1]! : NONE);
  keys[k++] = key3(117, Lb(h, st), hp, dp);
  keys[k++] = key3(118, dp, d > 0 ? inp.info.flags[d - 1]! : NONE, dir);
  keys[k++] = key2(119, dw, dir);
  keys[k++] = key3(120, dp, Lb(st.lc1[d]!, st), W(st.lc1[d]!, inp));
  keys[k++] = key3(121, dp, W(st.rc1[d]!, inp), P(st.rc1[d]!, inp));
  keys[k++] = key4(122, hp, dp, dir, h > 0 ? st.nl[h]! + st.nr[h]! : -1);
  keys[k++] = key3(123, dw, hp, W(d > 1 ? d - 1 : -1, inp));
  keys[k++] = key2(124, h === 0 ? 1 : 0, dp);
  return k;
}

/** Best-scoring move among the valid ones, or -1. */
export function bestValid(st: ParseState, scores: Float32Array, cost?: Int32Array, maxCost = Infinity): number {
  let best = -1;
  for (let m = 0; m < 4; m++) {
    if (!st.valid(m)) continue;
    if (cost && cost[m]! > maxCost) continue;
    if (best < 0 || scores[m]! > scores[best]!) best = m;
  }
  return best;
}

/** Best label for an arc: 'root' exactly when the head is the root. */
export function bestLabel(scores: Float32Array, classes: number, h: number, rootLabel: number): number {
  if (h === 0) return rootLabel;
  let best = -1;
  for (let c = 0; c < classes; c++) if (c !== rootLabel && (best < 0 || scores[c]! > scores[best]!)) best = c;
  return best;
}

export interface Parse {
  /** heads[i] for word i+1: 1-based head, 0 for the root. */
  heads: Int32Array;
  labels: Int32Array;
}

/** Words left without a head when the buffer empties: one becomes the root, the rest hang from it. */
export function finishTree(st: ParseState, label: (h: number, d: number) => number, rootLabel: number, inp: ParseInput, verbTags: Set<number>): void {
  let root = -1;
  for (let i = 1; i <= st.n; i++) if (st.head[i] === 0) root = i;
  if (root < 0) {
    for (let i = 1; i <= st.n && root < 0; i++) if (st.head[i]! < 0 && verbTags.has(inp.tags[i - 1]!)) root = i;
    for (let i = 1; i <= st.n && root < 0; i++) if (st.head[i]! < 0) root = i;
    st.addArc(0, root, rootLabel);
  }
  for (let i = 1; i <= st.n; i++) if (st.head[i]! < 0) st.addArc(root, i, label(root, i));
}

export class Parser {
  private keys = new Int32Array(128);
  private scores = new Float32Array(4);
  private lscores: Float32Array;
  private verbTags: Set<number>;

  constructor(readonly moves: Scorer, readonly labels: Scorer, readonly rootLabel: number, verbTags: number[]) {
    this.lscores = new Float32Array(labels.classes);
    this.verbTags = new Set(verbTags);
  }

  label(st: ParseState, inp: ParseInput, h: number, d: number): number {
    const k = labelFeatures(st, inp, h, d, this.keys);
    this.labels.score(this.keys, k, this.lscores);
    return bestLabel(this.lscores, this.labels.classes, h, this.rootLabel);
  }

  parse(inp: ParseInput): Parse {
    const st = new ParseState(inp.info.n);
    while (!st.done()) {
      const k = transitionFeatures(st, inp, this.keys);
      this.moves.score(this.keys, k, this.scores);
      const m = bestValid(st, this.scores);
      let lab = -1;
      if (m === LEFT) lab = this.label(st, inp, st.b, st.s0);
      else if (m === RIGHT) lab = this.label(st, inp, st.s0, st.b);
      st.apply(m, lab);
    }
    finishTree(st, (h, d) => this.label(st, inp, h, d), this.rootLabel, inp, this.verbTags);
    return { heads: st.head.slice(1), labels: st.label.slice(1) };
  }
}

/** Dynamic-oracle costs (gold arcs made unreachable) of the four moves; invalid moves get a large cost. */
export function moveCosts(st: ParseState, gold: Int32Array, goldKids: Int32Array[], cost: Int32Array): void {
  const s = st.s0;
  const b = st.b;
  const reach = (k: number) => st.inStack[k] === 1 && (k !== 0 || st.rootChildren === 0);
  const kidsInBuffer = (x: number) => {
    let c = 0;
    const kids = goldKids[x]!;
    for (let i = kids.length - 1; i >= 0 && kids[i]! >= b; i--) c++;
    return c;
  };
  cost.fill(1 << 20);
  if (st.valid(SHIFT)) {
    let c = reach(gold[b]!) ? 1 : 0;
    for (let i = 0; i < st.sp; i++) {
      const k = st.stack[i]!;
      if (k > 0 && st.head[k]! < 0 && gold[k] === b) c++;
    }
    cost[SHIFT] = c;
  }
  if (st.valid(REDUCE)) cost[REDUCE] = kidsInBuffer(s);
  if (st.valid(LEFT)) cost[LEFT] = (gold[s]! > b ? 1 : 0) + kidsInBuffer(s);
  if (st.valid(RIGHT)) {
    const g = gold[b]!;
    let c = g !== s && (g > b || reach(g)) ? 1 : 0;
    for (let i = 0; i < st.sp; i++) {
      const k = st.stack[i]!;
      if (k > 0 && st.head[k]! < 0 && gold[k] === b) c++;
    }
    cost[RIGHT] = c;
  }
}

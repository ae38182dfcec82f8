// A short extractive summary of a story: sentences ranked by how central they are to the story
// (TF-IDF cosine to the story's centroid) and how early they stand in their article, picked with
// maximal marginal relevance so that near-repeats from other outlets are left out; every sentence
// cites its article. A topic of several happenings is told across its articles instead: one or two
// sentences per happening, in story order, each the most central to that happening's reports and
// citing every article that says the same, so a story of three events reads as an account and not
// as one lede per article.

export interface SummarySentence {
  articleId: number;
  /** Position of the sentence in its article (0 = first). */
  index: number;
  text: string;
  /** Rank of the happening (event story) the article belongs to, in story order; absent for one-happening stories. */
  group?: number;
}

export interface SummaryLine {
  text: string;
  articleId: number;
  /** Other articles that carry the same point (their near-repeat was left out). */
  alsoIn: number[];
}

const STOP = new Set(
  'a an the of to in on and or for with by at from as is are was were be been being that this these those it its he she they we you i his her their our will would has have had not but said says also who which what when where after before than into about over more most'.split(' '),
);

function terms(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2 && !STOP.has(w));
}

type Vec = Map<string, number>;

/** Sum of squares of a vector's weights, once per vector: a story's centroid is compared with every sentence. */
const squares = new WeakMap<Vec, number>();
function sumOfSquares(v: Vec): number {
  let n = squares.get(v);
  if (n === undefined) {
    n = 0;
    for (const x of v.values()) n += x * x;
    squares.set(v, n);
  }
  return n;
}

function cosine(a: Vec, b: Vec): number {
  let dot = 0;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w) dot += v * w;
  }
  const na = sumOfSquares(a);
  const nb = sumOfSquares(b);
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function summarise(sentences: SummarySentence[], maxLines = 5, lambda = 0.7): SummaryLine[] {
  const usable = sentences.filter((s) => s.text.length >= 40 && s.text.length <= 400 && !/[?]$/.test(s.text.trim()));
  if (usable.length === 0) return [];
  const df = new Map<string, number>();
  const tokenised = usable.map((s) => terms(s.text));
  for (const t of tokenised) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = usable.length;
  const vecs: Vec[] = tokenised.map((t) => {
    const v: Vec = new Map();
    for (const w of t) v.set(w, (v.get(w) ?? 0) + Math.log(1 + n / (df.get(w) ?? 1)));
    return v;
  });
  const groups = [...new Set(usable.map((s) => s.group).filter((g): g is number => g !== undefined))].sort((a, b) => a - b);
  if (groups.length > 1) return happeningLines(usable, vecs, groups, lambda);
  const relevance = centrality(usable, vecs, usable.map((_, i) => i));
  const chosen: number[] = [];
  const limit = Math.min(maxLines, usable.length);
  while (chosen.length < limit) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < usable.length; i++) {
      if (chosen.includes(i)) continue;
      const redundancy = chosen.reduce((m, j) => Math.max(m, cosine(vecs[i]!, vecs[j]!)), 0);
      const score = lambda * relevance.get(i)! - (1 - lambda) * redundancy;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) break;
    chosen.push(best);
  }
  // The input's article order, then position in the article.
  return [...chosen].sort((a, b) => a - b).map((best) => lineOf(usable, vecs, best, 0.5));
}

/** How central each of the given sentences is to them all (cosine to their centroid), the earlier in its article the more. */
function centrality(usable: SummarySentence[], vecs: Vec[], indices: number[]): Map<number, number> {
  const centroid: Vec = new Map();
  for (const i of indices) for (const [k, x] of vecs[i]!) centroid.set(k, (centroid.get(k) ?? 0) + x);
  return new Map(indices.map((i) => [i, cosine(vecs[i]!, centroid) * (1 + 0.5 / (1 + usable[i]!.index))]));
}

/** A chosen sentence with the other articles that carry the same point (a sentence at least `same` alike). */
function lineOf(usable: SummarySentence[], vecs: Vec[], best: number, same: number, among?: (s: SummarySentence) => boolean): SummaryLine {
  const s = usable[best]!;
  const alsoIn = usable.filter((o, i) => i !== best && o.articleId !== s.articleId && (!among || among(o)) && cosine(vecs[i]!, vecs[best]!) >= same).map((o) => o.articleId);
  return { text: s.text, articleId: s.articleId, alsoIn: [...new Set(alsoIn)] };
}

/** How alike two sentences must be for one to say what the other says (the second is left out, its article cited). */
const REPEAT = 0.35;

/**
 * A topic of several happenings told across its articles: per happening, in story order, its most
 * central sentence (against that happening's own centroid, so that what all its reports share comes
 * first, whichever article says it best) and at most one more, a detail from the body of a report
 * (another report's lede only retells the news) that does not repeat the first; each line cites
 * every article of the happening that says the same.
 */
function happeningLines(usable: SummarySentence[], vecs: Vec[], groups: number[], lambda: number): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const g of groups) {
    const mine = usable.map((s, i) => ({ s, i })).filter((x) => x.s.group === g);
    const relevance = centrality(usable, vecs, mine.map((x) => x.i));
    const first = mine.reduce((a, b) => (relevance.get(b.i)! > relevance.get(a.i)! ? b : a)).i;
    const inGroup = (o: SummarySentence) => o.group === g;
    // Every report of one happening opens with its news: the first line stands for the other ledes too.
    const line = lineOf(usable, vecs, first, REPEAT, inGroup);
    const ledes = mine.filter((x) => x.s.index === 0 && x.s.articleId !== line.articleId).map((x) => x.s.articleId);
    lines.push({ ...line, alsoIn: [...new Set([...line.alsoIn, ...ledes])] });
    let second = -1;
    let bestScore = -Infinity;
    for (const { s: o, i } of mine) {
      const redundancy = cosine(vecs[i]!, vecs[first]!);
      if (i === first || o.index === 0 || redundancy >= REPEAT) continue;
      const score = lambda * relevance.get(i)! - (1 - lambda) * redundancy;
      if (score > bestScore) [second, bestScore] = [i, score];
    }
    // Only a sentence nearly as central as the first earns the second line.
    if (second >= 0 && relevance.get(second)! >= 0.6 * relevance.get(first)!) lines.push(lineOf(usable, vecs, second, REPEAT, inGroup));
  }
  return lines;
}

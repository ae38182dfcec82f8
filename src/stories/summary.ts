// A short extractive summary of a story: sentences ranked by how central they are to the story
// (TF-IDF cosine to the story's centroid) and how early they stand in their article, picked with
// maximal marginal relevance so that near-repeats from other outlets are left out; every sentence
// cites its article. In a topic of several happenings each happening first gets its most central
// sentence, so that a story of three events is not summarised by the best-covered one alone, and
// the lines are then given in story order (happening, article, position) so that they read as an account.

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

function cosine(a: Vec, b: Vec): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
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
  const centroid: Vec = new Map();
  for (const v of vecs) for (const [k, x] of v) centroid.set(k, (centroid.get(k) ?? 0) + x);
  const relevance = usable.map((s, i) => cosine(vecs[i]!, centroid) * (1 + 0.5 / (1 + s.index)));
  const chosen: number[] = [];
  const limit = Math.min(maxLines, usable.length);
  // One line per happening first, the most central sentence of each, happenings in story order.
  const groups = [...new Set(usable.map((s) => s.group).filter((g): g is number => g !== undefined))].sort((a, b) => a - b);
  if (groups.length > 1) {
    for (const g of groups) {
      if (chosen.length >= limit) break;
      let best = -1;
      for (let i = 0; i < usable.length; i++) if (usable[i]!.group === g && (best < 0 || relevance[i]! > relevance[best]!)) best = i;
      if (best >= 0) chosen.push(best);
    }
  }
  while (chosen.length < limit) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < usable.length; i++) {
      if (chosen.includes(i)) continue;
      const redundancy = chosen.reduce((m, j) => Math.max(m, cosine(vecs[i]!, vecs[j]!)), 0);
      const score = lambda * relevance[i]! - (1 - lambda) * redundancy;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    if (best < 0) break;
    chosen.push(best);
  }
  // Story order: happening, then the input's article order, then position in the article.
  const storyOrder = [...chosen].sort((a, b) => (usable[a]!.group ?? 0) - (usable[b]!.group ?? 0) || a - b);
  return storyOrder.map((best) => {
    const s = usable[best]!;
    const alsoIn = [
      ...new Set(usable.filter((o, i) => i !== best && o.articleId !== s.articleId && cosine(vecs[i]!, vecs[best]!) >= 0.5).map((o) => o.articleId)),
    ];
    return { text: s.text, articleId: s.articleId, alsoIn };
  });
}

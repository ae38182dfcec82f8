// A short extractive summary of a story: sentences ranked by how central they are to the story
// (TF-IDF cosine to the story's centroid) and how early they stand in their article, picked with
// maximal marginal relevance so that near-repeats from other outlets are left out; every sentence
// cites its article.

export interface SummarySentence {
  articleId: number;
  /** Position of the sentence in its article (0 = first). */
  index: number;
  text: string;
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
  const lines: SummaryLine[] = [];
  while (chosen.length < Math.min(maxLines, usable.length)) {
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
    const s = usable[best]!;
    const alsoIn = [
      ...new Set(usable.filter((o, i) => i !== best && o.articleId !== s.articleId && cosine(vecs[i]!, vecs[best]!) >= 0.5).map((o) => o.articleId)),
    ];
    lines.push({ text: s.text, articleId: s.articleId, alsoIn });
  }
  return lines;
}

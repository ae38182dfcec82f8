// Store-independent parts of entity reads that both stores share: which of a topic's most mentioned
// entities mark it out, and the edit distance behind name suggestions.

/** How many of the most mentioned entities are weighed for distinctiveness. */
export const LABEL_CANDIDATES = 12;
/**
 * Articles counted per candidate at most: an entity in more is common whatever the exact count,
 * and counting the 297k mentions of the most frequent one, even from the index alone, took 45 ms
 * a topic at 100k articles.
 */
export const COMMON_ARTICLES = 1000;

/**
 * Among the most mentioned (rows in that order: `a` articles of the topic naming it, `n` mentions,
 * `df` articles of the store naming it, capped), those that mark these articles out: an entity most
 * of the store mentions ('United States') names no topic even when every article of it mentions it.
 */
export function distinctiveNames(rows: { name: string; a: number; n: number; df: number }[], total: number, limit: number): string[] {
  const weight = (r: { a: number; df: number }) => r.a * (Math.log((total + 1) / (r.df + 1)) + 1);
  return rows
    .map((r, rank) => ({ name: r.name, w: weight(r), n: r.n, rank }))
    .sort((x, y) => y.w - x.w || y.n - x.n || x.rank - y.rank)
    .slice(0, limit)
    .map((r) => r.name);
}

/** Levenshtein distance (two rows; names are short). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

// Inverted index from salient keys (a cluster's top TF-IDF terms and names) to cluster ids.
// Each posting list keeps only the most recently refreshed clusters, so looking up an article
// costs the same however many clusters the store holds; stale clusters fall out of reach,
// which doubles as a time decay.

export interface SalientIndexJSON {
  postings: [string, string[]][];
}

export class SalientIndex {
  private postings = new Map<string, string[]>();

  constructor(private readonly postingCap: number) {}

  /** (Re)announce a cluster under its current salient keys, moving it to the fresh end. */
  put(id: string, keys: readonly string[]): void {
    for (const key of keys) {
      let list = this.postings.get(key);
      if (!list) {
        list = [];
        this.postings.set(key, list);
      }
      const at = list.indexOf(id);
      if (at >= 0) list.splice(at, 1);
      list.push(id);
      if (list.length > this.postingCap) list.shift();
    }
  }

  /**
   * Clusters sharing keys with a query, scored by the summed weight of the shared keys,
   * best first, at most `limit`. `alive` filters out clusters merged away since indexing.
   */
  candidates(query: ReadonlyMap<string, number>, limit: number, alive: (id: string) => boolean): string[] {
    const score = new Map<string, number>();
    for (const [key, w] of query) {
      const list = this.postings.get(key);
      if (!list) continue;
      for (const id of list) score.set(id, (score.get(id) ?? 0) + w);
    }
    return bestK(score, limit, alive);
  }

  toJSON(): SalientIndexJSON {
    return { postings: [...this.postings].map(([k, v]) => [k, [...v]]) };
  }

  static fromJSON(data: SalientIndexJSON, postingCap: number): SalientIndex {
    const idx = new SalientIndex(postingCap);
    idx.postings = new Map(data.postings.map(([k, v]) => [k, [...v]]));
    return idx;
  }
}

/** Best `k` entries by value (ties by id), in one pass with a small sorted buffer: no full sort. */
function bestK(score: ReadonlyMap<string, number>, k: number, keep: (id: string) => boolean): string[] {
  const top: [string, number][] = [];
  const better = (a: [string, number], b: [string, number]) => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const entry of score) {
    if (top.length === k && !better(entry, top[k - 1]!)) continue;
    if (!keep(entry[0])) continue;
    let at = top.length;
    while (at > 0 && better(entry, top[at - 1]!)) at--;
    top.splice(at, 0, entry);
    if (top.length > k) top.pop();
  }
  return top.map((e) => e[0]);
}

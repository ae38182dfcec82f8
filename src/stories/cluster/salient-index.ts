// Inverted index from salient keys (a cluster's top TF-IDF terms and names, as integer keys) to
// integer cluster ids. Each posting list keeps only the most recently refreshed clusters, so
// looking up an article costs the same however many clusters the store holds; stale clusters
// fall out of reach, which doubles as a time decay.

export interface SalientIndexJSON {
  postings: [number, number[]][];
}

export class SalientIndex {
  private postings = new Map<number, number[]>();
  /** Reused accumulator for `candidates` (cleared after each call). */
  private score = new Map<number, number>();

  constructor(private readonly postingCap: number) {}

  /** (Re)announce a cluster under its current salient keys, moving it to the fresh end. */
  put(id: number, keys: readonly number[]): void {
    for (const key of keys) {
      let list = this.postings.get(key);
      if (!list) {
        list = [];
        this.postings.set(key, list);
      }
      const at = list.lastIndexOf(id);
      if (at === list.length - 1 && at >= 0) continue; // already the freshest
      if (at >= 0) list.splice(at, 1);
      list.push(id);
      if (list.length > this.postingCap) list.shift();
    }
  }

  /**
   * Clusters sharing keys with a query (parallel keys and weights), scored by the summed weight
   * of the shared keys, best first, at most `limit`. `alive` filters out clusters merged away.
   */
  candidates(keys: readonly number[], weights: readonly number[], limit: number, alive: (id: number) => boolean): number[] {
    const score = this.score;
    for (let i = 0; i < keys.length; i++) {
      const list = this.postings.get(keys[i]!);
      if (!list) continue;
      const w = weights[i]!;
      for (const id of list) score.set(id, (score.get(id) ?? 0) + w);
    }
    const out = bestK(score, limit, alive);
    score.clear();
    return out;
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

/** Best `k` ids by value (ties by smaller id), in one pass with a small sorted buffer. */
function bestK(score: ReadonlyMap<number, number>, k: number, keep: (id: number) => boolean): number[] {
  const ids: number[] = [];
  const vals: number[] = [];
  const better = (v: number, id: number, at: number) => v > vals[at]! || (v === vals[at]! && id < ids[at]!);
  for (const [id, v] of score) {
    if (ids.length === k && !better(v, id, k - 1)) continue;
    if (!keep(id)) continue;
    let at = ids.length;
    while (at > 0 && better(v, id, at - 1)) at--;
    ids.splice(at, 0, id);
    vals.splice(at, 0, v);
    if (ids.length > k) {
      ids.pop();
      vals.pop();
    }
  }
  return ids;
}

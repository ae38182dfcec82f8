// One view (terms, common words, names or facts) of the article being placed, in reusable
// typed arrays: interned ids with their counts, and the weights derived from them. One buffer
// per view lives as long as the clusterer, so placing an article allocates no vectors.
import type { DenseScratch, IdTable, Vocabulary } from './vocabulary.js';

export class ViewBuffer {
  ids = new Int32Array(256);
  counts = new Float64Array(256);
  /** Sublinear TF, L2-normalised: what centroids sum (they apply the current IDF later). */
  weights = new Float64Array(256);
  /** Sublinear TF × IDF, L2-normalised: the index query. */
  tfidf = new Float64Array(256);
  length = 0;

  /**
   * Load a key → count map, interning the keys; `local` (small, article-sized) is tried first
   * and filled, so a second view over the same keys skips the large dictionary.
   */
  load(counts: ReadonlyMap<string, number>, vocab: Vocabulary, local?: Map<string, number>): void {
    this.reserve(counts.size);
    let i = 0;
    for (const [k, c] of counts) {
      let id = local?.get(k);
      if (id === undefined) {
        id = vocab.intern(k);
        local?.set(k, id);
      }
      this.ids[i] = id;
      this.counts[i++] = c;
    }
    this.length = i;
  }

  /** Derive the weights under the current IDF and write the probe (TF-IDF × IDF once more). */
  weigh(df: IdTable, probe: DenseScratch): void {
    const n = this.length;
    let tfNorm = 0;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const tf = 1 + Math.log(this.counts[i]!);
      const w = tf * df.idf(this.ids[i]!);
      this.weights[i] = tf;
      this.tfidf[i] = w;
      tfNorm += tf * tf;
      norm += w * w;
    }
    tfNorm = Math.sqrt(tfNorm) || 1;
    norm = Math.sqrt(norm) || 1;
    probe.clear();
    for (let i = 0; i < n; i++) {
      const w = this.tfidf[i]!;
      const idf = w / this.weights[i]!;
      this.weights[i]! /= tfNorm;
      this.tfidf[i] = w / norm;
      probe.set(this.ids[i]!, (w / norm) * idf);
    }
  }

  /** The weight of an id in this view's TF-IDF (0 when absent). */
  tfidfOf(id: number): number {
    for (let i = 0; i < this.length; i++) if (this.ids[i] === id) return this.tfidf[i]!;
    return 0;
  }

  private reserve(n: number): void {
    if (n <= this.ids.length) return;
    const cap = Math.max(n, this.ids.length * 2);
    this.ids = new Int32Array(cap);
    this.counts = new Float64Array(cap);
    this.weights = new Float64Array(cap);
    this.tfidf = new Float64Array(cap);
  }
}

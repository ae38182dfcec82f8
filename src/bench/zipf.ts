// Zipf-distributed ranks for synthetic benchmark data: rank r drawn with weight 1/(r+1).

/** The cumulative distribution over `size` ranks. */
export function zipfCdf(size: number): Float64Array {
  const cdf = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) cdf[r] = sum += 1 / (r + 1);
  for (let r = 0; r < size; r++) cdf[r]! /= sum;
  return cdf;
}

/** The rank that a uniform draw `u` in [0, 1) falls on (binary search in the distribution). */
export function zipfRank(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

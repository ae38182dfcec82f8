// Which stored spans overlap a given span, in time independent of how many are stored: spans are
// filed in fixed-width buckets of the text, so a query looks only at its own neighbourhood. Entity
// spans are short, so each lands in one or two buckets (a linear scan of every mention made entity
// resolution quadratic in the length of a long article).

export interface Span {
  start: number;
  end: number;
}

const BUCKET = 256;

export class SpanIndex<T extends Span = Span> {
  private readonly buckets = new Map<number, T[]>();

  constructor(spans: Iterable<T> = []) {
    for (const s of spans) this.add(s);
  }

  private *cells(s: Span): Generator<number> {
    const last = Math.floor(Math.max(s.start, s.end - 1) / BUCKET);
    for (let b = Math.floor(s.start / BUCKET); b <= last; b++) yield b;
  }

  add(s: T): void {
    for (const b of this.cells(s)) {
      const list = this.buckets.get(b);
      if (list) list.push(s);
      else this.buckets.set(b, [s]);
    }
  }

  remove(s: T): void {
    for (const b of this.cells(s)) {
      const list = this.buckets.get(b);
      const i = list ? list.indexOf(s) : -1;
      if (list && i >= 0) list.splice(i, 1);
    }
  }

  /** The stored spans that share at least one character with `s`. */
  overlapping(s: Span): T[] {
    const found = new Set<T>();
    for (const b of this.cells(s)) for (const x of this.buckets.get(b) ?? []) if (s.start < x.end && x.start < s.end) found.add(x);
    return [...found];
  }

  overlaps(s: Span): boolean {
    for (const b of this.cells(s)) for (const x of this.buckets.get(b) ?? []) if (s.start < x.end && x.start < s.end) return true;
    return false;
  }
}

/**
 * The spans that no other span of the list strictly contains, in their original order: sorted by
 * start, a span is swallowed when an earlier-starting span ends at or after it, or one starting with
 * it ends after it.
 */
export function unswallowed<T extends Span>(spans: readonly T[]): T[] {
  const order = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const swallowed = new Set<T>();
  let maxEndBefore = -Infinity;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]!.start === order[i]!.start) j++;
    // Within one start, the first (longest) swallows every shorter one.
    const longest = order[i]!.end;
    for (let k = i; k < j; k++) {
      const s = order[k]!;
      if (maxEndBefore >= s.end || s.end < longest) swallowed.add(s);
    }
    maxEndBefore = Math.max(maxEndBefore, longest);
    i = j;
  }
  return spans.filter((s) => !swallowed.has(s));
}

/**
 * A lookup of the items lying wholly inside a range, in their given order: items sorted by start
 * once, each query a binary search and a scan of its own range (filtering every item for every
 * sentence or event made the layers that ask quadratic in the length of an article).
 */
export function spansWithin<T extends Span>(items: readonly T[]): (start: number, end: number) => T[] {
  const byStart = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.start - b.item.start || a.i - b.i);
  return (start, end) => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.item.start < start) lo = mid + 1;
      else hi = mid;
    }
    const found: { item: T; i: number }[] = [];
    for (let k = lo; k < byStart.length && byStart[k]!.item.start <= end; k++) if (byStart[k]!.item.end <= end) found.push(byStart[k]!);
    return found.sort((a, b) => a.i - b.i).map((x) => x.item);
  };
}

/** The index of the span (sorted, not overlapping) that contains `pos` by `contains`, or -1. */
export function spanAt(spans: readonly Span[], pos: number, contains: (s: Span) => boolean): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  // The last span starting at or before pos, or the one before it (an end position belongs to the
  // sentence it closes).
  for (const k of [lo - 1, lo - 2, lo]) if (k >= 0 && k < spans.length && contains(spans[k]!)) return k;
  return -1;
}

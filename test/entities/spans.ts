// Tagger spans for entity tests, written by hand: each word's first occurrence after the previous one.
import type { TaggedSpan } from '../../src/entities/resolve.js';

/** Spans for the given words (first occurrence after the previous one), as a tagger would give. */
export function spans(text: string, items: [string, TaggedSpan['type']][]): TaggedSpan[] {
  let from = 0;
  return items.map(([w, type]) => {
    const start = text.indexOf(w, from);
    if (start < 0) throw new Error(`no ${w}`);
    from = start + w.length;
    return { start, end: start + w.length, type };
  });
}

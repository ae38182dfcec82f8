// The fields of one JSON-lines input record that `dossier tag` and `dossier code` read: its text
// (or tokens), the token index of an offset, and its publication date.
import { parseDateValue } from '../ingest/date-value.js';

export function textOf(rec: Record<string, unknown>): { text: string; tokenStarts: number[] | null } {
  if (Array.isArray(rec.tokens)) {
    const tokens = rec.tokens.map(String);
    const starts: number[] = [];
    let pos = 0;
    for (const t of tokens) {
      starts.push(pos);
      pos += t.length + 1;
    }
    return { text: tokens.join(' '), tokenStarts: starts };
  }
  if (typeof rec.text !== 'string') throw new Error('needs "text" (a string) or "tokens" (an array)');
  return { text: rec.text, tokenStarts: null };
}

/** Character offsets -> token indices (end exclusive) when the input came as tokens. */
export function toTokens(starts: number[] | null, start: number, end: number): { start: number; end: number } {
  if (!starts) return { start, end };
  let s = 0;
  while (s + 1 < starts.length && starts[s + 1]! <= start) s++;
  let e = s;
  while (e < starts.length && starts[e]! < end) e++;
  return { start: s, end: e };
}

export function published(rec: Record<string, unknown>) {
  const d = parseDateValue(rec.published ?? rec.date ?? rec.dct, 'input');
  return d ? { value: d.value, timezone: d.timezone } : null;
}

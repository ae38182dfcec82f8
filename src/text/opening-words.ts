// A short label for a text that has no headline: its first sentence, cut to a readable length.

/** The first sentence of a text, cut at a word near 80 characters ('…' when cut). */
export function openingWords(text: string, max = 80): string | null {
  const first = text.trim().split(/(?<=[.!?])\s+|\n/)[0]?.trim() ?? '';
  if (!first) return null;
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

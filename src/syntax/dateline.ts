// News datelines ('CAIRO, May 2 (Agency) - ...') are rare in the web treebank the parser learns
// from, and a greedy parser tends to pull the date into the clause that follows. The dateline is
// parsed on its own and hung from the clause's root instead.

const DASHES = new Set(['-', '--', '—', '–']);
const MAX_DATELINE = 14;

/** Index of the dash that closes a leading dateline, or -1. */
export function datelineDash(words: readonly string[]): number {
  const first = words[0] ?? '';
  if (!/^\p{Lu}[\p{Lu}.'-]+$/u.test(first)) return -1;
  for (let i = 1; i < Math.min(words.length - 2, MAX_DATELINE); i++) {
    if (!DASHES.has(words[i]!)) continue;
    const before = words.slice(1, i);
    return before.includes(',') || before.includes('(') ? i : -1;
  }
  return -1;
}

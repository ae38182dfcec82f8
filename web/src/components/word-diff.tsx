// Quote wordings side by side with the words that differ highlighted (a longest-common-subsequence
// over words; quotes are short, so the quadratic table is small).
const words = (s: string) => s.split(/\s+/).filter(Boolean);
const norm = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** For each word of `a`, whether it is also in the common subsequence with `b`. */
function kept(a: string[], b: string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const t = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = norm(a[i]!) === norm(b[j]!) ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const out = new Array<boolean>(n).fill(false);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (norm(a[i]!) === norm(b[j]!)) {
      out[i] = true;
      i++;
      j++;
    } else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

export function DiffWords({ text, other }: { text: string; other: string }) {
  const a = words(text);
  const same = kept(a, words(other));
  return (
    <>
      {a.map((w, i) => (
        <span key={i}>
          {same[i] ? w : <mark class="diff">{w}</mark>}{' '}
        </span>
      ))}
    </>
  );
}

// Small output helpers shared by commands: JSON printing and plain tables.

/** A value to print, never a promise of one (a missing `await` would print `{}`). */
type Printable<T> = T extends PromiseLike<unknown> ? never : T;

export function printJson<T>(value: Printable<T>): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printJsonLine<T>(value: Printable<T>): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printTable(head: string[], rows: (string | number | null | undefined)[][]): void {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (r: string[]) => r.map((c, i) => fit(c, widths[i] ?? 10)).join('  ').trimEnd();
  process.stdout.write(`${[line(head), ...cells.map(line)].join('\n')}\n`);
}

// The shape every benchmark runner returns, and how it is printed next to the published figures.

export interface BenchRow {
  metric: string;
  ours: number | string;
  /** Published figure(s) to compare with, as text (system and value). */
  published?: string;
  /** The target, as text. */
  target?: string;
}

export interface BenchReport {
  name: string;
  /** What was measured, e.g. `181 pages`. */
  items: string;
  rows: BenchRow[];
  notes?: string[];
}

export interface BenchOptions {
  /** Only the first N items (quick checks). */
  limit?: number;
  /** Extra runner-specific arguments. */
  args: string[];
}

export interface BenchRunner {
  description: string;
  run(opts: BenchOptions): Promise<BenchReport>;
}

function fmt(v: number | string): string {
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : v;
}

export function formatReport(r: BenchReport): string {
  const head = ['metric', 'ours', 'target', 'published'];
  const body = r.rows.map((row) => [row.metric, fmt(row.ours), row.target ?? '', row.published ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const out = [`# ${r.name} (${r.items})`, line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
  for (const n of r.notes ?? []) out.push(`note: ${n}`);
  return out.join('\n');
}

// Streams JSON lines from standard input to a handler, one output line per input line, so that
// one process serves any number of items; a bad line yields an error object, not a crash.
import { createInterface } from 'node:readline';

/** A parsed input line, or why it could not be read. */
type ParsedLine = { n: number; rec: Record<string, unknown> } | { n: number; error: string };

function parseLine(line: string, n: number): ParsedLine {
  try {
    const rec = JSON.parse(line) as unknown;
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('not a JSON object');
    return { n, rec: rec as Record<string, unknown> };
  } catch (e) {
    return { n, error: messageOf(e) };
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Writes output lines, turning `{ error }` objects into `{ line, error }` and counting them. */
class LineWriter {
  failed = 0;
  private readonly pending: string[] = [];

  add(n: number, value: unknown): void {
    if (value && typeof value === 'object' && 'error' in value) {
      this.failed++;
      const error = String((value as { error: unknown }).error);
      process.stderr.write(`error: line ${n}: ${error}\n`);
      value = { line: n, error };
    }
    this.pending.push(JSON.stringify(value));
  }

  flush(): void {
    if (this.pending.length) process.stdout.write(`${this.pending.join('\n')}\n`);
    this.pending.length = 0;
  }
}

export async function mapJsonLines(handle: (rec: Record<string, unknown>, n: number) => unknown): Promise<number> {
  return mapJsonLineGroups(() => undefined, async (recs, n) => [await handle(recs[0]!, n)]);
}

/**
 * Like mapJsonLines, for handlers that read several lines at once: consecutive lines with the same
 * group key go to the handler together (a line whose key is undefined is a group of its own), and
 * the handler returns one output per line, in order; an output with `error` counts as a failed
 * line. A line that is not JSON yields an error object in its place, inside its group. Returns the
 * number of failed lines.
 */
export async function mapJsonLineGroups(
  keyOf: (rec: Record<string, unknown>) => string | undefined,
  handle: (recs: Record<string, unknown>[], firstLine: number) => unknown[] | Promise<unknown[]>,
): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out = new LineWriter();
  // The lines of the open group; a line that is not JSON waits in its place and does not end the group.
  let group: ParsedLine[] = [];
  let groupKey: string | undefined;
  const flush = async () => {
    const good = group.filter((g): g is { n: number; rec: Record<string, unknown> } => 'rec' in g);
    let results: unknown[] = [];
    if (good.length) {
      try {
        results = await handle(
          good.map((g) => g.rec),
          good[0]!.n,
        );
      } catch (e) {
        const error = messageOf(e);
        results = good.map(() => ({ error }));
      }
    }
    let k = 0;
    for (const g of group) out.add(g.n, 'rec' in g ? results[k++] : g);
    group = [];
    out.flush();
  };
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    const parsed = parseLine(line, n);
    if ('error' in parsed) {
      group.push(parsed);
      if (groupKey === undefined) await flush();
      continue;
    }
    const key = keyOf(parsed.rec);
    if (group.length && (key === undefined || key !== groupKey)) await flush();
    group.push(parsed);
    groupKey = key;
    // A line outside any document is answered at once, so that a caller can feed a line and read its answer.
    if (key === undefined) await flush();
  }
  await flush();
  return out.failed;
}

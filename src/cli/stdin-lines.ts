// Streams JSON lines from standard input to a handler, one output line per input line, so that
// one process serves any number of items; a bad line yields an error object, not a crash.
import { createInterface } from 'node:readline';

export async function mapJsonLines(handle: (rec: Record<string, unknown>, n: number) => unknown): Promise<number> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let failed = 0;
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    let out: unknown;
    try {
      const rec = JSON.parse(line) as unknown;
      if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('not a JSON object');
      out = handle(rec as Record<string, unknown>, n);
    } catch (e) {
      failed++;
      out = { line: n, error: e instanceof Error ? e.message : String(e) };
      process.stderr.write(`error: line ${n}: ${(out as { error: string }).error}\n`);
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return failed;
}

// The per-run benchmark on a small store: it reports its rows, and a run rewrites only the reports
// of the topics its five articles reached.
import { describe, expect, it } from 'vitest';
import { runner } from '../../src/bench/story-update.js';

describe('bench story-update', () => {
  it('times runs of five articles and rewrites only the topics they reached', async () => {
    const r = await runner.run({ args: ['--sizes', '200'] });
    expect(r.rows).toHaveLength(3);
    expect(Number(r.rows[0]!.ours)).toBeGreaterThan(0);
    const m = /; (\d+) of (\d+) topics/.exec(r.rows[1]!.metric)!;
    expect(Number(m[1])).toBeGreaterThan(0);
    expect(Number(m[1])).toBeLessThanOrEqual(5);
    expect(Number(m[2])).toBeGreaterThan(Number(m[1]));
  }, 60_000);
});

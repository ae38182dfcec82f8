// The watch-round benchmark on a few feeds: every item found once, then 304s that write nothing,
// then only the new items of the feeds that changed.
import { describe, expect, it } from 'vitest';
import { runner } from '../../src/bench/watch.js';

describe('bench watch', () => {
  it('counts what each round submitted and wrote', async () => {
    const r = await runner.run({ args: ['--feeds', '20', '--hosts', '3', '--concurrency', '4'] });
    const counts = r.rows.filter((x) => x.metric.endsWith('items submitted, state writes, failed')).map((x) => x.ours);
    expect(counts).toEqual(['400, 20, 0', '0, 0, 0', '4, 2, 0']);
  }, 60_000);
});

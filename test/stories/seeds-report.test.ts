// What the seeds' topic report tells an analyst, read through `dossier analyze`: the date range
// says what it leaves out, event headlines name people and not their own date, the summary tells
// each happening once with its sources, a contradiction is not also an undisputed timeline entry,
// and a term an outlet only explains is not its loaded word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir } from '../../src/paths.js';
import { dossier, tempDir } from '../helpers.js';

describe('the seeds’ topic report', () => {
  const t = tempDir();
  let md = '';
  beforeAll(() => {
    const out = join(t.dir, 'report');
    const r = dossier(['analyze', seedsDir(), '--db', join(t.dir, 'seeds.db'), '--out', out]);
    if (r.code !== 0) throw new Error(r.err);
    md = readFileSync(join(out, 'story-1.md'), 'utf8');
  }, 60_000);
  afterAll(() => t.cleanup());

  const section = (name: string) => md.split(`## ${name}\n`)[1]!.split('\n## ')[0]!;
  const events = () => section('Events').split('\n').filter((l) => l.startsWith('- **'));

  it('says how many happenings its date range leaves out', () => {
    const header = md.split('\n')[2]!;
    const undated = events().filter((l) => l.includes('(date unknown)')).length;
    expect(undated).toBeGreaterThan(0);
    expect(header).toContain(`${undated} of ${events().length} happenings undated`);
  });

  it('heads events without their own date, naming a person where the report names one', () => {
    for (const e of events()) expect(e.match(/\*\*(.*)\*\*/)![1]).not.toMatch(/\b(?:on|in) \d{4}(?:-\d{2})?/);
    expect(events().some((e) => /\*\*[^*]*Amir Hatami[^*]*\*\*/.test(e))).toBe(true);
  });

  it('tells each happening in one or two lines, citing every report of it', () => {
    const lines = section('Summary').split('\n').filter((l) => l.startsWith('- '));
    expect(lines.length).toBeLessThanOrEqual(2 * events().length);
    const cites = (l: string) => [...l.matchAll(/\[(\d+)\]/g)].map((m) => m[1]);
    for (const e of events().filter((l) => cites(l).length > 1)) {
      // Some line cites every article of a happening with several reports.
      expect(lines.some((l) => cites(e).every((c) => cites(l).includes(c)))).toBe(true);
    }
  });

  it('marks as disputed the timeline entries a contradiction rests on', () => {
    expect(md).toContain('### Across the topic');
    const across = section('How the outlets told it').split('### Across the topic')[1]!;
    const actor = across.match(/^- (.+?) is said to visit/m)![1]!;
    const entries = section('Timeline').split('\n').filter((l) => l.includes(`: ${actor} visits`));
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e).toContain('(disputed)');
  });

  it('does not count a term an outlet only explains as its own loaded word', () => {
    const rows = md.split('### Loaded words')[1]!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| outlet'));
    for (const r of rows) expect(r.split('|')[2]!.toLowerCase()).not.toContain('takfiri');
  });
});

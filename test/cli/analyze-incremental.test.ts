// `dossier analyze` run again on a growing store rebuilds only the reports of the topics the run
// changed, brings back reports missing from the folder, drops those of topics merged away, and
// rewrites everything when asked.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aebPages, dossier, inputFolder, seedFiles, tempDir } from '../helpers.js';

const t = tempDir('dossier-analyze-incremental-');
afterAll(() => t.cleanup());

const written = (err: string): number => Number(/\((\d+) topic reports? written\)/.exec(err)?.[1] ?? NaN);
const reports = (out: string): string[] => readdirSync(out).filter((f) => /^story-\d+\.md$/.test(f)).sort();

describe('dossier analyze on a growing store', () => {
  const seeds = seedFiles();
  const pages = aebPages().slice(0, 6);
  const db = join(t.dir, 'grow.db');
  const out = join(t.dir, 'report');

  it('writes every report once, then only those of the topics a run changed', () => {
    const first = dossier(['analyze', inputFolder(join(t.dir, 'b1'), seeds.slice(0, 2), pages.slice(0, 5)), '--db', db, '--out', out]);
    expect(first.code, first.err).toBe(0);
    const topics = reports(out);
    expect(written(first.err)).toBe(topics.length);
    expect(topics.length).toBeGreaterThan(2);
    const before = new Map(topics.map((f) => [f, statSync(join(out, f)).mtimeMs]));

    // One more seed (it joins the seeds' topic) and one more page.
    const second = dossier(['analyze', inputFolder(join(t.dir, 'b2'), seeds.slice(2, 3), pages.slice(5)), '--db', db, '--out', out]);
    expect(second.code, second.err).toBe(0);
    const now = reports(out);
    expect(written(second.err)).toBeLessThanOrEqual(2);
    expect(written(second.err)).toBeGreaterThan(0);
    const untouched = now.filter((f) => before.get(f) === statSync(join(out, f)).mtimeMs);
    expect(untouched.length).toBeGreaterThanOrEqual(now.length - 2);
    // The index still lists every topic, and the seeds' topic holds three articles now.
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    for (const f of now) expect(index).toContain(`(${f})`);
    expect(index).toMatch(/— 3 articles, /);
  }, 120_000);

  it('brings back a missing report and removes one of a topic that no longer exists', () => {
    const [gone, ...rest] = reports(out);
    rmSync(join(out, gone!));
    writeFileSync(join(out, 'story-999999.md'), 'a topic merged away\n');
    const r = dossier(['analyze', '--db', db, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(written(r.err)).toBe(1);
    expect(reports(out)).toEqual([gone!, ...rest].sort());
  }, 60_000);

  it('rewrites every report with --all-reports', () => {
    const r = dossier(['analyze', '--db', db, '--out', out, '--all-reports']);
    expect(r.code, r.err).toBe(0);
    expect(written(r.err)).toBe(reports(out).length);
  }, 60_000);
});

// The `dossier` command end to end, on the compiled build (`npm test` builds first).
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { repoRoot, seedsDir } from '../../src/paths.js';
import { countWhileWriting, dossier, fakeArticle, htmlPage, tempDir } from '../helpers.js';

const BIN = join(repoRoot, 'bin', 'dossier.js');


describe('dossier CLI', () => {
  const t = tempDir();
  const db = join(t.dir, 'seeds.db');
  beforeAll(() => {
    if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first');
  });
  afterAll(() => t.cleanup());

  it('has --help on every subcommand', () => {
    const top = dossier(['--help']);
    expect(top.code).toBe(0);
    const names = [...top.out.matchAll(/^ {2}([a-z-]+)(?: |\[|<)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
    expect(names).toEqual(expect.arrayContaining(['ingest', 'articles', 'show', 'search', 'extract', 'bench']));
    for (const n of names) {
      const h = dossier([n, '--help']);
      expect(h.code, n).toBe(0);
      expect(h.out, n).toMatch(/^Usage: dossier /);
    }
  });

  it('ingests the seed articles, and re-ingesting changes nothing', () => {
    const first = dossier(['ingest', seedsDir(), '--db', db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ stored: 5, failed: 0 });
    const again = dossier(['ingest', seedsDir(), '--db', db, '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ stored: 0, duplicates: 5, failed: 0 });
    const list = JSON.parse(dossier(['articles', '--db', db, '--json']).out) as { externalId: string }[];
    expect(list.map((a) => a.externalId).sort()).toHaveLength(5);
  });

  it('shows an article by its input id with provenance and removed boilerplate', () => {
    const list = JSON.parse(dossier(['articles', '--db', db, '--json']).out) as { id: number; externalId: string }[];
    const withDate = list.map((a) => JSON.parse(dossier(['show', String(a.id), '--db', db, '--json']).out)).find((a) => a.published);
    expect(withDate.published).toMatchObject({ granularity: 'day' });
    expect(withDate.provenance.published).toBeTruthy();
    const byExt = dossier(['show', withDate.externalId, '--db', db]);
    expect(byExt.code).toBe(0);
    expect(byExt.out).toContain('removed boilerplate');
    expect(dossier(['show', '999', '--db', db]).code).toBe(2);
  });

  it('searches the store', () => {
    const hits = JSON.parse(dossier(['search', 'air', 'defense', '--db', db, '--json']).out) as { id: number }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(JSON.parse(dossier(['search', 'zzzqqq', '--db', db, '--json']).out)).toEqual([]);
  });

  it('extracts without storing, one JSON object per input, and exits 1 when an item failed', () => {
    const d = join(t.dir, 'mixed');
    mkdirSync(d);
    writeFileSync(join(d, 'one.html'), htmlPage('Lock gates opened', fakeArticle(3)));
    writeFileSync(join(d, 'two.txt'), '');
    const r = dossier(['extract', d, '--jsonl']);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ title: 'Lock gates opened', published: null, authors: [] });
    for (const k of ['source', 'title', 'text', 'published', 'authors', 'outlet', 'url', 'language', 'boilerplate']) expect(lines[0]).toHaveProperty(k);
    expect(lines[1]).toMatchObject({ error: 'empty file' });
    expect(r.err).toMatch(/error: .*two\.txt: empty file/);
  });

  it('leaves the store consistent when killed in the middle of a large ingest', async () => {
    const d = join(t.dir, 'many');
    mkdirSync(d);
    const N = 1500;
    for (let i = 0; i < N; i++) writeFileSync(join(d, `a${String(i).padStart(5, '0')}.html`), htmlPage(`Story ${i}`, fakeArticle(i + 100, 12)));
    const killDb = join(t.dir, 'killed.db');
    const child = spawn(process.execPath, [BIN, 'ingest', d, '--db', killDb], { stdio: 'ignore' });
    const count = () => countWhileWriting(killDb, 'SELECT COUNT(*) n FROM articles');
    const deadline = Date.now() + 60_000;
    while (count() < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const stored = count();
    expect(stored).toBeGreaterThanOrEqual(50);
    expect(stored).toBeLessThan(N);

    const c = new Database(killDb);
    expect(c.pragma('integrity_check', { simple: true })).toBe('ok');
    const q = (sql: string) => (c.prepare(sql).get() as { n: number }).n;
    expect(q('SELECT COUNT(*) n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)')).toBe(0);
    expect(q("SELECT COUNT(*) n FROM articles WHERE text = '' OR near_dup_group IS NULL")).toBe(0);
    expect(() => c.exec("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")).not.toThrow();
    expect(q("SELECT COUNT(*) n FROM articles_fts WHERE articles_fts MATCH 'officials'")).toBe(stored);
    c.close();

    const resumed = dossier(['ingest', d, '--db', killDb, '--json']);
    expect(JSON.parse(resumed.out)).toMatchObject({ stored: N - stored, duplicates: stored, failed: 0 });
  });
});

// A crash in the middle of `dossier analyze` leaves every article it finished analysed whole and
// none half-analysed: after the kill and a second run, each article holds exactly the layers one
// uninterrupted run gives it, and every article sits in one story.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { countWhileWriting, dossier, fakeArticle, tempDir } from '../helpers.js';

const BIN = join(repoRoot, 'bin', 'dossier.js');
// Enough articles that the kill lands part-way (it comes a few after the 20th), few enough to run fast.
const N = 120;
const PEOPLE = ['Maria Lopez', 'John Carter', 'Aiko Tanaka', 'Peter Novak', 'Amina Yusuf'];
const PLACES = ['Chile', 'Norway', 'Peru', 'Kenya', 'Japan'];

/** A made-up report with people, a quote, a date and an act between two countries, so that every layer has something to store. */
function report(i: number): string {
  const who = PEOPLE[i % PEOPLE.length]!;
  const [a, b] = [PLACES[i % PLACES.length]!, PLACES[(i + 2) % PLACES.length]!];
  const lead = `${a} signed a trade agreement with ${b} on March ${(i % 27) + 1}, 2021. "We will keep our promises," said ${who}, the minister of trade.`;
  return `${lead}\n\n${fakeArticle(i + 500, 4)}`;
}

/** Per article (by file name): how many mentions, time expressions, quotes and events it holds. */
function layerCounts(db: string): Map<string, string> {
  const c = new Database(db, { readonly: true });
  try {
    const rows = c
      .prepare(
        `SELECT s.location AS loc,
           (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.id) AS m,
           (SELECT COUNT(*) FROM time_refs t WHERE t.article_id = a.id) AS t,
           (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS q,
           (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS e
         FROM articles a JOIN sources s ON s.article_id = a.id`,
      )
      .all() as { loc: string; m: number; t: number; q: number; e: number }[];
    return new Map(rows.map((r) => [r.loc.split('/').pop()!, `${r.m}/${r.t}/${r.q}/${r.e}`]));
  } finally {
    c.close();
  }
}

function analysedCount(db: string): number {
  return countWhileWriting(db, 'SELECT COUNT(*) AS n FROM articles WHERE analysed_version > 0');
}

describe('dossier analyze killed part-way', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('keeps finished articles whole and completes on the next run', async () => {
    const d = join(t.dir, 'articles');
    mkdirSync(d);
    for (let i = 0; i < N; i++) writeFileSync(join(d, `a${String(i).padStart(4, '0')}.txt`), report(i));
    const killed = join(t.dir, 'killed.db');
    const whole = join(t.dir, 'whole.db');
    for (const db of [killed, whole]) expect(dossier(['ingest', d, '--db', db]).code).toBe(0);

    const child = spawn(process.execPath, [BIN, 'analyze', '--db', killed, '--out', join(t.dir, 'r1')], { stdio: 'ignore' });
    const deadline = Date.now() + 60_000;
    while (analysedCount(killed) < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const done = analysedCount(killed);
    expect(done).toBeGreaterThanOrEqual(20);
    expect(done).toBeLessThan(N);

    const c = new Database(killed);
    expect(c.pragma('integrity_check', { simple: true })).toBe('ok');
    // No article holds layers without being marked analysed.
    expect((c.prepare('SELECT COUNT(*) AS n FROM articles a WHERE a.analysed_version = 0 AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id)').get() as { n: number }).n).toBe(0);
    c.close();

    expect(dossier(['analyze', '--db', killed, '--out', join(t.dir, 'r2')]).code).toBe(0);
    expect(dossier(['analyze', '--db', whole, '--out', join(t.dir, 'r3')]).code).toBe(0);
    const counts = layerCounts(killed);
    expect(counts).toEqual(layerCounts(whole));
    // Every layer was written for the articles (mentions / times / quotes / events).
    expect([...counts.values()].every((x) => x.split('/').every((n) => Number(n) > 0))).toBe(true);
    const topics = JSON.parse(dossier(['stories', '--json', '--db', killed]).out) as { articles: string[] }[];
    const placed = topics.flatMap((x) => x.articles);
    expect(placed).toHaveLength(N);
    expect(new Set(placed).size).toBe(N);
  }, 120_000);
});

// A worker killed (SIGKILL) in the middle of a job loses nothing: the job is retried by another
// worker, every article is stored once and analysed whole, and the stories hold every article
// exactly once, with their kept member lists equal to their rows.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from '../../src/paths.js';
import { openQueue, enqueueInputs } from '../../src/pipeline/queue.js';
import { PgStore } from '../../src/store/postgres/pg-store.js';
import { fakeArticle, tempDir } from '../helpers.js';
import { freshDatabase, pgUrl } from '../pg-database.js';

const ARTICLES = 40;
const t = tempDir('dossier-worker-kill-');
const workers: ChildProcess[] = [];
afterAll(() => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  t.cleanup();
});

function startWorker(url: string): ChildProcess {
  const w = spawn(process.execPath, [join(repoRoot, 'bin', 'dossier.js'), 'worker', '--db', url, '--expire-seconds', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
  workers.push(w);
  return w;
}

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, seconds: number): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!pgUrl())('a worker killed mid-job', () => {
  it('has its job retried by another, and leaves no article or story half-written', async () => {
    const url = await freshDatabase();
    await (await PgStore.open(url)).close(); // the store's tables, which the polls below read
    // Made-up articles in one dump: one ingest job that stores them one by one.
    const dump = join(t.dir, 'dump.jsonl');
    writeFileSync(dump, Array.from({ length: ARTICLES }, (_, i) => JSON.stringify({ id: `k${i}`, text: fakeArticle(1000 + i, 2), published: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}` })).join('\n'));
    const queue = await openQueue(url, { expireSeconds: 2 });
    await enqueueInputs(queue, [dump]);
    await queue.stop({ graceful: false, wait: true });

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);
    try {
      const first = startWorker(url);
      // Killed while its ingest job is half done: some articles stored, not all.
      await until('the first articles', () => count('SELECT COUNT(*) AS n FROM articles'), (n) => n > 0, 60);
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      const storedAtKill = await count('SELECT COUNT(*) AS n FROM articles');
      expect(storedAtKill).toBeLessThan(ARTICLES);

      startWorker(url);
      await until(
        'every article analysed and placed',
        () => count(`SELECT COUNT(*) AS n FROM articles a WHERE a.analysed_version > 0 AND EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)`),
        (n) => n >= ARTICLES,
        120,
      );
      // The ingest job ran again after its worker died.
      const ingest = (await db.query(`SELECT state, retry_count FROM pgboss.job WHERE name = 'dossier-ingest'`)).rows as { state: string; retry_count: number }[];
      expect(ingest).toHaveLength(1);
      expect(ingest[0]!.retry_count).toBeGreaterThanOrEqual(1);
      expect(await count('SELECT COUNT(*) AS n FROM articles')).toBe(ARTICLES);
      expect(await count('SELECT COUNT(DISTINCT external_id) AS n FROM articles')).toBe(ARTICLES);
      // No analysis written twice: each mention, time and event once.
      for (const [table, what] of [['mentions', 'type'], ['time_refs', 'type'], ['events', 'cameo']])
        expect(await count(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${table} GROUP BY article_id, field, start, "end", ${what} HAVING COUNT(*) > 1) d`), table).toBe(0);
      // Each article in one topic and one event, and each story's kept members equal to its rows.
      expect(await count(`SELECT COUNT(*) AS n FROM (SELECT sa.article_id FROM story_articles sa JOIN stories s ON s.id = sa.story_id GROUP BY sa.article_id, s.level HAVING COUNT(*) <> 1) d`)).toBe(0);
      expect(await count(`SELECT COUNT(DISTINCT sa.article_id) AS n FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE s.level = 'event'`)).toBe(ARTICLES);
      expect(
        await count(`SELECT COUNT(*) AS n FROM stories s WHERE s.members IS DISTINCT FROM (SELECT string_agg(article_id::text, ',' ORDER BY article_id) FROM story_articles WHERE story_id = s.id)`),
      ).toBe(0);
      // The clusterer's state knows every article the stories hold.
      const store = await PgStore.open(url);
      expect(await store.unclusteredArticleIdsByDate()).toEqual([]);
      await store.close();
    } finally {
      await db.end();
    }
  }, 180_000);
});

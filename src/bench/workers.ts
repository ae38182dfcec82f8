// Articles per second through the whole pipeline (fetching aside: files) with 1, 2 and 4 workers on
// one machine against one PostgreSQL server: `dossier bench workers --db postgres://…/postgres`.
// For each count, a new database on that server, one ingest job per page of the AEB dev set, the
// workers started as processes, and the clock stopped when every article is analysed and placed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { benchDir, repoRoot } from '../paths.js';
import { openQueue, enqueueInputs } from '../pipeline/queue.js';
import { PgStore } from '../store/postgres/pg-store.js';
import { numberArg } from './args.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}

async function oneCount(adminUrl: string, files: string[], workers: number): Promise<number> {
  const url = await createDatabase(adminUrl, `dossier_bench_workers_${workers}`);
  await (await PgStore.open(url)).close();
  const queue = await openQueue(url);
  const procs: ChildProcess[] = [];
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const t0 = performance.now();
    await enqueueInputs(queue, files);
    for (let i = 0; i < workers; i++) procs.push(spawn(process.execPath, [join(repoRoot, 'bin', 'dossier.js'), 'worker', '--db', url], { stdio: 'ignore' }));
    for (;;) {
      const r = (await db.query(`SELECT
          (SELECT COUNT(*) FROM pgboss.job WHERE state IN ('created', 'retry', 'active')) AS open,
          (SELECT COUNT(*) FROM articles) AS stored,
          (SELECT COUNT(*) FROM articles a WHERE a.analysed_version > 0 AND EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)) AS done`)).rows[0] as { open: string; stored: string; done: string };
      if (Number(r.open) === 0 && Number(r.stored) > 0 && Number(r.done) === Number(r.stored)) return Number(r.done) / ((performance.now() - t0) / 1000);
      await new Promise((res) => setTimeout(res, 100));
    }
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await queue.stop({ graceful: false, wait: true });
    await db.end();
  }
}

export const runner: BenchRunner = {
  description: 'articles/s through the whole pipeline with 1, 2 and 4 workers against one PostgreSQL server (--db URL of a database to create others from, --pages N)',
  async run(opts): Promise<BenchReport> {
    const at = opts.args.indexOf('--db');
    const adminUrl = at >= 0 ? opts.args[at + 1] : undefined;
    if (!adminUrl) throw new Error('give --db postgres://user@host/postgres: the benchmark creates a database per worker count there');
    const pages = numberArg(opts.args, '--pages') ?? opts.limit ?? 100;
    const counts = (numberArg(opts.args, '--max-workers') ?? 4) >= 4 ? [1, 2, 4] : [1, 2];
    const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-workers-'));
    try {
      const html = join(benchDir('aeb'), 'html');
      const files = readdirSync(html).filter((f) => f.endsWith('.html.gz')).sort().slice(0, pages).map((f) => {
        const out = join(dir, f.replace(/\.gz$/, ''));
        writeFileSync(out, gunzipSync(readFileSync(join(html, f))));
        return out;
      });
      const rows: BenchRow[] = [];
      for (const k of counts) rows.push({ metric: `articles/s, ${k} worker${k > 1 ? 's' : ''} (wall clock, ingest to placed)`, ours: (await oneCount(adminUrl, files, k)).toFixed(2) });
      return { name: 'workers', items: `${files.length} AEB dev pages`, rows, notes: ['one ingest job per page; workers are `dossier worker` processes with --concurrency 1'] };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

// `dossier bench serve`: the HTTP API's answer times under load on a synthetic store (100,000
// articles by default), measured by autocannon against 127.0.0.1 with `dossier serve` in its own
// process. The store is filled as store-scale fills it (real storeArticle, saveAnalysis and story
// sync); `--db FILE` reuses a store kept from an earlier run (`--keep`).
// Targets (issue 19): the story page's calls ≤ 50 ms at the 95th percentile, the story list ≤ 100 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import { buildStoryPage, storeStoryPages } from '../views/stored-views.js';
import { storeArticle } from '../pipeline/store-article.js';
import { repoRoot } from '../paths.js';
import { AnalysisFaker, Clusters, toArticle } from './store-scale.js';
import { DEFAULT_SYNTHETIC, mulberry32, SyntheticStream } from './synthetic.js';
import { numberArg } from './args.js';
import { cpuMsAsync, processCpuMs } from './cpu-time.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';

async function fill(path: string, articles: number): Promise<void> {
  const store = openStore(path);
  const stream = new SyntheticStream({ ...DEFAULT_SYNTHETIC, articlesPerTopic: 20, eventsPerTopic: 4 });
  const faker = new AnalysisFaker(3000);
  const clusters = new Clusters();
  const t0 = performance.now();
  let reported = t0;
  for (let i = 0; i < articles; i++) {
    const s = stream.next();
    const id = (await storeArticle(store, toArticle(s, i))).id;
    const { doc, entities } = faker.doc(id, s);
    await store.saveAnalysis(doc, entities, 1);
    clusters.add(id, s);
    if (performance.now() - reported > 30_000) {
      process.stderr.write(`bench serve: filled ${i + 1}/${articles} articles\n`);
      reported = performance.now();
    }
  }
  await store.transaction((tx) => tx.syncStories(clusters.snapshot()));
  await store.close();
}

const PAGES_SCOPE = 'story-views';

/**
 * Stores every story's page as a run of `dossier analyze` does for the stories it changes (here all
 * of them; pages a kept store holds may be stamped by other code); the time per page is what a run
 * pays per changed story.
 */
async function storePages(store: SqliteStore): Promise<BenchRow[]> {
  let n = 0;
  const ms = await cpuMsAsync(async () => (n = await storeStoryPages(store, null)));
  // Build times of topic pages on their own (the larger ones), for their spread.
  const times: number[] = [];
  for (const t of (await store.listStories('topic')).slice(0, 200)) times.push(await cpuMsAsync(() => buildStoryPage(store, t.id)));
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
  return [
    { metric: `pages stored for ${n} stories (topics and events): CPU s; CPU ms per page (not part of the load figures)`, ours: `${Math.round(ms / 1000)}; ${(ms / Math.max(1, n)).toFixed(1)}` },
    { metric: `topic page build in process, CPU ms p50 / p95 (${times.length} topics)`, ours: `${at(0.5)} / ${at(0.95)}` },
  ];
}

/**
 * A write from another connection moves the store's version, and the server drops what it cached:
 * the next load reads stored pages, not the answers of the load before.
 */
async function forgetCache(db: string): Promise<void> {
  const writer = openStore(db);
  await writer.putStateParts('bench-serve', [{ key: 'tick', value: new TextEncoder().encode(String(Date.now())) }]);
  await writer.close();
}

/** `dossier serve` in a child process, so that the load tool and the server do not share one event loop. */
async function serveChild(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'dossier.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const lines = createInterface({ input: child.stderr! });
  for await (const line of lines) {
    const url = /serving .* at (http:\/\/\S+)/.exec(line)?.[1];
    if (url) return { url, child };
  }
  throw new Error('dossier serve exited before listening');
}

interface Load {
  name: string;
  paths: string[];
  target?: string;
}

async function measure(url: string, load: Load, seconds: number, connections: number, serverPid?: number): Promise<BenchRow[]> {
  const autocannon = (await import('autocannon')).default;
  let i = 0;
  const cpuBefore = serverPid === undefined ? null : processCpuMs(serverPid);
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: load.paths[i++ % load.paths.length]! }) }],
  });
  const errors = result.errors + result.non2xx;
  const cpuAfter = serverPid === undefined ? null : processCpuMs(serverPid);
  // What the server itself spent per answer: on a shared machine, latency also counts the waits for a core.
  const cpu = cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? [{ metric: `${load.name}: server CPU ms per request`, ours: ((cpuAfter - cpuBefore) / result.requests.total).toFixed(2) }] : [];
  return [
    ...cpu,
    { metric: `${load.name}: ms p50`, ours: result.latency.p50 },
    { metric: `${load.name}: ms p90`, ours: result.latency.p90 },
    { metric: `${load.name}: ms p97.5 (autocannon gives no p95; p97.5 bounds it)`, ours: result.latency.p97_5, ...(load.target ? { target: load.target } : {}) },
    { metric: `${load.name}: requests/s (${connections} connections), errors`, ours: `${Math.round(result.requests.average)}, ${errors}` },
  ];
}

export async function runServeBench(o: { articles: number; db: string | null; seconds: number; connections: number; keep: boolean }): Promise<BenchReport> {
  const dir = o.db ? null : mkdtempSync(join(tmpdir(), 'dossier-bench-serve-'));
  const db = o.db ?? join(dir!, 'serve.db');
  const rows: BenchRow[] = [];
  if (!o.db || !existsSync(o.db)) {
    const t0 = performance.now();
    await fill(db, o.articles);
    rows.push({ metric: 'fill seconds (not part of the figures below)', ours: Math.round((performance.now() - t0) / 1000) });
  }
  const store = openStore(db);
  rows.push(...(await storePages(store)));
  // The requests: many different stories, so that most story pages are read from the store, not the server's cache.
  const total = await store.countArticles();
  const topics = await store.listStories('topic');
  const rand = mulberry32(3);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const storyPaths: string[] = [];
  for (let k = 0; k < 4000; k++) {
    const t = pick(topics);
    // A story page asks for its view, then for the articles a reader opens from it.
    storyPaths.push(`/api/stories/${t.id}`, `/api/articles/${pick(t.articleIds)}`, `/api/network?story=${t.id}`);
  }
  // The same calls on 20 stories only: after the first pass every view comes from the cache.
  const warmPaths = storyPaths.slice(0, 60);
  const outlets = [...new Set((await store.listArticles({ limit: 200 })).map((a) => a.outlet).filter((x): x is string => !!x))];
  await store.close();
  const listPaths = Array.from({ length: 2000 }, (_, k) =>
    k % 4 === 0 ? '/api/stories?limit=50' : k % 4 === 1 ? `/api/stories?limit=50&outlet=${encodeURIComponent(pick(outlets))}` : k % 4 === 2 ? `/api/stories?limit=50&minArticles=${1 + (k % 20)}` : `/api/stories?limit=50&cursor=${Buffer.from(`o:${50 * (k % 40)}`).toString('base64url')}`,
  );

  const { url, child } = await serveChild(db);
  try {
    // First request of the list builds it for this store version: timed on its own.
    const t0 = performance.now();
    await fetch(`${url}/api/stories?limit=50`);
    rows.push({ metric: 'story list, first request after start (builds the list) ms', ours: Math.round(performance.now() - t0) });
    const pid = child.pid;
    const viewPaths = storyPaths.filter((p) => p.startsWith('/api/stories/'));
    await forgetCache(db);
    rows.push(...(await measure(url, { name: "story page's own call (/api/stories/{id}), pages stored", paths: viewPaths, target: '≤ 50 ms p95' }, o.seconds, o.connections, pid)));
    await forgetCache(db);
    rows.push(...(await measure(url, { name: 'story page, pages stored (view, an article, network)', paths: storyPaths, target: '≤ 50 ms p95' }, o.seconds, o.connections, pid)));
    rows.push(...(await measure(url, { name: 'story page, views cached (20 stories again and again)', paths: warmPaths, target: '≤ 50 ms p95' }, o.seconds, o.connections, pid)));
    rows.push(...(await measure(url, { name: 'story list (pages, outlet and size filters)', paths: listPaths, target: '≤ 100 ms p95' }, o.seconds, o.connections, pid)));
    // A store whose pages are not stored (written by an older version, or by a run that did not
    // store them): every view is built on the request.
    const writer = openStore(db);
    const pages = await writer.getStateParts(PAGES_SCOPE);
    await writer.putStateParts(PAGES_SCOPE, [], { replace: true });
    try {
      rows.push(...(await measure(url, { name: 'story page, no pages stored (views built on request)', paths: storyPaths, target: '≤ 50 ms p95' }, o.seconds, o.connections, pid)));
    } finally {
      // Put back, so that a kept store serves the next run as it served this one.
      await writer.putStateParts(PAGES_SCOPE, pages);
      await writer.close();
    }
  } finally {
    child.kill('SIGTERM');
    if (dir && !o.keep) rmSync(dir, { recursive: true, force: true });
    else process.stderr.write(`store kept at ${db}\n`);
  }
  return {
    name: 'serve',
    items: `${total} synthetic articles, ${topics.length} topics`,
    rows,
    notes: [
      `autocannon, ${o.seconds} s per load, ${o.connections} connections, against dossier serve on 127.0.0.1 in its own process`,
      'pages are stored as a run stores them; the server also caches what it read per store version, so 4,000 random topics keep most requests off that cache',
    ],
  };
}

export const runner: BenchRunner = {
  description: 'the HTTP API under load: story page and story list answer times (--articles N, --db FILE, --seconds N, --connections N, --keep)',
  async run(opts) {
    const at = opts.args.indexOf('--db');
    return runServeBench({
      articles: numberArg(opts.args, '--articles') ?? opts.limit ?? 100_000,
      db: at >= 0 ? (opts.args[at + 1] ?? null) : null,
      seconds: numberArg(opts.args, '--seconds') ?? 10,
      connections: numberArg(opts.args, '--connections') ?? 4,
      keep: opts.args.includes('--keep'),
    });
  },
};

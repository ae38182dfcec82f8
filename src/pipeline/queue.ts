// Work shared by any number of workers on any number of machines, through a durable queue held in
// the PostgreSQL store's own database. The queue is pg-boss: it claims jobs with SELECT … FOR
// UPDATE SKIP LOCKED, retries a job whose worker died once the job's time runs out, and runs on
// node-postgres, the store's driver. (graphile-worker does the same; pg-boss was chosen for its
// queue policies: the story lane below is one of them, and it needs no separate migration tool.)
//
// Three lanes:
//   ingest   one input (file, folder, URL, feed): read and stored, each article in its own
//            transaction; the new articles' analyses are enqueued.
//   analyse  one article: its layers computed in parallel with other workers, then merged into the
//            entity registry and written under the 'entities' advisory lock, in one transaction.
//   stories  the story update, 'stately' (one running, at most one waiting: requests coalesce) and
//            under the 'stories' advisory lock, placing only articles already analysed, so the
//            clusterer moves one batch at a time as in one process.
// A worker killed mid-job commits nothing of that job: its transaction rolls back, the job expires
// and another worker runs it again; every step is idempotent (duplicates are recognised, an
// analysis replaces the article's rows, placed articles are not placed twice).
import PgBoss from 'pg-boss';
import type { Store } from '../store/store.js';
import type { IngestOptions } from '../ingest/ingest.js';
import { ingestInto } from './ingest.js';
import { analyseStored, ANALYSIS_VERSION, loadRegistry, saveAnalysed } from './analyse-store.js';
import { placeNewArticles } from './stories.js';
import type { Analyzer } from './analyse.js';
import { quiet, type PipelineListener } from './events.js';

export const LANES = { ingest: 'dossier-ingest', analyse: 'dossier-analyse', stories: 'dossier-stories' } as const;

export interface QueueOptions {
  /** Seconds a job may run before it counts as abandoned (its worker died) and is retried. */
  expireSeconds?: number;
  /** Times a failed or abandoned job is tried again. */
  retryLimit?: number;
}

/** The job queue in the store's database (pg-boss makes its own schema, `pgboss`, on first use). */
export async function openQueue(url: string, o: QueueOptions = {}): Promise<PgBoss> {
  const expire = o.expireSeconds ?? 15 * 60;
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    // Abandoned jobs are found by the maintenance pass: as often as a job may run, at most a minute apart.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, expire)),
  });
  boss.on('error', () => undefined);
  await boss.start();
  const common = { expireInSeconds: expire, retryLimit: o.retryLimit ?? 5, retryDelay: 1, retryBackoff: true };
  await boss.createQueue(LANES.ingest, { name: LANES.ingest, ...common });
  await boss.createQueue(LANES.analyse, { name: LANES.analyse, ...common });
  await boss.createQueue(LANES.stories, { name: LANES.stories, policy: 'stately', ...common });
  return boss;
}

export interface IngestJob {
  input: string;
  options: IngestOptions;
}

/**
 * Enqueues one ingest job per input (a file, a folder, a URL, a feed); any worker takes them.
 * This is what `dossier ingest --enqueue` calls, and what a feed watcher calls for what it found
 * new. Returns the job ids.
 */
export async function enqueueInputs(queue: PgBoss, inputs: string[], options: IngestOptions = {}): Promise<string[]> {
  const ids: string[] = [];
  for (const input of inputs) {
    const id = await queue.send(LANES.ingest, { input, options } satisfies IngestJob);
    if (id) ids.push(id);
  }
  return ids;
}

/** Enqueues the analysis of every article waiting for it, then a story update (`dossier analyze --enqueue`). */
export async function enqueuePending(queue: PgBoss, store: Store, force = false): Promise<number> {
  const ids = await store.articlesToAnalyse(ANALYSIS_VERSION, force);
  for (const id of ids) await queue.send(LANES.analyse, { articleId: id, force });
  await queue.send(LANES.stories, {});
  return ids.length;
}

export interface WorkerOptions {
  analyzer: () => Analyzer;
  /** Jobs of each lane this worker runs at once (the story lane runs one at a time everywhere). */
  concurrency?: number;
  onEvent?: PipelineListener;
}

/** Takes jobs from every lane until `queue.stop()`. */
export async function work(queue: PgBoss, store: Store, o: WorkerOptions): Promise<void> {
  const onEvent = o.onEvent ?? quiet;
  const each = async <T>(lane: string, run: (data: T) => Promise<void>) => {
    for (let i = 0; i < (lane === LANES.stories ? 1 : (o.concurrency ?? 1)); i++) {
      let id = '';
      id = await queue.work<T>(lane, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) await run(job.data);
        // pg-boss waits a polling interval after every job; with work in hand, fetch the next at once.
        if (job) queue.notifyWorker(id);
      });
    }
  };
  await each<IngestJob>(LANES.ingest, async ({ input, options }) => {
    const s = await ingestInto(store, [input], options, onEvent);
    for (const id of s.articleIds) await queue.send(LANES.analyse, { articleId: id, force: false });
  });
  await each<{ articleId: number; force: boolean }>(LANES.analyse, async ({ articleId, force }) => {
    if (!force && !(await store.articlesToAnalyse(ANALYSIS_VERSION)).includes(articleId)) return;
    // The costly part, in parallel with other workers; only the merge into the registry waits.
    const analysed = await analyseStored(store, o.analyzer(), articleId);
    if (!analysed) return;
    await store.serialised('entities', async (tx) => saveAnalysed(tx, await loadRegistry(tx), analysed));
    onEvent({ kind: 'progress', stage: 'analyse', done: 1, total: 1, item: String(articleId) });
    await queue.send(LANES.stories, {});
  });
  await each<Record<string, never>>(LANES.stories, async () => {
    const update = await placeNewArticles(store, [], onEvent, { analysedAt: ANALYSIS_VERSION });
    onEvent({ kind: 'progress', stage: 'stories', done: update.placed.length, total: update.placed.length, item: 'stories' });
  });
}

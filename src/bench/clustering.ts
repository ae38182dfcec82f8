// Story clustering on ECB+ dev: articles fed one at a time in file order (the given arrival
// order), scored against the gold topic and event partitions with pairwise and BCubed P/R/F1.
// `--sweep` adds the threshold curves the defaults were chosen from; `--speed` runs the
// synthetic throughput benchmark instead (100,000 articles preloaded, then 1,000 timed).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/sqlite/sqlite-store.js';
import { loadClusterer, saveClusterer } from '../pipeline/stories.js';
import { benchDir } from '../paths.js';
import { StoryClusterer, type StoryClustererJSON } from '../stories/cluster/clusterer.js';
import { scorePartition, type PartitionScores } from '../stories/cluster/evaluate.js';
import type { ClustererOptions } from '../stories/cluster/types.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';
import { DEFAULT_SYNTHETIC, SyntheticStream } from './synthetic.js';
import { numberArg } from './args.js';
import { cpuMs, cpuMsAsync, median } from './cpu-time.js';

export interface EcbArticle {
  id: string;
  topic: number;
  event: string;
  text: string;
}

export function loadEcbDev(limit?: number): EcbArticle[] {
  const lines = readFileSync(join(benchDir('clustering'), 'ecbplus-dev.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  return (limit ? lines.slice(0, limit) : lines).map((l) => JSON.parse(l) as EcbArticle);
}

export interface EcbScores {
  topic: PartitionScores;
  event: PartitionScores;
  topics: number;
  events: number;
}

/** Cluster the articles in the order given and score both partitions. */
export function clusterAndScore(articles: readonly EcbArticle[], opts: Partial<ClustererOptions> = {}): EcbScores {
  const clusterer = new StoryClusterer(opts);
  for (const a of articles) clusterer.add({ id: a.id, text: a.text });
  const sysTopic = new Map<string, string>();
  const sysEvent = new Map<string, string>();
  let events = 0;
  const topics = clusterer.topics();
  for (const t of topics) {
    for (const e of t.events) {
      events++;
      for (const d of e.docIds) {
        sysTopic.set(d, t.id);
        sysEvent.set(d, e.id);
      }
    }
  }
  const goldTopic = new Map(articles.map((a) => [a.id, String(a.topic)]));
  const goldEvent = new Map(articles.map((a) => [a.id, a.event]));
  return { topic: scorePartition(sysTopic, goldTopic), event: scorePartition(sysEvent, goldEvent), topics: topics.length, events };
}

const pct = (x: number): string => (x * 100).toFixed(1);

function partitionRows(level: 'topic' | 'event', s: PartitionScores): BenchRow[] {
  const target = level === 'topic' ? '>= 97 (BCubed F1)' : '>= 90 (BCubed F1)';
  const anchor = level === 'topic' ? 'single-pass TF-IDF baseline, all 982 docs: pairwise F1 ~80' : 'single-pass TF-IDF baseline, all 982 docs: pairwise 82.35, BCubed 86.45';
  return [
    { metric: `${level} pairwise P`, ours: pct(s.pairwise.precision) },
    { metric: `${level} pairwise R`, ours: pct(s.pairwise.recall) },
    { metric: `${level} pairwise F1`, ours: pct(s.pairwise.f1), published: anchor + (level === 'event' ? '; Priberam stream clusterer 94 (own set)' : '') },
    { metric: `${level} BCubed P`, ours: pct(s.bcubed.precision) },
    { metric: `${level} BCubed R`, ours: pct(s.bcubed.recall) },
    { metric: `${level} BCubed F1`, ours: pct(s.bcubed.f1), target, published: level === 'event' ? 'single-pass TF-IDF baseline 86.45' : undefined },
  ];
}

/** One-parameter sweeps around the defaults: the curves the thresholds were chosen from. */
export const SWEEPS: Record<string, number[]> = {
  eventThreshold: [0.2, 0.24, 0.26, 0.28, 0.3, 0.32, 0.35, 0.4],
  topicThreshold: [0.08, 0.1, 0.11, 0.12, 0.13, 0.15, 0.2, 0.25],
  nearEventShare: [0, 0.5, 0.7, 0.9],
  topicMergeThreshold: [0.2, 0.25, 0.3, 0.35, 0.4, 0.5],
  eventMergeThreshold: [0.3, 0.4, 0.5, 0.6, 0.7],
  factWeight: [0, 0.1, 0.25, 0.4],
  phraseWeight: [0.2, 0.3, 0.4, 0.5, 0.6],
  topicPhraseWeight: [0, 0.1, 0.2, 0.3, 0.4],
  timePenalty: [0, 0.05, 0.1, 0.2],
  vectorTerms: [80, 120, 150, 200, 300],
  maxCandidates: [6, 8, 12],
  queryKeys: [12, 16, 24],
};

function sweepNotes(articles: readonly EcbArticle[]): string[] {
  const notes: string[] = [];
  for (const [name, values] of Object.entries(SWEEPS)) {
    const points = values.map((v) => {
      const s = clusterAndScore(articles, { [name]: v });
      return `${v}: topic ${pct(s.topic.bcubed.f1)} / event ${pct(s.event.bcubed.f1)}`;
    });
    notes.push(`sweep ${name} (BCubed F1) -> ${points.join('; ')}`);
  }
  return notes;
}

async function runEcb(limit: number | undefined, sweep: boolean): Promise<BenchReport> {
  const articles = loadEcbDev(limit);
  const started = performance.now();
  const s = clusterAndScore(articles);
  const seconds = (performance.now() - started) / 1000;
  const rows = [...partitionRows('topic', s.topic), ...partitionRows('event', s.event)];
  rows.push({ metric: 'topics / events found (gold 21 / 42 on the full split)', ours: `${s.topics} / ${s.events}` });
  rows.push({ metric: 'articles per second (ECB+, with feature extraction)', ours: Math.round(articles.length / seconds) });
  return {
    name: 'clustering',
    items: `${articles.length} ECB+ dev articles, file order`,
    rows,
    notes: sweep ? sweepNotes(articles) : ['run with --sweep for the threshold curves'],
  };
}

function mb(bytes: number): number {
  return Math.round(bytes / 1e6);
}


/**
 * The state in a real SQLite store as `dossier` keeps it: saved whole once, loaded back, then
 * `batches` batches of `batchSize` more articles, each saving only the parts it changed.
 */
async function statePartsRows(clusterer: StoryClusterer, stream: SyntheticStream, batches: number, batchSize: number): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-clusterer-state-'));
  const store = openStore(join(dir, 'state.db'));
  try {
    const bytesOf = (c: { parts: { value: Uint8Array }[] }) => c.parts.reduce((n, p) => n + p.value.byteLength, 0);
    let wholeBytes = 0;
    const wholeMs = await cpuMsAsync(() => store.transaction((tx) => saveClusterer(tx, clusterer)));
    for (const p of await store.getStateParts('clusterer')) wholeBytes += p.value.byteLength;
    let loaded = clusterer;
    const loadMs = await cpuMsAsync(async () => (loaded = await loadClusterer(store)));
    const listMs = cpuMs(() => loaded.topics());
    const saveMs: number[] = [];
    const saveKb: number[] = [];
    const saveParts: number[] = [];
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < batchSize; i++) {
        const a = stream.next();
        loaded.add({ id: a.id, text: a.text, published: a.published });
      }
      // What updateStories does: the changed parts, written in one transaction.
      saveMs.push(
        await cpuMsAsync(() =>
          store.transaction(async (tx) => {
            const changes = loaded.takeStateChanges();
            saveKb.push(bytesOf(changes) / 1000);
            saveParts.push(changes.parts.length);
            await tx.putStateParts('clusterer', changes.parts, { removed: changes.removed });
          }),
        ),
      );
    }
    // A run adding a few articles, as `dossier analyze` on a folder of five new files does: the
    // state loaded (clusters decoded only when read), five articles placed, the clusters they
    // changed listed for the story tables, the changed parts saved.
    const smallRuns: number[] = [];
    for (let r = 0; r < 3; r++) {
      smallRuns.push(
        await cpuMsAsync(async () => {
          const c = await loadClusterer(store);
          const changed = new Set<string>();
          for (let i = 0; i < 5; i++) {
            const a = stream.next();
            for (const id of c.add({ id: a.id, text: a.text, published: a.published }).changed) changed.add(id);
          }
          c.clustersNamed(changed);
          await store.transaction((tx) => saveClusterer(tx, c));
        }),
      );
    }
    return [
      { metric: 'state in parts, MB (whole, in the store)', ours: (wholeBytes / 1e6).toFixed(1) },
      { metric: 'state in parts: first save, whole (CPU ms)', ours: Math.round(wholeMs) },
      { metric: 'state in parts: load from the store (CPU ms)', ours: Math.round(loadMs) },
      { metric: 'cluster listing after load (topics(), CPU ms)', ours: Math.round(listMs) },
      { metric: `state in parts: save after a batch of ${batchSize} (CPU ms, median of ${batches})`, ours: saveMs.length ? median(saveMs).toFixed(1) : '-' },
      { metric: `state in parts: KB written per batch of ${batchSize} (median)`, ours: Math.round(median(saveKb)) },
      { metric: `state in parts: parts written per batch of ${batchSize} (median)`, ours: median(saveParts) },
      { metric: 'a run adding 5 articles: load, place, list changed clusters, save (CPU ms, median of 3)', ours: Math.round(median(smallRuns)) },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Throughput with a large store: preload synthetic articles, then time 1,000 more. */
export async function runSpeed(preload: number, timed: number, batches = 5, batchSize = 100): Promise<BenchReport> {
  const stream = new SyntheticStream(DEFAULT_SYNTHETIC);
  const clusterer = new StoryClusterer();
  const t0 = performance.now();
  for (let i = 0; i < preload; i++) {
    const a = stream.next();
    clusterer.add({ id: a.id, text: a.text, published: a.published });
  }
  const preloadSeconds = (performance.now() - t0) / 1000;
  const preloadCpu = process.cpuUsage();
  const batch = Array.from({ length: timed }, () => stream.next());
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  for (const a of batch) clusterer.add({ id: a.id, text: a.text, published: a.published });
  const timedSeconds = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu1);
  // CPU time as well as wall time: on a shared machine the wall clock also counts other work.
  const timedCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mem = process.memoryUsage();
  // What every `dossier` run pays at this size besides clustering: the state saved and read back, and the cluster listing.
  let topics: ReturnType<StoryClusterer['topics']> = [];
  const listMs = cpuMs(() => (topics = clusterer.topics()));
  let state = '';
  const saveMs = cpuMs(() => (state = JSON.stringify(clusterer.toJSON())));
  const loadMs = cpuMs(() => StoryClusterer.fromJSON(JSON.parse(state) as StoryClustererJSON));
  return {
    name: 'clustering --speed',
    items: `${preload} synthetic articles preloaded, ${timed} timed (one core)`,
    rows: [
      { metric: `articles/s with ${preload} in store (wall clock)`, ours: Math.round(timed / timedSeconds), target: '>= 500' },
      { metric: `articles per CPU second with ${preload} in store`, ours: Math.round(timed / timedCpuSeconds), target: '>= 500' },
      { metric: 'preload seconds (wall clock)', ours: preloadSeconds.toFixed(1) },
      { metric: 'preload CPU seconds', ours: ((preloadCpu.user + preloadCpu.system) / 1e6).toFixed(1) },
      { metric: 'preload articles/s (wall clock)', ours: Math.round(preload / preloadSeconds) },
      { metric: 'RSS MB', ours: mb(mem.rss) },
      { metric: 'heap used MB', ours: mb(mem.heapUsed) },
      { metric: 'topics / events in store', ours: `${topics.length} / ${topics.reduce((n, t) => n + t.events.length, 0)}` },
      { metric: 'clusterer state saved, MB of JSON', ours: mb(state.length) },
      // The whole state as one JSON value: the format saved until 2026-12-01, kept for comparison.
      { metric: 'JSON state: save CPU ms (toJSON + stringify, no store write)', ours: Math.round(saveMs) },
      { metric: 'JSON state: load CPU ms (parse + fromJSON, no store read)', ours: Math.round(loadMs) },
      { metric: 'cluster listing CPU ms (topics())', ours: Math.round(listMs) },
      ...(await statePartsRows(clusterer, stream, batches, batchSize)),
    ],
    notes: [`synthetic stream: ${JSON.stringify(DEFAULT_SYNTHETIC)} (src/bench/synthetic.ts)`],
  };
}

export const runner: BenchRunner = {
  description: 'story clustering on ECB+ dev (topics and events); --sweep for threshold curves, --speed [--preload N] for throughput',
  async run(opts) {
    if (opts.args.includes('--speed')) return runSpeed(numberArg(opts.args, '--preload') ?? 100_000, numberArg(opts.args, '--timed') ?? 1000);
    return runEcb(opts.limit, opts.args.includes('--sweep'));
  },
};

// Story clustering on ECB+ dev as the product does it: each article goes through ingest (a JSON
// lines dump), the language and event layers and the store's story pipeline, so the clusterer sees
// what `dossier analyze` gives it (titles, entity keys, resolved dates), not the bare text that
// `bench clustering` feeds it. The five seed articles are ingested with the pages (a mixed pile):
// they must come out as one topic of their own with the annotated events. Scored in the file order
// (one real `updateStories` run) and in seeded shuffled arrival orders, since an online clusterer's
// result depends on the order and one order can be lucky.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ingestor } from '../ingest/ingest.js';
import { openStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { analysePending } from '../pipeline/analyse-store.js';
import { defaultAnalyzer } from '../pipeline/components.js';
import { clusterDocOf, updateStories } from '../pipeline/stories.js';
import { StoryClusterer } from '../stories/cluster/clusterer.js';
import type { ClusterDoc } from '../stories/cluster/types.js';
import { scorePartition, type PartitionScores } from '../stories/cluster/evaluate.js';
import { seedsDir } from '../paths.js';
import { loadEcbDev, type EcbArticle } from './clustering.js';
import { numberArg } from './args.js';
import { mulberry32 } from './synthetic.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';
import { storeArticle } from '../pipeline/store-article.js';

const pct = (x: number): string => (x * 100).toFixed(1);

function rows(level: 'topic' | 'event', s: PartitionScores): BenchRow[] {
  return [
    { metric: `${level} pairwise F1`, ours: pct(s.pairwise.f1) },
    { metric: `${level} BCubed P`, ours: pct(s.bcubed.precision) },
    { metric: `${level} BCubed R`, ours: pct(s.bcubed.recall) },
    { metric: `${level} BCubed F1`, ours: pct(s.bcubed.f1), target: level === 'event' ? '>= 91 (mean of orders)' : undefined },
  ];
}

/** The seeds' annotation: article ids (file names without extension) of the topic and its events. */
export interface SeedGold {
  topic: string[];
  events: string[][];
}

export function loadSeedGold(): SeedGold {
  const g = JSON.parse(readFileSync(join(seedsDir(), '..', 'seeds.gold.json'), 'utf8')) as { stories: { topic: { articles: string[] }; events: { articles: string[] }[] } };
  return { topic: g.stories.topic.articles, events: g.stories.events.map((e) => e.articles) };
}

/** A system partition: article -> topic and article -> event. */
export interface Partition {
  topic: Map<string, string>;
  event: Map<string, string>;
}

/**
 * Whether the seeds form exactly the annotated structure in a partition: one topic holding the
 * seeds and nothing else, split into the annotated events. Returns what is wrong, or null.
 */
export function seedStructureError(p: Partition, seeds: Map<string, string>, gold: SeedGold): string | null {
  const topics = new Set(gold.topic.map((s) => p.topic.get(seeds.get(s) ?? '')));
  if (topics.size !== 1) return `the seeds are in ${topics.size} topics`;
  const [topic] = topics;
  const seedIds = new Set(seeds.values());
  const others = [...p.topic].filter(([id, t]) => t === topic && !seedIds.has(id)).length;
  if (others > 0) return `${others} other articles in the seeds' topic`;
  const events = new Map<string, string[]>();
  for (const s of gold.topic) {
    const e = p.event.get(seeds.get(s) ?? '') ?? `none-${s}`;
    events.set(e, [...(events.get(e) ?? []), s]);
  }
  const key = (groups: string[][]) => groups.map((g) => [...g].sort().join('+')).sort().join(' | ');
  const found = key([...events.values()]);
  return found === key(gold.events) ? null : `events ${found}`;
}

/** A seeded shuffle of the arrival order (mulberry32), as `bench clustering-orders` uses. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const next = mulberry32(seed);
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * The order the story pipeline places one batch in, had the articles arrived in `arrival` order:
 * `articleIdsByDate` sorts by publication date, the undated after (their ingest time is later than
 * any publication), ties by arrival.
 */
export function pipelineOrder(arrival: readonly ClusterDoc[]): ClusterDoc[] {
  const key = (d: ClusterDoc) => d.published ?? '\uffff';
  return arrival
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (key(a.d) < key(b.d) ? -1 : key(a.d) > key(b.d) ? 1 : a.i - b.i))
    .map((x) => x.d);
}

function partitionOf(c: StoryClusterer): Partition {
  const p: Partition = { topic: new Map(), event: new Map() };
  for (const t of c.topics()) {
    for (const e of t.events) {
      for (const id of e.docIds) {
        p.topic.set(id, t.id);
        p.event.set(id, e.id);
      }
    }
  }
  return p;
}

async function storedPartition(store: Store): Promise<Partition> {
  const p: Partition = { topic: new Map(), event: new Map() };
  for (const s of await store.listStories()) for (const id of s.articleIds) (s.level === 'topic' ? p.topic : p.event).set(String(id), s.key);
  return p;
}

/** Scores of a partition restricted to the ECB+ articles (stored id -> ECB+ article). */
function scoreEcb(p: Partition, stored: Map<string, EcbArticle>): { topic: PartitionScores; event: PartitionScores } {
  const sys = (m: Map<string, string>) => new Map([...stored.keys()].map((id) => [id, m.get(id) ?? `none-${id}`]));
  const gold = (f: (a: EcbArticle) => string) => new Map([...stored].map(([id, a]) => [id, f(a)]));
  return { topic: scorePartition(sys(p.topic), gold((a) => String(a.topic))), event: scorePartition(sys(p.event), gold((a) => a.event)) };
}

const stats = (x: number[]) => ({ mean: x.reduce((a, b) => a + b, 0) / x.length, min: Math.min(...x), max: Math.max(...x) });
const spread = (x: number[]) => {
  const s = stats(x);
  return `${s.mean.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
};

export const runner: BenchRunner = {
  description: 'story clustering on ECB+ dev plus the seeds through the whole pipeline (ingest, analysis, stories), file order and shuffled orders',
  async run(opts): Promise<BenchReport> {
    const orders = numberArg(opts.args, '--orders') ?? 8;
    const articles = loadEcbDev(opts.limit);
    const gold = loadSeedGold();
    const dir = mkdtempSync(join(tmpdir(), 'dossier-ecb-'));
    try {
      const dump = join(dir, 'ecbplus-dev.jsonl');
      writeFileSync(dump, articles.map((a) => JSON.stringify({ id: a.id, text: a.text })).join('\n'));
      const seedFiles = readdirSync(seedsDir()).filter((f) => f.endsWith('.txt')).sort();
      const store = openStore(join(dir, 'ecb.db'));
      const started = performance.now();
      const byId = new Map(articles.map((a) => [a.id, a]));
      // Stored id -> ECB+ article (two dev texts are word for word the same: they share one article),
      // and seed name -> stored id.
      const ecb = new Map<string, EcbArticle>();
      const seeds = new Map<string, string>();
      for await (const ev of new Ingestor().run([dump, ...seedFiles.map((f) => join(seedsDir(), f))])) {
        if (ev.kind !== 'article') continue;
        const id = String((await storeArticle(store, ev.article)).id);
        const a = byId.get(ev.article.externalId ?? '');
        if (a) ecb.set(id, a);
        else {
          const seed = gold.topic.find((s) => ev.item.includes(s));
          if (seed) seeds.set(seed, id);
        }
      }
      await analysePending(store, defaultAnalyzer());
      await updateStories(store);
      const seconds = (performance.now() - started) / 1000;
      const filed = await storedPartition(store);
      const fileScores = scoreEcb(filed, ecb);
      const seedErrors: string[] = [];
      const fileSeeds = seedStructureError(filed, seeds, gold);
      if (fileSeeds) seedErrors.push(`file order: ${fileSeeds}`);
      // Shuffled arrivals: the pipeline's own inputs, placed as one batch would place them.
      const docs = [];
      for (const id of await store.articleIdsByDate()) docs.push(await clusterDocOf(store, id));
      await store.close();
      const topicF1: number[] = [];
      const eventF1: number[] = [];
      let seedsRight = 0;
      for (let k = 1; k <= orders; k++) {
        const c = new StoryClusterer();
        for (const d of pipelineOrder(shuffled(docs, k))) c.add(d);
        const p = partitionOf(c);
        const s = scoreEcb(p, ecb);
        topicF1.push(s.topic.bcubed.f1 * 100);
        eventF1.push(s.event.bcubed.f1 * 100);
        const err = seedStructureError(p, seeds, gold);
        if (err) seedErrors.push(`order ${k}: ${err}`);
        else seedsRight++;
      }
      return {
        name: 'clustering-pipeline',
        items: `${articles.length} ECB+ dev articles as a JSON lines dump (${ecb.size} stored after duplicates) and the ${seeds.size} seed articles; file order and ${orders} shuffled arrival orders (mulberry32 seeds 1..${orders})`,
        rows: [
          { metric: `event BCubed F1, mean of ${orders} shuffled orders (min–max)`, ours: spread(eventF1), target: '>= 91' },
          { metric: `topic BCubed F1, mean of ${orders} shuffled orders (min–max)`, ours: spread(topicF1) },
          { metric: `seeds as annotated among the pages (one topic of exactly the five, events 000+001 | 002+003 | 004), orders`, ours: `${seedsRight} / ${orders}`, target: `${orders} / ${orders}` },
          ...rows('topic', fileScores.topic).map((r) => ({ ...r, metric: `file order: ${r.metric}` })),
          ...rows('event', fileScores.event).map((r) => ({ ...r, metric: `file order: ${r.metric}`, target: undefined })),
          { metric: 'file order: seeds as annotated', ours: fileSeeds ? 'no' : 'yes' },
          { metric: 'file order: topics / events found', ours: `${new Set(filed.topic.values()).size} / ${new Set(filed.event.values()).size}` },
          { metric: 'articles per second (ingest + analysis + stories, file order)', ours: Math.round((articles.length + seeds.size) / seconds) },
        ],
        notes: [
          '`bench clustering` feeds the clusterer the bare text; this one goes through `dossier analyze`\'s steps, as users see it',
          'shuffled orders: the stored pipeline inputs (clusterDocOf) placed in the order one batch of that arrival order is placed (dated by date, then undated, ties by arrival); ECB+ scores count the ECB+ articles only',
          ...seedErrors.map((e) => `seeds: ${e}`),
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

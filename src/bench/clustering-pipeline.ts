// Story clustering on ECB+ dev as the product does it: each article goes through ingest (a JSON
// lines dump), the language and event layers and the store's story pipeline, so the clusterer sees
// what `dossier analyze` gives it (titles, entity keys, resolved dates), not the bare text that
// `bench clustering` feeds it. Scored with the same partition measures.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ingestor } from '../ingest/ingest.js';
import { openStore } from '../store/sqlite/sqlite-store.js';
import { analysePending } from '../pipeline/analyse-store.js';
import { defaultAnalyzer } from '../pipeline/components.js';
import { updateStories } from '../pipeline/stories.js';
import { scorePartition, type PartitionScores } from '../stories/cluster/evaluate.js';
import { loadEcbDev } from './clustering.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';
import { storeArticle } from '../pipeline/store-article.js';

const pct = (x: number): string => (x * 100).toFixed(1);

function rows(level: 'topic' | 'event', s: PartitionScores): BenchRow[] {
  return [
    { metric: `${level} pairwise F1`, ours: pct(s.pairwise.f1) },
    { metric: `${level} BCubed P`, ours: pct(s.bcubed.precision) },
    { metric: `${level} BCubed R`, ours: pct(s.bcubed.recall) },
    { metric: `${level} BCubed F1`, ours: pct(s.bcubed.f1), target: level === 'topic' ? '>= 97' : '>= 90' },
  ];
}

export const runner: BenchRunner = {
  description: 'story clustering on ECB+ dev through the whole pipeline (ingest, analysis, stories)',
  async run(opts): Promise<BenchReport> {
    const articles = loadEcbDev(opts.limit);
    const dir = mkdtempSync(join(tmpdir(), 'dossier-ecb-'));
    try {
      const dump = join(dir, 'ecbplus-dev.jsonl');
      writeFileSync(dump, articles.map((a) => JSON.stringify({ id: a.id, text: a.text })).join('\n'));
      const store = openStore(join(dir, 'ecb.db'));
      const started = performance.now();
      // ECB+ id -> stored article (two dev texts are word for word the same: they share one article).
      const stored = new Map<string, number>();
      for await (const ev of new Ingestor().run([dump])) {
        if (ev.kind !== 'article') continue;
        const put = storeArticle(store, ev.article);
        if (ev.article.externalId) stored.set(ev.article.externalId, put.id);
      }
      analysePending(store, defaultAnalyzer());
      updateStories(store);
      const seconds = (performance.now() - started) / 1000;
      const topicOf = new Map<number, string>();
      const eventOf = new Map<number, string>();
      for (const s of store.listStories()) for (const id of s.articleIds) (s.level === 'topic' ? topicOf : eventOf).set(id, s.key);
      const sysTopic = new Map<string, string>();
      const sysEvent = new Map<string, string>();
      for (const [ecb, id] of stored) {
        sysTopic.set(ecb, topicOf.get(id) ?? `none-${id}`);
        sysEvent.set(ecb, eventOf.get(id) ?? `none-${id}`);
      }
      const gold = articles.filter((a) => stored.has(a.id));
      const topic = scorePartition(sysTopic, new Map(gold.map((a) => [a.id, String(a.topic)])));
      const event = scorePartition(sysEvent, new Map(gold.map((a) => [a.id, a.event])));
      const distinct = new Set(stored.values()).size;
      store.close();
      return {
        name: 'clustering-pipeline',
        items: `${articles.length} ECB+ dev articles as a JSON lines dump (${distinct} stored after duplicates), file order`,
        rows: [
          ...rows('topic', topic),
          ...rows('event', event),
          { metric: 'topics / events found', ours: `${new Set(topicOf.values()).size} / ${new Set(eventOf.values()).size}` },
          { metric: 'articles per second (ingest + analysis + stories)', ours: Math.round(articles.length / seconds) },
        ],
        notes: ['`bench clustering` feeds the clusterer the bare text; this one goes through `dossier analyze`\'s steps, as users see it'],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

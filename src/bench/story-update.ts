// What one more run costs as the store grows: a temporary store filled with N synthetic articles
// (src/bench/synthetic.ts) and clustered once, then runs that each add five articles and do what
// `dossier analyze` does after analysis: `placeNewArticles` (state load, placing, story sync,
// state save, derived fields) and the rewrite of the changed topics' reports. Timed in CPU ms at
// each size; a per-run cost that does not grow with N is the point. No language layers run
// (synthetic text), so this times the story side only.
// `--sizes 2000,20000` (default) or e.g. `--sizes 2000,20000,100000`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/sqlite/sqlite-store.js';
import { placeNewArticles } from '../pipeline/stories.js';
import { writeReportFolder } from '../views/report-folder.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';
import { DEFAULT_SYNTHETIC, SyntheticStream } from './synthetic.js';
import { toArticle } from './store-scale.js';
import { cpuMsAsync, median } from './cpu-time.js';
import { storeArticle } from '../pipeline/store-article.js';

const RUNS = 5;
const PER_RUN = 5;

interface SizeResult {
  size: number;
  fillSeconds: number;
  firstClusterSeconds: number;
  updateMs: number;
  reportsMs: number;
  reportsWritten: number;
  topics: number;
}

async function measure(size: number): Promise<SizeResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-story-update-'));
  const store = openStore(join(dir, 'grow.db'));
  try {
    const stream = new SyntheticStream(DEFAULT_SYNTHETIC);
    let i = 0;
    const fill = await cpuMsAsync(async () => {
      for (; i < size; i++) await storeArticle(store, toArticle(stream.next(), i));
    });
    const out = join(dir, 'report');
    const first = await cpuMsAsync(() => placeNewArticles(store));
    await writeReportFolder(store, out, null);
    const update: number[] = [];
    const reports: number[] = [];
    let written = 0;
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < PER_RUN; k++, i++) await storeArticle(store, toArticle(stream.next(), i));
      let placed: number[] = [];
      update.push(await cpuMsAsync(async () => void (placed = (await placeNewArticles(store)).placed)));
      reports.push(
        await cpuMsAsync(async () => {
          const changed = new Set((await store.listStories('topic', { articleIds: placed })).map((t) => t.id));
          written = await writeReportFolder(store, out, changed);
        }),
      );
    }
    return { size, fillSeconds: fill / 1000, firstClusterSeconds: first / 1000, updateMs: median(update), reportsMs: median(reports), reportsWritten: written, topics: (await store.listStories('topic')).length };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const runner: BenchRunner = {
  description: 'cost of one more run (five new articles) as the store grows: story update and report rewrite',
  async run(opts): Promise<BenchReport> {
    const at = opts.args.indexOf('--sizes');
    const sizes = (at >= 0 ? opts.args[at + 1]! : '2000,20000').split(',').map(Number).filter((n) => n > 0);
    const rows: BenchRow[] = [];
    for (const n of sizes) {
      const r = await measure(n);
      rows.push(
        { metric: `${n} articles: story update for a run of ${PER_RUN} new articles (CPU ms, median of ${RUNS})`, ours: Math.round(r.updateMs) },
        { metric: `${n} articles: reports rewritten for that run (CPU ms, median; ${r.reportsWritten} of ${r.topics} topics)`, ours: Math.round(r.reportsMs) },
        { metric: `${n} articles: fill (putArticle) and first clustering of all, CPU s`, ours: `${r.fillSeconds.toFixed(1)} / ${r.firstClusterSeconds.toFixed(1)}` },
      );
    }
    return {
      name: 'story-update',
      items: `synthetic stores of ${sizes.join(', ')} articles, ${RUNS} runs of ${PER_RUN} new articles each`,
      rows,
      notes: [
        'no language layers (synthetic text): entity keys, times and events are empty, so this times the story side of `dossier analyze` only',
        'synthetic stream: src/bench/synthetic.ts with DEFAULT_SYNTHETIC; store and reports in a temporary folder',
      ],
    };
  },
};

// Whole-pipeline speed: the seed articles, ingested once, analysed over and over (language and
// event layers), and the store pipeline (ingest, analyse, cluster) on the seeds, in articles/second.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedsDir } from '../paths.js';
import { Ingestor } from '../ingest/ingest.js';
import { defaultAnalyzer } from '../pipeline/components.js';
import type { ExtractedArticle } from '../doc/article.js';
import type { BenchReport, BenchRunner } from './report.js';
import { analyseSeeds } from './seeds-analysis.js';

export const runner: BenchRunner = {
  description: 'whole-pipeline speed on the seed articles repeated',
  async run(opts): Promise<BenchReport> {
    const passes = Number(opts.args[opts.args.indexOf('--passes') + 1] ?? 0) || 40;
    const articles: ExtractedArticle[] = [];
    for await (const ev of new Ingestor().run([seedsDir()])) if (ev.kind === 'article') articles.push(ev.article);
    const an = defaultAnalyzer();
    const chars = articles.reduce((n, a) => n + a.text.length, 0);
    // One warm-up pass, then timed passes.
    for (const a of articles) an.analyse({ id: 1, title: a.title, dek: a.dek, text: a.text, published: a.published });
    let events = 0;
    const t0 = performance.now();
    for (let p = 0; p < passes; p++)
      for (const a of articles) events += an.analyse({ id: 1, title: a.title, dek: a.dek, text: a.text, published: a.published }).doc.events.length;
    const seconds = (performance.now() - t0) / 1000;
    const n = passes * articles.length;
    const dir = mkdtempSync(join(tmpdir(), 'dossier-pipeline-'));
    const t1 = performance.now();
    const store = await analyseSeeds(join(dir, 'p.db'));
    const storeSeconds = (performance.now() - t1) / 1000;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    return {
      name: 'pipeline',
      items: `${articles.length} seed articles × ${passes} passes (${chars} characters per pass)`,
      rows: [
        { metric: 'language + event layers, articles/s', ours: Math.round(n / seconds) },
        { metric: 'language + event layers, characters/s', ours: Math.round((passes * chars) / seconds) },
        { metric: 'events coded per pass', ours: events / passes },
        { metric: 'store pipeline (ingest, analyse, cluster, derive), seconds for the 5 seeds', ours: storeSeconds.toFixed(2) },
      ],
    };
  },
};

// Registry of benchmark runners: `dossier bench <name>` loads `./<module>.js` on demand, so each
// runner stays in its own file and a missing data folder only affects its own benchmark.
import type { BenchRunner } from './report.js';

export const BENCHMARKS: Record<string, { module: string; description: string }> = {
  aeb: { module: 'aeb', description: 'main-text extraction on the article-extraction-benchmark pages' },
  'extraction-meta': { module: 'extraction-meta', description: 'main-text snippets and title/date/author on varied pages' },
  ner: { module: 'ner', description: 'named entities on CoNLL-2003 dev, wikigold and MEANTIME' },
  timex: { module: 'timex', description: 'time expressions on TimeBank/AQUAINT and MEANTIME' },
  events: { module: 'events', description: 'event coding on the PLOVER gold standard (dev half)' },
  clustering: { module: 'clustering', description: 'story clustering on ECB+ dev (topics and events)' },
  'clustering-orders': { module: 'clustering-orders', description: 'story clustering on ECB+ dev in shuffled arrival orders (mean and spread)' },
  'clustering-pipeline': { module: 'clustering-pipeline', description: 'story clustering on ECB+ dev plus the seeds through the whole pipeline (ingest, analysis, stories), file order and shuffled orders' },
  timelines: { module: 'timelines', description: 'entity timelines on SemEval-2015 Task 4 trial data' },
  seeds: { module: 'seeds', description: 'ingestion of the five seed articles against their hand annotation' },
  pipeline: { module: 'pipeline', description: 'whole-pipeline speed on the seed articles repeated' },
  'store-scale': { module: 'store-scale', description: 'the SQLite store at 100k synthetic articles (--articles 5000 for a quick run)' },
  'story-update': { module: 'story-update', description: 'cost of one more run (five new articles) as the store grows: story update and report rewrite' },
  serve: { module: 'serve', description: 'the HTTP API under load on a 100k-article synthetic store: story page and story list (autocannon)' },
  'large-article': { module: 'large-article', description: 'analysis of one large article (1 MB and 4 MB of text): seconds and peak memory (--against DIR compares another checkout)' },
  syntax: { module: 'syntax', description: 'part-of-speech tags, lemmas and dependency parses on UD English-EWT dev (gold tokens)' },
  watch: { module: 'watch', description: 'cost of a watch round to the watcher: every item new, all 304, a tenth of the feeds changed' },
  'seeds-analysis': { module: 'seeds-analysis', description: 'the whole pipeline on the seeds: aliases, quotes, events, stories, comparison' },
};

export async function loadBenchmark(name: string): Promise<BenchRunner> {
  const entry = BENCHMARKS[name];
  if (!entry) throw new Error(`unknown benchmark '${name}' (known: ${Object.keys(BENCHMARKS).join(', ')})`);
  const mod = (await import(`./${entry.module}.js`)) as { runner?: BenchRunner };
  if (!mod.runner) throw new Error(`benchmark module '${entry.module}' exports no runner`);
  return mod.runner;
}

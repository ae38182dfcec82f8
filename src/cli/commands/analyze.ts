// `dossier analyze`: the whole pipeline in one command — ingest, language and event layers,
// stories, and a report per topic.
import type { Command } from 'commander';
import pluralize from 'pluralize';
import { resolve } from 'node:path';
import { addIngestOptions, dbOption, type IngestCliOptions, underRunLock, waitOption, withStore } from '../common.js';
import { ingestInto } from './ingest.js';
import { analysePending, ANALYSIS_VERSION } from '../../analysis/pipeline.js';
import { placeNewArticles } from '../../stories/pipeline.js';
import { writeReportFolder } from '../../stories/report-folder.js';
import { progress } from '../progress.js';
import { printJson } from '../output.js';
import { storiesJson } from './stories.js';

/** The language and event layers load their models on first use, so that other commands start fast. */
async function loadAnalysers() {
  return (await import('../../analysis/default-analysers.js')).defaultAnalysers();
}

export function register(program: Command): void {
  const cmd = program
    .command('analyze')
    .alias('analyse')
    .description('ingest inputs, analyse them, build stories and write a report per topic')
    .argument('[inputs...]', 'files, folders, URLs (none: analyse what the store holds)')
    .addOption(dbOption())
    .addOption(waitOption())
    .option('--out <dir>', 'folder for the reports', './dossier-report')
    .option('--force', 're-analyse articles analysed before')
    .option('--all-reports', 'rewrite every topic report, not only those of topics this run changed')
    .option('--json', 'print the stories as JSON at the end');
  addIngestOptions(cmd).action((inputs: string[], o: AnalyzeOptions) => underRunLock(o.db, o.wait, () => analyze(inputs, o)));
}

type AnalyzeOptions = IngestCliOptions & { db: string; wait: number; out: string; force?: boolean; allReports?: boolean; json?: boolean };

async function analyze(inputs: string[], o: AnalyzeOptions): Promise<void> {
  let failed = 0;
  if (inputs.length > 0) {
    const s = await ingestInto(o.db, inputs, o, true);
    failed = s.failed;
    process.stderr.write(`ingest: ${s.stored} new, ${s.duplicates} duplicate, ${s.failed} failed\n`);
  }
  // The models take most of a second to load: not when the store holds nothing to analyse.
  const pending = withStore(o.db, (store) => store.articlesToAnalyse(ANALYSIS_VERSION, !!o.force).length);
  const analysers = pending > 0 ? await loadAnalysers() : null;
  withStore(o.db, (store) => {
    let bar: ReturnType<typeof progress> | null = null;
    const ids = !analysers
      ? []
      : analysePending(store, analysers, {
          force: !!o.force,
          onProgress: (done, total) => {
            bar ??= progress(total, 'analyse');
            bar.tick(String(done));
          },
        });
    (bar as ReturnType<typeof progress> | null)?.stop();
    const update = placeNewArticles(store, ids);
    process.stderr.write(`analysed ${ids.length} articles, clustered ${update.placed.length}\n`);
    const out = resolve(o.out);
    // Only the reports of topics that gained, lost or re-analysed articles are rebuilt (and any
    // missing from the folder): a run costs what it changed, not the size of the store.
    const changed = update.afresh || o.allReports ? null : new Set(store.listStories('topic', { articleIds: [...update.placed, ...ids] }).map((t) => t.id));
    const written = writeReportFolder(store, out, changed);
    process.stderr.write(`reports: ${out} (${pluralize('topic report', written, true)} written)\n`);
    if (o.json) printJson(storiesJson(store));
  });
  process.exitCode = failed > 0 ? 1 : 0;
}

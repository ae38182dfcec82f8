// `dossier analyze`: the whole pipeline in one command — ingest, language and event layers,
// stories, and a report per topic (src/pipeline/analyze.ts does the work).
import type { Command } from 'commander';
import pluralize from 'pluralize';
import { addIngestOptions, dbOption, ingestOptions, type IngestCliOptions, underRunLock, waitOption, withStoreAsync } from '../common.js';
import { analyzeInputs } from '../../pipeline/analyze.js';
import { storiesJson } from '../../views/stories-json.js';
import { renderEvents } from '../render-events.js';
import { printJson } from '../output.js';

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
  addIngestOptions(cmd).action(async (inputs: string[], o: IngestCliOptions & { db: string; wait: number; out: string; force?: boolean; allReports?: boolean; json?: boolean }) => {
    // The ingest summary line says how many items failed; their warnings would drown it.
    const shown = renderEvents({ warnings: false });
    await underRunLock(o.db, o.wait, () => withStoreAsync(o.db, async (store) => {
      const run = await analyzeInputs(store, inputs, {
        ingest: ingestOptions(o),
        force: !!o.force,
        reportDir: o.out,
        allReports: !!o.allReports,
        onEvent: shown.listener,
      });
      shown.stop();
      const s = run.ingest;
      if (s) process.stderr.write(`ingest: ${s.stored} new, ${s.duplicates} duplicate, ${s.failed} failed\n`);
      process.stderr.write(`analysed ${run.analysed.length} articles, clustered ${run.placed.length}\n`);
      process.stderr.write(`reports: ${run.reportDir} (${pluralize('topic report', run.reportsWritten, true)} written)\n`);
      if (o.json) printJson(await storiesJson(store));
      process.exitCode = s && s.failed > 0 ? 1 : 0;
    }));
  });
}

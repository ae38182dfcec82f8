// `dossier ingest`: read inputs into the store, one transaction per article.
import type { Command } from 'commander';
import { ingestInto } from '../../pipeline/ingest.js';
import { addIngestOptions, dbOption, ingestOptions, type IngestCliOptions, withStoreAsync } from '../common.js';
import { renderEvents } from '../render-events.js';
import { printJson } from '../output.js';

export function register(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('read files, folders, URLs, feeds and JSON lines dumps into the store')
    .argument('<inputs...>', 'files, folders (read recursively), http(s) URLs')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON');
  addIngestOptions(cmd).action(async (inputs: string[], o: IngestCliOptions & { db: string; json?: boolean }) => {
    const shown = renderEvents();
    const s = await withStoreAsync(o.db, (store) => ingestInto(store, inputs, ingestOptions(o), shown.listener));
    shown.stop();
    if (o.json) printJson(s);
    else
      process.stderr.write(
        `${s.stored} new, ${s.duplicates} duplicate, ${s.nearDuplicates} near-duplicate, ${s.failed} failed${s.warnings ? `, ${s.warnings} warnings` : ''} (store: ${o.db})\n`,
      );
    process.exitCode = s.failed > 0 ? 1 : 0;
  });
}

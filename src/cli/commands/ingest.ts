// `dossier ingest`: read inputs into the store, one transaction per article.
import type { Command } from 'commander';
import { ingestInto } from '../../pipeline/ingest.js';
import { addIngestOptions, dbOption, ingestOptions, type IngestCliOptions, underRunLock, waitOption, withStoreAsync } from '../common.js';
import { renderEvents } from '../render-events.js';
import { printJson } from '../output.js';
import { absoluteInput, enqueueOn } from '../enqueue.js';
import { enqueueInputs } from '../../pipeline/queue.js';
import { printableSpec } from '../../store/open.js';

export function register(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('read files, folders, URLs, feeds and JSON lines dumps into the store')
    .argument('<inputs...>', 'files, folders (read recursively), http(s) URLs')
    .addOption(dbOption())
    .addOption(waitOption())
    .option('--json', 'print the summary as JSON')
    .option('--enqueue', 'add one job per input to the queue of a PostgreSQL store, for `dossier worker` to run');
  addIngestOptions(cmd).action(async (inputs: string[], o: IngestCliOptions & { db: string; wait: number; json?: boolean; enqueue?: boolean }) => {
    if (o.enqueue) {
      const jobs = await enqueueOn(o.db, (queue) => enqueueInputs(queue, inputs.map(absoluteInput), ingestOptions(o)));
      process.stderr.write(`${jobs.length} ingest job${jobs.length === 1 ? '' : 's'} queued (store: ${printableSpec(o.db)})\n`);
      return;
    }
    const shown = renderEvents();
    const s = await underRunLock(o.db, o.wait, () => withStoreAsync(o.db, (store) => ingestInto(store, inputs, ingestOptions(o), shown.listener)));
    shown.stop();
    if (o.json) printJson(s);
    else
      process.stderr.write(
        `${s.stored} new, ${s.duplicates} duplicate, ${s.nearDuplicates} near-duplicate, ${s.failed} failed${s.warnings ? `, ${s.warnings} warnings` : ''} (store: ${o.db})\n`,
      );
    process.exitCode = s.failed > 0 ? 1 : 0;
  });
}

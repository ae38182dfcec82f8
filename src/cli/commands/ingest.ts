// `dossier ingest`: read inputs into the store, one transaction per article.
import type { Command } from 'commander';
import { Ingestor } from '../../ingest/ingest.js';
import { addIngestOptions, dbOption, ingestOptions, type IngestCliOptions, underRunLock, waitOption, withStoreAsync } from '../common.js';
import { progress } from '../progress.js';
import { printJson } from '../output.js';

export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  nearDuplicates: number;
  failed: number;
  warnings: number;
  articleIds: number[];
}

export async function ingestInto(dbPath: string, inputs: string[], opts: IngestCliOptions, quiet = false): Promise<IngestSummary> {
  const ingestor = new Ingestor(ingestOptions(opts));
  const summary: IngestSummary = { read: 0, stored: 0, duplicates: 0, nearDuplicates: 0, failed: 0, warnings: 0, articleIds: [] };
  const bar = progress(inputs.length, 'ingest');
  await withStoreAsync(dbPath, async (store) => {
    for await (const ev of ingestor.run(inputs)) {
      if (ev.kind === 'error') {
        summary.failed++;
        store.recordError(ev.item, ev.message);
        process.stderr.write(`error: ${ev.item}: ${ev.message}\n`);
      } else if (ev.kind === 'warning') {
        summary.warnings++;
        if (!quiet) process.stderr.write(`warning: ${ev.item}: ${ev.message}\n`);
      } else {
        summary.read++;
        try {
          const res = store.putArticle(ev.article);
          summary.articleIds.push(res.id);
          if (res.status === 'new') summary.stored++;
          else summary.duplicates++;
          if (res.nearDuplicates.length > 0) summary.nearDuplicates++;
        } catch (e) {
          summary.failed++;
          process.stderr.write(`error: ${ev.item}: could not store: ${e instanceof Error ? e.message : String(e)}\n`);
        }
      }
      bar.tick(ev.item);
    }
  });
  bar.stop();
  return summary;
}

export function register(program: Command): void {
  const cmd = program
    .command('ingest')
    .description('read files, folders, URLs, feeds and JSON lines dumps into the store')
    .argument('<inputs...>', 'files, folders (read recursively), http(s) URLs')
    .addOption(dbOption())
    .addOption(waitOption())
    .option('--json', 'print the summary as JSON');
  addIngestOptions(cmd).action(async (inputs: string[], o: IngestCliOptions & { db: string; wait: number; json?: boolean }) => {
    const s = await underRunLock(o.db, o.wait, () => ingestInto(o.db, inputs, o));
    if (o.json) printJson(s);
    else
      process.stderr.write(
        `${s.stored} new, ${s.duplicates} duplicate, ${s.nearDuplicates} near-duplicate, ${s.failed} failed${s.warnings ? `, ${s.warnings} warnings` : ''} (store: ${o.db})\n`,
      );
    process.exitCode = s.failed > 0 ? 1 : 0;
  });
}

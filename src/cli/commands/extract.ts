// `dossier extract`: extraction without storing, one JSON object per input (the scriptable form).
import type { Command } from 'commander';
import { Ingestor } from '../../ingest/ingest.js';
import type { ExtractedArticle } from '../../doc/article.js';
import { addIngestOptions, ingestOptions, type IngestCliOptions } from '../common.js';
import { printJsonLine } from '../output.js';

export function extractRecord(item: string, a: ExtractedArticle) {
  return {
    source: item,
    id: a.externalId,
    title: a.title,
    dek: a.dek,
    text: a.text,
    published: a.published?.value ?? null,
    modified: a.modified?.value ?? null,
    authors: a.authors,
    outlet: a.outlet,
    url: a.canonicalUrl ?? a.url,
    language: a.language,
    boilerplate: a.boilerplate,
    provenance: a.provenance,
  };
}

export function register(program: Command): void {
  const cmd = program
    .command('extract')
    .description('extract articles without storing them')
    .argument('<inputs...>', 'files, folders, URLs')
    .option('--jsonl', 'one JSON object per input line (the default and only format)', true);
  addIngestOptions(cmd).action(async (inputs: string[], o: IngestCliOptions) => {
    let failed = 0;
    for await (const ev of new Ingestor(ingestOptions(o)).run(inputs)) {
      if (ev.kind === 'article') printJsonLine(extractRecord(ev.item, ev.article));
      else if (ev.kind === 'error') {
        failed++;
        printJsonLine({ source: ev.item, error: ev.message });
        process.stderr.write(`error: ${ev.item}: ${ev.message}\n`);
      } else process.stderr.write(`warning: ${ev.item}: ${ev.message}\n`);
    }
    process.exitCode = failed > 0 ? 1 : 0;
  });
}

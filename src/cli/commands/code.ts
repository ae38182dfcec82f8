// `dossier code`: {id, text, published?} JSON lines in, {id, events} lines out, one process for any
// number of lines — the scriptable form of the event coder. Its imports stay light (the coder and
// its tables); the language layer loads only for --language-layer.
import type { Command } from 'commander';
import type { Analyzer } from '../../pipeline/analyse.js';
import { codeEvents, eventFields } from '../../events/coder.js';
import { mapJsonLines } from '../stdin-lines.js';
import { published, textOf } from '../../pipeline/input-records.js';

/**
 * One record's events. By default the event coder reads actors with its own gazetteer (as the
 * PLOVER bench scores it, equal to the pipeline's configuration there), so that the command stays
 * fast; with `an` the whole language layer runs first and passes its mentions and times, as
 * `dossier analyze` does.
 */
export function codeRecord(rec: Record<string, unknown>, parse: boolean, an?: Analyzer) {
  const { text } = textOf(rec);
  if (!an) {
    const p = published(rec);
    return { id: rec.id ?? null, events: codeEvents({ id: String(rec.id ?? ''), text, published: p?.value ?? null }, { parse }).map(eventFields) };
  }
  const { doc } = an.analyse({ id: 0, title: null, dek: null, text, published: published(rec) });
  return {
    id: rec.id ?? null,
    events: doc.events.map(eventFields),
  };
}

/** The layers `code` needs (sentences, entities, times, events), loaded only for --language-layer. */
async function loadLanguageLayer(): Promise<Analyzer> {
  return (await import('../../pipeline/components.js')).defaultAnalyzer('code');
}

export function register(program: Command): void {
  program
    .command('code')
    .description('read {id, text, published?} JSON lines on stdin; write the coded events per line')
    .option('--language-layer', 'run the whole language layer first and code with its mentions and times (as `dossier analyze`); slower')
    .option('--no-parse', 'roles by word order alone, without the dependency parse (faster, less exact)')
    .action(async (opts: { languageLayer?: boolean; parse: boolean }) => {
      const an = opts.languageLayer ? await loadLanguageLayer() : undefined;
      const failed = await mapJsonLines((rec) => codeRecord(rec, opts.parse, an));
      process.exitCode = failed > 0 ? 1 : 0;
    });
}

// `dossier tag`: JSON lines in, JSON lines out, one process for any number of lines — the scriptable
// form of the language layer (`dossier code`, the event coder's, is in code.ts). It imports what it
// runs when the first line arrives, so that the command starts fast.
import type { Command } from 'commander';
import type { TagTools, tagDocumentLines } from '../../pipeline/tag-lines.js';
import { mapJsonLineGroups } from '../stdin-lines.js';

/** The document a line belongs to, when it says. */
function docOf(rec: Record<string, unknown>): string | undefined {
  return rec.doc === undefined || rec.doc === null ? undefined : JSON.stringify(rec.doc);
}

/** The id the entity registry records for a document: its `doc`, else the line's id, else its line number. */
function docIdOf(rec: Record<string, unknown>, line: number): string {
  return String(rec.doc ?? rec.id ?? `line ${line}`);
}

/** The tagger, the country tables and the registry: entities, times and quotes, no event coder. */
async function loadTagging(): Promise<{ tools: TagTools; tagLines: typeof tagDocumentLines }> {
  const [lines, ner, countries, registry] = await Promise.all([
    import('../../pipeline/tag-lines.js'),
    import('../../entities/ner/index.js'),
    import('../../entities/countries.js'),
    import('../../entities/registry.js'),
  ]);
  return {
    tagLines: lines.tagDocumentLines,
    tools: { model: ner.loadNerModel(), places: countries.countryTables(), registry: new registry.EntityRegistry() },
  };
}

export function register(program: Command): void {
  program
    .command('tag')
    .description(
      'read {id, text, published?} or {id, tokens} JSON lines on stdin (consecutive lines with the same "doc" are one document); write entities, times and quotes per line',
    )
    .action(async () => {
      let loaded: Awaited<ReturnType<typeof loadTagging>> | null = null;
      const failed = await mapJsonLineGroups(docOf, async (recs, first) => {
        loaded ??= await loadTagging();
        return loaded.tagLines(recs, loaded.tools, docIdOf(recs[0]!, first));
      });
      process.exitCode = failed > 0 ? 1 : 0;
    });
}

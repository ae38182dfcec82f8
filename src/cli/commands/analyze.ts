// `dossier analyze`: the whole pipeline in one command — ingest, language and event layers,
// stories, and a report per topic.
import type { Command } from 'commander';
import pluralize from 'pluralize';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addIngestOptions, dbOption, type IngestCliOptions, withStore } from '../common.js';
import { ingestInto } from './ingest.js';
import { analysePending } from '../../analysis/pipeline.js';
import { updateStories } from '../../stories/pipeline.js';
import { buildStoryView } from '../../stories/build-view.js';
import { renderReport } from '../../stories/report.js';
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
    .option('--out <dir>', 'folder for the reports', './dossier-report')
    .option('--force', 're-analyse articles analysed before')
    .option('--json', 'print the stories as JSON at the end');
  addIngestOptions(cmd).action(async (inputs: string[], o: IngestCliOptions & { db: string; out: string; force?: boolean; json?: boolean }) => {
    let failed = 0;
    if (inputs.length > 0) {
      const s = await ingestInto(o.db, inputs, o, true);
      failed = s.failed;
      process.stderr.write(`ingest: ${s.stored} new, ${s.duplicates} duplicate, ${s.failed} failed\n`);
    }
    const analysers = await loadAnalysers();
    withStore(o.db, (store) => {
      let bar: ReturnType<typeof progress> | null = null;
      const ids = analysePending(store, analysers, {
        force: !!o.force,
        onProgress: (done, total) => {
          bar ??= progress(total, 'analyse');
          bar.tick(String(done));
        },
      });
      (bar as ReturnType<typeof progress> | null)?.stop();
      const clustered = updateStories(store, ids);
      process.stderr.write(`analysed ${ids.length} articles, clustered ${clustered}\n`);
      const out = resolve(o.out);
      mkdirSync(out, { recursive: true });
      const index: string[] = ['# Dossier', ''];
      for (const t of store.listStories('topic')) {
        const view = buildStoryView(store, t.id);
        if (!view) continue;
        writeFileSync(join(out, `story-${t.id}.md`), renderReport(view, 'md'));
        writeFileSync(join(out, `story-${t.id}.html`), renderReport(view, 'html'));
        index.push(`- [${view.headline}](story-${t.id}.md) — ${pluralize('article', view.articles.length, true)}, ${pluralize('event', view.events.length, true)}`);
      }
      writeFileSync(join(out, 'index.md'), `${index.join('\n')}\n`);
      process.stderr.write(`reports: ${out}\n`);
      if (o.json) printJson(storiesJson(store));
    });
    process.exitCode = failed > 0 ? 1 : 0;
  });
}

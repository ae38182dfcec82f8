// `dossier stories`, `dossier story`, `dossier report`: the stories the store holds.
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { dbOption, existingStore, withStore } from '../common.js';
import { printJson, printTable } from '../output.js';
import { buildStoryView } from '../../views/build-view.js';
import { renderReport, type ReportFormat } from '../../views/report.js';
import { storiesJson } from '../../views/stories-json.js';

function storyId(raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`not a story id: ${raw}`);
  return n;
}

export function register(program: Command): void {
  program
    .command('stories')
    .description('list topics with their event stories')
    .addOption(dbOption())
    .option('--json', 'print JSON: topics, their events, and each one\'s article ids')
    .action((o: { db: string; json?: boolean }) => {
      return withStore(existingStore(o.db), async (store) => {
        const topics = await storiesJson(store);
        if (o.json) return printJson(topics);
        const rows: (string | number | null)[][] = [];
        for (const t of topics) {
          rows.push([t.id, 'topic', t.dateStart, t.articles.length, t.headline]);
          for (const e of t.events) rows.push([e.id, '  event', e.dateStart, e.articles.length, e.headline]);
        }
        printTable(['id', 'level', 'from', 'articles', 'headline'], rows);
      });
    });

  program
    .command('story')
    .description('one story: summary, timeline, actors, comparison, quotes, sources')
    .argument('<id>', 'story id (see `dossier stories`)')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action((id: string, o: { db: string; json?: boolean }) => {
      return withStore(existingStore(o.db), async (store) => {
        const view = await buildStoryView(store, storyId(id));
        if (!view) throw new Error(`no story ${id}`);
        process.stdout.write(renderReport(view, o.json ? 'json' : 'md'));
      });
    });

  program
    .command('report')
    .description('a self-contained report of one story')
    .argument('<id>', 'story id')
    .addOption(dbOption())
    .option('--format <format>', 'md, html or json', 'md')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action((id: string, o: { db: string; format: string; output?: string }) => {
      if (!['md', 'html', 'json'].includes(o.format)) throw new Error(`unknown format '${o.format}' (md, html, json)`);
      return withStore(existingStore(o.db), async (store) => {
        const view = await buildStoryView(store, storyId(id));
        if (!view) throw new Error(`no story ${id}`);
        const text = renderReport(view, o.format as ReportFormat);
        if (o.output) writeFileSync(o.output, text);
        else process.stdout.write(text);
      });
    });
}

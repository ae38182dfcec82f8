// `dossier events` (filters and exports) and `dossier network` (actor graphs).
import { InvalidArgumentError, type Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { dbOption, existingStore, withStore } from '../common.js';
import { printJson, printTable } from '../output.js';
import { eventsToCsv, eventsToGdelt, exportContext } from '../../views/events-table.js';
import { buildNetwork, networkToGraphml } from '../../views/graph.js';
import { actorNamer } from '../../stories/actor-names.js';
import type { EventFilter, Store } from '../../store/store.js';

interface EventCliOptions {
  db: string;
  actor?: string;
  code?: string;
  root?: string;
  quad?: string;
  from?: string;
  to?: string;
  article?: string;
  story?: string;
  modality?: string;
  limit?: string;
  format: string;
  json?: boolean;
  output?: string;
}

async function filterOf(store: Store, o: EventCliOptions): Promise<EventFilter> {
  const f: EventFilter = {};
  if (o.actor) f.actor = o.actor;
  if (o.code ?? o.root) f.code = (o.code ?? o.root)!;
  if (o.quad) f.quad = Number(o.quad);
  if (o.from) f.from = o.from;
  if (o.to) f.to = o.to;
  if (o.modality) f.modality = o.modality;
  if (o.limit) f.limit = Number(o.limit);
  const ids: number[] = [];
  if (o.article) for (const x of o.article.split(',')) ids.push(/^\d+$/.test(x) ? Number(x) : ((await store.findByExternalId(x))?.id ?? -1));
  if (o.story) {
    const s = await store.getStory(Number(o.story));
    if (!s) throw new Error(`no story ${o.story}`);
    ids.push(...s.articleIds);
  }
  if (o.article || o.story) f.articleIds = ids;
  return f;
}

function emit(text: string, output?: string): void {
  if (output) writeFileSync(output, text);
  else process.stdout.write(text);
}

/** A calendar date (YYYY, YYYY-MM or YYYY-MM-DD) that exists; anything else is a usage error naming it. */
export function parseDateArg(v: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v.trim());
  const [y, mo = 1, d = 1] = m ? m.slice(1).filter(Boolean).map(Number) : [];
  const date = y !== undefined ? new Date(Date.UTC(y, mo - 1, d)) : null;
  if (!date || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new InvalidArgumentError(`not a date (YYYY-MM-DD): '${v}'`);
  return v.trim();
}

export function register(program: Command): void {
  program
    .command('events')
    .description('coded events, filtered, as a table, JSON, CSV or a GDELT 2.0 event table')
    .addOption(dbOption())
    .option('--actor <code>', 'source or target actor: a code prefix (IRN, IRNMIL) or words of its name')
    .option('--code <code>', 'CAMEO code or prefix (042, 04)')
    .option('--root <root>', 'CAMEO root (04)')
    .option('--quad <n>', 'quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict')
    .option('--from <date>', 'events on or after this date (YYYY-MM-DD)', parseDateArg)
    .option('--to <date>', 'events on or before this date', parseDateArg)
    .option('--article <ids>', 'article ids or input ids, comma-separated')
    .option('--story <id>', 'only the articles of this story')
    .option('--modality <m>', 'asserted, intended, negated, conditional, reported or background')
    .option('--limit <n>', 'at most this many')
    .option('--format <format>', 'table, json, csv or gdelt', 'table')
    .option('--json', 'same as --format json')
    .option('-o, --output <file>', 'write to a file')
    .action((o: EventCliOptions) => {
      return withStore(existingStore(o.db), async (store) => {
        const events = await store.queryEvents(await filterOf(store, o));
        const format = o.json ? 'json' : o.format;
        if (format === 'json') return o.output ? emit(`${JSON.stringify(events, null, 2)}\n`, o.output) : printJson(events);
        if (format === 'csv') return emit(eventsToCsv(events), o.output);
        if (format === 'gdelt') {
          return emit(eventsToGdelt(events, await exportContext(store, events)), o.output);
        }
        if (format !== 'table') throw new Error(`unknown format '${format}' (table, json, csv, gdelt)`);
        printTable(
          ['id', 'article', 'date', 'source', 'cameo', 'target', 'modality', 'sentence'],
          events.map((e) => [e.id, e.articleId, e.date ? `${e.date}${e.dateResolved ? '' : '?'}` : '', e.source ?? e.sourceText, e.cameo, e.target ?? e.targetText, e.modality, e.sentence]),
        );
      });
    });

  program
    .command('network')
    .description('actor network: actors as nodes, cooperation and conflict as weighted edges')
    .addOption(dbOption())
    .option('--story <id>', 'only this story (default: the whole store)')
    .option('--format <format>', 'json or graphml', 'json')
    .option('-o, --output <file>', 'write to a file')
    .action((o: { db: string; story?: string; format: string; output?: string }) => {
      return withStore(existingStore(o.db), async (store) => {
        const f: EventFilter = {};
        if (o.story) {
          const s = await store.getStory(Number(o.story));
          if (!s) throw new Error(`no story ${o.story}`);
          f.articleIds = s.articleIds;
        }
        const events = (await store.queryEvents(f)).filter((e) => e.modality !== 'negated');
        const namer = await actorNamer(store, events);
        const net = buildNetwork(
          events
            .map((e) => ({ ...e, sourceLabel: namer(e.source, e.sourceText), targetLabel: namer(e.target, e.targetText) })),
        );
        if (o.format === 'graphml') emit(networkToGraphml(net), o.output);
        else if (o.format === 'json') emit(`${JSON.stringify(net, null, 2)}\n`, o.output);
        else throw new Error(`unknown format '${o.format}' (json, graphml)`);
      });
    });
}

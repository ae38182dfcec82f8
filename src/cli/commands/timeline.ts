// `dossier timeline <entity>`: the events an entity takes part in across the stored articles,
// anchored to dates and in order, with each event's mentions in the articles.
import type { Command } from 'commander';
import { dbOption, existingStore, withStore } from '../common.js';
import { printJson, printTable } from '../output.js';
import { storeTimeline } from '../../stories/entity-timeline-store.js';

export function register(program: Command): void {
  program
    .command('timeline')
    .description("an entity's timeline: the events it takes part in, dated and ordered, across the articles")
    .argument('<entity>', 'entity id, key or name (a name the entity layer did not resolve is searched as written)')
    .addOption(dbOption())
    .option('--story <id>', "only this story's articles", (v) => Number(v))
    .option('--json', 'print JSON')
    .action((entity: string, o: { db: string; story?: number; json?: boolean }) => {
      return withStore(existingStore(o.db), async (store) => {
        const tl = await storeTimeline(store, entity, o.story !== undefined ? { storyId: o.story } : {});
        const inputIds = new Map<string, string>();
        for (const id of tl.articleIds) inputIds.set(String(id), (await store.getArticle(id))?.externalId ?? String(id));
        const ext = (id: string) => inputIds.get(id) ?? id;
        const events = tl.events.map((e) => ({
          order: e.order,
          date: e.date,
          event: e.lemma,
          mentions: e.mentions.map((m) => ({ article: Number(m.articleId), input: ext(m.articleId), word: m.text, start: m.start, end: m.end, date: m.date, dateFrom: m.dateFrom, via: m.via })),
        }));
        if (o.json) return printJson({ entity: tl.target.name, entityId: tl.entity?.id ?? null, articles: tl.articleIds, events });
        if (!events.length) {
          process.stdout.write(`no events found for ${tl.target.name} in ${tl.articleIds.length} article(s)\n`);
          return;
        }
        printTable(
          ['order', 'date', 'event', 'mentions'],
          events.map((e) => [e.order || '-', e.date ?? 'unknown', e.mentions[0]?.word ?? e.event, e.mentions.map((m) => `${m.word} [${m.article}]`).join('; ')]),
        );
      });
    });
}

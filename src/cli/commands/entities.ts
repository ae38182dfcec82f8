// `dossier entities` and `dossier entity`: canonical entities with aliases, roles and mentions.
import type { Command } from 'commander';
import { dbOption, existingStore, withStore } from '../common.js';
import { printJson, printTable } from '../output.js';

export function register(program: Command): void {
  program
    .command('entities')
    .description('canonical entities, most mentioned first')
    .addOption(dbOption())
    .option('--type <type>', 'PERSON, ORG, GPE, LOC, NORP, MISC')
    .option('--limit <n>', 'at most this many', (v) => Number(v), 100)
    .option('--json', 'print JSON')
    .action((o: { db: string; type?: string; limit: number; json?: boolean }) => {
      return withStore(existingStore(o.db), async (store) => {
        const list = await store.listEntities({ limit: o.limit, ...(o.type ? { type: o.type.toUpperCase() } : {}) });
        if (o.json) return printJson(list);
        printTable(
          ['id', 'type', 'name', 'country', 'sector', 'mentions', 'aliases'],
          list.map((e) => [e.id, e.type, e.name, e.country, e.sector, e.mentions, e.aliases.map((a) => a.alias).join('; ')]),
        );
      });
    });

  program
    .command('entity')
    .description('one entity: aliases, roles with their articles and dates, mentions in context')
    .argument('<id>', 'entity id, key or name')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action((id: string, o: { db: string; json?: boolean }) => {
      return withStore(existingStore(o.db), async (store) => {
        const found = await store.getEntity(/^\d+$/.test(id) ? Number(id) : id);
        const byAlias = found ? null : await store.findEntityByAlias(id);
        const e = found ?? byAlias?.entity;
        if (!e) throw new Error(`no entity '${id}'${byAlias?.suggestions.length ? ` (did you mean: ${byAlias.suggestions.join('; ')}?)` : ''}`);
        const mentions = await store.entityMentions(e.id);
        if (o.json) return printJson({ ...e, mentionList: mentions });
        const lines = [
          `# ${e.name} (${e.type}${e.country ? `, ${e.country}` : ''}${e.sector ? ` ${e.sector}` : ''})`,
          '',
          `aliases: ${e.aliases.map((a) => `${a.alias} (${a.count})`).join('; ')}`,
          'roles:',
          ...e.roles.map((r) => `  ${r.role} — article ${r.articleId}${r.date ? `, ${r.date}` : ''}`),
          '',
          `mentions (${e.mentions}):`,
          ...mentions.map((m) => `  [${m.articleId}] …${m.context}…${m.metonymy ? ' (metonymy)' : ''}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}

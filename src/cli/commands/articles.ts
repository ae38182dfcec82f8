// `dossier articles`, `dossier show`, `dossier search`: read what the store holds.
import type { Command } from 'commander';
import { dbOption, parseId, existingStore, withStore } from '../common.js';
import { printJson, printTable } from '../output.js';
import type { StoredArticle } from '../../store/store.js';
import type { ArticleLayers } from '../../store/store.js';

function layersText(l: ArticleLayers): string[] {
  if (!l.mentions.length && !l.times.length && !l.quotes.length && !l.events.length) return ['', '(not analysed yet: run `dossier analyze`)'];
  const entities = new Map<string, { type: string; forms: Set<string> }>();
  for (const m of l.mentions) {
    if (!m.entity) continue;
    const e = entities.get(m.entity) ?? { type: m.type, forms: new Set<string>() };
    e.forms.add(m.metonymy ? `${m.text} (metonymy)` : m.text);
    entities.set(m.entity, e);
  }
  return [
    '',
    `## entities (${entities.size})`,
    ...[...entities].map(([name, e]) => `- ${name} [${e.type}]: ${[...e.forms].join('; ')}`),
    '',
    `## times (${l.times.length})`,
    ...l.times.map((t) => `- ${t.text ?? ''} -> ${t.value}${t.resolved ? '' : ' (unresolved)'} [${t.field}]`),
    '',
    `## quotes (${l.quotes.length})`,
    ...l.quotes.map((q) => `- ${q.speaker ?? 'unattributed'}${q.via ? ` via ${q.via}` : ''}: “${q.text}”`),
    '',
    `## events (${l.events.length})`,
    ...l.events.map((e) => `- ${e.source ?? e.sourceText ?? '?'} ${e.cameo} ${e.target ?? e.targetText ?? '?'} (${e.modality}${e.date ? `, ${e.date}` : ''}) [${e.field}]`),
  ];
}

function showText(a: StoredArticle): string {
  const p = a.provenance;
  const by = (f: keyof StoredArticle['provenance']) => (p[f] ? `  [${p[f]}]` : '');
  const lines = [
    `# ${a.title ?? '(no title)'}`,
    '',
    `id:         ${a.id}${a.externalId ? ` (${a.externalId})` : ''}`,
    `dek:        ${a.dek ?? ''}${by('dek')}`,
    `title:      ${a.title ?? ''}${by('title')}`,
    `authors:    ${a.authors.join('; ')}${by('authors')}`,
    `outlet:     ${a.outlet ?? ''}${by('outlet')}`,
    `published:  ${a.published?.value ?? '(unknown)'}${a.published ? ` (${a.published.granularity}${a.published.timezone ? `, ${a.published.timezone}` : ''})` : ''}${by('published')}`,
    `modified:   ${a.modified?.value ?? ''}${by('modified')}`,
    `url:        ${a.url ?? ''}${by('url')}`,
    `canonical:  ${a.canonicalUrl ?? ''}${by('canonicalUrl')}`,
    `language:   ${a.language ?? ''}${by('language')}`,
    `dateline:   ${a.dateline ?? ''}${by('dateline')}`,
    `near-dup:   group ${a.nearDuplicateGroup}`,
    `sources:    ${a.sources.map((s) => `${s.kind} ${s.location}${s.line ? `:${s.line}` : ''}`).join('\n            ')}`,
    '',
    a.text,
    '',
    `## removed boilerplate (${a.boilerplate.length})`,
    ...a.boilerplate.map((b) => `- [${b.kind}] ${b.text}`),
  ];
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('articles')
    .description('list the stored articles')
    .addOption(dbOption())
    .option('--outlet <name>', 'only this outlet')
    .option('--limit <n>', 'at most this many', (v) => Number(v), 100)
    .option('--offset <n>', 'skip this many', (v) => Number(v), 0)
    .option('--json', 'print JSON')
    .action((o: { db: string; outlet?: string; limit: number; offset: number; json?: boolean }) => {
      return withStore(existingStore(o.db), async (store) => {
        const rows = await store.listArticles({ limit: o.limit, offset: o.offset, ...(o.outlet ? { outlet: o.outlet } : {}) });
        if (o.json) printJson(rows);
        else printTable(['id', 'published', 'outlet', 'title', 'external id'], rows.map((r) => [r.id, r.published, r.outlet, r.title, r.externalId]));
      });
    });

  program
    .command('show')
    .description('one article: metadata with provenance, clean text, removed boilerplate')
    .argument('<id>', 'article id (or the input\'s own id)')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action((id: string, o: { db: string; json?: boolean }) => {
      return withStore(existingStore(o.db), async (store) => {
        const found = /^\d+$/.test(id) ? [await store.getArticle(parseId(id))].filter((x) => x !== null) : await store.findArticlesByExternalId(id);
        if (found.length > 1) throw new Error(`ambiguous id ${id}: ${found.map((x) => `${x.id} (${x.sources[0]?.location ?? x.title ?? ''})`).join(', ')} — name one by its number`);
        const a = found[0];
        if (!a) throw new Error(`no article ${id}`);
        const layers = await store.articleLayers(a.id);
        if (o.json) printJson({ ...a, ...layers });
        else process.stdout.write(`${[showText(a), ...layersText(layers)].join('\n')}\n`);
      });
    });

  program
    .command('search')
    .description('full-text search over titles, deks and texts')
    .argument('<query...>', 'words (all must occur), or an FTS5 query')
    .addOption(dbOption())
    .option('--limit <n>', 'at most this many', (v) => Number(v), 20)
    .option('--json', 'print JSON')
    .action((query: string[], o: { db: string; limit: number; json?: boolean }) => {
      return withStore(existingStore(o.db), async (store) => {
        const hits = await store.search(query.join(' '), { limit: o.limit });
        if (o.json) printJson(hits);
        else printTable(['id', 'published', 'outlet', 'title', 'snippet'], hits.map((h) => [h.id, h.published, h.outlet, h.title, h.snippet.replace(/\s+/g, ' ')]));
      });
    });
}

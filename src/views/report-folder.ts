// The folder `dossier analyze` writes: a Markdown and an HTML report per topic and an index. Reports
// are rebuilt only for the topics a run changed (and any missing from the folder); the index is
// rewritten from the stored stories, and reports of topics merged away are removed.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pluralize from 'pluralize';
import type { Store } from '../store/store.js';
import { storyPage } from './stored-views.js';
import { renderReport } from './report.js';
import { mdText } from './markdown.js';

/** Writes the reports of the given topics (all when null) and the index; returns how many reports were written. */
export async function writeReportFolder(store: Store, out: string, changedTopics: ReadonlySet<number> | null): Promise<number> {
  mkdirSync(out, { recursive: true });
  const index: string[] = ['# Dossier', ''];
  const live = new Set<number>();
  let written = 0;
  const eventCounts = await store.childCounts();
  for (const t of await store.listStories('topic')) {
    live.add(t.id);
    const md = join(out, `story-${t.id}.md`);
    const html = join(out, `story-${t.id}.html`);
    if (!changedTopics || changedTopics.has(t.id) || !existsSync(md) || !existsSync(html)) {
      const view = await storyPage(store, t.id);
      if (!view) continue;
      writeFileSync(md, renderReport(view, 'md'));
      writeFileSync(html, renderReport(view, 'html'));
      written++;
    }
    const events = eventCounts.get(t.id) ?? 0;
    index.push(`- [${mdText(t.headline ?? `Story ${t.id}`)}](story-${t.id}.md) — ${pluralize('article', t.articleIds.length, true)}, ${pluralize('event', events, true)}`);
  }
  // A report of a topic merged away would mislead a reader of the folder.
  for (const f of readdirSync(out)) {
    const m = /^story-(\d+)\.(?:md|html)$/.exec(f);
    if (m && !live.has(Number(m[1]))) rmSync(join(out, f));
  }
  writeFileSync(join(out, 'index.md'), `${index.join('\n')}\n`);
  return written;
}

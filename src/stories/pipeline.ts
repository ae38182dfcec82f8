// Stories over the store: new articles go through the online clusterer (its state is kept in the
// store, so each run continues the last), the story tables follow the clusters, and each event
// story refreshes what it derives: inferred dates for undated articles, a headline, a date range.
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { StoryClusterer, type StoryClustererJSON } from './cluster/clusterer.js';
import { getState, listStories, setState, setStoryHeadline, syncStories, type ClusterSnapshot } from '../store/sqlite/stories.js';
import { inferDates, type InferenceArticle } from './date-inference.js';
import { queryEvents } from '../store/sqlite/analysis.js';
import { buildTimeline, type TimelineEntry } from './timeline.js';
import { actorNamer } from './actor-names.js';

const STATE_KEY = 'clusterer';

export function loadClusterer(store: SqliteStore): StoryClusterer {
  const saved = getState(store.db, STATE_KEY);
  if (!saved) return new StoryClusterer();
  try {
    return StoryClusterer.fromJSON(JSON.parse(saved) as StoryClustererJSON);
  } catch (e) {
    // State from another version of the clusterer: cluster every article again from the start.
    process.stderr.write(`note: re-clustering all articles (${e instanceof Error ? e.message : String(e)})\n`);
    return new StoryClusterer();
  }
}

/**
 * Clusters the articles the clusterer has not seen and refreshes the stories they, or the
 * re-analysed articles given, belong to; returns how many were added.
 */
export function updateStories(store: SqliteStore, reanalysed: number[] = []): number {
  const db = store.db;
  const clusterer = loadClusterer(store);
  const seen = new Set(clusterer.topics().flatMap((t) => t.docIds));
  const pending = (db.prepare('SELECT id FROM articles ORDER BY COALESCE(published, created_at), id').all() as { id: number }[])
    .map((r) => r.id)
    .filter((id) => !seen.has(String(id)));
  const entityNames = db.prepare(
    `SELECT DISTINCT e.key FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? AND e.type IN ('PERSON', 'ORG', 'GPE', 'LOC')`,
  );
  for (const id of pending) {
    const a = store.getArticle(id)!;
    clusterer.add({
      id: String(id),
      text: [a.dek, a.text].filter(Boolean).join('\n\n'),
      title: a.title,
      published: a.published?.value ?? null,
      entities: (entityNames.all(id) as { key: string }[]).map((r) => r.key),
    });
  }
  db.transaction(() => {
    const snapshot: ClusterSnapshot[] = [];
    for (const t of clusterer.topics()) {
      snapshot.push({ key: t.id, level: 'topic', parentKey: null, articleIds: t.docIds.map(Number), headline: null, dateStart: null, dateEnd: null });
      for (const e of t.events) snapshot.push({ key: e.id, level: 'event', parentKey: t.id, articleIds: e.docIds.map(Number), headline: null, dateStart: e.first, dateEnd: e.last });
    }
    syncStories(db, snapshot);
    setState(db, STATE_KEY, JSON.stringify(clusterer.toJSON()));
    refreshDerived(store, new Set([...pending, ...reanalysed]));
  })();
  return pending.length;
}

/** Inferred dates, headlines and date ranges of the stories holding the given articles (all when none given). */
export function refreshDerived(store: SqliteStore, articles?: Set<number>): void {
  const db = store.db;
  const namer = actorNamer(db);
  const times = db.prepare(`SELECT text, value, resolved FROM time_refs WHERE article_id = ? AND field = 'text' AND text IS NOT NULL`);
  const setInferred = db.prepare('UPDATE articles SET inferred_published_json = ? WHERE id = ?');
  const updateTime = db.prepare(`UPDATE time_refs SET value = ?, rule = 'story:inferred', anchor = ? WHERE article_id = ? AND text = ? AND resolved = 0`);
  const touched = (ids: number[]) => !articles || ids.some((id) => articles.has(id));
  for (const s of listStories(db, 'event').filter((x) => touched(x.articleIds))) {
    const arts: InferenceArticle[] = s.articleIds.map((id) => {
      const a = store.getArticle(id)!;
      return {
        id,
        label: a.externalId ?? `article ${id}`,
        published: a.published?.value ?? null,
        times: (times.all(id) as { text: string; value: string; resolved: number }[]).map((t) => ({ text: t.text, value: t.value, resolved: t.resolved === 1 })),
      };
    });
    for (const inf of inferDates(arts)) {
      const [start, end] = inf.value.split('..');
      setInferred.run(JSON.stringify({ value: inf.value, granularity: 'day', timezone: null, rule: 'story:date-inference', evidence: inf.evidence, start, end }), inf.articleId);
      for (const t of inf.times) updateTime.run(t.value, `inferred from story ${s.id}`, inf.articleId, t.text);
      // Events dated only by those expressions take the inferred day, still marked unresolved.
      for (const t of inf.times) db.prepare('UPDATE events SET date = ? WHERE article_id = ? AND date IS NULL AND date_resolved = 0').run(t.value, inf.articleId);
    }
    const timeline = buildTimeline(queryEvents(db, { articleIds: s.articleIds }), namer);
    const dated = timeline.entries.filter((e) => e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date));
    const top = headlineEntry(timeline.entries);
    const published = arts.map((a) => a.published?.slice(0, 10)).filter((x): x is string => !!x).sort();
    const days = [...dated.map((e) => e.date!.slice(0, 10)), ...published].sort();
    // With no coded event, the earliest article's own title names the story.
    const titled = s.articleIds.map((id) => store.getArticle(id)?.title).find((t): t is string => !!t);
    setStoryHeadline(db, s.id, top?.headline ?? titled ?? s.headline ?? `Story ${s.id}`, days[0] ?? null, days[days.length - 1] ?? null);
  }
  for (const t of listStories(db, 'topic').filter((x) => touched(x.articleIds))) {
    const children = db.prepare('SELECT headline, date_start, date_end FROM stories WHERE parent_id = ? ORDER BY date_start').all(t.id) as { headline: string | null; date_start: string | null; date_end: string | null }[];
    const starts = children.map((c) => c.date_start).filter((x): x is string => !!x).sort();
    const ends = children.map((c) => c.date_end).filter((x): x is string => !!x).sort();
    const label = topicLabel(store, t.articleIds);
    setStoryHeadline(db, t.id, label, starts[0] ?? null, ends[ends.length - 1] ?? null);
  }
}

/**
 * The entry that best names an event story: reported by the most articles, then with both actors
 * known, then asserted rather than planned or denied, then dated.
 */
function headlineEntry(entries: TimelineEntry[]): TimelineEntry | undefined {
  const score = (e: TimelineEntry) =>
    new Set(e.reports.map((r) => r.articleId)).size * 3 +
    (e.source && e.target ? 4 : 0) +
    (e.reports.some((r) => r.modality === 'asserted') ? 1.5 : 0) +
    (e.date && !e.uncertain ? 1 : 0);
  return [...entries].sort((a, b) => score(b) - score(a))[0];
}

/** A topic's label: its most mentioned actors, by canonical name. */
function topicLabel(store: SqliteStore, articleIds: number[]): string {
  if (articleIds.length === 0) return 'Empty topic';
  const rows = store.db
    .prepare(
      `SELECT e.name, COUNT(DISTINCT m.article_id) AS a, COUNT(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id
       WHERE m.article_id IN (${articleIds.map(Number).join(',')}) AND e.type IN ('GPE', 'PERSON', 'ORG')
       GROUP BY e.id ORDER BY a DESC, n DESC LIMIT 3`,
    )
    .all() as { name: string }[];
  return rows.length ? rows.map((r) => r.name).join(' – ') : `Topic of ${articleIds.length} articles`;
}

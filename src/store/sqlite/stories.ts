// Stories in the store: topic and event clusters with their articles, kept under the clusterer's
// own stable keys so that a story keeps its id as articles arrive; changes go to the story log.
import type Database from 'better-sqlite3';
import type { ClusterSnapshot, InferredDate, StoredStory } from '../records.js';
import { num, str, type Row } from './rows.js';




export function getState(db: Database.Database, key: string): string | null {
  const r = db.prepare('SELECT value FROM state WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? null;
}

export function setState(db: Database.Database, key: string, value: string): void {
  db.prepare('INSERT INTO state(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
    key,
    value,
    new Date().toISOString(),
  );
}

/** Brings the stories table in line with the clusters: upsert by key, drop clusters merged away. */
export function syncStories(db: Database.Database, clusters: ClusterSnapshot[]): void {
  const now = new Date().toISOString();
  const byKey = new Map((db.prepare('SELECT id, key FROM stories').all() as { id: number; key: string }[]).map((r) => [r.key, r.id]));
  const live = new Set(clusters.map((c) => c.key));
  const log = db.prepare('INSERT INTO story_log(story_id, at, change) VALUES (?, ?, ?)');
  for (const [key, id] of byKey) {
    if (live.has(key)) continue;
    db.prepare('DELETE FROM stories WHERE id = ?').run(id);
    log.run(id, now, JSON.stringify({ removed: key }));
  }
  const insert = db.prepare('INSERT INTO stories(key, level, parent_id, headline, date_start, date_end) VALUES (?, ?, NULL, ?, ?, ?)');
  const members = db.prepare('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id');
  const update = db.prepare('UPDATE stories SET level = ?, headline = ?, date_start = ?, date_end = ?, version = version + 1 WHERE id = ?');
  const addMember = db.prepare('INSERT OR IGNORE INTO story_articles(story_id, article_id) VALUES (?, ?)');
  const clearMembers = db.prepare('DELETE FROM story_articles WHERE story_id = ?');
  // Topics first, so that events can point to their parent.
  for (const c of [...clusters].sort((a, b) => (a.level === b.level ? 0 : a.level === 'topic' ? -1 : 1))) {
    let id = byKey.get(c.key);
    const ids = [...c.articleIds].sort((a, b) => a - b);
    if (id === undefined) {
      id = Number(insert.run(c.key, c.level, c.headline, c.dateStart, c.dateEnd).lastInsertRowid);
      byKey.set(c.key, id);
      log.run(id, now, JSON.stringify({ created: c.key, articles: ids }));
    } else {
      const before = (members.all(id) as { article_id: number }[]).map((r) => r.article_id);
      if (before.join(',') !== ids.join(',')) {
        update.run(c.level, c.headline, c.dateStart, c.dateEnd, id);
        log.run(id, now, JSON.stringify({ articles: ids, before }));
      }
    }
    clearMembers.run(id);
    for (const a of ids) addMember.run(id, a);
    if (c.parentKey) db.prepare('UPDATE stories SET parent_id = ? WHERE id = ?').run(byKey.get(c.parentKey) ?? null, id);
  }
}

export function setStoryHeadline(db: Database.Database, id: number, headline: string, dateStart: string | null, dateEnd: string | null): void {
  db.prepare('UPDATE stories SET headline = ?, date_start = ?, date_end = ? WHERE id = ?').run(headline, dateStart, dateEnd, id);
}

function toStory(db: Database.Database, r: Row): StoredStory {
  const id = r.id as number;
  return {
    id,
    key: r.key as string,
    level: r.level as 'topic' | 'event',
    parentId: num(r.parent_id),
    headline: str(r.headline),
    dateStart: str(r.date_start),
    dateEnd: str(r.date_end),
    version: r.version as number,
    articleIds: (db.prepare('SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY article_id').all(id) as { article_id: number }[]).map((x) => x.article_id),
  };
}

export function listStories(db: Database.Database, level?: 'topic' | 'event'): StoredStory[] {
  const rows = db.prepare('SELECT * FROM stories WHERE (@level IS NULL OR level = @level) ORDER BY level DESC, id').all({ level: level ?? null }) as Row[];
  return rows.map((r) => toStory(db, r));
}

export function getStory(db: Database.Database, id: number): StoredStory | null {
  const r = db.prepare('SELECT * FROM stories WHERE id = ?').get(id) as Row | undefined;
  return r ? toStory(db, r) : null;
}

export function childStories(db: Database.Database, parentId: number): StoredStory[] {
  return (db.prepare('SELECT * FROM stories WHERE parent_id = ? ORDER BY date_start IS NULL, date_start, id').all(parentId) as Row[]).map((r) => toStory(db, r));
}

export function recordInferredDate(db: Database.Database, articleId: number, inferred: InferredDate, times: { text: string; value: string }[], anchor: string): void {
  db.prepare('UPDATE articles SET inferred_published_json = ? WHERE id = ?').run(JSON.stringify(inferred), articleId);
  const updateTime = db.prepare(`UPDATE time_refs SET value = ?, rule = 'story:inferred', anchor = ? WHERE article_id = ? AND text = ? AND resolved = 0`);
  // Events dated only by those expressions take the inferred day, still marked unresolved.
  const updateEvents = db.prepare('UPDATE events SET date = ? WHERE article_id = ? AND date IS NULL AND date_resolved = 0');
  for (const t of times) {
    updateTime.run(t.value, anchor, articleId, t.text);
    updateEvents.run(t.value, articleId);
  }
}

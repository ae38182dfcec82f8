// Stories in the store: topic and event clusters with their articles, kept under the clusterer's
// own stable keys so that a story keeps its id as articles arrive; changes go to the story log.
import type Database from 'better-sqlite3';
import type { ClusterSnapshot, InferredDate, StoredStory } from '../records.js';
import { prepared, type Row } from './rows.js';
import { storyFromRow } from '../row-records.js';




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

export function deleteState(db: Database.Database, key: string): void {
  db.prepare('DELETE FROM state WHERE key = ?').run(key);
}

/** Keys starting with a prefix, as a range of the primary key: [prefix, prefix with its last character raised). */
function prefixRange(prefix: string): [string, string] {
  if (prefix === '') return ['', '\u{10FFFF}'];
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];
}

export function getStateParts(db: Database.Database, scope: string, prefix = ''): { key: string; value: Uint8Array }[] {
  return prepared(db, 'SELECT key, value FROM state_parts WHERE scope = ? AND key >= ? AND key < ?').all(scope, ...prefixRange(prefix)) as { key: string; value: Buffer }[];
}

export function getStatePartKeys(db: Database.Database, scope: string, prefix: string): string[] {
  return prepared(db, 'SELECT key FROM state_parts WHERE scope = ? AND key >= ? AND key < ?')
    .pluck()
    .all(scope, ...prefixRange(prefix)) as string[];
}

export function countStateParts(db: Database.Database, scope: string, prefix: string): number {
  return prepared(db, 'SELECT COUNT(*) FROM state_parts WHERE scope = ? AND key >= ? AND key < ?')
    .pluck()
    .get(scope, ...prefixRange(prefix)) as number;
}

export function getStatePartsByKey(db: Database.Database, scope: string, keys: readonly string[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const part of chunked([...keys])) {
    // One statement per list length (at most CHUNK of them), compiled once per connection.
    const rows = prepared(db, `SELECT key, value FROM state_parts WHERE scope = ? AND key IN (${part.map(() => '?').join(',')})`).all(scope, ...part) as { key: string; value: Buffer }[];
    for (const r of rows) out.set(r.key, r.value);
  }
  return out;
}

export function putStateParts(db: Database.Database, scope: string, parts: { key: string; value: Uint8Array }[], opts: { removed?: string[]; replace?: boolean } = {}): void {
  db.transaction(() => {
    if (opts.replace) prepared(db, 'DELETE FROM state_parts WHERE scope = ?').run(scope);
    const remove = prepared(db, 'DELETE FROM state_parts WHERE scope = ? AND key = ?');
    for (const key of opts.removed ?? []) remove.run(scope, key);
    const put = prepared(db, 'INSERT INTO state_parts(scope, key, value) VALUES (?, ?, ?) ON CONFLICT(scope, key) DO UPDATE SET value = excluded.value');
    for (const p of parts) put.run(scope, p.key, Buffer.from(p.value.buffer, p.value.byteOffset, p.value.byteLength));
  })();
}

/** A story's members read from its rows: its article ids, ascending, joined by commas. */
const MEMBER_ROWS = "(SELECT group_concat(article_id, ',' ORDER BY article_id) FROM story_articles WHERE story_id = s.id)";
/** The same, from the list syncStories keeps on the story (migration 4) unless something cleared it. */
const MEMBERS = `COALESCE(s.members, ${MEMBER_ROWS})`;

/** Rows read a few hundred keys at a time, under SQLite's limit on bound parameters. */
const CHUNK = 500;

function chunked<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

interface StoredMembers {
  parent: number | null;
  members: string;
  cleared: boolean;
}

type MemberRow = { id: number; key: string; parent_id: number | null; cleared: number; members: string | null };

/** Ids and kept members of the stories under the given keys (all stories when `keys` is null). */
function readStories(db: Database.Database, keys: string[] | null): { byKey: Map<string, number>; stored: Map<number, StoredMembers> } {
  const select = `SELECT s.id, s.key, s.parent_id, s.members IS NULL AS cleared, ${MEMBERS} AS members FROM stories s`;
  const rows: MemberRow[] = keys
    ? chunked(keys).flatMap((part) => db.prepare(`${select} WHERE s.key IN (${part.map(() => '?').join(',')})`).all(...part) as MemberRow[])
    : (db.prepare(select).all() as MemberRow[]);
  return {
    byKey: new Map(rows.map((r) => [r.key, r.id])),
    stored: new Map(rows.map((r) => [r.id, { parent: r.parent_id, members: r.members ?? '', cleared: r.cleared === 1 }])),
  };
}

/**
 * Brings the stories table in line with the clusters: upsert by key, drop clusters merged away.
 * Only what changed is written: a story whose members are the same keeps its rows untouched (its
 * parent is set only when it moved), and a changed one gets the articles it gained or lost.
 *
 * With `opts.removed`, `clusters` holds only the clusters that changed (new, grown, or moved to
 * another topic) and `removed` the keys merged away: only those rows are read, so a batch costs
 * what it changed, not the size of the store. Without it, `clusters` is every cluster and any
 * other story is dropped.
 */
export function syncStories(db: Database.Database, clusters: ClusterSnapshot[], opts: { removed?: string[] } = {}): void {
  const now = new Date().toISOString();
  const partial = opts.removed !== undefined;
  const keys = partial ? [...new Set([...clusters.flatMap((c) => (c.parentKey ? [c.key, c.parentKey] : [c.key])), ...opts.removed!])] : null;
  const { byKey, stored } = readStories(db, keys);
  const live = new Set(clusters.map((c) => c.key));
  const log = prepared(db, 'INSERT INTO story_log(story_id, at, change) VALUES (?, ?, ?)');
  const dropped = partial ? new Set(opts.removed) : null;
  const gone = [...byKey].filter(([key]) => (dropped ? dropped.has(key) && !live.has(key) : !live.has(key)));
  // A live story under a dropped one (an event whose topic merged into another) is detached first,
  // so that the cascade does not take it along; its new parent is set below.
  const goneIds = new Set(gone.map(([, id]) => id));
  const detach = prepared(db, 'UPDATE stories SET parent_id = NULL WHERE id = ?');
  for (const c of clusters) {
    const id = byKey.get(c.key);
    const st = id === undefined ? undefined : stored.get(id);
    if (id !== undefined && st?.parent != null && goneIds.has(st.parent)) {
      detach.run(id);
      st.parent = null;
    }
  }
  for (const [key, id] of gone) {
    prepared(db, 'DELETE FROM stories WHERE id = ?').run(id);
    log.run(id, now, JSON.stringify({ removed: key }));
  }
  const insert = prepared(db, 'INSERT INTO stories(key, level, parent_id, headline, date_start, date_end, members) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const update = prepared(db, 'UPDATE stories SET level = ?, headline = ?, date_start = ?, date_end = ?, version = version + 1, members = ? WHERE id = ?');
  const keepMembers = prepared(db, 'UPDATE stories SET members = ? WHERE id = ?');
  const setParent = prepared(db, 'UPDATE stories SET parent_id = ? WHERE id = ?');
  const addMember = prepared(db, 'INSERT OR IGNORE INTO story_articles(story_id, article_id) VALUES (?, ?)');
  const dropMember = prepared(db, 'DELETE FROM story_articles WHERE story_id = ? AND article_id = ?');
  // Topics first, so that events can point to their parent.
  for (const c of [...clusters].sort((a, b) => (a.level === b.level ? 0 : a.level === 'topic' ? -1 : 1))) {
    let id = byKey.get(c.key);
    const ids = [...c.articleIds].sort((a, b) => a - b);
    const joined = ids.join(',');
    const parent = c.parentKey ? (byKey.get(c.parentKey) ?? null) : undefined;
    if (id === undefined) {
      const members = [...new Set(ids)].join(',');
      id = Number(insert.run(c.key, c.level, parent ?? null, c.headline, c.dateStart, c.dateEnd, members).lastInsertRowid);
      byKey.set(c.key, id);
      log.run(id, now, JSON.stringify({ created: c.key, articles: ids }));
      for (const a of ids) addMember.run(id, a);
      stored.set(id, { parent: parent ?? null, members, cleared: false });
      continue;
    }
    const st = stored.get(id) ?? { parent: null, members: '', cleared: true };
    if (st.members !== joined) {
      const before = st.members ? st.members.split(',').map(Number) : [];
      const after = new Set(ids);
      const was = new Set(before);
      // Members first: removing one clears the kept list, which the update then sets.
      for (const a of before) if (!after.has(a)) dropMember.run(id, a);
      for (const a of after) if (!was.has(a)) addMember.run(id, a);
      st.members = [...after].join(',');
      st.cleared = false;
      update.run(c.level, c.headline, c.dateStart, c.dateEnd, st.members, id);
      log.run(id, now, JSON.stringify({ articles: ids, before }));
    } else if (st.cleared) {
      keepMembers.run(st.members, id);
      st.cleared = false;
    }
    if (parent !== undefined && parent !== st.parent) {
      setParent.run(parent, id);
      st.parent = parent;
    }
    stored.set(id, st);
  }
}

export function setStoryHeadline(db: Database.Database, id: number, headline: string, dateStart: string | null, dateEnd: string | null): void {
  prepared(db, 'UPDATE stories SET headline = ?, date_start = ?, date_end = ? WHERE id = ?').run(headline, dateStart, dateEnd, id);
}


/** Every story of a level (all when none), or only those holding one of `opts.articleIds`. */
export function listStories(db: Database.Database, level?: 'topic' | 'event', opts: { articleIds?: number[] } = {}): StoredStory[] {
  const holding = opts.articleIds
    ? `AND s.id IN (SELECT story_id FROM story_articles WHERE article_id IN (${opts.articleIds.map(Number).join(',') || 'NULL'}))`
    : '';
  const sql = `SELECT s.*, ${MEMBERS} AS members FROM stories s WHERE (@level IS NULL OR s.level = @level) ${holding} ORDER BY s.level DESC, s.id`;
  const rows = (holding ? db.prepare(sql) : prepared(db, sql)).all({ level: level ?? null }) as Row[];
  return rows.map(storyFromRow);
}

export function getStory(db: Database.Database, id: number): StoredStory | null {
  const r = prepared(db, `SELECT s.*, ${MEMBERS} AS members FROM stories s WHERE s.id = ?`).get(id) as Row | undefined;
  return r ? storyFromRow(r) : null;
}

export function childStories(db: Database.Database, parentId: number): StoredStory[] {
  return (prepared(db, `SELECT s.*, ${MEMBERS} AS members FROM stories s WHERE s.parent_id = ? ORDER BY s.date_start IS NULL, s.date_start, s.id`).all(parentId) as Row[]).map(
    storyFromRow,
  );
}

export function childCounts(db: Database.Database): Map<number, number> {
  const rows = prepared(db, 'SELECT parent_id AS parent, COUNT(*) AS n FROM stories WHERE parent_id IS NOT NULL GROUP BY parent_id').all() as { parent: number; n: number }[];
  return new Map(rows.map((r) => [r.parent, r.n]));
}

export function recordInferredDate(
  db: Database.Database,
  articleId: number,
  inferred: InferredDate,
  times: { text: string; value: string; start: number; end: number }[],
  anchor: string,
): void {
  db.prepare('UPDATE articles SET inferred_published_json = ? WHERE id = ?').run(JSON.stringify(inferred), articleId);
  const updateTime = db.prepare(
    `UPDATE time_refs SET value = ?, rule = 'story:inferred', anchor = ? WHERE article_id = ? AND field = 'text' AND start = ? AND text = ? AND resolved = 0`,
  );
  // Only the events told in the sentence that holds the expression take its day: the other
  // undated events of the article happened on days of their own.
  const updateEvents = db.prepare(
    `UPDATE events SET date = ? WHERE article_id = ? AND field = 'text' AND start <= ? AND "end" >= ? AND date IS NULL AND date_resolved = 0`,
  );
  for (const t of times) {
    updateTime.run(t.value, anchor, articleId, t.start, t.text);
    updateEvents.run(t.value, articleId, t.start, t.end);
  }
}

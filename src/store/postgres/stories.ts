// Stories and saved states in PostgreSQL: the same behaviour as src/store/sqlite/stories.ts (stable
// ids by cluster key, only changed rows written, a log of changes), with set-based statements
// where SQLite ran one statement per row (a round trip each would cost more on a server).
import type { ClusterSnapshot, InferredDate, StatePartReader, StoredStory } from '../records.js';
import { storyFromRow } from '../row-records.js';
import type { Sql } from './sql.js';

export async function getState(sql: Sql, key: string): Promise<string | null> {
  return (await sql.one<{ value: string }>('SELECT value FROM state WHERE key = $1', [key]))?.value ?? null;
}

export async function setState(sql: Sql, key: string, value: string): Promise<void> {
  await sql.exec('INSERT INTO state(key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at', [key, value, new Date().toISOString()]);
}

export async function deleteState(sql: Sql, key: string): Promise<void> {
  await sql.exec('DELETE FROM state WHERE key = $1', [key]);
}

/** Keys starting with a prefix, as a range of the primary key (byte order, as in SQLite). */
function prefixRange(prefix: string): [string, string] {
  if (prefix === '') return ['', '\u{10FFFF}'];
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];
}

const asBytes = (rows: { key: string; value: Buffer }[]) => rows.map((r) => ({ key: r.key, value: new Uint8Array(r.value.buffer, r.value.byteOffset, r.value.byteLength) }));

export async function getStateParts(sql: Sql, scope: string, prefix = ''): Promise<{ key: string; value: Uint8Array }[]> {
  return asBytes(await sql.rows('SELECT key, value FROM state_parts WHERE scope = $1 AND key >= $2 AND key < $3', [scope, ...prefixRange(prefix)]));
}

export async function getStatePartKeys(sql: Sql, scope: string, prefix: string): Promise<string[]> {
  return (await sql.rows<{ key: string }>('SELECT key FROM state_parts WHERE scope = $1 AND key >= $2 AND key < $3', [scope, ...prefixRange(prefix)])).map((r) => r.key);
}

export async function countStateParts(sql: Sql, scope: string, prefix: string): Promise<number> {
  return (await sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM state_parts WHERE scope = $1 AND key >= $2 AND key < $3', [scope, ...prefixRange(prefix)]))!.n;
}

export async function getStatePartsByKey(sql: Sql, scope: string, keys: readonly string[]): Promise<Map<string, Uint8Array>> {
  const rows = asBytes(await sql.rows('SELECT key, value FROM state_parts WHERE scope = $1 AND key = ANY($2)', [scope, [...keys]]));
  return new Map(rows.map((r) => [r.key, r.value]));
}

/**
 * The scope's parts read into memory at once: the clusterer reads parts synchronously, which a
 * server cannot answer, so a run reads the whole state (one query) instead of the parts it touches.
 */
export async function statePartReader(sql: Sql, scope: string): Promise<StatePartReader> {
  const all = new Map((await getStateParts(sql, scope)).map((p) => [p.key, p.value]));
  const sorted = [...all.keys()].sort();
  const starting = (prefix: string) => sorted.filter((k) => k.startsWith(prefix));
  return {
    withPrefix: (prefix) => starting(prefix).map((key) => ({ key, value: all.get(key)! })),
    keysWithPrefix: starting,
    read: (keys) => new Map(keys.filter((k) => all.has(k)).map((k) => [k, all.get(k)!])),
    count: (prefix) => starting(prefix).length,
  };
}

export async function putStateParts(sql: Sql, scope: string, parts: { key: string; value: Uint8Array }[], opts: { removed?: string[]; replace?: boolean } = {}): Promise<void> {
  if (opts.replace) await sql.exec('DELETE FROM state_parts WHERE scope = $1', [scope]);
  if (opts.removed?.length) await sql.exec('DELETE FROM state_parts WHERE scope = $1 AND key = ANY($2)', [scope, opts.removed]);
  // A few megabytes per statement at most.
  for (let i = 0; i < parts.length; ) {
    const batch: typeof parts = [];
    let bytes = 0;
    while (i < parts.length && (batch.length === 0 || bytes < 8_000_000)) {
      bytes += parts[i]!.value.byteLength;
      batch.push(parts[i++]!);
    }
    await sql.exec(
      'INSERT INTO state_parts(scope, key, value) SELECT $1, k, v FROM unnest($2::text[], $3::bytea[]) AS t(k, v) ON CONFLICT(scope, key) DO UPDATE SET value = excluded.value',
      [scope, batch.map((p) => p.key), batch.map((p) => Buffer.from(p.value.buffer, p.value.byteOffset, p.value.byteLength))],
    );
  }
}

const MEMBER_ROWS = "(SELECT string_agg(article_id::text, ',' ORDER BY article_id) FROM story_articles WHERE story_id = s.id)";
const MEMBERS = `COALESCE(s.members, ${MEMBER_ROWS})`;

type MemberRow = { id: number; key: string; parent_id: number | null; cleared: boolean; members: string | null };

/** Brings the stories in line with the clusters, as the SQLite store does (see its comment). */
export async function syncStories(sql: Sql, clusters: ClusterSnapshot[], opts: { removed?: string[] } = {}): Promise<void> {
  const now = new Date().toISOString();
  const partial = opts.removed !== undefined;
  const keys = partial ? [...new Set([...clusters.flatMap((c) => (c.parentKey ? [c.key, c.parentKey] : [c.key])), ...opts.removed!])] : null;
  const select = `SELECT s.id, s.key, s.parent_id, s.members IS NULL AS cleared, ${MEMBERS} AS members FROM stories s`;
  const rows = keys ? await sql.rows<MemberRow>(`${select} WHERE s.key = ANY($1)`, [keys]) : await sql.rows<MemberRow>(select);
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  const stored = new Map(rows.map((r) => [r.id, { parent: r.parent_id, members: r.members ?? '', cleared: r.cleared }]));
  const live = new Set(clusters.map((c) => c.key));
  const dropped = partial ? new Set(opts.removed) : null;
  const gone = [...byKey].filter(([key]) => (dropped ? dropped.has(key) && !live.has(key) : !live.has(key)));
  const goneIds = new Set(gone.map(([, id]) => id));
  const logs: [number, string][] = [];
  const detach: number[] = [];
  for (const c of clusters) {
    const id = byKey.get(c.key);
    const st = id === undefined ? undefined : stored.get(id);
    if (id !== undefined && st?.parent != null && goneIds.has(st.parent)) {
      detach.push(id);
      st.parent = null;
    }
  }
  if (detach.length) await sql.exec('UPDATE stories SET parent_id = NULL WHERE id = ANY($1)', [detach]);
  if (gone.length) {
    await sql.exec('DELETE FROM stories WHERE id = ANY($1)', [gone.map(([, id]) => id)]);
    for (const [key, id] of gone) logs.push([id, JSON.stringify({ removed: key })]);
  }
  const adds: [number, number][] = [];
  const drops: [number, number][] = [];
  for (const c of [...clusters].sort((a, b) => (a.level === b.level ? 0 : a.level === 'topic' ? -1 : 1))) {
    let id = byKey.get(c.key);
    const ids = [...c.articleIds].sort((a, b) => a - b);
    const joined = ids.join(',');
    const parent = c.parentKey ? (byKey.get(c.parentKey) ?? null) : undefined;
    if (id === undefined) {
      const members = [...new Set(ids)].join(',');
      id = (await sql.one<{ id: number }>('INSERT INTO stories(key, level, parent_id, headline, date_start, date_end, members) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id', [c.key, c.level, parent ?? null, c.headline, c.dateStart, c.dateEnd, members]))!.id;
      byKey.set(c.key, id);
      logs.push([id, JSON.stringify({ created: c.key, articles: ids })]);
      for (const a of new Set(ids)) adds.push([id, a]);
      stored.set(id, { parent: parent ?? null, members, cleared: false });
      continue;
    }
    const st = stored.get(id) ?? { parent: null, members: '', cleared: true };
    if (st.members !== joined) {
      const before = st.members ? st.members.split(',').map(Number) : [];
      const after = new Set(ids);
      const was = new Set(before);
      for (const a of before) if (!after.has(a)) drops.push([id, a]);
      for (const a of after) if (!was.has(a)) adds.push([id, a]);
      st.members = [...after].join(',');
      st.cleared = false;
      await sql.exec('UPDATE stories SET level = $1, headline = $2, date_start = $3, date_end = $4, version = version + 1, members = $5 WHERE id = $6', [c.level, c.headline, c.dateStart, c.dateEnd, st.members, id]);
      logs.push([id, JSON.stringify({ articles: ids, before })]);
    } else if (st.cleared) {
      await sql.exec('UPDATE stories SET members = $1 WHERE id = $2', [st.members, id]);
      st.cleared = false;
    }
    if (parent !== undefined && parent !== st.parent) {
      await sql.exec('UPDATE stories SET parent_id = $1 WHERE id = $2', [parent, id]);
      st.parent = parent;
    }
    stored.set(id, st);
  }
  if (drops.length) {
    await sql.exec('DELETE FROM story_articles s USING unnest($1::bigint[], $2::bigint[]) AS t(sid, aid) WHERE s.story_id = t.sid AND s.article_id = t.aid', [drops.map((d) => d[0]), drops.map((d) => d[1])]);
    // The trigger cleared the kept lists of the stories that lost a member; they are set again here.
    const touched = [...new Set(drops.map((d) => d[0]))];
    await sql.exec('UPDATE stories s SET members = t.m FROM unnest($1::bigint[], $2::text[]) AS t(id, m) WHERE s.id = t.id', [touched, touched.map((id) => stored.get(id)!.members)]);
  }
  if (adds.length) await sql.exec('INSERT INTO story_articles(story_id, article_id) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING', [adds.map((a) => a[0]), adds.map((a) => a[1])]);
  if (logs.length) await sql.exec('INSERT INTO story_log(story_id, at, change) SELECT sid, $3, ch FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS t(sid, ch, o) ORDER BY o', [logs.map((l) => l[0]), logs.map((l) => l[1]), now]);
}

export async function setStoryHeadline(sql: Sql, id: number, headline: string, dateStart: string | null, dateEnd: string | null): Promise<void> {
  await sql.exec('UPDATE stories SET headline = $1, date_start = $2, date_end = $3 WHERE id = $4', [headline, dateStart, dateEnd, id]);
}


export async function listStories(sql: Sql, level?: 'topic' | 'event', opts: { articleIds?: number[] } = {}): Promise<StoredStory[]> {
  const holding = opts.articleIds ? 'AND s.id IN (SELECT story_id FROM story_articles WHERE article_id = ANY($2))' : '';
  const params: unknown[] = [level ?? null];
  if (opts.articleIds) params.push(opts.articleIds.map(Number));
  const rows = await sql.rows(`SELECT s.*, ${MEMBERS} AS members FROM stories s WHERE ($1::text IS NULL OR s.level = $1) ${holding} ORDER BY s.level DESC, s.id`, params);
  return rows.map(storyFromRow);
}

export async function getStory(sql: Sql, id: number): Promise<StoredStory | null> {
  const r = await sql.one(`SELECT s.*, ${MEMBERS} AS members FROM stories s WHERE s.id = $1`, [id]);
  return r ? storyFromRow(r) : null;
}

export async function childStories(sql: Sql, parentId: number): Promise<StoredStory[]> {
  return (await sql.rows(`SELECT s.*, ${MEMBERS} AS members FROM stories s WHERE s.parent_id = $1 ORDER BY s.date_start IS NULL, s.date_start, s.id`, [parentId])).map(storyFromRow);
}

export async function childCounts(sql: Sql): Promise<Map<number, number>> {
  const rows = await sql.rows<{ parent: number; n: number }>('SELECT parent_id AS parent, COUNT(*) AS n FROM stories WHERE parent_id IS NOT NULL GROUP BY parent_id');
  return new Map(rows.map((r) => [r.parent, r.n]));
}

export async function recordInferredDate(sql: Sql, articleId: number, inferred: InferredDate, times: { text: string; value: string; start: number; end: number }[], anchor: string): Promise<void> {
  await sql.exec('UPDATE articles SET inferred_published_json = $1 WHERE id = $2', [JSON.stringify(inferred), articleId]);
  for (const t of times) {
    await sql.exec(`UPDATE time_refs SET value = $1, rule = 'story:inferred', anchor = $2 WHERE article_id = $3 AND field = 'text' AND start = $4 AND text = $5 AND resolved = 0`, [t.value, anchor, articleId, t.start, t.text]);
    await sql.exec(`UPDATE events SET date = $1 WHERE article_id = $2 AND field = 'text' AND start <= $3 AND "end" >= $4 AND date IS NULL AND date_resolved = 0`, [t.value, articleId, t.start, t.end]);
  }
}

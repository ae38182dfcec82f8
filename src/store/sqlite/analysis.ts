// Persisting and reading what the language and event layers found: entities with aliases and
// roles, mentions, time references, quotes, events. An article's analysis is replaced whole, in
// one transaction, so re-analysing never leaves a mix of old and new rows.
import type Database from 'better-sqlite3';
import type { Doc } from '../../doc/layers.js';
import type { CanonicalEntity, RestoredEntity } from '../../entities/registry.js';
import type { EntityType } from '../../entities/types.js';
import type { Sector } from '../../entities/roles.js';
import type { ArticleLayers, EntityMention, EventFilter, StoredEntity, StoredEvent, StoredTimeRef } from '../records.js';
import { num, prepared, str, type Row } from './rows.js';
import { EVENT_COLUMNS, MENTION_COLUMNS, NUMBER_COLUMNS, QUOTE_COLUMNS, TIME_COLUMNS, recordFromRow, recordValues } from '../columns.js';
import { insertSql } from './column-sql.js';
import { COMMON_ARTICLES, LABEL_CANDIDATES, distinctiveNames, editDistance } from '../entity-ranking.js';

export function articlesToAnalyse(db: Database.Database, version: number, force: boolean): number[] {
  return (prepared(db, 'SELECT id FROM articles WHERE @force = 1 OR analysed_version < @v ORDER BY id').all({ force: force ? 1 : 0, v: version }) as { id: number }[]).map(
    (r) => r.id,
  );
}

export function clearEntities(db: Database.Database): void {
  db.exec('DELETE FROM entity_merges; DELETE FROM entity_roles; DELETE FROM entity_aliases; DELETE FROM entities;');
}

/** Rows of one column set grouped by entity id, read in one pass instead of one query per entity. */
function byEntity<T>(db: Database.Database, sql: string, map: (r: Row) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of db.prepare(sql).iterate() as IterableIterator<Row>) {
    const id = r.entity_id as number;
    let list = out.get(id);
    if (!list) out.set(id, (list = []));
    list.push(map(r));
  }
  return out;
}

/**
 * Every canonical entity with its aliases, as the registry restores them: what matching reads.
 * Roles and merges stay in their tables (they are appended to, never read back by the registry).
 */
export function loadEntities(db: Database.Database): RestoredEntity[] {
  const aliases = byEntity(db, 'SELECT entity_id, alias, count FROM entity_aliases', (r) => [r.alias as string, r.count as number] as const);
  return (db.prepare('SELECT id, key, name, type, country, sector FROM entities ORDER BY id').all() as Row[]).map((r) => ({
    key: r.key as string,
    name: r.name as string,
    type: r.type as EntityType,
    country: str(r.country),
    sector: (r.sector as Sector | null) ?? null,
    aliases: new Map(aliases.get(r.id as number) ?? []),
  }));
}

/** One article's analysis and the canonical entities it touched (their roles name article ids). */
export function saveAnalysis(db: Database.Database, doc: Doc, entities: CanonicalEntity[], version: number): void {
  db.transaction(() => saveDoc(db, doc, upsertEntities(db, entities, String(doc.articleId), (art) => Number(art)), version))();
}

/**
 * Writes the canonical entities (insert or update by key); returns key -> id. Only what changed is
 * written: the entity row when a field differs, the roles of `current` (the article being saved;
 * all roles only when the store holds fewer than the registry), and the merges not yet stored (the
 * registry only ever appends to them). Rewriting everything made each save grow with the entity.
 */
function upsertEntities(db: Database.Database, entities: CanonicalEntity[], current: string, articleIdOf: (external: string) => number | null): Map<string, number> {
  const ids = new Map<string, number>();
  const find = prepared(db, 'SELECT id, name, type, country, sector FROM entities WHERE key = ?');
  const insert = prepared(db, "INSERT INTO entities(key, name, type, country, sector, merged) VALUES (?, ?, ?, ?, ?, '[]')");
  const update = prepared(db, 'UPDATE entities SET name = ?, type = ?, country = ?, sector = ? WHERE id = ?');
  const alias = prepared(db, 'INSERT INTO entity_aliases(entity_id, alias, count) VALUES (?, ?, ?) ON CONFLICT(entity_id, alias) DO UPDATE SET count = excluded.count');
  const role = prepared(db, 'INSERT OR IGNORE INTO entity_roles(entity_id, role, article_id, date) VALUES (?, ?, ?, ?)');
  const published = prepared(db, 'SELECT published FROM articles WHERE id = ?');
  const mergeCount = prepared(db, 'SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM entity_merges WHERE entity_id = ?');
  const addMerge = prepared(db, 'INSERT INTO entity_merges(entity_id, seq, local_key, article) VALUES (?, ?, ?, ?)');
  const currentId = articleIdOf(current);
  const date = currentId === null ? null : ((published.get(currentId) as { published: string | null } | undefined)?.published ?? null);
  for (const e of entities) {
    const row = find.get(e.key) as Row | undefined;
    let id: number;
    if (row) {
      id = row.id as number;
      if (row.name !== e.name || row.type !== e.type || row.country !== e.country || row.sector !== e.sector) update.run(e.name, e.type, e.country, e.sector, id);
    } else id = Number(insert.run(e.key, e.name, e.type, e.country, e.sector).lastInsertRowid);
    ids.set(e.key, id);
    for (const [a, n] of e.aliases) alias.run(id, a, n);
    // The current article's roles and merges: earlier articles' were written with them.
    if (currentId !== null) for (const [r, arts] of e.roles) if (arts.has(current)) role.run(id, r, currentId, date);
    let first = e.merged.length;
    while (first > 0 && e.merged[first - 1]!.article === current) first--;
    let seq = (mergeCount.get(id) as { n: number }).n;
    for (let k = first; k < e.merged.length; k++) addMerge.run(id, seq++, e.merged[k]!.localKey, e.merged[k]!.article);
  }
  return ids;
}

/** Replaces one article's analysis rows; each record's columns come from its map (src/store/columns.ts). */
function saveDoc(db: Database.Database, doc: Doc, entityIds: Map<string, number>, version: number): void {
  const id = doc.articleId;
  for (const t of ['mentions', 'time_refs', 'quotes', 'events']) prepared(db, `DELETE FROM ${t} WHERE article_id = ?`).run(id);
  const eid = (k: string | null) => (k ? (entityIds.get(k) ?? null) : null);
  const m = prepared(db, insertSql('mentions', MENTION_COLUMNS, ['article_id', 'entity_id']));
  for (const x of doc.mentions) m.run(id, eid(x.entityKey), ...recordValues(MENTION_COLUMNS, x));
  const n = prepared(db, insertSql('mentions', NUMBER_COLUMNS, ['article_id', 'rule']));
  for (const x of doc.numbers) n.run(id, 'pattern:number', ...recordValues(NUMBER_COLUMNS, x));
  const t = prepared(db, insertSql('time_refs', TIME_COLUMNS, ['article_id']));
  for (const x of doc.times) t.run(id, ...recordValues(TIME_COLUMNS, x));
  const q = prepared(db, insertSql('quotes', QUOTE_COLUMNS, ['article_id', 'speaker_entity_id']));
  for (const x of doc.quotes) q.run(id, eid(x.speakerKey), ...recordValues(QUOTE_COLUMNS, x));
  const e = prepared(db, insertSql('events', EVENT_COLUMNS, ['article_id', 'source_entity_id', 'target_entity_id']));
  for (const x of doc.events) e.run(id, eid(x.sourceKey), eid(x.targetKey), ...recordValues(EVENT_COLUMNS, x));
  prepared(db, 'UPDATE articles SET analysed_version = ? WHERE id = ?').run(version, id);
}

function toEntity(db: Database.Database, r: Row): StoredEntity {
  const id = r.id as number;
  return {
    id,
    key: r.key as string,
    name: r.name as string,
    type: r.type as EntityType,
    country: str(r.country),
    sector: (r.sector as Sector | null) ?? null,
    aliases: prepared(db, 'SELECT alias, count FROM entity_aliases WHERE entity_id = ? ORDER BY count DESC, alias').all(id) as { alias: string; count: number }[],
    roles: (prepared(db, 'SELECT role, article_id, date FROM entity_roles WHERE entity_id = ? ORDER BY date, article_id').all(id) as Row[]).map((x) => ({
      role: x.role as string,
      articleId: x.article_id as number,
      date: str(x.date),
    })),
    mentions: (prepared(db, 'SELECT COUNT(*) n FROM mentions WHERE entity_id = ?').get(id) as { n: number }).n,
  };
}

export function listEntities(db: Database.Database, opts: { type?: string; limit?: number } = {}): StoredEntity[] {
  const rows = db
    .prepare(
      `SELECT e.*, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS n FROM entities e
       WHERE (@type IS NULL OR e.type = @type) ORDER BY n DESC, e.name LIMIT @limit`,
    )
    .all({ type: opts.type ?? null, limit: opts.limit ?? -1 }) as Row[];
  return rows.map((r) => toEntity(db, r));
}

export function getEntity(db: Database.Database, idOrKey: number | string): StoredEntity | null {
  const r = (typeof idOrKey === 'number'
    ? prepared(db, 'SELECT * FROM entities WHERE id = ?').get(idOrKey)
    : prepared(db, 'SELECT * FROM entities WHERE key = ? OR name = ? COLLATE NOCASE ORDER BY id LIMIT 1').get(idOrKey, idOrKey)) as Row | undefined;
  return r ? toEntity(db, r) : null;
}

/**
 * An entity by any of its aliases, case-insensitively (the one that uses the alias most); else
 * names and aliases that contain the text or differ from it by a letter or two, for a suggestion.
 */
export function findEntityByAlias(db: Database.Database, text: string): { entity: StoredEntity | null; suggestions: string[] } {
  const hit = prepared(
    db,
    'SELECT e.* FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = ? COLLATE NOCASE ORDER BY a.count DESC, e.id LIMIT 1',
  ).get(text) as Row | undefined;
  if (hit) return { entity: toEntity(db, hit), suggestions: [] };
  const like = `%${text.replace(/[%_\\]/g, '\\$&')}%`;
  const near = (prepared(db, "SELECT DISTINCT e.name AS name FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id WHERE e.name LIKE ? ESCAPE '\\' OR a.alias LIKE ? ESCAPE '\\' LIMIT 5").all(like, like) as Row[]).map(
    (r) => r.name as string,
  );
  if (near.length) return { entity: null, suggestions: near };
  // Misspellings: names of about the same length within two edits.
  const all = prepared(db, 'SELECT name FROM entities WHERE length(name) BETWEEN ? AND ?').all(text.length - 2, text.length + 2) as Row[];
  const close = all.map((r) => r.name as string).filter((n) => editDistance(n.toLowerCase(), text.toLowerCase()) <= 2);
  return { entity: null, suggestions: close.slice(0, 5) };
}

export function entityName(db: Database.Database, idOrKey: number | string): string | null {
  const r = prepared(db, typeof idOrKey === 'number' ? 'SELECT name FROM entities WHERE id = ?' : 'SELECT name FROM entities WHERE key = ?').get(idOrKey) as
    | { name: string }
    | undefined;
  return r?.name ?? null;
}

export function articleEntityKeys(db: Database.Database, articleId: number): string[] {
  return (
    db
      .prepare(`SELECT DISTINCT e.key FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? AND e.type IN ('PERSON', 'ORG', 'GPE', 'LOC')`)
      .all(articleId) as { key: string }[]
  ).map((r) => r.key);
}

export function topEntityNames(db: Database.Database, articleIds: number[], types: string[], limit: number): string[] {
  if (articleIds.length === 0 || types.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT e.name, COUNT(DISTINCT m.article_id) AS a, COUNT(*) AS n,
              (SELECT COUNT(*) FROM (SELECT DISTINCT o.article_id FROM mentions o WHERE o.entity_id = e.id LIMIT ${COMMON_ARTICLES})) AS df
       FROM mentions m JOIN entities e ON e.id = m.entity_id
       WHERE m.article_id IN (${articleIds.map(Number).join(',')}) AND e.type IN (${types.map(() => '?').join(',')})
       GROUP BY e.id ORDER BY a DESC, n DESC, e.id LIMIT ?`,
    )
    .all(...types, Math.max(limit, LABEL_CANDIDATES)) as { name: string; a: number; n: number; df: number }[];
  const total = (prepared(db, 'SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  return distinctiveNames(rows, total, limit);
}

function toTimeRef(r: Row): StoredTimeRef {
  return recordFromRow(TIME_COLUMNS, r);
}

export function timeRefs(db: Database.Database, articleId: number): StoredTimeRef[] {
  return (prepared(db, `SELECT * FROM time_refs WHERE article_id = ? AND field = 'text' AND text IS NOT NULL ORDER BY start`).all(articleId) as Row[]).map(toTimeRef);
}

const MENTION_IN_CONTEXT = 'm.article_id, m.start, m.end, m.text, m.role, m.metonymy, substr(a.text, max(1, m.start - 59), (m.end - m.start) + 120) AS context';

export function entityMentions(db: Database.Database, entityId: number, limit = 200): EntityMention[] {
  // Two ways to the first mentions by date: sort all of the entity's mentions, or walk the articles
  // by date until enough are found. The walk reads about limit * articles / mentions articles, so it
  // wins for a frequent entity (mentions² > limit * articles) and loses badly for a rare one.
  const mentions = (prepared(db, 'SELECT COUNT(*) AS n FROM mentions WHERE entity_id = ?').get(entityId) as { n: number }).n;
  const articles = (prepared(db, 'SELECT MAX(id) AS n FROM articles').get() as { n: number | null }).n ?? 0;
  const walk = mentions * mentions > Math.max(limit, 1) * articles;
  const sql = walk
    ? `SELECT ${MENTION_IN_CONTEXT} FROM articles a CROSS JOIN mentions m ON m.entity_id = ? AND m.article_id = a.id ORDER BY a.published, m.article_id, m.start LIMIT ?`
    : `SELECT ${MENTION_IN_CONTEXT} FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? ORDER BY a.published, m.article_id, m.start LIMIT ?`;
  const rows = prepared(db, sql).all(entityId, limit) as Row[];
  return rows.map((r) => ({
    articleId: r.article_id as number,
    start: r.start as number,
    end: r.end as number,
    text: r.text as string,
    context: (r.context as string).replace(/\s+/g, ' '),
    role: str(r.role),
    metonymy: r.metonymy === 1,
  }));
}

export function queryEvents(db: Database.Database, f: EventFilter = {}): StoredEvent[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.actor) {
    where.push('(source_code LIKE @actor OR target_code LIKE @actor OR source_text LIKE @actorText OR target_text LIKE @actorText)');
    params.actor = `${f.actor.toUpperCase()}%`;
    params.actorText = `%${f.actor}%`;
  }
  if (f.code) {
    // Digits have no case, so a digit prefix is a plain range (which an index serves); LIKE otherwise.
    const digits = /^\d+$/.test(f.code);
    where.push(f.code.length <= 2 ? 'root = @code' : digits ? 'cameo >= @codeFrom AND cameo < @codeTo' : 'cameo LIKE @codePrefix');
    params.code = f.code.padStart(2, '0');
    params.codePrefix = `${f.code}%`;
    params.codeFrom = f.code;
    params.codeTo = `${f.code.slice(0, -1)}${String.fromCharCode(f.code.charCodeAt(f.code.length - 1) + 1)}`;
  }
  if (f.quad) {
    where.push('quad = @quad');
    params.quad = f.quad;
  }
  // A dated bound leaves out undated events: saying so lets the (date IS NULL, date, ...) index serve
  // the range in the order returned (undated events, which sort last, are not among the results).
  const dated = !!(f.from || f.to);
  if (dated) where.push('(date IS NULL) = 0');
  if (f.from) {
    where.push('date >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('date <= @to');
    params.to = `${f.to}\uffff`;
  }
  if (f.modality) {
    where.push('modality = @modality');
    params.modality = f.modality;
  }
  if (f.articleIds) where.push(`article_id IN (${f.articleIds.map(Number).join(',') || 'NULL'})`);
  // The planner, without statistics, prefers the date-order index even when a root code narrows
  // more; the (root, date IS NULL, date, ...) index serves both the root and the order.
  const from = f.code && f.code.length <= 2 ? 'events INDEXED BY events_root_order' : 'events';
  const sql = `SELECT * FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${dated ? '' : '(date IS NULL), '}date, article_id, start LIMIT ${f.limit ?? -1}`;
  return (db.prepare(sql).all(params) as Row[]).map((r) => ({
    ...recordFromRow(EVENT_COLUMNS, r),
    id: r.id as number,
    articleId: r.article_id as number,
    sourceEntityId: num(r.source_entity_id),
    targetEntityId: num(r.target_entity_id),
  }));
}


/** What the language and event layers found in one article, for `dossier show`. */
export function articleLayers(db: Database.Database, articleId: number): ArticleLayers {
  const mentions = (prepared(db, `SELECT m.*, e.key AS entity_key, e.name AS entity_name FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.field, m.start`)
    .all(articleId) as Row[]).map((r) => ({
    ...recordFromRow(MENTION_COLUMNS, r),
    entityId: num(r.entity_id),
    entityKey: str(r.entity_key),
    entity: str(r.entity_name),
    value: num(r.value),
  }));
  const times = (prepared(db, 'SELECT * FROM time_refs WHERE article_id = ? ORDER BY field, start').all(articleId) as Row[]).map(toTimeRef);
  const quotes = (prepared(db, 'SELECT q.*, e.name AS speaker_name FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.article_id = ? ORDER BY q.field, q.start')
    .all(articleId) as Row[]).map((r) => ({
    ...recordFromRow(QUOTE_COLUMNS, r),
    speakerEntityId: num(r.speaker_entity_id),
    speaker: str(r.speaker_name) ?? str(r.speaker_text),
  }));
  return { mentions, times, quotes, events: queryEvents(db, { articleIds: [articleId] }) };
}

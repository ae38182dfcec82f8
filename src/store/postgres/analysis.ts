// The language and event layers in PostgreSQL: the same reads and writes as
// src/store/sqlite/analysis.ts, with the same orders (NULLs first, as SQLite sorts them), so that
// both stores give the pipeline the same rows. An article's analysis is replaced whole in the
// caller's transaction; the records' rows go in one multi-row insert per table.
import type { Doc } from '../../doc/layers.js';
import type { CanonicalEntity, RestoredEntity } from '../../entities/registry.js';
import type { EntityType } from '../../entities/types.js';
import type { Sector } from '../../entities/roles.js';
import type { ArticleLayers, EntityMention, EventFilter, StoredEntity, StoredEvent, StoredTimeRef } from '../records.js';
import { num, str, type Row } from '../sqlite/rows.js';
import { EVENT_COLUMNS, MENTION_COLUMNS, NUMBER_COLUMNS, QUOTE_COLUMNS, TIME_COLUMNS, columnNames, recordFromRow, recordValues, type ColumnMap } from '../columns.js';
import { insertManySql } from './column-sql.js';
import type { Sql } from './sql.js';
import { editDistance, COMMON_ARTICLES, LABEL_CANDIDATES, distinctiveNames } from '../entity-ranking.js';

export async function articlesToAnalyse(sql: Sql, version: number, force: boolean): Promise<number[]> {
  return (await sql.rows<{ id: number }>('SELECT id FROM articles WHERE $1 OR analysed_version < $2::bigint ORDER BY id', [force, version])).map((r) => r.id);
}

export async function clearEntities(sql: Sql): Promise<void> {
  await sql.exec('DELETE FROM entity_merges; DELETE FROM entity_roles; DELETE FROM entity_aliases; DELETE FROM entities;');
}

export async function loadEntities(sql: Sql): Promise<RestoredEntity[]> {
  const aliases = new Map<number, [string, number][]>();
  for (const r of await sql.rows<{ entity_id: number; alias: string; count: number }>('SELECT entity_id, alias, count FROM entity_aliases')) {
    const list = aliases.get(r.entity_id) ?? aliases.set(r.entity_id, []).get(r.entity_id)!;
    list.push([r.alias, r.count]);
  }
  return (await sql.rows('SELECT id, key, name, type, country, sector FROM entities ORDER BY id')).map((r) => ({
    key: r.key as string,
    name: r.name as string,
    type: r.type as EntityType,
    country: str(r.country),
    sector: (r.sector as Sector | null) ?? null,
    aliases: new Map(aliases.get(r.id as number) ?? []),
  }));
}

/** One article's analysis and the canonical entities it touched (in the caller's transaction). */
export async function saveAnalysis(sql: Sql, doc: Doc, entities: CanonicalEntity[], version: number): Promise<void> {
  await saveDoc(sql, doc, await upsertEntities(sql, entities, doc.articleId), version);
}

/** The canonical entities by key (insert or update), writing only what changed, as the SQLite store does. */
async function upsertEntities(sql: Sql, entities: CanonicalEntity[], articleId: number): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const current = String(articleId);
  const date = (await sql.one<{ published: string | null }>('SELECT published FROM articles WHERE id = $1', [articleId]))?.published ?? null;
  for (const e of entities) {
    const row = await sql.one('SELECT id, name, type, country, sector FROM entities WHERE key = $1', [e.key]);
    let id: number;
    if (row) {
      id = row.id as number;
      if (row.name !== e.name || row.type !== e.type || row.country !== e.country || row.sector !== e.sector)
        await sql.exec('UPDATE entities SET name = $1, type = $2, country = $3, sector = $4 WHERE id = $5', [e.name, e.type, e.country, e.sector, id]);
    } else id = (await sql.one<{ id: number }>('INSERT INTO entities(key, name, type, country, sector) VALUES ($1, $2, $3, $4, $5) RETURNING id', [e.key, e.name, e.type, e.country, e.sector]))!.id;
    ids.set(e.key, id);
    if (e.aliases.size > 0)
      await sql.exec(
        'INSERT INTO entity_aliases(entity_id, alias, count) SELECT $1, a, n FROM unnest($2::text[], $3::int[]) AS t(a, n) ON CONFLICT (entity_id, alias) DO UPDATE SET count = excluded.count',
        [id, [...e.aliases.keys()], [...e.aliases.values()]],
      );
    const roles = [...e.roles].filter(([, arts]) => arts.has(current)).map(([r]) => r);
    if (roles.length > 0)
      await sql.exec('INSERT INTO entity_roles(entity_id, role, article_id, date) SELECT $1, r, $3, $4 FROM unnest($2::text[]) AS t(r) ON CONFLICT DO NOTHING', [id, roles, articleId, date]);
    let first = e.merged.length;
    while (first > 0 && e.merged[first - 1]!.article === current) first--;
    const added = e.merged.slice(first);
    if (added.length > 0) {
      const seq = (await sql.one<{ n: number }>('SELECT COALESCE(MAX(seq) + 1, 0) AS n FROM entity_merges WHERE entity_id = $1', [id]))!.n;
      await sql.exec(
        'INSERT INTO entity_merges(entity_id, seq, local_key, article) SELECT $1, $2 + o - 1, k, a FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS t(k, a, o)',
        [id, seq, added.map((m) => m.localKey), added.map((m) => m.article)],
      );
    }
  }
  return ids;
}

/** Rows of one record kind in one statement (under the server's limit of 65,535 parameters). */
async function insertRecords<T>(sql: Sql, table: string, map: ColumnMap<T>, extra: readonly string[], rows: unknown[][]): Promise<void> {
  const width = extra.length + columnNames(map).length;
  const per = Math.max(1, Math.floor(60_000 / width));
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    await sql.exec(insertManySql(table, map, extra, part.length), part.flat());
  }
}

async function saveDoc(sql: Sql, doc: Doc, entityIds: Map<string, number>, version: number): Promise<void> {
  const id = doc.articleId;
  for (const t of ['mentions', 'time_refs', 'quotes', 'events']) await sql.exec(`DELETE FROM ${t} WHERE article_id = $1`, [id]);
  const eid = (k: string | null) => (k ? (entityIds.get(k) ?? null) : null);
  await insertRecords(sql, 'mentions', MENTION_COLUMNS, ['article_id', 'entity_id'], doc.mentions.map((x) => [id, eid(x.entityKey), ...recordValues(MENTION_COLUMNS, x)]));
  await insertRecords(sql, 'mentions', NUMBER_COLUMNS, ['article_id', 'rule'], doc.numbers.map((x) => [id, 'pattern:number', ...recordValues(NUMBER_COLUMNS, x)]));
  await insertRecords(sql, 'time_refs', TIME_COLUMNS, ['article_id'], doc.times.map((x) => [id, ...recordValues(TIME_COLUMNS, x)]));
  await insertRecords(sql, 'quotes', QUOTE_COLUMNS, ['article_id', 'speaker_entity_id'], doc.quotes.map((x) => [id, eid(x.speakerKey), ...recordValues(QUOTE_COLUMNS, x)]));
  await insertRecords(sql, 'events', EVENT_COLUMNS, ['article_id', 'source_entity_id', 'target_entity_id'], doc.events.map((x) => [id, eid(x.sourceKey), eid(x.targetKey), ...recordValues(EVENT_COLUMNS, x)]));
  await sql.exec('UPDATE articles SET analysed_version = $1 WHERE id = $2', [version, id]);
}

async function toEntity(sql: Sql, r: Row): Promise<StoredEntity> {
  const id = r.id as number;
  return {
    id,
    key: r.key as string,
    name: r.name as string,
    type: r.type as EntityType,
    country: str(r.country),
    sector: (r.sector as Sector | null) ?? null,
    aliases: await sql.rows<{ alias: string; count: number }>('SELECT alias, count FROM entity_aliases WHERE entity_id = $1 ORDER BY count DESC, alias', [id]),
    roles: (await sql.rows('SELECT role, article_id, date FROM entity_roles WHERE entity_id = $1 ORDER BY date NULLS FIRST, article_id', [id])).map((x) => ({
      role: x.role as string,
      articleId: x.article_id as number,
      date: str(x.date),
    })),
    mentions: (await sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM mentions WHERE entity_id = $1', [id]))!.n,
  };
}

export async function listEntities(sql: Sql, opts: { type?: string; limit?: number } = {}): Promise<StoredEntity[]> {
  const rows = await sql.rows(
    `SELECT e.*, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id) AS n FROM entities e
     WHERE ($1::text IS NULL OR e.type = $1) ORDER BY n DESC, e.name LIMIT $2`,
    [opts.type ?? null, opts.limit ?? null],
  );
  const out: StoredEntity[] = [];
  for (const r of rows) out.push(await toEntity(sql, r));
  return out;
}

export async function getEntity(sql: Sql, idOrKey: number | string): Promise<StoredEntity | null> {
  const r =
    typeof idOrKey === 'number'
      ? await sql.one('SELECT * FROM entities WHERE id = $1', [idOrKey])
      : await sql.one('SELECT * FROM entities WHERE key = $1 OR lower(name) = lower($1) ORDER BY id LIMIT 1', [idOrKey]);
  return r ? toEntity(sql, r) : null;
}

export async function findEntityByAlias(sql: Sql, text: string): Promise<{ entity: StoredEntity | null; suggestions: string[] }> {
  const hit = await sql.one('SELECT e.* FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE lower(a.alias) = lower($1) ORDER BY a.count DESC, e.id LIMIT 1', [text]);
  if (hit) return { entity: await toEntity(sql, hit), suggestions: [] };
  const like = `%${text.replace(/[%_\\]/g, '\\$&')}%`;
  const near = (await sql.rows<{ name: string }>("SELECT DISTINCT e.name AS name FROM entities e LEFT JOIN entity_aliases a ON a.entity_id = e.id WHERE e.name ILIKE $1 ESCAPE '\\' OR a.alias ILIKE $1 ESCAPE '\\' LIMIT 5", [like])).map((r) => r.name);
  if (near.length) return { entity: null, suggestions: near };
  const all = await sql.rows<{ name: string }>('SELECT name FROM entities WHERE length(name) BETWEEN $1 AND $2', [text.length - 2, text.length + 2]);
  const close = all.map((r) => r.name).filter((n) => editDistance(n.toLowerCase(), text.toLowerCase()) <= 2);
  return { entity: null, suggestions: close.slice(0, 5) };
}

export async function entityName(sql: Sql, idOrKey: number | string): Promise<string | null> {
  const r = await sql.one<{ name: string }>(typeof idOrKey === 'number' ? 'SELECT name FROM entities WHERE id = $1' : 'SELECT name FROM entities WHERE key = $1', [idOrKey]);
  return r?.name ?? null;
}

export async function articleEntityKeys(sql: Sql, articleId: number): Promise<string[]> {
  // SQLite returns DISTINCT rows in the order it first meets them (mention order); the clusterer
  // reads the keys as a set, but the same order keeps both stores' inputs identical.
  const rows = await sql.rows<{ key: string }>(
    `SELECT e.key, MIN(m.id) AS first FROM mentions m JOIN entities e ON e.id = m.entity_id
     WHERE m.article_id = $1 AND e.type IN ('PERSON', 'ORG', 'GPE', 'LOC') GROUP BY e.key ORDER BY first`,
    [articleId],
  );
  return rows.map((r) => r.key);
}

export async function topEntityNames(sql: Sql, articleIds: number[], types: string[], limit: number): Promise<string[]> {
  if (articleIds.length === 0 || types.length === 0) return [];
  const rows = await sql.rows<{ name: string; a: number; n: number; df: number }>(
    `SELECT e.name, COUNT(DISTINCT m.article_id) AS a, COUNT(*) AS n,
            (SELECT COUNT(*) FROM (SELECT DISTINCT o.article_id FROM mentions o WHERE o.entity_id = e.id LIMIT ${COMMON_ARTICLES}) d) AS df
     FROM mentions m JOIN entities e ON e.id = m.entity_id
     WHERE m.article_id = ANY($1) AND e.type = ANY($2)
     GROUP BY e.id ORDER BY a DESC, n DESC, e.id LIMIT $3`,
    [articleIds, types, Math.max(limit, LABEL_CANDIDATES)],
  );
  const total = (await sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))!.n;
  return distinctiveNames(rows, total, limit);
}

export async function timeRefs(sql: Sql, articleId: number): Promise<StoredTimeRef[]> {
  return (await sql.rows(`SELECT * FROM time_refs WHERE article_id = $1 AND field = 'text' AND text IS NOT NULL ORDER BY start`, [articleId])).map((r) => recordFromRow(TIME_COLUMNS, r));
}

const MENTION_IN_CONTEXT = 'm.article_id, m.start, m."end", m.text, m.role, m.metonymy, substr(a.text, greatest(1, m.start - 59), (m."end" - m.start) + 120) AS context';

export async function entityMentions(sql: Sql, entityId: number, limit = 200): Promise<EntityMention[]> {
  const rows = await sql.rows(
    `SELECT ${MENTION_IN_CONTEXT} FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = $1 ORDER BY a.published NULLS FIRST, m.article_id, m.start LIMIT $2`,
    [entityId, limit],
  );
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

export async function queryEvents(sql: Sql, f: EventFilter = {}): Promise<StoredEvent[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (f.actor) {
    // ILIKE: SQLite's LIKE ignores ASCII case.
    const code = p(`${f.actor.toUpperCase()}%`);
    const text = p(`%${f.actor}%`);
    where.push(`(source_code ILIKE ${code} OR target_code ILIKE ${code} OR source_text ILIKE ${text} OR target_text ILIKE ${text})`);
  }
  if (f.code) {
    const digits = /^\d+$/.test(f.code);
    if (f.code.length <= 2) where.push(`root = ${p(f.code.padStart(2, '0'))}`);
    else if (digits) where.push(`cameo >= ${p(f.code)} AND cameo < ${p(`${f.code.slice(0, -1)}${String.fromCharCode(f.code.charCodeAt(f.code.length - 1) + 1)}`)}`);
    else where.push(`cameo ILIKE ${p(`${f.code}%`)}`);
  }
  if (f.quad) where.push(`quad = ${p(f.quad)}`);
  const dated = !!(f.from || f.to);
  if (dated) where.push('(date IS NULL) = false');
  if (f.from) where.push(`date >= ${p(f.from)}`);
  if (f.to) where.push(`date <= ${p(`${f.to}\uffff`)}`);
  if (f.modality) where.push(`modality = ${p(f.modality)}`);
  if (f.articleIds) where.push(`article_id = ANY(${p(f.articleIds.map(Number))})`);
  const limit = f.limit === undefined ? '' : `LIMIT ${p(f.limit)}`;
  const text = `SELECT * FROM events ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${dated ? "" : "(date IS NULL), "}date, article_id, start, id ${limit}`;
  return (await sql.rows(text, params)).map((r) => ({
    ...recordFromRow(EVENT_COLUMNS, r),
    id: r.id as number,
    articleId: r.article_id as number,
    sourceEntityId: num(r.source_entity_id),
    targetEntityId: num(r.target_entity_id),
  }));
}

export async function articleLayers(sql: Sql, articleId: number): Promise<ArticleLayers> {
  const mentions = (
    await sql.rows('SELECT m.*, e.key AS entity_key, e.name AS entity_name FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.article_id = $1 ORDER BY m.field, m.start, m.id', [articleId])
  ).map((r) => ({ ...recordFromRow(MENTION_COLUMNS, r), entityId: num(r.entity_id), entityKey: str(r.entity_key), entity: str(r.entity_name), value: num(r.value) }));
  const times = (await sql.rows('SELECT * FROM time_refs WHERE article_id = $1 ORDER BY field, start, id', [articleId])).map((r) => recordFromRow(TIME_COLUMNS, r));
  const quotes = (
    await sql.rows('SELECT q.*, e.name AS speaker_name FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.article_id = $1 ORDER BY q.field, q.start, q.id', [articleId])
  ).map((r) => ({ ...recordFromRow(QUOTE_COLUMNS, r), speakerEntityId: num(r.speaker_entity_id), speaker: str(r.speaker_name) ?? str(r.speaker_text) }));
  return { mentions, times, quotes, events: await queryEvents(sql, { articleIds: [articleId] }) };
}

// The pipeline over the store: analyse the articles not yet analysed (one transaction each), merge
// their entities into canonical ones, then cluster new articles into stories and refresh what the
// stories derive (inferred dates, headlines).
import type Database from 'better-sqlite3';
import type { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { EntityRegistry, type CanonicalEntity } from '../entities/registry.js';
import type { EntityType } from '../entities/types.js';
import type { Sector } from '../entities/roles.js';
import { upsertEntities, saveDoc } from '../store/sqlite/analysis.js';
import { analyseArticle, type Analysers } from './analyse.js';

/** Bumped when a layer changes what it finds, so that `analyze` redoes older articles. */
export const ANALYSIS_VERSION = 1;

type Row = Record<string, unknown>;

export function loadRegistry(db: Database.Database): EntityRegistry {
  const reg = new EntityRegistry();
  const aliases = db.prepare('SELECT alias, count FROM entity_aliases WHERE entity_id = ?');
  const roles = db.prepare('SELECT role, article_id FROM entity_roles WHERE entity_id = ?');
  const articles = db.prepare('SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?');
  for (const r of db.prepare('SELECT * FROM entities').all() as Row[]) {
    const id = r.id as number;
    const roleMap = new Map<string, Set<string>>();
    for (const x of roles.all(id) as { role: string; article_id: number }[]) roleMap.set(x.role, (roleMap.get(x.role) ?? new Set()).add(String(x.article_id)));
    reg.restore({
      key: r.key as string,
      name: r.name as string,
      type: r.type as EntityType,
      country: (r.country as string | null) ?? null,
      sector: (r.sector as Sector | null) ?? null,
      aliases: new Map((aliases.all(id) as { alias: string; count: number }[]).map((a) => [a.alias, a.count])),
      roles: roleMap,
      articles: new Set((articles.all(id) as { article_id: number }[]).map((a) => String(a.article_id))),
      merged: JSON.parse((r.merged as string) || '[]') as CanonicalEntity['merged'],
    });
  }
  return reg;
}

export interface AnalyseProgress {
  (done: number, total: number, articleId: number): void;
}

/** Analyses every article whose analysis is missing or older than this version; returns their ids. */
export function analysePending(store: SqliteStore, an: Analysers, opts: { force?: boolean; onProgress?: AnalyseProgress } = {}): number[] {
  const db = store.db;
  const ids = (
    db.prepare(`SELECT id FROM articles WHERE @force = 1 OR analysed_version < @v ORDER BY id`).all({ force: opts.force ? 1 : 0, v: ANALYSIS_VERSION }) as { id: number }[]
  ).map((r) => r.id);
  // Re-analysing everything rebuilds the entities from scratch, so that alias counts are not doubled.
  if (opts.force) db.exec('DELETE FROM entity_roles; DELETE FROM entity_aliases; DELETE FROM entities;');
  const registry = loadRegistry(db);
  let done = 0;
  for (const id of ids) {
    const a = store.getArticle(id);
    if (!a) continue;
    const { doc, entities } = analyseArticle(
      { id, title: a.title, dek: a.dek, text: a.text, published: a.published ? { value: a.published.value, timezone: a.published.timezone } : null },
      an,
    );
    db.transaction(() => {
      const canonicalOf = new Map<string, string>();
      const touched = new Map<string, CanonicalEntity>();
      for (const local of entities) {
        const c = registry.add(local, String(id));
        canonicalOf.set(local.key, c.key);
        touched.set(c.key, c);
      }
      const remap = (k: string | null) => (k ? (canonicalOf.get(k) ?? k) : null);
      for (const m of doc.mentions) m.entityKey = remap(m.entityKey);
      for (const q of doc.quotes) q.speakerKey = remap(q.speakerKey);
      for (const e of doc.events) [e.sourceKey, e.targetKey] = [remap(e.sourceKey), remap(e.targetKey)];
      const entityIds = upsertEntities(db, [...touched.values()], (art) => Number(art));
      saveDoc(db, doc, entityIds, ANALYSIS_VERSION);
    })();
    done++;
    opts.onProgress?.(done, ids.length, id);
  }
  return ids;
}

// Analysis over the store: analyse the articles not yet analysed (one transaction each) and merge
// their entities into canonical ones.
import type { Store } from '../store/store.js';
import { EntityRegistry, type CanonicalEntity } from '../entities/registry.js';
import type { Analyzer } from './analyse.js';

/** Bumped when a layer changes what it finds, so that `analyze` redoes older articles. */
export const ANALYSIS_VERSION = 1;

export async function loadRegistry(store: Store): Promise<EntityRegistry> {
  const reg = new EntityRegistry();
  for (const e of await store.loadEntities()) reg.restore(e);
  return reg;
}

export interface AnalyseProgress {
  (done: number, total: number, articleId: number): void;
}

/** Analyses every article whose analysis is missing or older than this version; returns their ids. */
export async function analysePending(store: Store, analyzer: Analyzer, opts: { force?: boolean; onProgress?: AnalyseProgress } = {}): Promise<number[]> {
  const ids = await store.articlesToAnalyse(ANALYSIS_VERSION, !!opts.force);
  // Nothing new: the registry (every entity with its roles, seconds at 100k articles) is not read.
  if (ids.length === 0) return ids;
  // Re-analysing everything rebuilds the entities from scratch, so that alias counts are not doubled.
  if (opts.force) await store.clearEntities();
  const registry = await loadRegistry(store);
  let done = 0;
  for (const id of ids) {
    const a = await store.getArticle(id);
    if (!a) continue;
    const { doc, entities } = analyzer.analyse({
      id,
      title: a.title,
      dek: a.dek,
      text: a.text,
      published: a.published ? { value: a.published.value, timezone: a.published.timezone } : null,
    });
    // The registry changes and the rows written belong together: one transaction for both.
    await store.transaction(async (tx) => {
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
      await tx.saveAnalysis(doc, [...touched.values()], ANALYSIS_VERSION);
    });
    done++;
    opts.onProgress?.(done, ids.length, id);
  }
  return ids;
}

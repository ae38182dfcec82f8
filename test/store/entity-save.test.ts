// saveAnalysis writes a canonical entity incrementally (the current article's roles and merges) and
// loadEntities gives back what matching reads; migration 3 moves the merges of an older store.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import type { Doc } from '../../src/doc/layers.js';
import { EntityRegistry, type CanonicalEntity } from '../../src/entities/registry.js';
import type { LocalEntity } from '../../src/entities/types.js';
import { emptyArticle } from '../../src/doc/article.js';
import { fakeArticle, tempDir } from '../helpers.js';
import { storeArticle } from '../../src/pipeline/store-article.js';

const t = tempDir('dossier-entity-save-');
const path = () => join(t.dir, `s${Math.random().toString(36).slice(2)}.db`);

async function put(s: SqliteStore, i: number): Promise<number> {
  return (await storeArticle(s, {
    ...emptyArticle({ kind: 'file', location: `/ent/${i}.txt` }),
    text: fakeArticle(200 + i),
    published: { value: `2024-06-0${i + 1}`, granularity: 'day', timezone: null, rule: 'test' },
  })).id;
}

function doc(articleId: number, key: string): Doc {
  return {
    articleId,
    sentences: [],
    mentions: [{ field: 'text', start: 0, end: 3, type: 'ORG', text: 'The', entityKey: key, role: null, metonymy: false, rule: 'test' }],
    numbers: [],
    times: [],
    quotes: [],
    events: [],
  };
}

/** What the registry does when an article's local entity joins the canonical one. */
function absorb(e: CanonicalEntity, article: number, role: string | null): void {
  const art = String(article);
  e.aliases.set('Harbour Board', (e.aliases.get('Harbour Board') ?? 0) + 1);
  if (role) e.roles.set(role, (e.roles.get(role) ?? new Set<string>()).add(art));
  e.merged.push({ localKey: `org:harbour-${article}`, article: art });
}

describe('saveAnalysis and loadEntities', () => {
  it('saves a canonical entity article by article, and restores what matching reads', async () => {
    const s = openStore(path());
    const ids = [await put(s, 0), await put(s, 1), await put(s, 2)];
    const e: CanonicalEntity = { key: 'org:harbour', name: 'Harbour Board', type: 'ORG', country: null, sector: null, aliases: new Map(), roles: new Map(), merged: [] };
    for (const [i, id] of ids.entries()) {
      absorb(e, id, i === 1 ? null : 'operator');
      await s.saveAnalysis(doc(id, e.key), [e], 1);
    }
    const [back] = await s.loadEntities();
    const { roles: _roles, merged: _merged, ...matching } = e;
    expect(back).toEqual(matching);
    // The kept role count (migration 4) follows the rows.
    expect(s.db.prepare('SELECT role_count AS n FROM entities').get()).toEqual(s.db.prepare('SELECT COUNT(*) AS n FROM entity_roles').get());
    // Each save wrote its own merge only: one row per merge, in order.
    expect(s.db.prepare('SELECT seq, article FROM entity_merges ORDER BY seq').all()).toEqual(ids.map((id, k) => ({ seq: k, article: String(id) })));
    expect((await s.getEntity('harbour board'))?.roles).toEqual([
      { role: 'operator', articleId: ids[0], date: '2024-06-01' },
      { role: 'operator', articleId: ids[2], date: '2024-06-03' },
    ]);
    await s.close();
  });

  it('appends the roles and merges of a registry restored from the store after the stored ones', async () => {
    const s = openStore(path());
    const [a, b] = [await put(s, 0), await put(s, 1)];
    const first = new EntityRegistry();
    const local = (article: number): LocalEntity => ({ key: 'org:harbour-board', name: 'Harbour Board', type: 'ORG', country: null, sector: null, aliases: new Map([['Harbour Board', 1]]), roles: new Set([article === a ? 'owner' : 'operator']) });
    await s.saveAnalysis(doc(a, first.add(local(a), String(a)).key), first.all(), 1);
    // A later run: the registry is restored, then learns more.
    const later = new EntityRegistry();
    for (const r of (await s.loadEntities())) later.restore(r);
    const e = later.add(local(b), String(b));
    expect(e.aliases.get('Harbour Board')).toBe(2);
    await s.saveAnalysis(doc(b, e.key), [e], 1);
    expect((await s.getEntity(e.key))?.roles.map((r) => [r.role, r.articleId])).toEqual([
      ['owner', a],
      ['operator', b],
    ]);
    expect(s.db.prepare('SELECT seq, article FROM entity_merges ORDER BY seq').all()).toEqual([
      { seq: 0, article: String(a) },
      { seq: 1, article: String(b) },
    ]);
    await s.close();
  });

  it('lists an entity’s mentions by article date, frequent (walk by date) or rare (sort) alike', async () => {
    const s = openStore(path());
    // Stored out of date order: article 0 is dated last, article 2 first.
    const ids = [await put(s, 2), await put(s, 1), await put(s, 0)];
    const e: CanonicalEntity = { key: 'org:harbour', name: 'Harbour Board', type: 'ORG', country: null, sector: null, aliases: new Map(), roles: new Map(), merged: [] };
    for (const id of ids) {
      absorb(e, id, null);
      const d = doc(id, e.key);
      d.mentions.push({ ...d.mentions[0]!, start: 5, end: 9 });
      await s.saveAnalysis(d, [e], 1);
    }
    const id = (await s.getEntity(e.key))!.id;
    const order = async (limit: number) => (await s.entityMentions(id, limit)).map((m) => [m.articleId, m.start]);
    // 6 mentions of 3 articles: limit 2 walks the articles by date, limit 50 sorts the mentions.
    expect(await order(2)).toEqual([
      [ids[2], 0],
      [ids[2], 5],
    ]);
    expect(await order(50)).toEqual([ids[2], ids[1], ids[0]].flatMap((a) => [[a, 0], [a, 5]]));
    await s.close();
  });

  it('moves the merges an older store kept as JSON into rows (migration 3)', async () => {
    const p = path();
    const old = new Database(p);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)');
    for (const m of MIGRATIONS.filter((x) => x.version <= 2)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.description, 'then');
    }
    const merged = [
      { localKey: 'person:reyes', article: '1' },
      { localKey: 'person:ana-reyes', article: '2' },
    ];
    old.prepare("INSERT INTO entities(key, name, type, merged) VALUES ('person:reyes', 'Ana Reyes', 'PERSON', ?)").run(JSON.stringify(merged));
    old.close();
    const s = openStore(p);
    expect(await s.schemaVersion()).toBeGreaterThanOrEqual(3);
    expect(s.db.prepare('SELECT local_key AS localKey, article FROM entity_merges ORDER BY seq').all()).toEqual(merged);
    expect(s.db.prepare('SELECT merged FROM entities').get()).toEqual({ merged: '[]' });
    await s.close();
  });
});

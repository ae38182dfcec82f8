// `dossier entity NAME` finds an entity by any alias, in any case, and suggests close names when
// nothing matches (the seeds' Iranian chief of staff is listed under several spellings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyseSeeds } from '../../src/bench/seeds-analysis.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers.js';

const t = tempDir('dossier-lookup-');
let store: SqliteStore;
beforeAll(async () => {
  store = await analyseSeeds(join(t.dir, 'seeds.db'));
});
afterAll(async () => {
  await store.close();
  t.cleanup();
});

describe('entity lookup', () => {
  it('finds an entity by each of its aliases, case-insensitively', async () => {
    const withAliases = (await store.listEntities()).filter((e) => e.aliases.length > 1);
    expect(withAliases.length).toBeGreaterThan(3);
    for (const e of withAliases)
      for (const a of e.aliases) {
        const found = (await store.findEntityByAlias(a.alias.toUpperCase())).entity;
        // An alias two entities share goes to the one that uses it most.
        const best = (await store.listEntities()).filter((x) => x.aliases.some((y) => y.alias === a.alias)).sort((x, y) => y.aliases.find((z) => z.alias === a.alias)!.count - x.aliases.find((z) => z.alias === a.alias)!.count || x.id - y.id)[0]!;
        expect(found?.id, a.alias).toBe(best.id);
      }
  });

  it('suggests names that contain the text or are one or two letters off', async () => {
    const e = (await store.listEntities()).find((x) => x.type === 'PERSON' && x.name.length > 8)!;
    const typo = `${e.name.slice(0, -2)}${e.name.at(-1)}x`;
    expect(await store.findEntityByAlias(typo)).toEqual({ entity: null, suggestions: expect.arrayContaining([e.name]) });
    const part = e.name.split(' ').at(-1)!.slice(1, 5);
    expect((await store.findEntityByAlias(part)).suggestions.length).toBeGreaterThan(0);
    expect(await store.findEntityByAlias('Qwxzv Plorkt')).toEqual({ entity: null, suggestions: [] });
  });
});

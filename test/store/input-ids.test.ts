// Input ids name one article: two inputs with one stem (x.html, x.txt) are told apart by the
// extension, then by a number; a store from before that lists the candidates of an ambiguous id.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ingestInto } from '../../src/pipeline/ingest.js';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { dossier, fakeArticle, htmlPage, tempDir } from '../helpers.js';

const t = tempDir('dossier-ids-');
afterAll(() => t.cleanup());

describe('input ids', () => {
  it('are unique: the extension, then a number, tells same-stem inputs apart', async () => {
    mkdirSync(join(t.dir, 'a'));
    mkdirSync(join(t.dir, 'b'));
    writeFileSync(join(t.dir, 'a', 'x.html'), htmlPage('Harbour budget approved', fakeArticle(1)));
    writeFileSync(join(t.dir, 'a', 'x.txt'), `Court reviews merger\n\n${fakeArticle(2)}`);
    writeFileSync(join(t.dir, 'b', 'x.txt'), `Council rejects tariff\n\n${fakeArticle(3)}`);
    const db = join(t.dir, 'ids.db');
    const store = openStore(db);
    try {
      for (const dir of ['a', 'b']) await ingestInto(store, [join(t.dir, dir)]);
      const ids = (await store.listArticles({})).map((a) => a.externalId).sort();
      expect(ids).toEqual(['x', 'x.txt', 'x.txt~2']);
      for (const id of ids) expect(await store.findArticlesByExternalId(id!)).toHaveLength(1);
    } finally {
      await store.close();
    }
    // A store written before ids were unique: `show` lists the candidates instead of picking one.
    const raw = new Database(db);
    raw.prepare("UPDATE articles SET external_id = 'x'").run();
    raw.close();
    const r = dossier(['show', 'x', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ambiguous id x: 1 \(.*x\.html\), 2 \(.*x\.txt\), 3 \(.*x\.txt\)/);
  });
});

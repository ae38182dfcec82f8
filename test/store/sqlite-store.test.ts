import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { emptyArticle, type ExtractedArticle } from '../../src/doc/article.js';
import { fakeArticle, tempDir } from '../helpers.js';
import { storeArticle } from '../../src/pipeline/store-article.js';

function article(text: string, extra: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return { ...emptyArticle({ kind: 'file', location: `/tmp/${Math.abs(text.length)}.txt` }), text, ...extra };
}

describe('SqliteStore', () => {
  const t = tempDir();
  afterEach(() => undefined);
  const db = () => openStore(join(t.dir, `s${Math.random().toString(36).slice(2)}.db`));

  it('applies every migration and uses WAL', async () => {
    const s = db();
    expect(await s.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await s.close();
  });

  it('stores and returns an article with its metadata, provenance and source', async () => {
    const s = db();
    const a = article(fakeArticle(1), {
      title: 'Council approves budget',
      authors: ['Ann Example', 'Bo Sample'],
      published: { value: '2020-07-08T10:00:00+03:00', granularity: 'minute', timezone: '+03:00', rule: 'meta:test' },
      provenance: { title: 'html:h1', published: 'meta:test' },
      boilerplate: [{ text: 'Sign up now', kind: 'newsletter-promo', rule: 'promo' }],
    });
    const r = await storeArticle(s, a);
    expect(r.status).toBe('new');
    const back = (await s.getArticle(r.id))!;
    expect(back.title).toBe('Council approves budget');
    expect(back.authors).toEqual(['Ann Example', 'Bo Sample']);
    expect(back.published?.timezone).toBe('+03:00');
    expect(back.provenance.title).toBe('html:h1');
    expect(back.boilerplate[0]?.kind).toBe('newsletter-promo');
    expect(back.sources).toHaveLength(1);
    await s.close();
  });

  it('stores the same content or the same canonical URL once, adding the new source', async () => {
    const s = db();
    const text = fakeArticle(2);
    const first = await storeArticle(s, article(text, { source: { kind: 'file', location: '/a.txt' } }));
    const again = await storeArticle(s, article(text.replace(/\n\n/g, '\n\n  '), { source: { kind: 'file', location: '/b.txt' } }));
    expect(again).toMatchObject({ id: first.id, status: 'duplicate', duplicateBy: 'content' });
    const u1 = await storeArticle(s, article(fakeArticle(3), { canonicalUrl: 'https://News.example.com/a/story/?utm_source=x#top' }));
    const u2 = await storeArticle(s, article(fakeArticle(4), { url: 'https://news.example.com/a/story' }));
    expect(u2).toMatchObject({ id: u1.id, status: 'duplicate', duplicateBy: 'url' });
    expect((await s.getArticle(first.id))!.sources.map((x) => x.location)).toEqual(['/a.txt', '/b.txt']);
    expect(await s.countArticles()).toBe(2);
    await s.close();
  });

  it('lists the outlet of every article that names one, as listArticles gives it', async () => {
    const s = db();
    const a = (await storeArticle(s, article(fakeArticle(11), { outlet: 'The Example Herald' }))).id;
    await storeArticle(s, article(fakeArticle(12)));
    const c = (await storeArticle(s, article(fakeArticle(13), { outlet: 'Sample Wire' }))).id;
    expect(await s.articleOutlets()).toEqual(new Map([[a, 'The Example Herald'], [c, 'Sample Wire']]));
    const listed = (await s.listArticles()).filter((x) => x.outlet);
    expect(new Map(listed.map((x) => [x.id, x.outlet]))).toEqual(await s.articleOutlets());
    await s.close();
  });

  it('is idempotent: putting the same input twice changes nothing', async () => {
    const s = db();
    const a = article(fakeArticle(5));
    await storeArticle(s, a);
    const before = s.db.prepare('SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM sources) s, (SELECT COUNT(*) FROM lsh_bands) b').get();
    await storeArticle(s, a);
    expect(s.db.prepare('SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM sources) s, (SELECT COUNT(*) FROM lsh_bands) b').get()).toEqual(before);
    await s.close();
  });

  it('links near duplicates (a wire copy with a changed paragraph) and keeps both', async () => {
    const s = db();
    const base = fakeArticle(6, 8);
    const edited = base.replace(/officials said in statement number 50\./, 'a spokeswoman told reporters on Friday.') + '\n\nThe agency contributed to this report.';
    const a = await storeArticle(s, article(base));
    const b = await storeArticle(s, article(edited));
    const unrelated = await storeArticle(s, article(fakeArticle(40, 8)));
    expect(b.status).toBe('new');
    expect(b.nearDuplicates.map((n) => n.id)).toEqual([a.id]);
    expect((await s.getArticle(b.id))!.nearDuplicateGroup).toBe(a.id);
    expect(unrelated.nearDuplicates).toEqual([]);
    expect(await s.countArticles()).toBe(3);
    await s.close();
  });

  it('searches titles and text, tolerating punctuation in the query', async () => {
    const s = db();
    await storeArticle(s, article('The harbour authority postponed the dredging works because of storms.', { title: 'Dredging postponed' }));
    await storeArticle(s, article('A regional court approved the merger of two schools after a long hearing.', { title: 'Schools merge' }));
    expect((await s.search('dredging')).map((h) => h.title)).toEqual(['Dredging postponed']);
    expect((await s.search('court: "merger')).map((h) => h.title)).toEqual(['Schools merge']);
    expect(await s.search('nothing-like-this')).toEqual([]);
    await s.close();
  });

  it('records errors with the item named', async () => {
    const s = db();
    await s.recordError('/data/bad.html', 'binary content');
    expect((await s.errors())[0]).toMatchObject({ item: '/data/bad.html', message: 'binary content' });
    await s.close();
    t.cleanup();
  });
});

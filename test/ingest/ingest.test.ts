// The ingestion stream over a mix of good and bad inputs: each bad item yields one error naming
// it, and every good item still comes through.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Ingestor, type IngestEvent } from '../../src/ingest/ingest.js';
import { fakeArticle, htmlPage, tempDir } from '../helpers.js';

async function collect(inputs: string[], opts = {}): Promise<IngestEvent[]> {
  const out: IngestEvent[] = [];
  for await (const ev of new Ingestor(opts).run(inputs)) out.push(ev);
  return out;
}

const articles = (evs: IngestEvent[]) => evs.flatMap((e) => (e.kind === 'article' ? [e] : []));
const errors = (evs: IngestEvent[]) => evs.flatMap((e) => (e.kind === 'error' ? [e] : []));

describe('Ingestor over files', () => {
  const t = tempDir();
  beforeAll(() => {
    const d = t.dir;
    mkdirSync(join(d, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(d, 'a-plain.txt'), `Harbour works postponed\n\nThe harbour authority delayed the works by a month.\n\n${fakeArticle(1)}`);
    writeFileSync(join(d, 'nested', 'b-page.html'), htmlPage('Bridge repairs approved', fakeArticle(2)));
    writeFileSync(join(d, 'nested', 'deeper', 'c-page.html.gz'), gzipSync(htmlPage('Tariff questioned', fakeArticle(3))));
    writeFileSync(join(d, 'empty.txt'), '');
    writeFileSync(join(d, 'picture.html'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]));
    // windows-1252: curly quotes (0x93/0x94) and é (0xE9), undeclared.
    writeFileSync(join(d, 'legacy.txt'), Buffer.concat([Buffer.from('The mayor said '), Buffer.from([0x93]), Buffer.from('caf'), Buffer.from([0xe9, 0x94]), Buffer.from(` was closed. ${fakeArticle(4, 1)}`)]));
    const utf16 = Buffer.from(`\ufeffThe river authority opened the new lock gates on Monday. ${fakeArticle(5, 1)}`, 'utf16le');
    writeFileSync(join(d, 'utf16.txt'), utf16);
    writeFileSync(join(d, 'truncated.html'), htmlPage('Storm warning issued', fakeArticle(6)).slice(0, 600));
    writeFileSync(
      join(d, 'dump.jsonl'),
      [
        JSON.stringify({ id: 'ext-1', headline: 'Night trains return', body: fakeArticle(7), date: '2020-07-08T09:15:00+02:00', author: ['Ann Example', 'Bo Sample'], source: 'Example Wire', link: 'https://example.org/night-trains' }),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: 'ext-2', title: 'School merger reviewed', content: `<p>${fakeArticle(8, 1)}</p><p>Second paragraph of the story.</p>` }),
        '',
        '[1, 2, 3]',
      ].join('\n'),
    );
  });
  afterAll(() => t.cleanup());

  it('reads a folder recursively, in any mix, and names every failing item', async () => {
    const evs = await collect([t.dir, join(t.dir, 'missing.txt')]);
    const ok = articles(evs);
    const bad = errors(evs);
    const titles = ok.map((e) => e.article.title);
    expect(titles).toEqual(expect.arrayContaining(['Bridge repairs approved', 'Tariff questioned', 'Night trains return', 'School merger reviewed']));
    const failed = bad.map((e) => e.item.replace(t.dir, ''));
    expect(failed).toEqual(expect.arrayContaining(['/empty.txt', '/picture.html', `${t.dir.replace(t.dir, '')}/dump.jsonl:2`, '/dump.jsonl:5']));
    expect(bad.find((e) => e.item.endsWith('missing.txt'))?.message).toMatch(/no such file/);
    expect(bad.find((e) => e.item.endsWith('empty.txt'))?.message).toMatch(/empty/);
    expect(bad.find((e) => e.item.endsWith('picture.html'))?.message).toMatch(/binary|not text/i);
    expect(bad.find((e) => e.item.endsWith(':2'))?.message).toMatch(/invalid JSON/);
  });

  it('decodes legacy encodings and UTF-16 with a byte-order mark', async () => {
    const [legacy] = articles(await collect([join(t.dir, 'legacy.txt')]));
    expect(legacy?.article.text).toContain('“café”');
    const [u16] = articles(await collect([join(t.dir, 'utf16.txt')]));
    expect(u16?.article.text).toContain('opened the new lock gates');
  });

  it('never prunes the document frame, whatever classes the root element carries', async () => {
    const page = join(t.dir, 'frame.html');
    writeFileSync(page, htmlPage('Ferry timetable changes', fakeArticle(9)).replace('<html lang="en">', '<html lang="en" class="comments-enabled share-bar">'));
    const [a] = articles(await collect([page]));
    expect(a?.article.text).toContain('officials said');
  });

  it('keeps what a truncated page has', async () => {
    const [page] = articles(await collect([join(t.dir, 'truncated.html')]));
    expect(page?.article.title).toBe('Storm warning issued');
  });

  it('maps common dump field names, with provenance', async () => {
    const ok = articles(await collect([join(t.dir, 'dump.jsonl')]));
    const a = ok.find((e) => e.article.externalId === 'ext-1')!.article;
    expect(a).toMatchObject({ title: 'Night trains return', outlet: 'Example Wire', authors: ['Ann Example', 'Bo Sample'], url: 'https://example.org/night-trains' });
    expect(a.published).toMatchObject({ value: '2020-07-08T09:15:00+02:00', granularity: 'second', timezone: '+02:00' });
    expect(a.provenance.title).toBe('jsonl:headline');
    expect(a.source).toMatchObject({ kind: 'jsonl', line: 1 });
    const b = ok.find((e) => e.article.externalId === 'ext-2')!.article;
    expect(b.text).toContain('Second paragraph of the story.');
    expect(b.text).not.toContain('<p>');
  });

  it('refuses a page over the size limit with a clear error and goes on', async () => {
    const big = join(t.dir, 'big.html');
    writeFileSync(big, `<html><body><p>${'x '.repeat(26 * 1024 * 1024)}</p></body></html>`);
    const evs = await collect([big, join(t.dir, 'a-plain.txt')]);
    expect(errors(evs)[0]?.message).toMatch(/too large: 52\.0 MB/);
    expect(articles(evs)).toHaveLength(1);
  });

  it('reads a feed of 10,000 items from its own content when links are not followed', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://example.org/i/${i}</link><guid>g${i}</guid><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate><description>Report ${i}: the council met and approved plan ${i}.</description></item>`);
    const feed = join(t.dir, 'big.rss');
    writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Feed</title>${items.join('')}</channel></rss>`);
    const ok = articles(await collect([feed], { followLinks: false }));
    expect(ok).toHaveLength(10_000);
    expect(ok[9_999]?.article).toMatchObject({ title: 'Item 9999', url: 'https://example.org/i/9999', externalId: 'g9999' });
    expect(ok[0]?.article.published).toMatchObject({ value: '2003-06-10T04:00:00Z', timezone: 'Z' });
  });
});

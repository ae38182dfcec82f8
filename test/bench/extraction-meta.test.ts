// The extraction-meta scorer on hand-made cases, and the full HTML path on a sample of the dev
// pages (read from ../shared at run time).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { goldAuthor, loadCases, normalise, runCases, scoreCase, summarise, type MetaCase } from '../../src/bench/extraction-meta.js';
import { decodeBytes, maybeGunzip } from '../../src/ingest/decode.js';
import { extractHtmlMetadata } from '../../src/ingest/html/meta/metadata.js';
import { emptyArticle } from '../../src/doc/article.js';
import { benchDir } from '../../src/paths.js';

const CASE: MetaCase = {
  file: 'x.html',
  html: 'html/x.html.gz',
  title: 'Harbour  bridge reopens',
  date: '2021-03-04',
  author: ['Mira Holt', 'Jonas Prell'],
  with: ['the bridge   reopened', 'traffic resumed'],
  without: ['Subscribe to our newsletter'],
};

describe('scoreCase', () => {
  it('counts snippets after whitespace normalisation and matches metadata exactly', () => {
    const a = emptyArticle({ kind: 'file', location: 'x.html' });
    a.text = 'On Monday the bridge\nreopened.\n\nSubscribe to our newsletter';
    a.title = 'Harbour bridge reopens';
    a.published = { value: '2021-03-04T09:30:00+02:00', granularity: 'second', timezone: '+02:00', rule: 'test' };
    a.authors = ['Mira Holt', 'Jonas Prell'];
    const s = scoreCase(CASE, a);
    expect(s).toMatchObject({ tp: 1, fn: 1, fp: 1, tn: 0, title: true, date: true, author: true });
    a.authors = ['Mira Holt'];
    expect(scoreCase(CASE, a).author).toBe(false);
  });

  it('counts every wanted snippet as missed when extraction failed', () => {
    expect(scoreCase(CASE, null, 'boom')).toMatchObject({ tp: 0, fn: 2, fp: 0, tn: 1, title: false, error: 'boom' });
    expect(goldAuthor(['A B', 'C D'])).toBe('A B; C D');
  });
});

describe.skipIf(!existsSync(benchDir('extraction-meta')))('dev pages', () => {
  it('gives sane figures on the first pages of the dev split (full HTML path)', () => {
    const cases = loadCases().slice(0, 30);
    const s = summarise(runCases(cases));
    expect(s.pages).toBe(30);
    // A page that crashes scores as all-missed; more than a couple would mean a broken path.
    expect(s.errors).toBeLessThanOrEqual(2);
    expect(s.precision).toBeGreaterThan(0.6);
    expect(s.recall).toBeGreaterThan(0.6);
    expect(s.title.total).toBeGreaterThan(15);
    expect(s.title.correct / s.title.total).toBeGreaterThan(0.7);
    expect(s.date.correct / s.date.total).toBeGreaterThan(0.7);
    expect(s.author.correct / s.author.total).toBeGreaterThan(0.4);
  }, 30_000);

  it('finds title and date metadata on sample pages independently of main-text extraction', () => {
    const cases = loadCases().slice(30, 70);
    let titles = 0;
    let titleHits = 0;
    let dates = 0;
    let dateHits = 0;
    for (const c of cases) {
      const { text } = decodeBytes(maybeGunzip(readFileSync(join(benchDir('extraction-meta'), c.html))));
      const { fields } = extractHtmlMetadata(parseHTML(text).document, c.url ?? null);
      if (c.title !== undefined) {
        titles++;
        if (normalise(fields.title ?? '') === normalise(c.title)) titleHits++;
      }
      if (c.date !== undefined) {
        dates++;
        if (fields.published?.value.slice(0, 10) === c.date) dateHits++;
      }
    }
    expect(titleHits / titles).toBeGreaterThan(0.75);
    expect(dateHits / dates).toBeGreaterThan(0.75);
  }, 30_000);
});

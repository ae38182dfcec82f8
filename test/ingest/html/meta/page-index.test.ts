// The page index that every metadata source reads: positions, tags, containment and short texts
// on a small page written for this test, checked against the DOM's own answers.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { byTag, closestTag, containsTag, descendants, firstOfTag, indexPage, shortText } from '../../../../src/ingest/html/meta/page-index.js';

const PAGE = `<html><head><title>Quiet harbour</title></head><body>
  <header><h1>Site name</h1></header>
  <article><div class="top"><h1>Quiet harbour after the storm</h1><p>By Lena Ost</p></div>
  <p>${'Long paragraph text. '.repeat(20)}</p></article>
  <aside><p>Related</p></aside></body></html>`;

describe('page index', () => {
  const { document } = parseHTML(PAGE);
  const index = indexPage(document);

  it('lists elements in document order by tag, as the selectors do', () => {
    expect(byTag(index, 'H1')).toEqual(Array.from(document.querySelectorAll('h1')));
    expect(byTag(index, 'P')).toEqual(Array.from(document.querySelectorAll('p')));
    expect(firstOfTag(index, 'TITLE')).toBe(document.querySelector('title'));
    expect(index.body).toBe(document.body);
    const article = document.querySelector('article')!;
    expect(descendants(index, article)).toEqual(Array.from(article.querySelectorAll('*')));
  });

  it('answers containment and nearest-ancestor questions as querySelector and closest do', () => {
    for (const el of index.order) {
      expect(containsTag(index, el, 'H1'), el.tagName).toBe(el.querySelector('h1') !== null);
      expect(closestTag(el, new Set(['ARTICLE', 'ASIDE']))).toBe(el.closest('article, aside'));
    }
  });

  it('reads short texts only', () => {
    const [byline, long] = byTag(index, 'P');
    expect(shortText(index, byline!, 80)).toBe('By Lena Ost');
    expect(shortText(index, long!, 80)).toBeNull();
  });
});

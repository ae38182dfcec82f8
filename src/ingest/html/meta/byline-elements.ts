// Elements that mark a byline, found in one walk of the page. Each group is equivalent to a CSS
// selector (kept below as its definition); matching them in code in one pass costs a fraction of
// running seven attribute-substring `querySelectorAll` calls over the whole document.
import type { PageIndex } from './page-index.js';

/** Groups in order of trust, with the rule name each records and the selector it implements. */
export const BYLINE_GROUPS = [
  { rule: 'html:itemprop-author-name', selector: '[itemprop="author"] [itemprop="name"]' },
  { rule: 'html:itemprop-author', selector: '[itemprop="author"]' },
  { rule: 'html:rel-author', selector: 'a[rel="author"], [rel="author"]' },
  { rule: 'html:testid-byline', selector: '[data-testid*="byline"] a, [data-testid*="author"]' },
  { rule: 'html:hcard', selector: '.vcard .fn, .author .fn, .byline .fn' },
  {
    rule: 'html:author-name-class',
    selector:
      '[class*="contributor"], .author-name, .author_name, .authorName, .byline-name, .byline__name, .article-author, .post-author, .entry-author, .auteurs, .auteur, .author a, .byline a',
  },
  {
    rule: 'html:author-class',
    selector: '.author, .byline, .autor, .meta-author, [class*="author"], [class*="Author"], [id*="author"], [class*="byline"], [class*="Byline"], [class*="autor"], [class*="auteur"]',
  },
] as const;

const NAME_TOKENS = new Set(['author-name', 'author_name', 'authorName', 'byline-name', 'byline__name', 'article-author', 'post-author', 'entry-author', 'auteurs', 'auteur']);
const AUTHOR_CLASS = /author|Author|byline|Byline|autor|auteur/;

/** What the ancestors of an element are, for the descendant selectors. */
interface Inside {
  itempropAuthor: boolean;
  testidByline: boolean;
  /** .vcard, .author or .byline: holders of an hCard 'fn'. */
  card: boolean;
  /** .author or .byline: holders of a name link. */
  authorOrByline: boolean;
}

/** The first `cap` elements of each group, in document order. */
export function bylineElements(index: PageIndex, cap: number): Element[][] {
  const found: Element[][] = BYLINE_GROUPS.map(() => []);
  const push = (i: number, el: Element) => {
    if (found[i]!.length < cap) found[i]!.push(el);
  };
  const none: Inside = { itempropAuthor: false, testidByline: false, card: false, authorOrByline: false };
  // What each element's children inherit; parents come before their children in the index.
  const insideOf = new Map<Element, Inside>();
  for (const el of index.order) {
    const parent = el.parentElement;
    const inside = (parent && insideOf.get(parent)) ?? none;
    const cls = el.getAttribute('class') ?? '';
    const tokens = cls ? cls.split(/\s+/) : [];
    const itemprop = el.getAttribute('itemprop');
    const testid = el.getAttribute('data-testid') ?? '';
    const isA = el.tagName === 'A';
    if (inside.itempropAuthor && itemprop === 'name') push(0, el);
    if (itemprop === 'author') push(1, el);
    if (el.getAttribute('rel')?.toLowerCase() === 'author') push(2, el);
    if ((inside.testidByline && isA) || testid.includes('author')) push(3, el);
    if (inside.card && tokens.includes('fn')) push(4, el);
    if (cls.includes('contributor') || tokens.some((t) => NAME_TOKENS.has(t)) || (inside.authorOrByline && isA)) push(5, el);
    if (AUTHOR_CLASS.test(cls) || (el.getAttribute('id') ?? '').includes('author')) push(6, el);
    const authorOrByline = tokens.includes('author') || tokens.includes('byline');
    const marks = inside.itempropAuthor || itemprop === 'author' || inside.testidByline || testid.includes('byline') || inside.card || authorOrByline || tokens.includes('vcard');
    if (!marks || el.firstElementChild === null) continue;
    insideOf.set(el, {
      itempropAuthor: inside.itempropAuthor || itemprop === 'author',
      testidByline: inside.testidByline || testid.includes('byline'),
      card: inside.card || authorOrByline || tokens.includes('vcard'),
      authorOrByline: inside.authorOrByline || authorOrByline,
    });
  }
  return found;
}

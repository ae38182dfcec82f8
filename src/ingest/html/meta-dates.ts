// Publication and modification dates, in the order htmldate trusts its sources: structured data
// (JSON-LD, then meta tags), then <time>/<abbr> elements near the headline, then a date in the
// page address, then a date written in the visible text near the headline. A page without any
// stays without: the ingestion time is never a publication date.
import type { DateValue } from '../../doc/article.js';
import { type DateParts, findPublishedTextDate, findTextDate, parseMachineDate, urlDate } from '../dates.js';
import { clean, textOf } from './meta-candidates.js';
import type { JsonLdFacts } from './meta-jsonld.js';
import type { MetaTags } from './meta-tags.js';

/** Meta keys that state when a page was first published, most specific first. */
const PUBLISHED_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'og:published_time',
  'article:published',
  'datepublished',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'published-date',
  'pubdate',
  'publication_date',
  'publication-date',
  'article.published',
  'article_date_original',
  'original-publish-date',
  'sailthru.date',
  'parsely-pub-date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'citation_publication_date',
  'citation_date',
  'cxenseparse:recs:publishtime',
  'date_published',
  'displaydate',
];

/** Generic keys that name a date without saying which: trusted less than a visible date. */
const WEAK_KEYS = ['date', 'dc.date', 'dcterms.date', 'datecreated', 'created'];
/** Any other key that says 'publish' and 'date'/'time' ('sw-pubdate', 'article.publishDate'). */
const PUBLISH_KEY = /pub(?:lish(?:ed)?)?[-_.:]?(?:date|time)|(?:date|time)[-_.:]?pub/i;

const MODIFIED_KEYS = ['article:modified_time', 'og:article:modified_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod', 'og:updated_time', 'article:updated_time', 'modified'];

export interface DateContext {
  document: Document;
  tags: MetaTags;
  ld: JsonLdFacts | null;
  url: string | null;
  /** Read ambiguous numeric dates month-first (US English pages). */
  monthFirst: boolean;
}

function withRule(d: DateParts | null, rule: string): DateValue | null {
  return d ? { ...d, rule } : null;
}

function fromMeta(tags: MetaTags, keys: readonly string[]): DateValue | null {
  for (const key of keys) {
    for (const raw of tags.get(key) ?? []) {
      const d = withRule(parseMachineDate(raw), `meta:${key}`);
      if (d) return d;
    }
  }
  return null;
}

/** Regions that hold other pages' dates: teasers, sidebars, comments, footers. */
const ELSEWHERE = /^(?:respond|reply|related|teaser|sidebar|recommend|more-|newsletter)|comment/i;
const FOOTER = /^footer/i;
/** Containers of one post: a footer inside one is the post's own (date, byline), not the page's. */
const POST = /^(?:article|post|entry|hentry|news-single|blog-post)$/i;

function inMainScope(el: Element): boolean {
  let footer = false;
  for (let e: Element | null = el.parentElement; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName === 'ASIDE' || e.tagName === 'NAV') return false;
    const tokens = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
    if (footer && (e.tagName === 'ARTICLE' || tokens.some((t) => POST.test(t)))) footer = false;
    if (e.tagName === 'FOOTER' || tokens.some((t) => FOOTER.test(t))) footer = true;
    if (tokens.some((t) => ELSEWHERE.test(t)) && !e.querySelector('h1')) return false;
  }
  return !footer;
}

/** <time> and <abbr> elements that mark a publication date, most explicit first. */
function fromTimeElements(document: Document, monthFirst: boolean): DateValue | null {
  const selectors: [string, string][] = [
    ['time[itemprop="datePublished"], [itemprop="datePublished"]', 'html:itemprop-datePublished'],
    ['time[pubdate], time.published, time.entry-date, time[class*="publish"], time[class*="date"], .published, .entry-date, [class*="publish-date"], [class*="pubdate"]', 'html:time-published'],
    ['article header time, header time, article time, main time', 'html:time-article'],
    ['abbr.published, abbr[title][class*="date"]', 'html:abbr-published'],
    ['time', 'html:time'],
  ];
  for (const [sel, rule] of selectors) {
    for (const el of Array.from(document.querySelectorAll(sel)).filter(inMainScope).slice(0, 5)) {
      const cls = el.getAttribute('class') ?? '';
      if ((/modif|updat/i.test(cls) && !/publish/i.test(cls)) || /modif/i.test(el.getAttribute('itemprop') ?? '')) continue;
      const attr = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title');
      const text = textOf(el);
      const d = (attr ? parseMachineDate(attr) : null) ?? (text.length <= 120 ? findTextDate(text, { monthFirst }) : null);
      if (d) return { ...d, rule };
    }
  }
  return null;
}

const DATE_CLASS = /(?:^|[\s_-])(?:date|datum|time|posted|published|pubdate|dateline|byline|meta|entry-meta|post-meta|article-meta|info|fecha|data|datetime|timestamp|zeit|veroeffentlicht)(?:$|[\s_-])|date|datum|timedata|publish|posted/i;
/** Class names that contain a date word without being about one. */
const NOT_DATE_CLASS = /update|datenschutz|validat|candidate|mandate|runtime|lifetime|anytime/i;

/** A date written in a small element whose class says it holds dates or the byline. */
function fromDateClasses(document: Document, monthFirst: boolean): DateValue | null {
  const scopes = [document.querySelector('article') ?? document.querySelector('main'), document.body];
  for (const scope of scopes) {
    if (!scope) continue;
    let seen = 0;
    for (const el of Array.from(scope.querySelectorAll('[class], [id]'))) {
      const marker = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (!DATE_CLASS.test(marker) || NOT_DATE_CLASS.test(marker) || /modif|comment/i.test(marker)) continue;
      const t = textOf(el);
      if (t.length > 200 || t.length < 6 || !inMainScope(el)) continue;
      const d = findPublishedTextDate(t, { monthFirst });
      if (d) return { ...d, rule: 'text:date-class' };
      if (++seen > 60) break;
    }
  }
  return null;
}

/** A date written near the headline: the first one in the text that follows the <h1>. */
function nearHeadline(document: Document, monthFirst: boolean): DateValue | null {
  const h1 = document.querySelector('article h1') ?? document.querySelector('h1');
  const container = h1?.parentElement?.parentElement ?? null;
  if (!container) return null;
  const text = clean(ownText(container, 200_000));
  const at = text.indexOf(textOf(h1));
  const window = text.slice(Math.max(0, at - 300), at + 600);
  const d = findPublishedTextDate(window, { monthFirst });
  return d ? { ...d, rule: 'text:near-headline' } : null;
}

/** Keys of JSON blobs in scripts (app state, not JSON-LD) that hold the publication time. */
const SCRIPT_DATE = /"(?:datePublished|published_at|publishedAt|publishDate|publishedDate|publish_date|pubDate|date_published|firstPublished|createdAt|created_at)"\s*:\s*"(\d{4}-\d{2}-\d{2}[^"]{0,30})"/;

function fromScripts(document: Document): DateValue | null {
  for (const el of Array.from(document.querySelectorAll('script'))) {
    const m = SCRIPT_DATE.exec(el.textContent ?? '');
    const d = m ? parseMachineDate(m[1]) : null;
    if (d) return { ...d, rule: 'script:json-date' };
  }
  return null;
}

function fromAnyPublishKey(tags: MetaTags): DateValue | null {
  for (const [key, values] of tags) {
    if (!PUBLISH_KEY.test(key)) continue;
    const d = parseMachineDate(values[0]);
    if (d) return { ...d, rule: `meta:${key}` };
  }
  return null;
}

const SKIPPED = new Set(['NAV', 'ASIDE', 'FOOTER', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT']);

/** The text of a scope without menus, sidebars, footers, comments and teasers (their dates are other pages'). */
function ownText(scope: Element, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Element) => {
    for (let child = node.firstChild; child && length < limit; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const t = child.textContent ?? '';
        parts.push(t);
        length += t.length;
      } else if (child.nodeType === 1) {
        const e = child as Element;
        if (SKIPPED.has(e.tagName)) continue;
        const tokens = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
        if (tokens.some((t) => ELSEWHERE.test(t))) continue;
        parts.push(' ');
        walk(e);
      }
    }
  };
  walk(scope);
  return parts.join('').slice(0, limit);
}

/** Last resorts: an 'updated' stamp, any date-named meta tag, the first date in the visible text. */
function fromFallbacks(document: Document, tags: MetaTags, monthFirst: boolean): DateValue | null {
  for (const el of Array.from(document.querySelectorAll('.updated[title], .updated[datetime], time[datetime], abbr[title]')).filter(inMainScope).slice(0, 5)) {
    const d = parseMachineDate(el.getAttribute('datetime') ?? el.getAttribute('title'));
    if (d) return { ...d, rule: 'html:updated-stamp' };
  }
  for (const [key, values] of tags) {
    if (!/date|time/i.test(key) || /expir|valid|birth|start|end/i.test(key)) continue;
    const d = parseMachineDate(values[0]);
    if (d) return { ...d, rule: `meta:${key}` };
  }
  const scopes = [document.querySelector('main') ?? document.querySelector('article'), document.body];
  // The page's own text first; then, on pages built only of teasers and menus, any text.
  for (const read of [(e: Element) => ownText(e, 30000), (e: Element) => (e.textContent ?? '').slice(0, 30000)]) {
    for (const scope of scopes) {
      const d = scope ? findPublishedTextDate(clean(read(scope)), { monthFirst }) : null;
      if (d) return { ...d, rule: 'text:first-date' };
    }
  }
  return null;
}

export function publishedDate(ctx: DateContext): DateValue | null {
  const { ld, tags, document, url, monthFirst } = ctx;
  return (
    withRule(parseMachineDate(ld?.datePublished), 'jsonld:datePublished') ??
    fromMeta(tags, PUBLISHED_KEYS) ??
    fromAnyPublishKey(tags) ??
    withRule(parseMachineDate(ld?.dateCreated), 'jsonld:dateCreated') ??
    fromTimeElements(document, monthFirst) ??
    (url ? withRule(urlDate(url), 'url:path-date') : null) ??
    fromScripts(document) ??
    fromDateClasses(document, monthFirst) ??
    nearHeadline(document, monthFirst) ??
    fromMeta(tags, WEAK_KEYS) ??
    withRule(parseMachineDate(ld?.dateModified), 'jsonld:dateModified') ??
    fromFallbacks(document, tags, monthFirst)
  );
}

export function modifiedDate(ctx: DateContext): DateValue | null {
  return withRule(parseMachineDate(ctx.ld?.dateModified), 'jsonld:dateModified') ?? fromMeta(ctx.tags, MODIFIED_KEYS);
}

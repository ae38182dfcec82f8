// Publication and modification dates, in the order htmldate trusts its sources: structured data
// (JSON-LD, then meta tags), then <time>/<abbr> elements near the headline, then a date in the
// page address, then a date written in the visible text near the headline. A page without any
// stays without: the ingestion time is never a publication date.
import type { DateValue } from '../../model.js';
import { type DateParts, findTextDate, parseMachineDate, urlDate } from '../dates.js';
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
  'datecreated',
  'citation_publication_date',
  'citation_date',
  'cxenseparse:recs:publishtime',
  'date_published',
  'displaydate',
  'date',
  'dc.date',
  'dcterms.date',
  'created',
  'og:updated_time',
];

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

/** <time> and <abbr> elements that mark a publication date, most explicit first. */
function fromTimeElements(document: Document, monthFirst: boolean): DateValue | null {
  const selectors: [string, string][] = [
    ['time[itemprop="datePublished"], [itemprop="datePublished"]', 'html:itemprop-datePublished'],
    ['time[pubdate], time.published, time.entry-date, time[class*="publish"], time[class*="date"]', 'html:time-published'],
    ['article header time, header time, article time, main time', 'html:time-article'],
    ['abbr.published, abbr[title][class*="date"]', 'html:abbr-published'],
    ['time', 'html:time'],
  ];
  for (const [sel, rule] of selectors) {
    for (const el of Array.from(document.querySelectorAll(sel)).slice(0, 5)) {
      if (/modif|updat/i.test(el.getAttribute('class') ?? '') || /modif/i.test(el.getAttribute('itemprop') ?? '')) continue;
      const attr = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title');
      const d = (attr ? parseMachineDate(attr) : null) ?? findTextDate(textOf(el), { monthFirst });
      if (d) return { ...d, rule };
    }
  }
  return null;
}

const DATE_CLASS = /(?:^|[\s_-])(?:date|datum|time|posted|published|pubdate|dateline|byline|meta|entry-meta|post-meta|article-meta|info|fecha|data|datetime|timestamp|zeit|veroeffentlicht)(?:$|[\s_-])/i;

/** A date written in a small element whose class says it holds dates or the byline. */
function fromDateClasses(document: Document, monthFirst: boolean): DateValue | null {
  const scope = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  if (!scope) return null;
  let seen = 0;
  for (const el of Array.from(scope.querySelectorAll('[class], [id]'))) {
    const marker = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!DATE_CLASS.test(marker) || /modif|updat|comment/i.test(marker)) continue;
    const t = textOf(el);
    if (t.length > 200 || t.length < 6) continue;
    const d = findTextDate(t, { monthFirst });
    if (d) return { ...d, rule: 'text:date-class' };
    if (++seen > 60) break;
  }
  return null;
}

/** A date written near the headline: the first one in the text that follows the <h1>. */
function nearHeadline(document: Document, monthFirst: boolean): DateValue | null {
  const h1 = document.querySelector('article h1') ?? document.querySelector('h1');
  const container = h1?.parentElement?.parentElement ?? null;
  if (!container) return null;
  const text = clean(container.textContent);
  const at = text.indexOf(textOf(h1));
  const window = text.slice(Math.max(0, at - 300), at + 600);
  const d = findTextDate(window, { monthFirst });
  return d ? { ...d, rule: 'text:near-headline' } : null;
}

export function publishedDate(ctx: DateContext): DateValue | null {
  const { ld, tags, document, url, monthFirst } = ctx;
  return (
    withRule(parseMachineDate(ld?.datePublished), 'jsonld:datePublished') ??
    fromMeta(tags, PUBLISHED_KEYS.slice(0, -1)) ??
    withRule(parseMachineDate(ld?.dateCreated), 'jsonld:dateCreated') ??
    fromTimeElements(document, monthFirst) ??
    (url ? withRule(urlDate(url), 'url:path-date') : null) ??
    fromDateClasses(document, monthFirst) ??
    nearHeadline(document, monthFirst) ??
    fromMeta(tags, PUBLISHED_KEYS.slice(-1)) ??
    withRule(parseMachineDate(ld?.dateModified), 'jsonld:dateModified')
  );
}

export function modifiedDate(ctx: DateContext): DateValue | null {
  return withRule(parseMachineDate(ctx.ld?.dateModified), 'jsonld:dateModified') ?? fromMeta(ctx.tags, MODIFIED_KEYS);
}

// Publication and modification dates. Every source (JSON-LD, meta tags, <time>/<abbr> elements,
// the page address, dates written near the headline or in date-classed elements) states its
// claim; the ranker (ranker.ts, weights fitted by scripts/train-meta.ts) weighs them. The
// modified date is read apart from the published one. A page without any date stays without:
// the ingestion time is never a publication date.
import type { DateValue } from '../../../doc/article.js';
import { type DateParts, findPublishedTextDate, findTextDate, parseMachineDate, urlDate } from '../../dates.js';
import { clean, textOf } from './candidates.js';
import type { JsonLdFacts } from './jsonld.js';
import type { MetaTags } from './tags.js';
import type { Ranked } from './ranker.js';
import { toPageZone, type Zone } from './zone.js';
import { byTag, closestTag, containsTag, descendants, firstOfTag, type PageIndex, shortText } from './page-index.js';

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
/** Any other key that says 'publish' and 'date'/'time' ('x-pubdate', 'article.publishDate'). */
const PUBLISH_KEY = /pub(?:lish(?:ed)?)?[-_.:]?(?:date|time)|(?:date|time)[-_.:]?pub/i;

const MODIFIED_KEYS = ['article:modified_time', 'og:article:modified_time', 'datemodified', 'dc.date.modified', 'dcterms.modified', 'last-modified', 'lastmod', 'og:updated_time', 'article:updated_time', 'modified'];

export interface DateContext {
  index: PageIndex;
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

function inMainScope(index: PageIndex, el: Element): boolean {
  let footer = false;
  for (let e: Element | null = el.parentElement; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName === 'ASIDE' || e.tagName === 'NAV') return false;
    const tokens = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
    if (footer && (e.tagName === 'ARTICLE' || tokens.some((t) => POST.test(t)))) footer = false;
    if (e.tagName === 'FOOTER' || tokens.some((t) => FOOTER.test(t))) footer = true;
    if (tokens.some((t) => ELSEWHERE.test(t)) && !containsTag(index, e, 'H1')) return false;
  }
  return !footer;
}

function classTokens(el: Element): string[] {
  const cls = el.getAttribute('class');
  return cls ? cls.split(/\s+/) : [];
}

const IN_ARTICLE = new Set(['HEADER', 'ARTICLE', 'MAIN']);
const ARTICLE = new Set(['ARTICLE']);

/** Kinds of element that mark a publication date: each the selector it implements (kept as its
 * definition, and checked against it by the tests) and a test of one element. */
export const TIME_KINDS: { rule: string; selector: string; matches: (el: Element) => boolean; tag?: string }[] = [
  { rule: 'html:itemprop-datePublished', selector: 'time[itemprop="datePublished"], [itemprop="datePublished"]', matches: (el) => el.getAttribute('itemprop') === 'datePublished' },
  {
    rule: 'html:time-published',
    selector: 'time[pubdate], time.published, time.entry-date, time[class*="publish"], time[class*="date"], .published, .entry-date, [class*="publish-date"], [class*="pubdate"]',
    matches: (el) => {
      const cls = el.getAttribute('class') ?? '';
      if (el.tagName === 'TIME' && (el.hasAttribute('pubdate') || cls.includes('publish') || cls.includes('date'))) return true;
      if (cls.includes('publish-date') || cls.includes('pubdate')) return true;
      const tokens = classTokens(el);
      return tokens.includes('published') || tokens.includes('entry-date');
    },
  },
  {
    rule: 'html:time-article',
    tag: 'TIME',
    selector: 'article header time, header time, article time, main time',
    matches: (el) => el.tagName === 'TIME' && el.parentElement !== null && closestTag(el.parentElement, IN_ARTICLE) !== null,
  },
  {
    rule: 'html:abbr-published',
    tag: 'ABBR',
    selector: 'abbr.published, abbr[title][class*="date"]',
    matches: (el) => el.tagName === 'ABBR' && (classTokens(el).includes('published') || (el.hasAttribute('title') && (el.getAttribute('class') ?? '').includes('date'))),
  },
  { rule: 'html:time', tag: 'TIME', selector: 'time', matches: (el) => el.tagName === 'TIME' },
];

/** <time> and <abbr> elements that mark a publication date: the first of each kind. */
function fromTimeElements(index: PageIndex, monthFirst: boolean): DateValue[] {
  const out: DateValue[] = [];
  for (const { matches, rule, tag } of TIME_KINDS) {
    let tried = 0;
    // Kinds of one tag read that tag's elements only.
    for (const el of tag ? byTag(index, tag) : index.order) {
      // The first five in the main scope; the scope test walks ancestors, so it runs lazily.
      if (tried >= 5) break;
      if (!matches(el) || !inMainScope(index, el)) continue;
      tried++;
      const cls = el.getAttribute('class') ?? '';
      if ((/modif|updat/i.test(cls) && !/publish/i.test(cls)) || /modif/i.test(el.getAttribute('itemprop') ?? '')) continue;
      const attr = el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.getAttribute('title');
      const parsed = attr ? parseMachineDate(attr) : null;
      const text = parsed ? null : shortText(index, el, 120);
      const d = parsed ?? (text !== null ? findTextDate(text, { monthFirst }) : null);
      if (d) {
        out.push({ ...d, rule });
        break;
      }
    }
  }
  return out;
}

const DATE_CLASS = /(?:^|[\s_-])(?:date|datum|time|posted|published|pubdate|dateline|byline|meta|entry-meta|post-meta|article-meta|info|fecha|data|datetime|timestamp|zeit|veroeffentlicht)(?:$|[\s_-])|date|datum|timedata|publish|posted/i;
/** Class names that contain a date word without being about one. */
const NOT_DATE_CLASS = /update|datenschutz|validat|candidate|mandate|runtime|lifetime|anytime/i;

/** A date written in a small element whose class says it holds dates or the byline. */
function fromDateClasses(index: PageIndex, monthFirst: boolean): DateValue | null {
  const scopes = [firstOfTag(index, 'ARTICLE') ?? firstOfTag(index, 'MAIN'), index.body];
  for (const scope of scopes) {
    if (!scope) continue;
    let seen = 0;
    for (const el of descendants(index, scope)) {
      const cls = el.getAttribute('class');
      const id = el.getAttribute('id');
      if (cls === null && id === null) continue;
      const marker = `${cls ?? ''} ${id ?? ''}`;
      if (!DATE_CLASS.test(marker) || NOT_DATE_CLASS.test(marker) || /modif|comment/i.test(marker)) continue;
      const t = shortText(index, el, 200);
      if (t === null || t.length < 6 || !inMainScope(index, el)) continue;
      const d = findPublishedTextDate(t, { monthFirst });
      if (d) return { ...d, rule: 'text:date-class' };
      if (++seen > 60) break;
    }
  }
  return null;
}

/** A date written near the headline: the first one in the text that follows the <h1>. */
function nearHeadline(index: PageIndex, monthFirst: boolean): DateValue | null {
  const h1s = byTag(index, 'H1');
  const h1 = h1s.find((h) => h.parentElement && closestTag(h.parentElement, ARTICLE)) ?? h1s[0];
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

function fromScripts(index: PageIndex): DateValue | null {
  for (const el of byTag(index, 'SCRIPT')) {
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

/** Weak sources: an 'updated' stamp, any date-named meta tag. */
/** The selector `isStamp` implements. */
export const STAMP_SELECTOR = '.updated[title], .updated[datetime], time[datetime], abbr[title]';

export function isStamp(el: Element): boolean {
  if (el.tagName === 'TIME' && el.hasAttribute('datetime')) return true;
  if (el.tagName === 'ABBR' && el.hasAttribute('title')) return true;
  return (el.hasAttribute('title') || el.hasAttribute('datetime')) && classTokens(el).includes('updated');
}

function fromFallbacks(index: PageIndex, tags: MetaTags): [DateValue | null, string][] {
  const out: [DateValue | null, string][] = [];
  const stamps: Element[] = [];
  for (const el of index.order) {
    if (stamps.length >= 5) break;
    if (isStamp(el) && inMainScope(index, el)) stamps.push(el);
  }
  for (const el of stamps) {
    const d = parseMachineDate(el.getAttribute('datetime') ?? el.getAttribute('title'));
    if (d) {
      out.push([{ ...d, rule: 'html:updated-stamp' }, 'html:updated-stamp']);
      break;
    }
  }
  for (const [key, values] of tags) {
    if (!/date|time/i.test(key) || /expir|valid|birth|start|end/i.test(key)) continue;
    const d = parseMachineDate(values[0]);
    if (d) {
      out.push([{ ...d, rule: `meta:${key}` }, 'meta:date-named-key']);
      break;
    }
  }
  return out;
}

/** The first date in the visible text: the page's own text first, then, on pages built only of
 * teasers and menus, any text. */
function firstTextDate(index: PageIndex, monthFirst: boolean): [DateValue | null, string][] {
  const scopes = [firstOfTag(index, 'MAIN') ?? firstOfTag(index, 'ARTICLE'), index.body];
  for (const [read, source] of [[(e: Element) => ownText(e, 30000), 'text:first-date'], [(e: Element) => (e.textContent ?? '').slice(0, 30000), 'text:first-date-anywhere']] as const) {
    for (const scope of scopes) {
      const d = scope ? findPublishedTextDate(clean(read(scope)), { monthFirst }) : null;
      if (d) return [[{ ...d, rule: source }, source]];
    }
  }
  return [];
}

/** A published date a source states, before the ranker weighs it against the others. */
interface DateClaim {
  date: DateValue;
  /** The kind of source, shared by all pages ('meta:published-key'): the ranker's signal. */
  source: string;
}

/** Every source's claim of a published date; none is trusted over another here. */
function publishedClaims(ctx: DateContext): DateClaim[] {
  const { ld, tags, index, url, monthFirst } = ctx;
  const claims: [DateValue | null, string][] = [
    [withRule(parseMachineDate(ld?.datePublished), 'jsonld:datePublished'), 'jsonld:datePublished'],
    [fromMeta(tags, PUBLISHED_KEYS), 'meta:published-key'],
    [fromAnyPublishKey(tags), 'meta:any-publish-key'],
    [withRule(parseMachineDate(ld?.dateCreated), 'jsonld:dateCreated'), 'jsonld:dateCreated'],
    [fromMeta(tags, WEAK_KEYS), 'meta:weak-key'],
    [withRule(parseMachineDate(ld?.dateModified), 'jsonld:dateModified'), 'jsonld:dateModified'],
    [url ? withRule(urlDate(url), 'url:path-date') : null, 'url:path-date'],
    [fromScripts(index), 'script:json-date'],
    [fromDateClasses(index, monthFirst), 'text:date-class'],
    [nearHeadline(index, monthFirst), 'text:near-headline'],
  ];
  for (const d of fromTimeElements(index, monthFirst)) claims.push([d, d.rule]);
  claims.push(...fromFallbacks(index, tags));
  // The text's first date agrees with the right one often enough to count, though it costs a walk of the text.
  claims.push(...firstTextDate(index, monthFirst));
  return claims.filter((c): c is [DateValue, string] => c[0] !== null).map(([date, source]) => ({ date, source }));
}

/** Sources that state when the page changed. */
const MODIFIED_SOURCES = new Set(['jsonld:dateModified', 'html:updated-stamp']);

function hasClock(d: DateValue): boolean {
  return /^(?:hour|minute|second)$/.test(d.granularity);
}

/**
 * Published-date candidates, one per day, in the page's zone: each carries the sources that
 * state it and signals the ranker weighs (how many sources agree, whether only modified-date sources
 * state it, whether it came from a UTC stamp restated in the page's zone or read as written).
 */
export function publishedCandidates(ctx: DateContext, zone: Zone | null, modified: DateValue | null): Ranked<DateValue>[] {
  const byDay = new Map<string, Ranked<DateValue>>();
  const add = (date: DateValue, source: string, extra: Record<string, number>) => {
    const day = date.value.slice(0, 10);
    let c = byDay.get(day);
    if (!c) {
      c = { value: date, sources: [], features: {} };
      byDay.set(day, c);
    }
    if (!c.sources.includes(source)) c.sources.push(source);
    c.features[`src:${source}`] = 1;
    if (hasClock(date)) c.features['clock'] = 1;
    for (const [k, v] of Object.entries(extra)) c.features[k] = Math.max(c.features[k] ?? 0, v);
  };
  for (const { date, source } of publishedClaims(ctx)) {
    const local = toPageZone(date, zone);
    const shifted = local.value.slice(0, 10) !== date.value.slice(0, 10);
    add(local, source, shifted ? { 'zone:local-day': 1 } : {});
    if (shifted) add(date, source, { 'zone:utc-day': 1 });
  }
  const modifiedDay = modified ? toPageZone(modified, zone).value.slice(0, 10) : null;
  const out = [...byDay.values()];
  for (const c of out) {
    const n = c.sources.length;
    c.features['agree:sources'] = Math.log2(n);
    if (n >= 2) c.features['agree:2+'] = 1;
    // Stated only by sources of the modified date: the day the page changed, not when it appeared.
    if (c.sources.every((s) => MODIFIED_SOURCES.has(s))) c.features['modified-sources-only'] = 1;
    else if (c.value.value.slice(0, 10) === modifiedDay) c.features['same-day-as-modified'] = 1;
  }
  return out;
}

export function modifiedDate(ctx: DateContext): DateValue | null {
  return withRule(parseMachineDate(ctx.ld?.dateModified), 'jsonld:dateModified') ?? fromMeta(ctx.tags, MODIFIED_KEYS);
}

// Who wrote the page. Sources in order of trust: JSON-LD author, author meta tags, then the
// visible byline (rel=author links, itemprop=author, byline/author classes). Each raw string is
// cleaned ('By '/'Von ' removed, 'A and B' split) and rejected when it is a URL, an e-mail
// address, a date, the site's own name or too long to be a name.
import { type Candidate, clean, hostLabel, squash, textOf } from './meta-candidates.js';
import type { JsonLdFacts } from './meta-jsonld.js';
import type { MetaTags } from './meta-tags.js';

export interface AuthorResult {
  authors: string[];
  rule: string;
}

/** Words that introduce a byline in the languages the pages use. */
const BY_PREFIX =
  /^(?:(?:written|posted|published|reported|text|story|words|photos?|article)\s+by|by|von|vom|par|por|di|da|door|av|af|przez|autor(?:in)?|author|auteur|autore|verfasst\s+von|geschrieben\s+von|ein\s+beitrag\s+von|text|redaktion|written|posted)\s*[:\-–]?\s+/i;
const SPLIT = /\s*(?:;|,|\||\/|&|\s+(?:and|und|et|y|e|en|og|och|i|oraz)\s+)\s*/i;
const NOT_NAME = /https?:|www\.|@|\.(?:com|de|org|net)\b|\d{3,}|\b(?:cookie|javascript|login|anmelden|kommentar|comments?|share|teilen|min(?:ute)?s?\s+read|lesezeit)\b/i;

function cleanName(raw: string): string {
  let s = clean(raw).replace(BY_PREFIX, '');
  s = s.replace(BY_PREFIX, '');
  // Trailing descriptors: 'Name | Site', 'Name - Redaktion', a date after the name.
  s = s.replace(/\s+(?:[|•·]|[-–—]\s).*$/, '');
  s = s.replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '');
  return s;
}

function plausibleName(s: string, siteNames: string[], host: string | null): boolean {
  if (s.length < 2 || s.length > 60 || NOT_NAME.test(s)) return false;
  if (s.split(/\s+/).length > 6) return false;
  if (!/\p{L}/u.test(s)) return false;
  const k = squash(s);
  if (siteNames.some((n) => squash(n) === k)) return false;
  if (host && k === host) return false;
  return true;
}

/** Cleans and splits one raw author string into names. */
export function splitAuthors(raw: string, siteNames: string[], host: string | null): string[] {
  const s = cleanName(raw);
  if (!s) return [];
  // 'Last, First' is one name, not two: only split on commas when each piece has a space.
  const pieces = s.split(SPLIT).map(cleanName).filter(Boolean);
  const commaOnly = !/;|\||&|\s(?:and|und|et|y|e|en|og|och|i|oraz)\s/i.test(s) && s.includes(',');
  const parts = commaOnly && pieces.some((p) => !/\s/.test(p)) ? [s] : pieces;
  return parts.filter((p) => plausibleName(p, siteNames, host));
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = squash(n);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const META_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl', 'citation_author', 'og:article:author', 'book:author', 'twitter:data1'];

/** Visible byline elements, most specific first. */
const BYLINE_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  'a[rel="author"]',
  '[rel="author"]',
  '.author-name, .author_name, .authorName, .byline-name, .byline__name, .article-author, .post-author, .entry-author, .author a, .byline a',
  '.author, .byline, .autor, .author-info, .meta-author, [class*="author"], [class*="byline"], [class*="autor"]',
];

export function authorCandidates(document: Document, tags: MetaTags, ld: JsonLdFacts | null, siteNames: string[], url: string | null): { names: string[]; rule: string }[] {
  const host = hostLabel(url);
  const out: { names: string[]; rule: string }[] = [];
  const add = (raws: string[], rule: string) => {
    const names = unique(raws.flatMap((r) => splitAuthors(r, siteNames, host)));
    if (names.length) out.push({ names, rule });
  };
  if (ld?.authors.length) add(ld.authors, 'jsonld:author');
  for (const key of META_KEYS) {
    const values = tags.get(key);
    if (!values) continue;
    if (key === 'twitter:data1' && !/^(?:written by|autor|author)/i.test(tags.get('twitter:label1')?.[0] ?? '')) continue;
    add(values, `meta:${key}`);
  }
  for (const sel of BYLINE_SELECTORS) {
    const raws: string[] = [];
    for (const el of Array.from(document.querySelectorAll(sel)).slice(0, 6)) {
      const t = el.getAttribute('content') ?? textOf(el);
      if (t && t.length <= 120) raws.push(t);
    }
    add(raws.slice(0, 3), `html:${sel.split(/[\s,]/)[0]}`);
  }
  return out;
}

export function pickAuthors(cands: { names: string[]; rule: string }[]): AuthorResult | null {
  const first = cands[0];
  return first ? { authors: first.names, rule: first.rule } : null;
}

export type { Candidate };

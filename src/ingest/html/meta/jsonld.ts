// schema.org JSON-LD blocks -> the article-level facts they state. Pages often ship several blocks
// (an Organization, a BreadcrumbList, a WebPage and the NewsArticle, sometimes inside `@graph`),
// and sloppy JSON (comments, trailing commas, raw line breaks), so parsing is tolerant and the
// article-typed node wins over page-typed ones.
import { clean } from './candidates.js';
import { byTag, type PageIndex } from './page-index.js';

export interface JsonLdFacts {
  headline: string | null;
  description: string | null;
  authors: string[];
  datePublished: string | null;
  dateCreated: string | null;
  dateModified: string | null;
  publisher: string | null;
  url: string | null;
  language: string | null;
  /** The @type of the node the facts come from. */
  type: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Node = { [k: string]: Json };

const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report|Review|Recipe|NewsArticle|Posting|DiscussionForumPosting|VideoObject|Event|PodcastEpisode|CreativeWork|Product|HowTo|MedicalWebPage)$/i;
const PAGE_TYPES = /^(?:WebPage|ItemPage|AboutPage|CollectionPage|ProfilePage|QAPage|FAQPage)$/i;

function parseLoose(raw: string): Json | undefined {
  const text = raw
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    .replace(/^\s*<!--|-->\s*$/g, '')
    .trim();
  try {
    return JSON.parse(text) as Json;
  } catch {
    // Raw control characters inside strings, trailing commas, stray semicolons.
    const fixed = text
      .replace(/[\u0000-\u001f]+/g, ' ')
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/;\s*$/, '');
    try {
      return JSON.parse(fixed) as Json;
    } catch {
      return undefined;
    }
  }
}

function isNode(j: Json | undefined): j is Node {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

/** Every object node in the blocks, `@graph` members and nested `mainEntity` included. */
function nodesOf(j: Json | undefined, out: Node[], depth = 0): void {
  if (depth > 4 || j === undefined || j === null) return;
  if (Array.isArray(j)) {
    for (const x of j) nodesOf(x, out, depth + 1);
    return;
  }
  if (!isNode(j)) return;
  out.push(j);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement']) {
    if (key in j && (isNode(j[key]) || Array.isArray(j[key]))) nodesOf(j[key], out, depth + 1);
  }
}

function types(n: Node): string[] {
  const t = n['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function str(j: Json | undefined): string | null {
  if (typeof j === 'string') return clean(j) || null;
  if (typeof j === 'number') return String(j);
  if (Array.isArray(j)) return str(j[0]);
  if (isNode(j)) return str(j['@value'] ?? j['name']);
  return null;
}

/** Names from an author value: a string, a Person, an Organization, or a list of them. */
function authorNames(j: Json | undefined, out: string[], byId: Map<string, Node>): void {
  if (j === undefined || j === null) return;
  if (Array.isArray(j)) {
    for (const x of j) authorNames(x, out, byId);
    return;
  }
  // Graph references (`{"@id": "#/schema/person/1"}`) point at the Person node elsewhere.
  if (isNode(j) && typeof j['@id'] === 'string' && !('name' in j)) {
    const target = byId.get(j['@id']);
    if (target && target !== j) authorNames({ ...target, '@id': null }, out, byId);
    return;
  }
  if (typeof j === 'string') {
    if (j.trim()) out.push(j.trim());
    return;
  }
  if (isNode(j)) {
    const name = str(j['name']) ?? [str(j['givenName']), str(j['familyName'])].filter(Boolean).join(' ');
    if (name) out.push(name);
  }
}

function score(n: Node): number {
  const ts = types(n);
  if (ts.some((t) => ARTICLE_TYPES.test(t))) return 3;
  if (ts.some((t) => PAGE_TYPES.test(t))) return 2;
  return 'headline' in n || 'datePublished' in n ? 1 : 0;
}

export function extractJsonLd(index: PageIndex): JsonLdFacts | null {
  const nodes: Node[] = [];
  for (const el of byTag(index, 'SCRIPT')) {
    const type = el.getAttribute('type');
    if (type !== 'application/ld+json' && type !== 'application/json+ld') continue;
    nodesOf(parseLoose(el.textContent ?? ''), nodes);
  }
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && 'name' in n) byId.set(n['@id'], n);
  const ranked = nodes.map((n, i) => ({ n, s: score(n), i })).filter((x) => x.s > 0);
  if (ranked.length === 0) return null;
  ranked.sort((a, b) => b.s - a.s || a.i - b.i);
  const best = ranked[0]!.n;
  // Fields the article node lacks may sit on the page node (dates on WebPage, author on the graph).
  const pick = (key: string): string | null => {
    for (const { n } of ranked) {
      const v = str(n[key]);
      if (v) return v;
    }
    return null;
  };
  const authors: string[] = [];
  for (const { n } of ranked) {
    authorNames(n['author'] ?? n['creator'], authors, byId);
    if (authors.length) break;
  }
  const publisher = best['publisher'] ?? ranked.find((x) => x.n['publisher'])?.n['publisher'];
  const orgName = nodes.find((n) => types(n).some((t) => /^(?:NewsMediaOrganization|Organization|WebSite)$/i.test(t)) && str(n['name']));
  return {
    headline: str(best['headline']) ?? (score(best) === 3 ? str(best['name']) : null),
    description: str(best['description']) ?? pick('description'),
    authors,
    datePublished: pick('datePublished'),
    dateCreated: pick('dateCreated'),
    dateModified: pick('dateModified'),
    publisher: str(publisher) ?? (orgName ? str(orgName['name']) : null),
    url: str(best['url']) ?? (typeof best['mainEntityOfPage'] === 'string' ? best['mainEntityOfPage'] : isNode(best['mainEntityOfPage']) ? str(best['mainEntityOfPage']['@id']) : null),
    language: str(best['inLanguage']) ?? pick('inLanguage'),
    type: types(best)[0] ?? null,
  };
}

// Who wrote the page. Sources: JSON-LD author, author meta tags, then the visible byline
// (itemprop=author, rel=author, byline/author classes, a short 'By NAME' line, 'DATE - NAME', a
// wire dateline's agency). Each raw string is cleaned by names.ts. Among the sources that
// give names, the first that reads like a person's name wins over handles and organisations.
import { hostLabel, squash, textOf } from './candidates.js';
import type { JsonLdFacts } from './jsonld.js';
import { displayNameFor, titleSpelling } from './author-handle.js';
import { inMenu, profileLinkName, profileSlug } from './author-link.js';
import { BYLINE_GROUPS, bylineElements } from './byline-elements.js';
import { closestTag, containsTag, descendantsByTag, firstOfTag, type PageIndex, shortText } from './page-index.js';
import { BY_PREFIX, nameShaped, personLike, splitAuthors, userName } from './names.js';
import type { Ranked } from './ranker.js';
import type { MetaTags } from './tags.js';
import { titlePieces } from './title.js';

export interface AuthorCandidate {
  names: string[];
  rule: string;
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

const META_KEYS = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'cxenseparse:author', 'byl', 'citation_author', 'og:article:author', 'book:author', 'twitter:data1'];

/** Regions whose names are commenters, related-article authors or form labels, not the author. */
const OUTSIDE = /^(?:comments?|comment[-_]|respond|reply|kommentar|related|teaser|sidebar|footer|newsletter|recommend|share|social|review)/i;

/** Class tokens of a commenter's name. */
const COMMENTER = /^(?:comments?|kommentar)[-_]/i;

/** Credits of pictures: the photographer, not the writer. */
const PICTURE_CREDIT = /^(?:license|licen[cs]e-|credit|photo|foto|bild|image|img|caption|media-?credit|media-?licen[cs]e|copyright)/i;

const ARTICLE = new Set(['ARTICLE']);

function inArticleScope(index: PageIndex, el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName === 'FORM' || e.tagName === 'ASIDE' || e.tagName === 'FIGURE' || e.tagName === 'FIGCAPTION') return false;
    if ((e === el || e === el.parentElement) && (e.getAttribute('class') ?? '').split(/\s+/).some((t) => PICTURE_CREDIT.test(t))) return false;
    // A <footer> inside an <article> is the post's own byline block, not the page footer.
    const inArticle = () => !!e.parentElement && closestTag(e.parentElement, ARTICLE) !== null;
    if (e.tagName === 'FOOTER' && !inArticle()) return false;
    const tokens = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
    // A sidebar-classed wrapper that holds the headline is the page layout, not a sidebar; a
    // footer-classed block inside an <article> is the article's own footer, as a <footer> there is.
    const outside = (t: string) => OUTSIDE.test(t) && !(/^footer/i.test(t) && inArticle());
    if (e !== el && tokens.some(outside) && !containsTag(index, e, 'H1')) return false;
    // 'comment-author' names a commenter, wherever the thread sits.
    if (e === el && tokens.some((t) => COMMENTER.test(t))) return false;
  }
  return true;
}

// Prefixes are matched case-insensitively by hand: the name part must really be capitalised.
const BY_WORDS = '(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]oor|[Aa]v|[Pp]rzez|[Tt]ext|[Tt]exto|[Aa]utor(?:in|en)?|[Aa]uthors?|[Aa]uteurs?|[Rr]edaktion(?=\\s*:))';
const BY_LEADS = '(?:(?:[Bb]log\\s+)?(?:[Ee]in\\s+)?(?:[Bb]eitrag|[Aa]rtikel|[Ww]ritten|[Pp]osted|[Gg]eschrieben|[Vv]erfasst|[Ee]rstellt|[Ee]ingestellt|[Vv]eröffentlicht|[Ss]tory|[Aa]rticle|[Rr]eported)\\s+)?';
// A name word may end in digits ('Ruiz7', a user name); the line may end with the date
// ('von NAME am 20.09.2020', 'by NAME on 4 May').
const BYLINE_TEXT = new RegExp(`^(?:[-–—|]\\s*)?${BY_LEADS}${BY_WORDS}\\s*:?\\s+(\\p{Lu}[\\p{L}.'’-]*\\d{0,4}(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|van|von|der|da|di|del|la|le|und|and|et|y|e)){0,6})(?:\\s*[,|•·].{0,40}|\\s+[–—-].{0,40}|\\s*\\([^()]{1,60}\\)(?:,.{0,40})?|\\s*:|\\s(?:am|on|le|el|il)\\s+\\d.{0,30})?$`, 'u');

/** 'Verfasst von: anaruiz | 3. März 2021': after a byline word and a colon, a user
 * name in lower case is the author too. */
const LABELLED_HANDLE = new RegExp(`^${BY_LEADS}${BY_WORDS}\\s*:\\s+([\\p{Ll}\\d][\\p{L}\\d._-]{2,30})\\s*(?:[|•·–—-].{0,40})?$`, 'u');

/** 'Posted on September 21, 2020 by NAME'. */
const POSTED_BY = /^(?:[Pp]osted|[Pp]ublished|[Vv]eröffentlicht|[Gg]eschrieben|[Ee]rstellt|[Ee]ingestellt)\b.{0,50}\s(?:by|von)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})$/u;

/** A short line reading 'By NAME' / 'von NAME' near the top of the article. */
const BYLINE_TAGS = new Set(['P', 'SPAN', 'DIV', 'EM', 'I', 'STRONG', 'B', 'SMALL', 'ADDRESS', 'LI', 'A', 'H3', 'H4', 'H5', 'FONT']);
const PARAGRAPH = new Set(['P']);
const DATE_BYLINE_TAGS = new Set(['P', 'SPAN', 'DIV', 'SMALL', 'LI', 'TIME']);

function bylineLine(index: PageIndex, article: Element | null, accept: (line: string) => boolean): string | null {
  if (!index.body) return null;
  return (article ? bylineIn(article, index, accept) : null) ?? bylineIn(index.body, index, accept);
}

/** The page's first <article>, else its first <main>: the scope bylines are looked for in first. */
function articleElement(index: PageIndex): Element | null {
  return firstOfTag(index, 'ARTICLE') ?? firstOfTag(index, 'MAIN');
}

/** The first link to an author's profile named as its address spells it, inside the article first. */
function profileLink(index: PageIndex, article: Element | null, accept: (name: string) => boolean): string | null {
  if (!index.body) return null;
  const ok = (el: Element, t: string) => accept(t) && inArticleScope(index, el);
  return (article ? profileLinkName(article, index, ok) : null) ?? profileLinkName(index.body, index, ok);
}

function linksToProfile(el: Element): boolean {
  const href = (el.tagName === 'A' ? el : el.querySelector('a'))?.getAttribute('href');
  return !!href && profileSlug(href) !== null;
}

function bylineIn(scope: Element, index: PageIndex, accept: (line: string) => boolean): string | null {
  let seen = 0;
  for (const el of descendantsByTag(index, scope, BYLINE_TAGS)) {
    if (++seen > 5000) break;
    const t = shortText(index, el, 80);
    if (t === null) continue;
    // '<span>By</span> <span>Name</span>': a lone byline word labels the element after it.
    if (/^(?:\|\s*)?(?:by|von|par|por|door|autor|author)\s*:?$/i.test(t)) {
      const next = shortText(index, el.nextElementSibling, 60) ?? '';
      const nameLike = nameShaped(next) || /^[\p{L}\d._-]+$/u.test(next);
      if (next && nameLike && accept(next) && inArticleScope(index, el)) return next;
      continue;
    }
    if (t.length < 5) continue;
    const m = BYLINE_TEXT.exec(t) ?? POSTED_BY.exec(t) ?? LABELLED_HANDLE.exec(t);
    const line = m ? (BYLINE_TEXT.test(t) ? t : (m[1] ?? t)) : null;
    // A menu entry ('By Region', 'Von A bis Z') links to a topic, unless it
    // links to an author's profile ('Author: NAME' -> /author/name/).
    if (line && accept(line) && inArticleScope(index, el) && (!inMenu(el) || linksToProfile(el))) return line;
  }
  return null;
}

/** A name that links to the site's home page is the site's masthead ('<h1 class="vcard author"><a
 * href="/">Blog name</a>'), not the article's byline, which links to an author page if anywhere. */
function isMasthead(el: Element, text: string, url: string | null): boolean {
  const a = el.tagName === 'A' ? el : el.querySelector('a');
  const href = a?.getAttribute('href');
  if (!a || !href || textOf(a) !== text) return false;
  try {
    const target = new URL(href, url ?? 'http://page.invalid/');
    const here = url ? new URL(url) : null;
    return target.pathname === '/' && !target.search && (!here || target.hostname === here.hostname);
  } catch {
    return false;
  }
}

/** A link marked as a tag or category ('<a rel="tag">CSP</a>' beside the byline): a topic, not a name. */
function isTopicLink(el: Element): boolean {
  return el.tagName === 'A' && /(?:^|\s)(?:tag|category)(?:\s|$)/i.test(el.getAttribute('rel') ?? '');
}

/** Whether a byline's names are all the site's own name. */
function namesOnlySite(text: string, siteNames: string[]): boolean {
  const names = splitAuthors(text);
  return names.length > 0 && names.every((n) => siteNames.some((s) => squash(s) === squash(n)));
}

/** 'DATE - Name', 'DATE | 13:10 | Name': a short line near the headline holding a date and a name. */
function dateByline(index: PageIndex, article: Element | null): string | null {
  const scope = article ?? index.body;
  if (!scope) return null;
  let seen = 0;
  for (const el of descendantsByTag(index, scope, DATE_BYLINE_TAGS)) {
    if (++seen > 3000) break;
    const t = shortText(index, el, 80);
    if (t === null || t.length < 12 || el.children.length > 3 || !/\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(t)) continue;
    // 'DATE - Name', 'DATE | 13:10 | Name', 'DATE 13:30 von Name'.
    const pieces = t
      .split(/\s+[|–—•·-]\s+|(?<=\d)\s+(?=(?:von|by)\s)/)
      .map((p) => p.trim())
      .filter((p) => p && !/\d/.test(p));
    // '<img class="avatar"> <a href="/user/…">Name</a> 18.10.2019, 15:07': a poster's link, then the date.
    const link = linkBeforeDate(el, t);
    if (link && splitAuthors(link).length && inArticleScope(index, el)) return link;
    if (pieces.length !== 1) continue;
    const labelled = BY_PREFIX.test(pieces[0]!);
    const name = pieces[0]!.replace(BY_PREFIX, '').trim();
    // 'DATE - ABC (Agency for ...)': an organisation spelt out in brackets is no person.
    const shaped = (personLike(name) && !name.includes('(')) || (labelled && /^\p{Lu}[\p{L}.-]+$/u.test(name));
    if (shaped && name.split(/\s+/).length <= 4 && inArticleScope(index, el)) return name;
  }
  return null;
}

/** The text of the line's first link when the line opens with it and a numeric date follows. */
function linkBeforeDate(el: Element, line: string): string | null {
  const a = Array.from(el.children).find((c) => c.tagName !== 'IMG');
  if (a?.tagName !== 'A') return null;
  const name = textOf(a);
  if (!name || name.length > 40 || !line.startsWith(name)) return null;
  return /^,?\s+\d{1,2}\.\d{1,2}\.\d{2,4}\b/.test(line.slice(name.length)) ? name : null;
}

/** Names of an editorial desk rather than of a writer. */
const DESK = /^(?:redaktion|redaction|rédaction|redacción|editorial|newsroom|newsdesk|staff)$/i;

/** A 'Quelle: agency' paragraph under the text: the agency or outlet the page reprints. Read
 * only when no byline names anyone, before the site's own name. */
const SOURCE_LINE = /^(?:Quelle|Source|Fuente|Fonte|Bron)\s*:\s*([\p{L}][\p{L}\d&/.' -]{1,40})$/u;

/** A site address as a credit: 'news.example', 'news.example/ab'. */
const SITE_CREDIT = /^[\p{Ll}\d-]{2,30}(?:\.[\p{Ll}\d-]{2,30})*\.[a-z]{2,6}(?:\/[\p{L}]{1,4})?$/u;

function sourceLine(index: PageIndex): string | null {
  // From the body, not the first <article>, which is sometimes a teaser after the text.
  for (const p of index.body ? descendantsByTag(index, index.body, PARAGRAPH) : []) {
    // The line is short: longer paragraphs are not read at all.
    const m = SOURCE_LINE.exec(shortText(index, p, 80) ?? '');
    // 'Quelle: news.example/ab': an outlet's address, with its desk's initials, is the credit as written.
    const name = m?.[1] ? (SITE_CREDIT.test(m[1]) ? m[1] : splitAuthors(m[1])[0]) : undefined;
    if (name && inArticleScope(index, p)) return name;
  }
  return null;
}

/** A personal site ('anaruiz.example' named 'Ana Ruiz'): its owner, when the site's name
 * spells the address's name as a person's name. Weakest rule: only used when nothing else names anyone. */
function personalSiteOwner(titleText: string, siteNames: string[], host: string | null): string | null {
  if (!host || host.length < 6) return null;
  const named = [...siteNames, ...titlePieces(titleText)];
  for (const raw of named) {
    const name = raw.replace(/^(?:(?:Dr|Prof|Dipl)\.[\s-]*)+/, '').replace(/[’']s\b.*$/, '').trim();
    if (personLike(name) && squash(name) === squash(host)) return name;
  }
  return null;
}

export function authorCandidates(index: PageIndex, tags: MetaTags, ld: JsonLdFacts | null, siteNames: string[], url: string | null): AuthorCandidate[] {
  const host = hostLabel(url);
  const out: AuthorCandidate[] = [];
  let markup: string | null = null;
  const pageMarkup = () => (markup ??= (firstOfTag(index, 'HTML') ?? index.order[0])?.outerHTML ?? '');
  const titleText = textOf(firstOfTag(index, 'TITLE'));
  const add = (raws: string[], rule: string) => {
    const names = unique(raws.flatMap((r) => splitAuthors(r, siteNames, host)).map((n) => displayNameFor(n, pageMarkup) ?? titleSpelling(n, titleText) ?? n));
    if (names.length) out.push({ names, rule });
  };
  if (ld?.authors.length) add(ld.authors, 'jsonld:author');
  for (const key of META_KEYS) {
    const values = tags.get(key);
    if (!values) continue;
    if (key === 'twitter:data1' && !/^(?:written by|autor|author|verfasst von|geschrieben von)/i.test(tags.get('twitter:label1')?.[0] ?? '')) continue;
    add(values, `meta:${key}`);
  }
  let siteSigned: string | null = null;
  const groups = bylineElements(index, 12);
  for (const [i, { rule }] of BYLINE_GROUPS.entries()) {
    // The first byline element inside the article; an element holding several names gives them all.
    for (const el of groups[i]!) {
      const t = el.getAttribute('content') ?? textOf(el);
      if (!t || !inArticleScope(index, el) || isMasthead(el, t, url) || isTopicLink(el)) continue;
      const before = out.length;
      if (t.length <= 120) add([t], rule);
      if (out.length > before) break;
      // The byline names the site itself: the site signs the page, and later elements of this
      // kind belong to other articles.
      if (t.length <= 120 && namesOnlySite(t, siteNames)) {
        siteSigned ??= splitAuthors(t)[0]!;
        break;
      }
    }
  }
 const article = articleElement(index);
  const linked = profileLink(index, article, (l) => userName(l, siteNames, host) !== null);
  if (linked) {
    const before = out.length;
    add([linked], 'html:author-link');
    // The link's text is an account's name, whatever words it uses.
    if (out.length === before) out.push({ names: [userName(linked, siteNames, host)!], rule: 'html:author-link' });
  }
 const line = bylineLine(index, article, (l) => splitAuthors(l, siteNames, host).length > 0);
  if (line) add([line], 'text:byline');
  const dated = dateByline(index, article);
  if (dated) out.push({ names: [dated], rule: 'text:date-byline' });
  const owner = personalSiteOwner(titleText, siteNames, host);
  if (owner) out.push({ names: [owner], rule: 'site:personal-domain' });
  const source = sourceLine(index);
  if (source) out.push({ names: [source], rule: 'text:source-line' });
  if (siteSigned) out.push({ names: [siteSigned], rule: 'html:byline-site' });
  // Metadata naming only the site itself as author: the organisation signs the page.
  const own = [...(ld?.authors ?? []), ...META_KEYS.filter((k) => k !== 'twitter:data1').flatMap((k) => tags.get(k) ?? [])];
  const names = unique(own.flatMap((r) => splitAuthors(r)));
  if (names.length) out.push({ names, rule: 'meta:author-site' });
  return out;
}

const VISIBLE = /^(?:html|text):/;

function nameWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
}

/** Whether every word of `short` is in `long`, which has more: a first name only, a co-author left out. */
function fuller(long: string[], short: string[]): boolean {
  const lw = long.flatMap(nameWords);
  const sw = short.flatMap(nameWords);
  return sw.length > 0 && lw.length > sw.length && sw.every((w) => lw.includes(w));
}

/**
 * Author candidates merged by the names they give, with signals for the ranker: the sources
 * (JSON-LD, meta tags, visible bylines), how many agree, whether the names read as people, whether
 * a visible byline gives a fuller form of them (or they of it), and desk or site names.
 */
export function rankedAuthors(cands: AuthorCandidate[]): Ranked<string[]>[] {
  const byKey = new Map<string, Ranked<string[]>>();
  for (const c of cands) {
    const key = c.names.map(squash).join(';');
    let r = byKey.get(key);
    if (!r) {
      r = { value: c.names, sources: [], features: {} };
      byKey.set(key, r);
    }
    if (!r.sources.includes(c.rule)) r.sources.push(c.rule);
    r.features[`src:${c.rule}`] = 1;
  }
  const out = [...byKey.values()];
  for (const r of out) {
    const f = r.features;
    f['agree:sources'] = Math.log2(r.sources.length);
    const visible = r.sources.some((s) => VISIBLE.test(s));
    if (visible && r.sources.some((s) => !VISIBLE.test(s))) f['agree:visible+meta'] = 1;
    if (r.value.every(personLike)) f['names:person'] = 1;
    else if (r.value.some(personLike)) f['names:some-person'] = 1;
    if (r.value.length >= 2) f['names:several'] = 1;
    if (r.value.every((n) => DESK.test(n))) f['names:desk'] = 1;
    if (r.value.some((n) => n.split(/\s+/).length === 1)) f['names:one-word'] = 1;
    for (const o of out) {
      if (o === r) continue;
      const oVisible = o.sources.some((s) => VISIBLE.test(s));
      if (fuller(r.value, o.value)) f[oVisible ? 'fuller-than-visible' : 'fuller-than-meta'] = 1;
      if (fuller(o.value, r.value)) f[oVisible ? 'part-of-visible' : 'part-of-meta'] = 1;
    }
  }
  return out;
}

/** Names as the reader sees them: a visible byline's spelling ('BOB SMITH') wins over the same
 * name in metadata ('Bob Smith'). */
export function visibleSpelling(names: string[], cands: AuthorCandidate[]): string[] {
  const visible = cands.filter((c) => VISIBLE.test(c.rule)).flatMap((c) => c.names);
  return names.map((n) => visible.find((v) => v !== n && v.toLowerCase() === n.toLowerCase()) ?? n);
}

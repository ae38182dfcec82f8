// Who wrote the page. Sources: JSON-LD author, author meta tags, then the visible byline
// (itemprop=author, rel=author, byline/author classes, a short 'By NAME' line, 'DATE - NAME', a
// wire dateline's agency). Each raw string is cleaned by names.ts. Among the sources that
// give names, the first that reads like a person's name wins over handles and organisations.
import { hostLabel, squash, textOf } from './candidates.js';
import type { JsonLdFacts } from './jsonld.js';
import { copyrightPerson } from './author-copyright.js';
import { lastEditor } from './author-editor.js';
import { issuerBesideHeadline } from './author-issuer.js';
import { speechSpeaker } from './author-speech.js';
import { displayNameFor, titleSpelling } from './author-handle.js';
import { inMenu, profileLinkName, profileSlug } from './author-link.js';
import { BYLINE_GROUPS, bylineElements } from './byline-elements.js';
import { brLines } from './br-lines.js';
import { descendantsByTag, indexPage, type PageIndex, shortText } from './page-index.js';
import { BY_PREFIX, nameShaped, personLike, splitAuthors, userName } from './names.js';
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

function inArticleScope(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName === 'FORM' || e.tagName === 'ASIDE' || e.tagName === 'FIGURE' || e.tagName === 'FIGCAPTION') return false;
    if ((e === el || e === el.parentElement) && (e.getAttribute('class') ?? '').split(/\s+/).some((t) => PICTURE_CREDIT.test(t))) return false;
    // A <footer> inside an <article> is the post's own byline block, not the page footer.
    if (e.tagName === 'FOOTER' && !e.parentElement?.closest('article')) return false;
    const tokens = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
    // A 'sidebar-included' wrapper that holds the headline is the page layout, not a sidebar; a
    // footer-classed block inside an <article> is the article's own footer, as a <footer> there is.
    const outside = (t: string) => OUTSIDE.test(t) && !(/^footer/i.test(t) && e.parentElement?.closest('article'));
    if (e !== el && tokens.some(outside) && !e.querySelector('h1')) return false;
    // 'comment-author' names a commenter, wherever the thread sits.
    if (e === el && tokens.some((t) => COMMENTER.test(t))) return false;
  }
  return true;
}

// Prefixes are matched case-insensitively by hand: the name part must really be capitalised.
const BY_WORDS = '(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]oor|[Aa]v|[Pp]rzez|[Tt]ext|[Tt]exto|[Aa]utor(?:in|en)?|[Aa]uthors?|[Aa]uteurs?|[Rr]edaktion(?=\\s*:))';
const BY_LEADS = '(?:(?:[Bb]log\\s+)?(?:[Ee]in\\s+)?(?:[Bb]eitrag|[Aa]rtikel|[Ww]ritten|[Pp]osted|[Gg]eschrieben|[Vv]erfasst|[Ee]rstellt|[Ee]ingestellt|[Vv]eröffentlicht|[Ss]tory|[Aa]rticle|[Rr]eported)\\s+)?';
// A name word may end in digits ('Marianne1', a user name); the line may end with the date
// ('von NAME am 20.09.2020', 'by NAME on 4 May').
const BYLINE_TEXT = new RegExp(`^(?:[-–—|]\\s*)?${BY_LEADS}${BY_WORDS}\\s*:?\\s+(\\p{Lu}[\\p{L}.'’-]*\\d{0,4}(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|van|von|der|da|di|del|la|le|und|and|et|y|e)){0,6})(?:\\s*[,|•·].{0,40}|\\s+[–—-].{0,40}|\\s*\\([^()]{1,60}\\)(?:,.{0,40})?|\\s*:|\\s(?:am|on|le|el|il)\\s+\\d.{0,30})?$`, 'u');

/** 'Verfasst von: mitundvoneinander | 31. Dezember 2008': after a byline word and a colon, a user
 * name in lower case is the author too. */
const LABELLED_HANDLE = new RegExp(`^${BY_LEADS}${BY_WORDS}\\s*:\\s+([\\p{Ll}\\d][\\p{L}\\d._-]{2,30})\\s*(?:[|•·–—-].{0,40})?$`, 'u');

/** 'Posted on September 21, 2020 by NAME'. */
const POSTED_BY = /^(?:[Pp]osted|[Pp]ublished|[Vv]eröffentlicht|[Gg]eschrieben|[Ee]rstellt|[Ee]ingestellt)\b.{0,50}\s(?:by|von)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})$/u;

/** A short line reading 'By NAME' / 'von NAME' near the top of the article. */
const BYLINE_TAGS = new Set(['P', 'SPAN', 'DIV', 'EM', 'I', 'STRONG', 'B', 'SMALL', 'ADDRESS', 'LI', 'A', 'H3', 'H4', 'H5', 'FONT']);
const DATE_BYLINE_TAGS = new Set(['P', 'SPAN', 'DIV', 'SMALL', 'LI', 'TIME']);

function bylineLine(document: Document, index: PageIndex | null, article: Element | null, accept: (line: string) => boolean): string | null {
  if (!index || !document.body) return null;
  return (article ? bylineIn(article, index, accept) : null) ?? bylineIn(document.body, index, accept);
}

/** The page's first <article>, else its first <main>: the scope bylines are looked for in first. */
function articleElement(document: Document, index: PageIndex | null): Element | null {
  // The page index lists the body's elements in order: one pass instead of two selector scans.
  if (!index) return document.querySelector('article') ?? document.querySelector('main');
  return index.order.find((e) => e.tagName === 'ARTICLE') ?? index.order.find((e) => e.tagName === 'MAIN') ?? null;
}

/** The first link to an author's profile named as its address spells it, inside the article first. */
function profileLink(document: Document, index: PageIndex | null, article: Element | null, accept: (name: string) => boolean): string | null {
  if (!index || !document.body) return null;
  const ok = (el: Element, t: string) => accept(t) && inArticleScope(el);
  return (article ? profileLinkName(article, index, ok) : null) ?? profileLinkName(document.body, index, ok);
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
      if (next && nameLike && accept(next) && inArticleScope(el)) return next;
      continue;
    }
    if (t.length < 5) continue;
    const m = BYLINE_TEXT.exec(t) ?? POSTED_BY.exec(t) ?? LABELLED_HANDLE.exec(t);
    const line = m ? (BYLINE_TEXT.test(t) ? t : (m[1] ?? t)) : null;
    // A menu entry ('By Method', 'Von Wiener Walzer und Mozartkugeln') links to a topic, unless it
    // links to an author's profile ('Author: NAME' -> /author/name/).
    if (line && accept(line) && inArticleScope(el) && (!inMenu(el) || linksToProfile(el))) return line;
  }
  return null;
}

/** A byline that is one line of a block written with <br>s ('...<br><br>Autor: NAME</div>',
 * 'Von A und B<br>Kakuma /Kenia'), the article's first. Weaker than a byline element of its own: such blocks also quote other
 * texts with their authors ('Title<br>von NAME<br>...' in a forum post), so it is read only when
 * nothing else names anyone. */
function brByline(index: PageIndex | null, article: Element | null, body: Element | null, accept: (line: string) => boolean): string | null {
  const scope = article ?? body;
  if (!index || !scope) return null;
  // The blocks holding a <br>, found from the <br>s: most long elements hold none.
  const seen = new Set<Element>();
  for (const br of descendantsByTag(index, scope, BR_TAG)) {
    const el = br.parentElement;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    // Short elements were read whole by bylineIn, which a line after the byline can spoil
    // ('Von A und B<br>Kakuma /Kenia'): their lines are read too.
    if (!BR_BLOCK_TAGS.has(el.tagName)) continue;
    const line = brLines(el, 80, index, (raw) => BYLINE_WORD.test(raw)).find((l) => BYLINE_TEXT.test(l) && accept(l));
    if (line && inArticleScope(el)) return line;
  }
  return null;
}

const BR_BLOCK_TAGS = new Set(['P', 'DIV', 'TD', 'SPAN', 'FONT']);
const BR_TAG = new Set(['BR']);
const H1 = new Set(['H1']);
/** A cheap test that a raw line holds one of BYLINE_TEXT's byline words. */
const BYLINE_WORD = new RegExp(BY_WORDS);

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

/** The heading of an author box, when it reads as a person's name. */
function boxHeading(box: Element): string | null {
  const heading = box.querySelector('h2, h3, h4, h5, h6');
  const t = heading ? textOf(heading) : '';
  // Text run together from several elements ('Zur PersonAlle Beiträge') is a label, not a name.
  return t && nameShaped(t) && personLike(t) && !/\p{Ll}{2}\p{Lu}\p{Ll}{2}/u.test(t) ? t : null;
}

/** Wire copy opens 'Hamburg (dpa/lno) – ...': the agency in the dateline is the author. */
const DATELINE_AGENCY = /^\p{Lu}[\p{L}. -]{1,40}\s\(([\p{L}/ ]{2,20})\)\s*[–—-]\s/u;

function datelineAgency(document: Document, article: Element | null): string | null {
  const scope = article ?? document.body;
  for (const p of Array.from(scope?.querySelectorAll('p') ?? []).slice(0, 30)) {
    const m = DATELINE_AGENCY.exec(textOf(p));
    if (m?.[1] && /^[\p{Ll}/ ]+$|^[\p{Lu}/ ]+$/u.test(m[1])) return m[1];
  }
  return null;
}

/** 'DATE - Name', 'DATE | 13:10 | Name': a short line near the headline holding a date and a name. */
function dateByline(document: Document, index: PageIndex | null, article: Element | null): string | null {
  const scope = article ?? document.body;
  if (!scope || !index) return null;
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
    if (link && splitAuthors(link).length && inArticleScope(el)) return link;
    if (pieces.length !== 1) continue;
    const labelled = BY_PREFIX.test(pieces[0]!);
    const name = pieces[0]!.replace(BY_PREFIX, '').trim();
    // 'DATE - Empa (Eidgenössische ...)': an organisation spelt out in brackets is no person.
    const shaped = (personLike(name) && !name.includes('(')) || (labelled && /^\p{Lu}[\p{L}.-]+$/u.test(name));
    if (shaped && name.split(/\s+/).length <= 4 && inArticleScope(el)) return name;
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

/** A wire credit closing a paragraph: '(dpa)', '(FR mit dpa)', '(afp/red)', '(APA/AP)': short words
 * in lower case or capitals (agency and outlet abbreviations) joined by '/', ',' or 'mit'/'with'; at
 * least one in lower case, since '(EU)', '(WHO)' or '(CDU/CSU)' closes many a sentence. */
const END_CREDIT = /\(((?:[\p{Ll}]{2,8}|[\p{Lu}]{2,6})(?:\s*[/,]\s*|\s+(?:mit|with|und|and|avec|con)\s+)(?:[\p{Ll}]{2,8}|[\p{Lu}]{2,6})(?:\s*[/,]\s*(?:[\p{Ll}]{2,8}|[\p{Lu}]{2,6}))*|[\p{Ll}]{2,4})\)\s*$/u;

/** The credit closing one of the article's last paragraphs of text. */
function endCredit(article: Element | null): string | null {
  const paragraphs = Array.from(article?.querySelectorAll('p') ?? []).filter((p) => textOf(p).length > 80);
  const last = paragraphs[paragraphs.length - 1];
  const credit = last ? END_CREDIT.exec(textOf(last))?.[1] : undefined;
  // One lower-case agency word at least: '(CDU/CSU)' or '(CDU und SPD)' names parties, not a credit.
  return credit && credit.split(/[\s/,]+/).some((w) => /^\p{Ll}+$/u.test(w) && !/^(?:mit|with|und|and|avec|con)$/.test(w)) ? credit : null;
}

/** A 'Quelle: kathpress' paragraph under the text: the agency or outlet the page reprints. Read
 * only when no byline names anyone, before the site's own name. */
const SOURCE_LINE = /^(?:Quelle|Source|Fuente|Fonte|Bron)\s*:\s*([\p{L}][\p{L}\d&/.' -]{1,40})$/u;

/** A site address as a credit: 'tagesschau.de', 'hessenschau.de/bb'. */
const SITE_CREDIT = /^[\p{Ll}\d-]{2,30}(?:\.[\p{Ll}\d-]{2,30})*\.[a-z]{2,6}(?:\/[\p{L}]{1,4})?$/u;

function sourceLine(scope: Element | null | undefined): string | null {
  // From the body, not the first <article>, which is sometimes a teaser after the text.
  for (const p of Array.from(scope?.querySelectorAll('p') ?? [])) {
    const m = SOURCE_LINE.exec(textOf(p));
    // 'Quelle: hessenschau.de/bb': an outlet's address, with its desk's initials, is the credit as written.
    const name = m?.[1] ? (SITE_CREDIT.test(m[1]) ? m[1] : splitAuthors(m[1])[0]) : undefined;
    if (name && inArticleScope(p)) return name;
  }
  return null;
}

/** A signature under the text: a right-aligned paragraph holding only a person's name. */
function rightAlignedSignature(document: Document): string | null {
  for (const el of Array.from(document.body?.querySelectorAll('p[align], div[align], p[style*="text-align"], div[style*="text-align"]') ?? [])) {
    const align = `${el.getAttribute('align') ?? ''} ${el.getAttribute('style') ?? ''}`.toLowerCase();
    if (!/^right\b|text-align:\s*right/.test(align.trim())) continue;
    const t = textOf(el);
    if (t.length <= 40 && nameShaped(t) && personLike(t) && t.split(' ').length <= 4 && inArticleScope(el)) return t;
  }
  return null;
}

/** A personal site ('wolfgangmichal.de' named 'Wolfgang Michal'): its owner, when the site's name
 * spells the address's name as a person's name. Weakest rule: only used when nothing else names anyone. */
function personalSiteOwner(document: Document, siteNames: string[], host: string | null): string | null {
  if (!host || host.length < 6) return null;
  const named = [...siteNames, ...titlePieces(textOf(document.querySelector('title')))];
  for (const raw of named) {
    const name = raw.replace(/^(?:(?:Dr|Prof|Dipl)\.[\s-]*)+/, '').replace(/[’']s\b.*$/, '').trim();
    if (personLike(name) && squash(name) === squash(host)) return name;
  }
  return null;
}

export function authorCandidates(document: Document, tags: MetaTags, ld: JsonLdFacts | null, siteNames: string[], url: string | null): AuthorCandidate[] {
  const host = hostLabel(url);
  const out: AuthorCandidate[] = [];
  let markup: string | null = null;
  const pageMarkup = () => (markup ??= document.documentElement?.outerHTML ?? '');
  const titleText = textOf(document.querySelector('title'));
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
  const groups = bylineElements(document, 12);
  for (const [i, { rule }] of BYLINE_GROUPS.entries()) {
    // The first byline element inside the article; an element holding several names gives them all.
    for (const el of groups[i]!) {
      const t = el.getAttribute('content') ?? textOf(el);
      if (!t || !inArticleScope(el) || isMasthead(el, t, url) || isTopicLink(el)) continue;
      const before = out.length;
      if (t.length <= 120) add([t], rule);
      // An author box ('Martin Junker / All posts by ... / Contact') names the author in its heading.
      if (out.length === before && rule === 'html:author-class') {
        const heading = boxHeading(el);
        if (heading) add([heading], 'html:author-box');
      }
      if (out.length > before) break;
      // The byline names the site itself ('par Attac France' on attac.org): the site signs the
      // page, and later elements of this kind belong to other articles.
      if (t.length <= 120 && namesOnlySite(t, siteNames)) {
        siteSigned ??= splitAuthors(t)[0]!;
        break;
      }
    }
  }
  const index = document.body ? indexPage(document.body) : null;
  const article = articleElement(document, index);
  let h1s: Element[] | null = null;
  const headings = () => (h1s ??= index && document.body ? descendantsByTag(index, document.body, H1) : []);
  const linked = profileLink(document, index, article, (l) => userName(l, siteNames, host) !== null);
  if (linked) {
    const before = out.length;
    add([linked], 'html:author-link');
    // The link's text is an account's name, whatever words it uses ('Catch more fish').
    if (out.length === before) out.push({ names: [userName(linked, siteNames, host)!], rule: 'html:author-link' });
  }
  const line = bylineLine(document, index, article, (l) => splitAuthors(l, siteNames, host).length > 0);
  if (line) add([line], 'text:byline');
  const dated = dateByline(document, index, article);
  if (dated) out.push({ names: [dated], rule: 'text:date-byline' });
  const agency = datelineAgency(document, article);
  if (agency) out.push({ names: [agency], rule: 'text:dateline-agency' });
  // A Creative Commons notice names the work's author ('Ein Hundetagebuch von <a rel="cc:attributionURL">
  // Donald Townsend</a> steht unter einer ... Lizenz'): weak, it gives a name to bylines that show initials.
  const cc = document.querySelector('[property="cc:attributionName"], [rel~="cc:attributionURL"]');
  if (cc) add([textOf(cc)], 'html:cc-attribution');
  const owner = out.length === 0 ? personalSiteOwner(document, siteNames, host) : null;
  if (owner) out.push({ names: [owner], rule: 'site:personal-domain' });
  // A desk name alone ('Redaktion') gives way to the credit closing the text ('... (FR mit dpa)').
  if (out.every((c) => c.names.every((n) => DESK.test(n)))) {
    const credit = endCredit(article);
    if (credit) out.unshift({ names: [credit], rule: 'text:end-credit' });
  }
  const brLine = out.length === 0 ? brByline(index, article, document.body, (l) => splitAuthors(l, siteNames, host).length > 0) : null;
  if (brLine) add([brLine], 'text:br-byline');
  const source = out.length === 0 ? sourceLine(document.body) : null;
  if (source) out.push({ names: [source], rule: 'text:source-line' });
  const issuer = out.length === 0 ? issuerBesideHeadline(headings(), index) : null;
  if (issuer) add([issuer], 'html:issuer-class');
  if (out.length === 0 && siteSigned) out.push({ names: [siteSigned], rule: 'html:byline-site' });
  // A page whose metadata names only the site itself as author ('Presse Augsburg' on
  // presse-augsburg.de) is signed by the organisation: kept when nothing else names anyone.
  if (out.length === 0) {
    const own = [...(ld?.authors ?? []), ...META_KEYS.filter((k) => k !== 'twitter:data1').flatMap((k) => tags.get(k) ?? [])];
    const names = unique(own.flatMap((r) => splitAuthors(r)));
    if (names.length) out.push({ names, rule: 'meta:author-site' });
  }
  const signed = out.length === 0 ? rightAlignedSignature(document) : null;
  if (signed) out.push({ names: [signed], rule: 'text:signature' });
  const holder = out.length === 0 ? copyrightPerson(document, index, inArticleScope) : null;
  if (holder) out.push({ names: [holder], rule: 'site:copyright-person' });
  const editor = out.length === 0 ? lastEditor(document.body, index, siteNames, host) : null;
  if (editor) out.push({ names: [editor], rule: 'text:last-editor' });
  const speaker = out.length === 0 ? speechSpeaker(document, headings) : null;
  if (speaker) out.push({ names: [speaker], rule: 'text:speech-speaker' });
  return out;
}

export function pickAuthors(cands: AuthorCandidate[]): AuthorCandidate | null {
  // JSON-LD and meta tags are trusted first; a handle or an organisation there gives way to a
  // person's name found by a later rule.
  const first = cands[0];
  if (!first) return null;
  let chosen = first.names.some(personLike) ? first : (cands.find((c) => c.names.some(personLike)) ?? first);
  // A theme's site-wide meta author (the blog's owners) gives way to the article's own byline:
  // a link to the profile of someone else.
  const linked = cands.find((c) => c.rule === 'html:author-link');
  if (chosen.rule === 'meta:author' && linked && !linked.names.some((n) => chosen.names.some((m) => squash(m) === squash(n)))) chosen = linked;
  // Names as the reader sees them: a visible byline's spelling ('BOB SMITH') wins over the
  // same name in metadata ('Bob Smith').
  const visible = cands.filter((c) => c.rule.startsWith('html:') || c.rule.startsWith('text:')).flatMap((c) => c.names);
  const names = chosen.names.map((n) => visible.find((v) => v !== n && v.toLowerCase() === n.toLowerCase()) ?? n);
  return { names, rule: chosen.rule };
}

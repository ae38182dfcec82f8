// Who wrote the page. Sources: JSON-LD author, author meta tags, then the visible byline
// (itemprop=author, rel=author, byline/author classes, a short 'By NAME' line). Each raw string is
// cleaned ('By '/'Von ' removed, 'A and B' split) and rejected when it is a URL, an e-mail
// address, a date, a form label or the site's own name. Among the sources that give names, the
// first that reads like a person's name wins over user handles, initials and organisations.
import { clean, hostLabel, squash, textOf } from './meta-candidates.js';
import type { JsonLdFacts } from './meta-jsonld.js';
import type { MetaTags } from './meta-tags.js';

export interface AuthorCandidate {
  names: string[];
  rule: string;
}

/** Words that introduce a byline in the languages the pages use. */
const BY_PREFIX =
  /^(?:(?:written|posted|published|reported|story|words|article|interview|text|fotos?|photos?|bilder?)\s+(?:by|von)|(?:eingestellt|veröffentlicht|erstellt|verfasst|geschrieben|publiziert)\s+von|zeige alle beiträge von|alle beiträge von|publié par|publicado por|pubblicato da|(?:blog\s+)?(?:ein\s+)?(?:beitrag|artikel)\s+von|mehr von|more from|posts by|articles by|by|von|vom|par|por|door|av|af|przez|autor(?:in|en)?|authors?|auteurs?|autore|redakteur(?:in)?|interview|text|fotos?|photos?)\s*[:\-–]?\s+/i;
/** Separators between several names. Slashes stay: 'dpa/lno' is one agency credit. */
const SPLIT = /\s*(?:;|\||&|\s+(?:and|und|et|y|e|en|og|och|oraz)\s+)\s*/i;
const NOT_NAME =
  /https?:|www\.|@|\.(?:com|de|org|net|html?)\b|\d{3,}|\d:\d\d|(?:^|\s)\d+(?:\s|$)|[*()[\]{}<>=]|\b(?:cookie|javascript|login|anmelden|kommentar|comments?|share|teilen|min(?:ute)?s?\s+read|lesezeit|follow|folgen|e-?mail|website|erforderlich|required|sagt|says|antworten|reply|stunden|hours|ago|minuten|posted|veröffentlicht|published|gesponsert\w*|sponsored)\b/i;
/** Trailing pieces that qualify a name without being one: degrees, an outlet acronym, a date. */
const TRAILER = /,\s*(?:[Pp]h\.?[Dd]\.?|M\.?D\.?|MBA|MSc|B\.?Sc|\p{Lu}{2,5})$|\s+(?:am|on|le|el|il)\s+\d.*$|\s+(?:am|on)\s+(?:\p{L}+tag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*$/u;

function cleanName(raw: string): string {
  let s = clean(raw).replace(/^[©@]\s*/, '').replace(/\s+@\w+/g, '');
  s = s.replace(BY_PREFIX, '').replace(BY_PREFIX, '');
  // Trailing descriptors: 'Name | Site', 'Name - Redaktion', a date after the name.
  s = s.replace(/\s+(?:[|•·]|[-–—]\s).*$/, '').replace(TRAILER, '');
  return s.replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '');
}

function plausibleName(s: string, siteNames: string[], host: string | null): boolean {
  if (s.length < 2 || s.length > 60 || NOT_NAME.test(s)) return false;
  if (s.split(/\s+/).length > 6 || !/\p{L}/u.test(s)) return false;
  // Prose, not a name: several lower-case words that are not name particles.
  if (s.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !/^(?:de|van|von|der|den|da|di|del|la|le|bin|al|y|e|und|and|et)$/.test(w)).length >= 2) return false;
  if (/^(?:alle beiträge|all posts|view all posts)$/i.test(s)) return false;
  if (/^(?:by|von|par|por|door|beitrag|mehr|more|admin|wordpressadmin|administrator|anonymous|anonym|gast|guest|unknown|author|autor|collectif|agencies|staff)$/i.test(s)) return false;
  const k = squash(s);
  if (siteNames.some((n) => squash(n) === k)) return false;
  // The host's own name ('zeit', 'Die Zeit' on zeit.de), not a user whose handle extends it.
  return !(host && host.length >= 4 && k.endsWith(host) && k.length - host.length <= 4);
}

/** Two to five capitalised words (particles allowed): the shape of a person's name. */
function nameShaped(s: string): boolean {
  const words = s.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w) || /^(?:de|van|von|der|da|di|del|la|le|bin|al)$/.test(w));
}

/** Cleans and splits one raw author string into names. */
export function splitAuthors(raw: string, siteNames: string[] = [], host: string | null = null): string[] {
  const whole = clean(raw);
  if (!whole || /https?:|www\.|@\w+\./.test(whole)) return [];
  const s = cleanName(whole);
  if (!s) return [];
  const bySeparator = s.split(SPLIT).map(cleanName).filter(Boolean);
  // Commas separate names only when every piece is a full name ('A B, C D'), not in 'Last, First'.
  // 'A B, C D' is two names; 'A B, Role of the author' is one name and a role; 'Last, First' is one.
  const pieces = bySeparator.flatMap((p) => {
    const parts = p.split(/\s*,\s*/).filter(Boolean);
    if (parts.length < 2) return [p];
    if (parts.every(nameShaped)) return parts;
    return nameShaped(parts[0]!) && /\s/.test(parts[0]!) ? [parts[0]!] : [p];
  });
  return pieces.filter((p) => plausibleName(p, siteNames, host));
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
  '[data-testid*="byline"] a, [data-testid*="author"]',
  '.vcard .fn, .author .fn, .byline .fn, [class*="contributor"], .author-name, .author_name, .authorName, .byline-name, .byline__name, .article-author, .post-author, .entry-author, .auteurs, .auteur, .author a, .byline a',
  '.author, .byline, .autor, .meta-author, [class*="author"], [class*="Author"], [id*="author"], [class*="byline"], [class*="Byline"], [class*="autor"], [class*="auteur"]',
];

/** Regions whose names are commenters, related-article authors or form labels, not the author. */
const OUTSIDE = /^(?:comments?|comment[-_]|respond|reply|kommentar|related|teaser|sidebar|footer|newsletter|recommend|share|social|review)/i;

function inArticleScope(el: Element): boolean {
  for (let e: Element | null = el; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (e.tagName === 'FORM' || e.tagName === 'FOOTER' || e.tagName === 'ASIDE') return false;
    const tokens = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`.split(/\s+/);
    if (e !== el && tokens.some((t) => OUTSIDE.test(t))) return false;
  }
  return true;
}

// Prefixes are matched case-insensitively by hand: the name part must really be capitalised.
const BY_WORDS = '(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|[Pp]or|[Dd]oor|[Aa]v|[Pp]rzez|[Tt]ext|[Tt]exto|[Aa]utor(?:in|en)?|[Aa]uthors?|[Aa]uteurs?)';
const BY_LEADS = '(?:(?:[Bb]log\\s+)?(?:[Ee]in\\s+)?(?:[Bb]eitrag|[Aa]rtikel|[Ww]ritten|[Pp]osted|[Gg]eschrieben|[Vv]erfasst|[Ee]rstellt|[Ee]ingestellt|[Vv]eröffentlicht|[Ss]tory|[Aa]rticle|[Rr]eported)\\s+)?';
const BYLINE_TEXT = new RegExp(`^${BY_LEADS}${BY_WORDS}\\s*:?\\s+(\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|van|von|der|da|di|del|la|le|und|and|et|y|e)){0,6})\\s*(?:[,|•·–—-].{0,40})?$`, 'u');

/** 'Posted on September 21, 2020 by NAME'. */
const POSTED_BY = /^(?:[Pp]osted|[Pp]ublished|[Vv]eröffentlicht|[Gg]eschrieben|[Ee]rstellt|[Ee]ingestellt)\b.{0,50}\s(?:by|von)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})$/u;

/** A short line reading 'By NAME' / 'von NAME' near the top of the article. */
function bylineLine(document: Document): string | null {
  const article = document.querySelector('article') ?? document.querySelector('main');
  return (article ? bylineIn(article) : null) ?? (document.body ? bylineIn(document.body) : null);
}

function bylineIn(scope: Element): string | null {
  let seen = 0;
  for (const el of Array.from(scope.querySelectorAll('p, span, div, em, i, strong, b, small, address, li, a, h3, h4, h5, font'))) {
    if (++seen > 5000) break;
    const t = textOf(el);
    if (t.length > 80) continue;
    // '<span>By</span> <span>Name</span>': a lone byline word labels the element after it.
    if (/^(?:\|\s*)?(?:by|von|par|por|door|autor|author)\s*:?$/i.test(t)) {
      const next = textOf(el.nextElementSibling);
      if (next && next.length <= 60 && /^\p{L}/u.test(next) && !/\d{3}/.test(next) && inArticleScope(el)) return next;
      continue;
    }
    if (t.length < 5) continue;
    const m = BYLINE_TEXT.exec(t) ?? POSTED_BY.exec(t);
    if (m && inArticleScope(el)) return BYLINE_TEXT.test(t) ? t : (m[1] ?? t);
  }
  return null;
}

/** Wire copy opens 'Hamburg (dpa/lno) – ...': the agency in the dateline is the author. */
const DATELINE_AGENCY = /^\p{Lu}[\p{L}. -]{1,40}\s\(([\p{L}/ ]{2,20})\)\s*[–—-]\s/u;

function datelineAgency(document: Document): string | null {
  const scope = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  for (const p of Array.from(scope?.querySelectorAll('p') ?? []).slice(0, 30)) {
    const m = DATELINE_AGENCY.exec(textOf(p));
    if (m?.[1] && /^[\p{Ll}/ ]+$|^[\p{Lu}/ ]+$/u.test(m[1])) return m[1];
  }
  return null;
}

/** 'DATE - Name', 'DATE | 13:10 | Name': a short line near the headline holding a date and a name. */
function dateByline(document: Document): string | null {
  const scope = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  if (!scope) return null;
  let seen = 0;
  for (const el of Array.from(scope.querySelectorAll('p, span, div, small, li, time'))) {
    if (++seen > 3000) break;
    if (el.children.length > 3) continue;
    const t = textOf(el);
    if (t.length < 12 || t.length > 80 || !/\d{1,2}[./]\d{1,2}[./]\d{2,4}/.test(t)) continue;
    // 'DATE - Name', 'DATE | 13:10 | Name', 'DATE 13:30 von Name'.
    const pieces = t
      .split(/\s+[|–—•·-]\s+|(?<=\d)\s+(?=(?:von|by)\s)/)
      .map((p) => p.trim())
      .filter((p) => p && !/\d/.test(p));
    if (pieces.length !== 1) continue;
    const labelled = BY_PREFIX.test(pieces[0]!);
    const name = pieces[0]!.replace(BY_PREFIX, '').trim();
    const shaped = personLike(name) || (labelled && /^\p{Lu}[\p{L}.-]+$/u.test(name));
    if (shaped && name.split(/\s+/).length <= 4 && inArticleScope(el)) return name;
  }
  return null;
}

export function authorCandidates(document: Document, tags: MetaTags, ld: JsonLdFacts | null, siteNames: string[], url: string | null): AuthorCandidate[] {
  const host = hostLabel(url);
  const out: AuthorCandidate[] = [];
  const add = (raws: string[], rule: string) => {
    const names = unique(raws.flatMap((r) => splitAuthors(r, siteNames, host)));
    if (names.length) out.push({ names, rule });
  };
  if (ld?.authors.length) add(ld.authors, 'jsonld:author');
  for (const key of META_KEYS) {
    const values = tags.get(key);
    if (!values) continue;
    if (key === 'twitter:data1' && !/^(?:written by|autor|author|verfasst von|geschrieben von)/i.test(tags.get('twitter:label1')?.[0] ?? '')) continue;
    add(values, `meta:${key}`);
  }
  for (const sel of BYLINE_SELECTORS) {
    // The first byline element inside the article; an element holding several names gives them all.
    for (const el of Array.from(document.querySelectorAll(sel)).slice(0, 12)) {
      const t = el.getAttribute('content') ?? textOf(el);
      if (!t || t.length > 120 || !inArticleScope(el)) continue;
      const before = out.length;
      add([t], `html:${sel.split(/[\s,]/)[0]}`);
      if (out.length > before) break;
    }
  }
  const line = bylineLine(document);
  if (line) add([line], 'text:byline');
  const dated = dateByline(document);
  if (dated) out.push({ names: [dated], rule: 'text:date-byline' });
  const agency = datelineAgency(document);
  if (agency) out.push({ names: [agency], rule: 'text:dateline-agency' });
  return out;
}

/** A display name as people write it: capitalised words with a space, not a handle or initials. */
function personLike(name: string): boolean {
  if (!/\s/.test(name) || /[._]\S/.test(name.replace(/\b\p{Lu}\.\s/gu, ''))) return false;
  if (/\b(?:e\.\s?v\.|gmbh|ag|verlag|stiftung|verband|redaktion|online|news|media|zeitung|magazin|volksblatt|press|presse|team|staff|agency|agencia|agencies)\b/i.test(name)) return false;
  return name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length >= 2;
}

export function pickAuthors(cands: AuthorCandidate[]): AuthorCandidate | null {
  // JSON-LD and meta tags are trusted first; a handle or an organisation there gives way to a
  // person's name found by a later rule.
  const first = cands[0];
  if (!first) return null;
  const chosen = first.names.some(personLike) ? first : (cands.find((c) => c.names.some(personLike)) ?? first);
  // Names as the reader sees them: a visible byline's spelling ('BOB SMITH') wins over the
  // same name in metadata ('Bob Smith').
  const visible = cands.filter((c) => c.rule.startsWith('html:') || c.rule.startsWith('text:')).flatMap((c) => c.names);
  const names = chosen.names.map((n) => visible.find((v) => v !== n && v.toLowerCase() === n.toLowerCase()) ?? n);
  return { names, rule: chosen.rule };
}

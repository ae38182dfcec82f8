// The headline. Pages state it in several places that disagree in small ways: og:title and
// <title> often carry the site name (' | Site', ' - Site'), the <h1> is what readers see but may
// hold the site's name or a hidden region label. Every place gives a candidate; the ranker
// weighs their agreement and position (weights fitted by scripts/train-meta.ts).
import { clean, hostLabel, squash, textOf } from './candidates.js';
import type { Ranked } from './ranker.js';
import type { JsonLdFacts } from './jsonld.js';
import { firstMeta, type MetaTags } from './tags.js';
import { byTag, closestTag, descendants, firstOfTag, type PageIndex } from './page-index.js';

/** Separators between a headline and a site or section name in <title>. */
const SEPARATOR = /\s+(?:[|–—•·»«~:/]|-{1,2}|::|\/\/)\s+|\s+[|»«]|[|»«]\s+/u;

/** Headings that label a page region rather than its content. */
const REGION_LABEL = /^(?:navigation|navigation und service|menu|menü|main menu|hauptmenü|home|startseite|search|suche|page|seite|blog|news|aktuelles|inhalt|content|skip to content|sidebar|footer|header|toggle navigation)$/i;

export interface TitleContext {
  siteNames: string[];
  host: string | null;
}

/** Is this text the site's name (or its host), rather than a headline? */
export function isSiteName(piece: string, ctx: TitleContext, heading = false): boolean {
  const p = squash(piece);
  if (!p) return true;
  if (ctx.siteNames.some((s) => squash(s) === p)) return true;
  // A piece of the <title> that holds the host's or site's name is the site's ('Harbour Games
  // 2030' on harbour2030.example); a heading only when little else is in it ('Harbour Online'),
  // not a product page's heading naming the site's product ('Tabula 7 for Linux' on tabula.example).
  const hostPiece = (name: string) => (heading ? p.length - name.length <= Math.max(8, name.length) : piece.length <= 40);
  if (ctx.host && ctx.host.length >= 3 && (p === ctx.host || p.startsWith(`www${ctx.host}`) || (p.includes(ctx.host) && hostPiece(ctx.host)))) return true;
  // 'Tabula Weekly' vs og:site_name 'Tabula.example': a short piece sharing the site's stem.
  return ctx.siteNames.some((s) => {
    const k = squash(s);
    return k.length >= 5 && hostPiece(k) && (p.startsWith(k) || k.startsWith(p)) && Math.min(p.length, k.length) >= 5;
  });
}

/** 'Headline | Site', 'Site » Section » Headline' -> the pieces between the separators. */
export function titlePieces(title: string): string[] {
  return clean(title)
    .split(SEPARATOR)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** Removes site and section names around a headline: 'Headline | Site' -> 'Headline'. */
export function stripSiteName(title: string, ctx: TitleContext, knownLabels: string[] = [], guess = true): string {
  const full = clean(title);
  const pieces = titlePieces(full);
  if (pieces.length < 2) return full;
  const labels = new Set(knownLabels.map(squash).filter((k) => k.length > 0));
  const isLabel = (p: string) => isSiteName(p, ctx) || labels.has(squash(p)) || REGION_LABEL.test(p);
  const firstLabel = pieces.findIndex(isLabel);
  if (firstLabel < 0) {
    if (!guess) return full;
    // No known site name: a trailing piece after ' | ' is still a site name on most pages.
    const bar = /\s+\|\s+(?!.*\s\|\s)/.exec(full);
    return bar && full.length - bar.index < 60 && bar.index > 10 ? full.slice(0, bar.index).trim() : full;
  }
  // 'Headline : Site | Motto' -> what precedes the site; 'Site » Section » Headline' -> the last piece.
  let kept: string[];
  if (firstLabel > 0) kept = pieces.slice(0, firstLabel);
  else {
    const last = pieces[pieces.length - 1]!;
    kept = isLabel(last) ? pieces.filter((p) => !isLabel(p)) : [last];
  }
  // Only site and section names ('Site – Home'): the title names no headline.
  if (kept.length === 0) return '';
  // Keep the headline as written between its first and last kept pieces (it may contain ': ').
  const start = full.indexOf(kept[0]!);
  const lastPiece = kept[kept.length - 1]!;
  const end = full.lastIndexOf(lastPiece) + lastPiece.length;
  return start >= 0 && end > start ? full.slice(start, end).trim() : kept.join(' ');
}

/** Parts of a heading that are not the headline: kicker lines, hidden labels, dates, categories. */
const NOT_HEADLINE = /roofline|kicker|topline|overline|dachzeile|eyebrow|subline|sub-?heading|subheadline|section|categor|rubri|visually-?hidden|sr-only|screen-reader|date|datum|time|meta|separator|label/i;
const BLOCK = new Set(['BR', 'DIV', 'P', 'LI', 'UL', 'H1', 'H2', 'H3', 'H4', 'SECTION', 'HEADER']);

/** Separators and arrows around a heading ('[> Name', '> Name', 'Name :'); a bracket stays when it
 * closes ('[Update] ...'), guillemets and asterisks stay (quotes, emphasis). */
function withoutDecoration(text: string): string {
  const lead = /^[\s:|–—-]*(?:\[(?![^\]]*\]))?[\s>]*/.exec(text)![0];
  return text.slice(lead.length).replace(/\s+[:|–—-]+$/, '');
}

/** A heading's headline text: kickers and hidden labels dropped, line breaks kept as spaces. */
export function headingText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (['SMALL', 'TIME', 'SCRIPT', 'STYLE', 'svg'].includes(e.tagName) || NOT_HEADLINE.test(e.getAttribute('class') ?? '')) continue;
        const block = BLOCK.has(e.tagName);
        if (block) parts.push(' ');
        walk(e);
        if (block) parts.push(' ');
      }
    }
  };
  walk(el);
  const text = withoutDecoration(clean(parts.join('')));
  // Nothing left (the whole heading sat in a label-classed span): fall back to the plain text.
  return text.length >= 2 ? text : textOf(el);
}

/** A heading that is one link to the site's front page: the logo or the blog's name in the header. */
function isHomeLink(index: PageIndex, el: Element, url: string | null): boolean {
  const links = descendants(index, el).filter((e) => e.tagName === 'A' && e.hasAttribute('href'));
  if (links.length !== 1) return false;
  const a = links[0]!;
  if (squash(a.textContent ?? '') !== squash(el.textContent ?? '')) return false;
  try {
    const href = new URL(a.getAttribute('href')!.trim(), url ?? 'http://page.invalid/');
    const here = url ? new URL(url) : null;
    return (href.pathname === '/' || href.pathname === '') && !href.search && (!here || href.hostname.replace(/^www\./, '') === here.hostname.replace(/^www\./, ''));
  } catch {
    return false;
  }
}

/** Inside a breadcrumb trail ('Home > Science > Headline'). */
function inBreadcrumbs(el: Element): boolean {
  for (let e: Element | null = el.parentElement; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (/breadcrumb|crumbs/i.test(`${e.getAttribute('class') ?? ''} ${e.id} ${e.getAttribute('itemtype') ?? ''}`)) return true;
  }
  return false;
}

function classedHeadline(index: PageIndex): string | null {
  // body [class*="headline" i]
  const classed = index.body ? descendants(index, index.body).filter((e) => /headline/i.test(e.getAttribute('class') ?? '')) : [];
  for (const el of classed.slice(0, 20)) {
    if (/^(?:H[1-6]|HEADER)$/.test(el.tagName) || closestTag(el, CHROME)) continue;
    const text = headingText(el);
    if (text.length >= 10 && text.length <= 200) return text;
  }
  return null;
}

/** Whether `text` ends with the words of `tail` after a space (letters and digits compared, case ignored). */
function endsWithWords(text: string, tail: string): boolean {
  const t = squash(tail);
  const words = text.split(/\s+/);
  for (let k = words.length - 1; k >= 1; k--) {
    const rest = squash(words.slice(k).join(' '));
    if (rest === t) return true;
    if (rest.length > t.length) return false;
  }
  return false;
}

/** Does a metadata title (raw or stripped) state this heading as its headline? */
function confirms(meta: string, stripped: string, heading: string, labels: Set<string>): boolean {
  const h = squash(heading);
  if (h.length < 3) return false;
  if (squash(stripped) === h) return true;
  const raw = clean(meta);
  const words = heading.split(/\s+/).length;
  // 'Heading - Anything': the heading, then a separator and a tail the stripping did not know;
  // 'HeadingSite': the heading run into a site name the page names elsewhere.
  if (words >= 2 && raw.startsWith(heading)) {
    const rest = raw.slice(heading.length);
    if (/^\s+(?:[|–—•·»:/~]|-{1,2})\s+\S/.test(rest) || labels.has(squash(rest))) return true;
    const tail = squash(stripped).startsWith(h) ? squash(stripped).slice(h.length) : null;
    if (tail && labels.has(tail)) return true;
  }
  // 'Kicker: Heading': the heading after a kicker of up to three words and a colon ('Update: ...').
  if (words >= 4 && raw.endsWith(heading) && /^[^:]{2,40}:\s+$/.test(raw.slice(0, raw.length - heading.length)) && raw.slice(0, raw.length - heading.length).trim().split(/\s+/).length <= 3) return true;
  // 'Lead-in and the heading' with the heading 'The Heading': a title that closes with the
  // heading's words, whole words, in any case.
  if (words >= 3 && endsWithWords(raw, heading)) return true;
  const pieces = titlePieces(meta);
  // 'Section : Heading': a long heading after short labels ('Notice : ...').
  if (words >= 4 && pieces.length > 1 && squash(pieces[pieces.length - 1]!) === h && pieces.slice(0, -1).every((p) => p.split(/\s+/).length <= 2)) return true;
  // The raw title holds the heading as a piece that is not the last one ('Heading - Site',
  // 'Section - Heading - Site'); a last piece is more often the site's name in an <h1> logo.
  if (pieces.length > 1 && squash(pieces[0]!) === h) return true;
  return pieces.length > 2 && squash(stripped).includes(h) && pieces.slice(1, -1).some((p) => squash(p) === h);
}

/** Where a heading sits: page chrome (menus, header bar, sidebars, footer) rather than the article. */
const CHROME = new Set(['NAV', 'ASIDE', 'FOOTER', 'HEADER']);
const ARTICLE = new Set(['ARTICLE']);
const MAIN = new Set(['MAIN']);
const ARTICLE_OR_MAIN = new Set(['ARTICLE', 'MAIN']);

function inChrome(el: Element): boolean {
  const chrome = closestTag(el, CHROME);
  return chrome !== null && !(chrome.tagName === 'HEADER' && closestTag(chrome, ARTICLE_OR_MAIN));
}

function wordsOf(t: string): string[] {
  return t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function lengthSignal(t: string): string {
  const n = t.split(/\s+/).length;
  return n <= 2 ? 'words:1-2' : n <= 5 ? 'words:3-5' : n <= 15 ? 'words:6-15' : 'words:16+';
}

/** A title claim before merging: its text, its source and signals of the element that gave it. */
interface TitleClaim {
  value: string;
  source: string;
  signals: string[];
}

function headingClaims(index: PageIndex, url: string | null, tag: 'h1' | 'h2', ctx: TitleContext): TitleClaim[] {
  // Pages have few <h1>s; <h2>s also head menus and teasers, so more of them are read.
  const els = byTag(index, tag.toUpperCase()).slice(0, tag === 'h1' ? 12 : 30);
  const out: TitleClaim[] = [];
  els.forEach((el, i) => {
    const text = stripSiteName(headingText(el), ctx, [], false);
    if (text.length < 2 || text.length > 300) return;
    const signals = [i === 0 ? `${tag}:first` : `${tag}:later`];
    if (els.length === 1) signals.push(`${tag}:only`);
    if (closestTag(el, ARTICLE)) signals.push(`${tag}:in-article`);
    if (closestTag(el, MAIN)) signals.push(`${tag}:in-main`);
    if (inChrome(el)) signals.push(`${tag}:in-chrome`);
    if (inBreadcrumbs(el)) signals.push('heading:breadcrumb');
    if (isHomeLink(index, el, url)) signals.push('heading:home-link');
    out.push({ value: text, source: `html:${tag}`, signals });
  });
  return out;
}

/**
 * Title candidates: every heading, metadata title (with the site's name split off) and piece of
 * <title>, merged by value. Signals: which sources state it, how many agree, whether a metadata
 * title confirms a heading, where the heading sits, its length, and marks of a site or section
 * name. The ranker (ranker.ts) weighs them.
 */
export function titleCandidates(index: PageIndex, tags: MetaTags, ld: JsonLdFacts | null, siteNames: string[], url: string | null): Ranked<string>[] {
  const ctx: TitleContext = { siteNames, host: hostLabel(url) };
  const titleEl = textOf(firstOfTag(index, 'TITLE'));
  const h1 = headingClaims(index, url, 'h1', ctx);
  const h2 = headingClaims(index, url, 'h2', ctx);
  // Headings that are the site's name label it in metadata titles too.
  const labels = h1.filter((h) => h.signals.includes('heading:home-link') || isSiteName(h.value, ctx, true)).map((h) => h.value);
  const metaRaw: [string | null | undefined, string][] = [
    [ld?.headline, 'jsonld:headline'],
    [firstMeta(tags, ['og:title'])?.value, 'meta:og:title'],
    [firstMeta(tags, ['twitter:title'])?.value, 'meta:twitter:title'],
    [firstMeta(tags, ['title', 'dc.title', 'dcterms.title', 'headline', 'parsely-title', 'sailthru.title'])?.value, 'meta:title'],
    [titleEl, 'html:title'],
  ];
  const metas = metaRaw.filter((m): m is [string, string] => !!m[0]).map(([raw, source]) => ({ raw, value: stripSiteName(raw, ctx, labels), source }));
  const claims: TitleClaim[] = [...h1, ...h2];
  for (const m of metas) claims.push({ value: m.value, source: m.source, signals: m.value === clean(m.raw) ? [] : ['site-name-split'] });
  const pieces = titlePieces(titleEl);
  if (pieces.length > 1) {
    claims.push({ value: clean(titleEl), source: 'html:title-whole', signals: [] });
    claims.push({ value: pieces[0]!, source: 'html:title-first-piece', signals: [] });
    claims.push({ value: pieces[pieces.length - 1]!, source: 'html:title-last-piece', signals: [] });
  }
  const classed = classedHeadline(index);
  if (classed) claims.push({ value: classed, source: 'html:headline-class', signals: [] });

  const labelKeys = new Set([...labels, ...siteNames, ...h1.map((h) => h.value)].map(squash).filter((k) => k.length >= 3));
  const byValue = new Map<string, Ranked<string>>();
  for (const c of claims) {
    const value = clean(c.value);
    if (value.length < 2) continue;
    let r = byValue.get(value);
    if (!r) {
      r = { value, sources: [], features: {} };
      byValue.set(value, r);
    }
    if (!r.sources.includes(c.source)) r.sources.push(c.source);
    r.features[`src:${c.source}`] = 1;
    for (const s of c.signals) r.features[s] = 1;
  }
  const out = [...byValue.values()];
  const isHeading = (c: Ranked<string>) => c.sources.some((s) => s === 'html:h1' || s === 'html:h2' || s === 'html:headline-class');
  for (const c of out) {
    const key = squash(c.value);
    const f = c.features;
    // Agreement: sources stating the same words, in any spelling.
    const agreeing = new Set(out.filter((o) => squash(o.value) === key).flatMap((o) => o.sources));
    f['agree:sources'] = Math.log2(agreeing.size);
    if (agreeing.size >= 2) f['agree:2+'] = 1;
    const metaAgree = metas.filter((m) => squash(m.value) === key).length;
    if (metaAgree) f['agree:meta-titles'] = metaAgree;
    if (isHeading(c)) {
      if (metas.some((m) => confirms(m.raw, m.value, c.value, labelKeys))) f['heading:confirmed-by-meta'] = 1;
      const words = wordsOf(c.value).filter((w) => w.length > 2);
      if (words.length >= 5 && metas.some((m) => words.filter((w) => new Set(wordsOf(m.raw)).has(w)).length >= 0.75 * words.length)) f['heading:words-in-meta'] = 1;
      // A visible heading nothing else states: a section or box title as often as the headline.
      if (agreeing.size < 2 && !f['heading:confirmed-by-meta'] && !f['heading:words-in-meta']) f['heading:unconfirmed'] = 1;
    }
    f[lengthSignal(c.value)] = 1;
    if (c.value.length > 150) f['chars:150+'] = 1;
    if (isSiteName(c.value, ctx, isHeading(c))) f['site-name'] = 1;
    if (REGION_LABEL.test(c.value)) f['region-label'] = 1;
    if (SEPARATOR.test(c.value)) f['has-separator'] = 1;
    if (/\p{Lu}{3}/u.test(c.value) && c.value === c.value.toUpperCase()) f['all-capitals'] = 1;
    // A value another one extends (cut short by a quote in an attribute, or a kicker left off).
    if (out.some((o) => o.value.length > c.value.length + 1 && o.value.startsWith(c.value))) f['prefix-of-other'] = 1;
    if (out.some((o) => o.value.length + 1 < c.value.length && c.value.startsWith(o.value) && o.sources.some((s) => s === 'html:h1'))) f['extends-h1'] = 1;
  }
  return out;
}

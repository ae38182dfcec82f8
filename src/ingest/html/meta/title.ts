// The headline. Pages state it in several places that disagree in small ways: og:title and
// <title> often carry the site name (' | Site', ' - Site'), the <h1> is what readers see but on
// some sites holds the site's name or a hidden 'Navigation' label. The rule: the first <h1> that a
// metadata title confirms; else the page's only <h1> unless it is the site's name; else the best
// metadata title with the site name stripped.
import { type Candidate, clean, hostLabel, squash, textOf } from './candidates.js';
import type { JsonLdFacts } from './jsonld.js';
import { firstMeta, type MetaTags } from './tags.js';

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
  // A piece of the <title> that holds the host's or site's name is the site's ('European
  // Championships Munich 2022' on munich2022.com); a heading only when little else is in it
  // ('Spiegel Online'), not a product page's heading naming the site's product ('Parallels Desktop
  // 15 for Mac' on parallels.com).
  const hostPiece = (name: string) => (heading ? p.length - name.length <= Math.max(8, name.length) : piece.length <= 40);
  if (ctx.host && ctx.host.length >= 3 && (p === ctx.host || p.startsWith(`www${ctx.host}`) || (p.includes(ctx.host) && hostPiece(ctx.host)))) return true;
  // 'Spektrum der Wissenschaft' vs og:site_name 'Spektrum.de': a short piece sharing the site's stem.
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
  // Nothing left (the whole heading sat in a 'title-label' span): fall back to the plain text.
  return text.length >= 2 ? text : textOf(el);
}

/** A heading that is one link to the site's front page: the logo or the blog's name in the header. */
function isHomeLink(el: Element, url: string | null): boolean {
  const links = el.querySelectorAll('a[href]');
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

interface Heading {
  text: string;
  /** The heading is a link to the front page: a name of the site, never the headline. */
  home: boolean;
  /** The heading sits inside an <article>. */
  inArticle: boolean;
  /** The heading is the last step of a breadcrumb trail. */
  crumb: boolean;
}

/** Inside a breadcrumb trail ('Home > Science > Headline'). */
function inBreadcrumbs(el: Element): boolean {
  for (let e: Element | null = el.parentElement; e && e.tagName !== 'BODY'; e = e.parentElement) {
    if (/breadcrumb|crumbs/i.test(`${e.getAttribute('class') ?? ''} ${e.id} ${e.getAttribute('itemtype') ?? ''}`)) return true;
  }
  return false;
}

function headings(document: Document, url: string | null, tag = 'h1'): Heading[] {
  // Pages have few <h1>s; <h2>s also head menus and teasers, so more of them are read.
  const found = Array.from(document.querySelectorAll(tag))
    .slice(0, tag === 'h1' ? 12 : 30)
    .map((el) => ({ text: headingText(el), home: isHomeLink(el, url), inArticle: el.closest('article') !== null, crumb: inBreadcrumbs(el) }))
    .filter((h) => h.text.length >= 2 && h.text.length <= 300);
  // The same heading twice (desktop and mobile copies of the header) is one heading.
  return found.filter((h, i) => found.findIndex((o) => squash(o.text) === squash(h.text)) === i);
}

function classedHeadline(document: Document): string | null {
  for (const el of Array.from(document.querySelectorAll('body [class*="headline" i]')).slice(0, 20)) {
    if (/^(?:H[1-6]|HEADER)$/.test(el.tagName) || el.closest('nav, footer, aside, header')) continue;
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
  // 'Kicker: Heading': the heading after a kicker of up to three words and a colon ('Covid-19: ...').
  if (words >= 4 && raw.endsWith(heading) && /^[^:]{2,40}:\s+$/.test(raw.slice(0, raw.length - heading.length)) && raw.slice(0, raw.length - heading.length).trim().split(/\s+/).length <= 3) return true;
  // 'Lead-in or gut zu Wissen' with the heading 'Gut zu Wissen': a title that closes with the
  // heading's words, whole words, in any case.
  if (words >= 3 && endsWithWords(raw, heading)) return true;
  const pieces = titlePieces(meta);
  // 'Section : Heading': a long heading after short labels ('Pétition : ...').
  if (words >= 4 && pieces.length > 1 && squash(pieces[pieces.length - 1]!) === h && pieces.slice(0, -1).every((p) => p.split(/\s+/).length <= 2)) return true;
  // The raw title holds the heading as a piece that is not the last one ('Heading - Site',
  // 'Section - Heading - Site'); a last piece is more often the site's name in an <h1> logo.
  if (pieces.length > 1 && squash(pieces[0]!) === h) return true;
  return pieces.length > 2 && squash(stripped).includes(h) && pieces.slice(1, -1).some((p) => squash(p) === h);
}

export function titleCandidates(document: Document, tags: MetaTags, ld: JsonLdFacts | null, siteNames: string[], url: string | null): Candidate[] {
  const ctx: TitleContext = { siteNames, host: hostLabel(url) };
  const titleEl = textOf(document.querySelector('title'));
  const titleTail = titlePieces(titleEl).slice(1).map(squash);
  const found = headings(document, url).map((h) => ({ ...h, text: stripSiteName(h.text, ctx, [], false) }));
  const allH1 = found.map((h) => h.text);
  const usable = found.filter((h) => !h.home && !isSiteName(h.text, ctx, true) && !REGION_LABEL.test(h.text));
  const h1s = usable.map((h) => h.text);
  // The page's one heading: its only usable <h1>, or the only one inside an <article> when the
  // others sit outside any (a newsletter box, a banner).
  const inArticle = usable.filter((h) => h.inArticle);
  const lone = h1s.length === 1 ? h1s[0]! : inArticle.length === 1 ? inArticle[0]!.text : null;
  const og = firstMeta(tags, ['og:title']);
  const tw = firstMeta(tags, ['twitter:title']);
  const named = firstMeta(tags, ['title', 'dc.title', 'dcterms.title', 'headline', 'parsely-title', 'sailthru.title']);
  const metaTitles: Candidate[] = [];
  if (ld?.headline) metaTitles.push({ value: ld.headline, rule: 'jsonld:headline' });
  if (og) metaTitles.push({ value: og.value, rule: 'meta:og:title' });
  if (tw) metaTitles.push({ value: tw.value, rule: 'meta:twitter:title' });
  if (named) metaTitles.push({ value: named.value, rule: `meta:${named.key}` });
  if (titleEl) metaTitles.push({ value: titleEl, rule: 'html:title' });
  // The page's own headings that are not the headline (the site's name in an <h1>) are labels too.
  // A lone <h1> repeated in the <title> after a headline-sized first piece is the site's name
  // ('Muffin Basics : Muffin Recipes' with <h1>Muffin Recipes</h1>), unless that first piece is
  // itself the site or a section ('Site - Section - Headline').
  const firstPiece = titlePieces(titleEl)[0] ?? '';
  const h1IsLabel = (h: string) =>
    allH1.length === 1 &&
    titleTail.includes(squash(h)) &&
    !isSiteName(firstPiece, ctx) &&
    !REGION_LABEL.test(firstPiece) &&
    firstPiece.length >= h.length / 2;
  const labels = allH1.filter((h) => !h1s.includes(h) || h1IsLabel(h));
  const stripped = metaTitles.map((c) => ({ raw: c.value, value: stripSiteName(c.value, ctx, labels), rule: c.rule }));

  const labelKeys = new Set([...labels, ...siteNames, ...allH1].map(squash).filter((k) => k.length >= 3));
  const out: Candidate[] = [];
  // Headings equal to a stripped metadata title first, then headings found as a piece of one.
  // Without a usable <h1>, an <h2> a metadata title confirms ('Villa Galaxy' under og:title
  // 'Villa Galaxy - Holiday villa in Florida'); unconfirmed <h2>s are section headings.
  let h2s: string[] | null = null;
  const secondLevel = () => (h2s ??= headings(document, url, 'h2').filter((h) => !h.home && !isSiteName(h.text, ctx, true) && !REGION_LABEL.test(h.text)).map((h) => h.text));
  const [confirmable, tag] = h1s.length ? [h1s, 'h1'] : [secondLevel(), 'h2'];
  const confirm = (list: string[], tag: string) => {
    for (const exact of [true, false]) {
      for (const h of list) {
        const by = stripped.find((c) => (exact ? squash(c.value) === squash(h) : confirms(c.raw, c.value, h, labelKeys)));
        if (by) out.push({ value: h, rule: `html:${tag}+${by.rule}` });
      }
    }
  };
  // An <h1> that is the last step of the breadcrumbs copies the headline, often with its kicker
  // ('Covid-19: Headline'): the article's own <h2> confirmed by the metadata comes first.
  if (h1s.length && usable.every((h) => h.crumb)) confirm(secondLevel(), 'h2');
  confirm(confirmable, tag);
  // A long heading whose words a metadata title mostly repeats (reworded: 'Site - Headline - Info').
  for (const h of h1s) {
    const words = h.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
    if (words.length < 5) continue;
    const by = stripped.find((c) => {
      const have = new Set(c.raw.toLowerCase().split(/[^\p{L}\p{N}]+/u));
      return words.filter((w) => have.has(w)).length >= 0.75 * words.length;
    });
    if (by) out.push({ value: h, rule: `html:h1~${by.rule}` });
  }
  // A lone <h1> that no metadata title confirms, when one is a longer <h2> on the page: the <h1>
  // labels the page's topic or place ('Brasília', 'Details') and the <h2> is the headline.
  if (out.length === 0 && lone && tag === 'h1') {
    const loneWords = lone.split(/\s+/).length;
    for (const h of secondLevel()) {
      if (h.split(/\s+/).length <= loneWords) continue;
      const by = stripped.find((c) => squash(c.value) === squash(h));
      if (by) {
        out.push({ value: h, rule: `html:h2+${by.rule}` });
        break;
      }
    }
  }
  // A lone <h1> that is not a piece of the <title> after its headline (a blog's name) is the headline.
  // A lone one- or two-word <h1> that nothing confirms names the topic ('Autokredit'); an element
  // the page classes as a headline that repeats it among more words is the headline.
  if (out.length === 0 && lone && h1s.length === 1 && lone.split(/\s+/).length <= 2) {
    const classed = classedHeadline(document);
    const words = (t: string) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (classed && words(classed).length > words(lone).length && words(lone).every((w) => words(classed).includes(w))) out.push({ value: classed, rule: 'html:headline-class' });
  }
  if (lone && !h1IsLabel(lone)) out.push({ value: lone, rule: h1s.length === 1 ? 'html:h1' : 'html:h1-article' });
  // Nothing names the headline but the <title> (a site or section name on such pages): the first
  // element outside menus and footers the page classes as a headline ('l-headline', 'plp-headline').
  // Headings so classed are left out: those are box titles ('Related posts').
  if (out.length === 0 && !h1s.length && !stripped.some((c) => c.rule !== 'html:title' && c.value.length >= 2)) {
    const classed = classedHeadline(document);
    if (classed) out.push({ value: classed, rule: 'html:headline-class' });
    // The <title> names only the section ('Site - Ausbildung'): the first <h2> that names it among more words.
    if (!classed) {
      const pieces = titlePieces(titleEl).filter((p) => !isSiteName(p, ctx)).map((p) => p.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
      const h2 = secondLevel().find((h) => {
        const words = h.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        return pieces.some((p) => p.length && p.length < words.length && p.every((w) => words.includes(w)));
      });
      if (h2) out.push({ value: h2, rule: 'html:h2-names-title' });
    }
  }
  for (const c of stripped) {
    if (c.value.length < 2) continue;
    // A value cut short by an unescaped quote in its attribute: a longer title that extends it wins.
    const longer = stripped.find((o) => o.value.length > c.value.length + 1 && o.value.startsWith(c.value) && /^\s*["“„'«»\p{L}\p{N}]/u.test(o.value.slice(c.value.length)) && !/^\s*(?:[|:–—•·»/-])/.test(o.value.slice(c.value.length)));
    out.push(longer ? { value: longer.value, rule: longer.rule } : { value: c.value, rule: c.rule });
  }
  if (h1s[0]) out.push({ value: h1s[0], rule: 'html:h1-first' });
  return out;
}

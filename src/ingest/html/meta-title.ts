// The headline. Pages state it in several places that disagree in small ways: og:title and
// <title> often carry the site name (' | Site', ' - Site'), the <h1> is what readers see. The rule:
// take the visible <h1> when a metadata title confirms it, else the best metadata title with the
// site name stripped, else the <h1> alone.
import { type Candidate, clean, hostLabel, squash, textOf } from './meta-candidates.js';
import type { JsonLdFacts } from './meta-jsonld.js';
import { firstMeta, type MetaTags } from './meta-tags.js';

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' » ', ' « ', ' · ', ' • ', ' / ', ' : ', ' ~ ', ' // '];

/** Is this piece of a title the site's name rather than part of the headline? */
function isSiteName(piece: string, siteNames: string[], host: string | null): boolean {
  const p = squash(piece);
  if (!p) return true;
  if (siteNames.some((s) => squash(s) === p || (squash(s).length > 3 && (p.includes(squash(s)) || squash(s).includes(p)) && piece.length < 40))) return true;
  if (host && (p === host || p.includes(host) || (host.length > 4 && host.includes(p) && p.length > 3))) return piece.length < 50;
  return false;
}

/** Removes a leading or trailing site name: 'Headline | Site' -> 'Headline'. */
export function stripSiteName(title: string, siteNames: string[], host: string | null): string {
  let t = clean(title);
  for (let round = 0; round < 2; round++) {
    let changed = false;
    for (const sep of SEPARATORS) {
      const last = t.lastIndexOf(sep);
      if (last > 0 && isSiteName(t.slice(last + sep.length), siteNames, host)) {
        t = t.slice(0, last).trim();
        changed = true;
        break;
      }
      const first = t.indexOf(sep);
      if (first > 0 && isSiteName(t.slice(0, first), siteNames, host) && t.length - first > 15) {
        t = t.slice(first + sep.length).trim();
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return t;
}

/** The headline's visible form: the first <h1> with text, inside the article when there is one. */
function visibleHeading(document: Document): string | null {
  const scopes = ['article h1', 'main h1', '[itemprop="headline"]', 'h1', '.entry-title', '.post-title', 'article h2', 'h2'];
  for (const sel of scopes) {
    for (const el of Array.from(document.querySelectorAll(sel))) {
      const t = textOf(el);
      if (t.length >= 3 && t.length <= 300) return t;
    }
  }
  return null;
}

export function titleCandidates(document: Document, tags: MetaTags, ld: JsonLdFacts | null, siteNames: string[], url: string | null): Candidate[] {
  const host = hostLabel(url);
  const out: Candidate[] = [];
  const h1 = visibleHeading(document);
  const og = firstMeta(tags, ['og:title']);
  const tw = firstMeta(tags, ['twitter:title']);
  const named = firstMeta(tags, ['title', 'dc.title', 'dcterms.title', 'headline', 'parsely-title', 'sailthru.title']);
  const titleEl = textOf(document.querySelector('title'));
  const metaTitles: Candidate[] = [];
  if (ld?.headline) metaTitles.push({ value: ld.headline, rule: 'jsonld:headline' });
  if (og) metaTitles.push({ value: og.value, rule: 'meta:og:title' });
  if (tw) metaTitles.push({ value: tw.value, rule: 'meta:twitter:title' });
  if (named) metaTitles.push({ value: named.value, rule: `meta:${named.key}` });
  if (titleEl) metaTitles.push({ value: titleEl, rule: 'html:title' });
  const stripped = metaTitles.map((c) => ({ value: stripSiteName(c.value, siteNames, host), rule: c.rule }));

  // An <h1> confirmed by a metadata title is the headline as the reader sees it.
  if (h1) {
    const k = squash(h1);
    const confirmed = stripped.find((c) => squash(c.value) === k || (k.length > 10 && squash(c.value).startsWith(k)));
    if (confirmed) out.push({ value: h1, rule: `html:h1+${confirmed.rule}` });
  }
  for (const c of stripped) if (c.value.length >= 3) out.push(c);
  if (h1) out.push({ value: h1, rule: 'html:h1' });
  return out;
}

// Metadata of an HTML page: title, dek, authors, outlet, dates, canonical address and language,
// each with the rule that found it. The field rules live in meta/*.ts; this module gathers the
// page's structured data once (meta tags, JSON-LD) and hands it to each of them.
import type { ExtractedArticle, MetaField } from '../../../doc/article.js';
import { authorCandidates, rankedAuthors, visibleSpelling } from './authors.js';
import { clean, hostLabel } from './candidates.js';
import { modifiedDate, publishedCandidates } from './dates.js';
import { extractJsonLd, type JsonLdFacts } from './jsonld.js';
import { collectMetaTags, firstMeta, type MetaTags } from './tags.js';
import { titleCandidates } from './title.js';
import { best, provenanceOf, type Ranked, type Weights } from './ranker.js';
import { META_WEIGHTS } from './weights.js';
import type { DateValue } from '../../../doc/article.js';
import { pageZone, toPageZone } from './zone.js';
import { byTag, indexPage, type PageIndex } from './page-index.js';

export type HtmlMetaFields = Partial<
  Pick<ExtractedArticle, 'title' | 'dek' | 'authors' | 'outlet' | 'url' | 'canonicalUrl' | 'published' | 'modified' | 'language'>
>;

export interface HtmlMetadata {
  fields: HtmlMetaFields;
  provenance: Partial<Record<MetaField, string>>;
}

function resolveUrl(href: string, base: string | null): string | null {
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

function outletOf(tags: MetaTags, ld: JsonLdFacts | null, url: string | null): { value: string; rule: string } | null {
  const meta = firstMeta(tags, ['og:site_name', 'application-name', 'al:android:app_name', 'al:ios:app_name', 'twitter:app:name:iphone']);
  if (meta && meta.value.length <= 80) return { value: meta.value, rule: `meta:${meta.key}` };
  if (ld?.publisher) return { value: ld.publisher, rule: 'jsonld:publisher' };
  const weak = firstMeta(tags, ['publisher', 'dc.publisher', 'dcterms.publisher']);
  if (weak && weak.value.length <= 80) return { value: weak.value, rule: `meta:${weak.key}` };
  if (url) {
    try {
      return { value: new URL(url).hostname.replace(/^www\d?\./, ''), rule: 'url:host' };
    } catch {
      return null;
    }
  }
  return null;
}

function canonicalOf(index: PageIndex, tags: MetaTags, url: string | null): { value: string; rule: string } | null {
  const link = byTag(index, 'LINK')
    .find((l) => (l.getAttribute('rel') ?? '').split(/\s+/).includes('canonical'))
    ?.getAttribute('href');
  const linked = link ? resolveUrl(link.trim(), url) : null;
  if (linked) return { value: linked, rule: 'html:link-canonical' };
  const og = firstMeta(tags, ['og:url']);
  const fromOg = og ? resolveUrl(og.value, url) : null;
  return fromOg ? { value: fromOg, rule: 'meta:og:url' } : null;
}

/** `de-DE` -> `de`; `en_US` -> `en`. */
function languageCode(raw: string | null | undefined): string | null {
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(clean(raw));
  return m ? m[1]!.toLowerCase() : null;
}

function languageOf(document: Document, tags: MetaTags, ld: JsonLdFacts | null): { value: string; rule: string; region: string | null } | null {
  const html = document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang');
  const sources: [string | null | undefined, string][] = [
    [html, 'html:lang'],
    [tags.get('og:locale')?.[0], 'meta:og:locale'],
    [tags.get('content-language')?.[0], 'meta:content-language'],
    [tags.get('language')?.[0] ?? tags.get('dc.language')?.[0], 'meta:language'],
    [ld?.language, 'jsonld:inLanguage'],
  ];
  for (const [raw, rule] of sources) {
    const code = languageCode(raw);
    if (code) return { value: code, rule, region: /^[a-z]{2,3}[-_]([a-z]{2})\b/i.exec(clean(raw))?.[1]?.toUpperCase() ?? null };
  }
  return null;
}

function dekOf(tags: MetaTags, ld: JsonLdFacts | null): { value: string; rule: string } | null {
  const meta = firstMeta(tags, ['og:description', 'description', 'twitter:description', 'dc.description']);
  if (meta) return { value: meta.value, rule: `meta:${meta.key}` };
  return ld?.description ? { value: ld.description, rule: 'jsonld:description' } : null;
}

/** The ranked fields' candidates of one page, before the ranker picks. */
export interface MetaCandidates {
  title: Ranked<string>[];
  authors: Ranked<string[]>[];
  published: Ranked<DateValue>[];
}

export interface MetaWeights {
  title: Weights;
  authors: Weights;
  published: Weights;
}

/** The page's metadata with the ranked fields (title, authors, published) left as candidates. */
export function metadataCandidates(document: Document, url: string | null): HtmlMetadata & { candidates: MetaCandidates } {
  // One walk of the page that every source below reads.
  const index = indexPage(document);
  const tags = collectMetaTags(index);
  const ld = extractJsonLd(index);
  const fields: HtmlMetaFields = { url };
  const provenance: Partial<Record<MetaField, string>> = {};
  const set = <K extends keyof HtmlMetaFields & MetaField>(key: K, value: HtmlMetaFields[K] | null | undefined, rule: string) => {
    if (value === null || value === undefined) return;
    fields[key] = value;
    provenance[key] = rule;
  };

  const outlet = outletOf(tags, ld, url);
  if (outlet) set('outlet', outlet.value, outlet.rule);
  // Names the site goes by (a weak meta 'publisher' may name the author instead, so it is left out).
  const siteNames = [outlet && !/^meta:(?:dc\.|dcterms\.)?publisher$/.test(outlet.rule) ? outlet.value : null, ld?.publisher, tags.get('application-name')?.[0], tags.get('og:site_name')?.[0], hostLabel(url)].filter((s): s is string => !!s);

  const title = titleCandidates(index, tags, ld, siteNames, url);
  const dek = dekOf(tags, ld);
  if (dek) set('dek', dek.value, dek.rule);
  const authorSources = authorCandidates(index, tags, ld, siteNames, url);

  const canonical = canonicalOf(index, tags, url) ?? (ld?.url ? { value: resolveUrl(ld.url, url), rule: 'jsonld:url' } : null);
  if (canonical?.value) set('canonicalUrl', canonical.value, canonical.rule);
  if (url) provenance.url = 'input';
  const lang = languageOf(document, tags, ld);
  if (lang) set('language', lang.value, lang.rule);

  const ctx = { index, tags, ld, url, monthFirst: lang?.value === 'en' && (lang.region === 'US' || lang.region === null) };
  const zone = pageZone(url, lang?.value ?? null, lang?.region ?? null);
  const modified = modifiedDate(ctx);
  if (modified) set('modified', toPageZone(modified, zone), modified.rule);
  const published = publishedCandidates(ctx, zone, modified);
  const authors = rankedAuthors(authorSources).map((r) => ({ ...r, value: visibleSpelling(r.value, authorSources) }));
  return { fields, provenance, candidates: { title, authors, published } };
}

/** Title, authors and published date: each the ranker's best candidate, with its signals as provenance. */
export function pickMetadata(found: HtmlMetadata & { candidates: MetaCandidates }, weights: MetaWeights = META_WEIGHTS): HtmlMetadata {
  const fields = { ...found.fields };
  const provenance = { ...found.provenance };
  const { candidates } = found;
  const title = best(candidates.title, weights.title);
  if (title) {
    fields.title = title.value;
    provenance.title = provenanceOf(title, weights.title);
  }
  const authors = best(candidates.authors, weights.authors);
  if (authors) {
    fields.authors = authors.value;
    provenance.authors = provenanceOf(authors, weights.authors);
  }
  const published = best(candidates.published, weights.published);
  if (published) {
    const rule = provenanceOf(published, weights.published);
    fields.published = { ...published.value, rule };
    provenance.published = rule;
  }
  return { fields, provenance };
}

export function extractHtmlMetadata(document: Document, url: string | null, weights: MetaWeights = META_WEIGHTS): HtmlMetadata {
  return pickMetadata(metadataCandidates(document, url), weights);
}

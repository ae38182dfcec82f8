// Metadata of an HTML page: title, dek, authors, outlet, dates, canonical address and language,
// each with the rule that found it. The field rules live in meta-*.ts; this module gathers the
// page's structured data once (meta tags, JSON-LD) and hands it to each of them.
import type { ExtractedArticle, MetaField } from '../../doc/article.js';
import { authorCandidates, pickAuthors } from './meta-authors.js';
import { clean, hostLabel } from './meta-candidates.js';
import { modifiedDate, publishedDate } from './meta-dates.js';
import { extractJsonLd, type JsonLdFacts } from './meta-jsonld.js';
import { collectMetaTags, firstMeta, type MetaTags } from './meta-tags.js';
import { titleCandidates } from './meta-title.js';
import { pageZone, toPageZone } from './meta-zone.js';

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

function canonicalOf(document: Document, tags: MetaTags, url: string | null): { value: string; rule: string } | null {
  const link = document.querySelector('link[rel~="canonical"]')?.getAttribute('href');
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

export function extractHtmlMetadata(document: Document, url: string | null): HtmlMetadata {
  const tags = collectMetaTags(document);
  const ld = extractJsonLd(document);
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

  const title = titleCandidates(document, tags, ld, siteNames, url)[0];
  if (title) set('title', title.value, title.rule);
  const dek = dekOf(tags, ld);
  if (dek) set('dek', dek.value, dek.rule);
  const authors = pickAuthors(authorCandidates(document, tags, ld, siteNames, url));
  if (authors) set('authors', authors.names, authors.rule);

  const canonical = canonicalOf(document, tags, url) ?? (ld?.url ? { value: resolveUrl(ld.url, url), rule: 'jsonld:url' } : null);
  if (canonical?.value) set('canonicalUrl', canonical.value, canonical.rule);
  if (url) provenance.url = 'input';
  const lang = languageOf(document, tags, ld);
  if (lang) set('language', lang.value, lang.rule);

  const ctx = { document, tags, ld, url, monthFirst: lang?.value === 'en' && (lang.region === 'US' || lang.region === null) };
  const zone = pageZone(url, lang?.value ?? null, lang?.region ?? null);
  const modified = modifiedDate(ctx);
  const published = publishedDate(ctx);
  if (published) set('published', toPageZone(published, zone), published.rule);
  if (modified) set('modified', toPageZone(modified, zone), modified.rule);
  return { fields, provenance };
}

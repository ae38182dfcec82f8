// One record of a JSON lines dump -> an article. Dumps from different tools name their fields
// differently; the first field present in each list below wins (documented in the README).
import { emptyArticle, type ExtractedArticle, type SourceRef } from '../doc/article.js';
import { parseDateValue } from './date-value.js';
import { extractHtml } from './html/index.js';
import { removeBoilerplate } from './boilerplate.js';
import { extractPlainText } from './plaintext.js';

export const FIELD_MAP = {
  id: ['id', '_id', 'uuid', 'guid', 'article_id', 'doc_id'],
  title: ['title', 'headline', 'name'],
  dek: ['dek', 'subtitle', 'description', 'summary', 'lead'],
  text: ['text', 'body', 'content', 'articleBody', 'article_body', 'maintext', 'full_text', 'fulltext'],
  html: ['html', 'raw_html', 'page', 'source_html'],
  url: ['url', 'link', 'canonical_url', 'source_url', 'uri', 'DocumentIdentifier'],
  published: ['published', 'date', 'publish_date', 'published_at', 'pubDate', 'datePublished', 'date_publish', 'publication_date', 'seendate', 'dateTime'],
  modified: ['modified', 'updated', 'dateModified', 'date_modify', 'updated_at'],
  authors: ['authors', 'author', 'byline', 'creator', 'writers'],
  outlet: ['outlet', 'source', 'site_name', 'sitename', 'publisher', 'source_domain', 'domain', 'media', 'SourceCommonName'],
  language: ['language', 'lang', 'locale'],
} as const;

type Rec = Record<string, unknown>;

function first(rec: Rec, keys: readonly string[]): unknown {
  for (const k of keys) {
    const v = rec[k];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function asText(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'name' in v) return asText((v as Rec).name);
  return null;
}

function asAuthors(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(asText).filter((x): x is string => !!x);
  const s = asText(v);
  if (!s) return [];
  return s
    .replace(/^by\s+/i, '')
    .split(/\s*(?:;|,| and )\s*/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function looksLikeHtml(s: string): boolean {
  return /<\/?(p|div|html|body|article|br|span|a)\b[^>]*>/i.test(s.slice(0, 2000));
}

function keyOf(keys: readonly string[], rec: Rec): string {
  return keys.find((k) => rec[k] !== undefined && rec[k] !== null && rec[k] !== '') ?? '';
}

export function articleFromRecord(rec: Rec, source: SourceRef): ExtractedArticle {
  const url = asText(first(rec, FIELD_MAP.url));
  const html = asText(first(rec, FIELD_MAP.html));
  let body = asText(first(rec, FIELD_MAP.text));
  let article: ExtractedArticle;
  if (html || (body && looksLikeHtml(body))) {
    const markup = (html ?? body) as string;
    // A fragment ('<p>…</p><p>…</p>') gets a document around it so that it has a body to extract.
    article = extractHtml(/<(html|body)[\s>]/i.test(markup) ? markup : `<html><body><article>${markup}</article></body></html>`, source, { url });
    body = null;
  } else {
    const text = (body ?? '').replace(/\r\n?/g, '\n').trim();
    if (asText(first(rec, FIELD_MAP.title)) || !text) {
      article = emptyArticle(source);
      const clean = removeBoilerplate(text);
      article.text = clean.text;
      article.boilerplate = clean.removed;
    } else {
      // A record with no title reads like a text file: its first lines may be a headline, a dek,
      // a date line or a byline, which become metadata as they do for text files. The record's
      // own fields, set below, still win over what the text gives.
      article = extractPlainText(text, source);
    }
    article.provenance.text = `jsonl:${keyOf(FIELD_MAP.text, rec)}`;
  }
  article.source = source;
  const set = <K extends keyof ExtractedArticle>(field: K, keys: readonly string[], value: ExtractedArticle[K] | null | undefined) => {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return;
    article[field] = value as ExtractedArticle[K];
    (article.provenance as Record<string, string>)[field] = `jsonl:${keyOf(keys, rec)}`;
  };
  article.externalId = asText(first(rec, FIELD_MAP.id));
  set('title', FIELD_MAP.title, asText(first(rec, FIELD_MAP.title)));
  set('dek', FIELD_MAP.dek, asText(first(rec, FIELD_MAP.dek)));
  set('url', FIELD_MAP.url, url);
  set('authors', FIELD_MAP.authors, asAuthors(first(rec, FIELD_MAP.authors)));
  set('outlet', FIELD_MAP.outlet, asText(first(rec, FIELD_MAP.outlet)));
  set('language', FIELD_MAP.language, asText(first(rec, FIELD_MAP.language)));
  set('published', FIELD_MAP.published, parseDateValue(first(rec, FIELD_MAP.published), `jsonl:${keyOf(FIELD_MAP.published, rec)}`));
  set('modified', FIELD_MAP.modified, parseDateValue(first(rec, FIELD_MAP.modified), `jsonl:${keyOf(FIELD_MAP.modified, rec)}`));
  return article;
}

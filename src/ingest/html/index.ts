// HTML page -> clean article: metadata first (main-text extraction prunes the DOM), then main text,
// then the shared in-text boilerplate pass.
import { parseHTML } from 'linkedom';
import { emptyArticle, type ExtractedArticle, type SourceRef } from '../../model.js';
import { extractHtmlMetadata } from './metadata.js';
import { extractMainText } from './main-text.js';

export interface HtmlOptions {
  /** The page's address, when known: resolves relative links and feeds URL-based rules. */
  url?: string | null;
}

export function extractHtml(html: string, source: SourceRef, opts: HtmlOptions = {}): ExtractedArticle {
  const { document } = parseHTML(html);
  const article = emptyArticle(source);
  const meta = extractHtmlMetadata(document, opts.url ?? null);
  Object.assign(article, meta.fields);
  article.provenance = { ...meta.provenance };
  const main = extractMainText(document, { url: opts.url ?? null });
  article.text = main.text;
  article.boilerplate.push(...main.boilerplate);
  article.provenance.text = main.rule;
  return article;
}

// HTML page -> clean article: metadata first (main-text extraction prunes the DOM), then main text,
// then the shared in-text boilerplate pass.
import { parseHTML } from 'linkedom';
import { emptyArticle, type ExtractedArticle, type SourceRef } from '../../doc/article.js';
import { type MetaCandidates, metadataCandidates, type MetaWeights, pickMetadata } from './meta/metadata.js';
import { extractMainText } from './main-text/extract.js';
import { limitNesting } from './depth.js';
import { repairFrame } from './frame.js';
import { removeBoilerplate } from '../boilerplate.js';

export interface HtmlOptions {
  /** The page's address, when known: resolves relative links and feeds URL-based rules. */
  url?: string | null;
  /** Ranker weights for title, authors and published date (the committed ones by default). */
  weights?: MetaWeights;
}

/**
 * Text before the document proper (a server's warning, a stray <style> or <script> before the
 * doctype) makes linkedom build a tree whose root is not <html>; browsers move it into the body.
 * We drop it, which is what a reader sees anyway.
 */
export function withoutLeadingJunk(html: string): string {
  const head = html.slice(0, 65536);
  const start = head.search(/<!doctype\s+html|<html[\s>]/i);
  if (start <= 0) return html;
  const before = head.slice(0, start);
  if (/^\s*(?:<!--[\s\S]*?-->\s*|<\?xml[^>]*>\s*)*$/.test(before)) return html;
  return html.slice(start);
}

/** A page that starts with <head> and never opens <html> gets one, else linkedom makes <head> the root. */
export function withHtmlRoot(html: string): string {
  const head = html.slice(0, 65536);
  if (/<html[\s>]/i.test(head)) return html;
  const at = head.search(/<head[\s>]/i);
  return at < 0 ? html : `${html.slice(0, at)}<html>${html.slice(at)}`;
}

/** Parses a page into a document whose frame (html > head + body) is where a browser puts it. */
export function parsePage(html: string): Document {
  const { document } = parseHTML(withHtmlRoot(withoutLeadingJunk(limitNesting(html))));
  repairFrame(document as unknown as Document);
  return document as unknown as Document;
}

/** The article, and the metadata candidates the ranker chose among (for fitting and evaluating it). */
export function extractHtmlWithCandidates(html: string, source: SourceRef, opts: HtmlOptions = {}): { article: ExtractedArticle; candidates: MetaCandidates } {
  const document = parsePage(html);
  const article = emptyArticle(source);
  const found = metadataCandidates(document, opts.url ?? null);
  const meta = pickMetadata(found, opts.weights);
  Object.assign(article, meta.fields);
  article.provenance = { ...meta.provenance };
  const main = extractMainText(document, { url: opts.url ?? null });
  const clean = removeBoilerplate(main.text);
  article.text = clean.text;
  article.boilerplate.push(...main.boilerplate, ...clean.removed);
  article.provenance.text = main.rule;
  return { article, candidates: found.candidates };
}

export function extractHtml(html: string, source: SourceRef, opts: HtmlOptions = {}): ExtractedArticle {
  return extractHtmlWithCandidates(html, source, opts).article;
}

// Placeholder: metadata extraction from an HTML document (owned by the metadata work).
import type { ExtractedArticle, MetaField } from '../../model.js';

export type HtmlMetaFields = Partial<
  Pick<ExtractedArticle, 'title' | 'dek' | 'authors' | 'outlet' | 'url' | 'canonicalUrl' | 'published' | 'modified' | 'language'>
>;

export interface HtmlMetadata {
  fields: HtmlMetaFields;
  provenance: Partial<Record<MetaField, string>>;
}

export function extractHtmlMetadata(document: Document, url: string | null): HtmlMetadata {
  const title = document.querySelector('title')?.textContent?.trim() ?? null;
  return { fields: { title, url }, provenance: title ? { title: 'html:title' } : {} };
}

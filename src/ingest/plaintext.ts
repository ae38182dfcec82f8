// Placeholder: plain-text article parsing (owned by the plain-text/boilerplate work).
import { emptyArticle, type ExtractedArticle, type SourceRef } from '../model.js';

export function extractPlainText(text: string, source: SourceRef): ExtractedArticle {
  const article = emptyArticle(source);
  article.text = text.trim();
  return article;
}

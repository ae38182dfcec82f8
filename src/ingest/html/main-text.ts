// Placeholder: main-text extraction from an HTML document (owned by the main-text work).
import type { BoilerplateItem } from '../../model.js';

export interface MainText {
  /** Paragraphs separated by a blank line. */
  text: string;
  boilerplate: BoilerplateItem[];
  /** Which strategy produced the text. */
  rule: string;
}

export function extractMainText(document: Document, _opts: { url: string | null }): MainText {
  const text = (document.querySelector('article') ?? document.body)?.textContent?.trim() ?? '';
  return { text, boilerplate: [], rule: 'placeholder' };
}

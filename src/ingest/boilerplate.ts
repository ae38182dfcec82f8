// Placeholder: in-text boilerplate removal (owned by the plain-text/boilerplate work).
import type { BoilerplateItem } from '../model.js';

export interface BoilerplateResult {
  text: string;
  removed: BoilerplateItem[];
}

/** Removes boilerplate paragraphs from clean text (paragraphs separated by blank lines). */
export function removeBoilerplate(text: string): BoilerplateResult {
  return { text, removed: [] };
}

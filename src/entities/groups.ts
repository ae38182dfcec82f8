// Religious, ethnic and ideological group words (gazetteer/groups.tsv): a span made only of them
// ('Sunni Muslims', 'Takfiri') names a group of people (NORP), not a person.
import { readTable } from '../lang/tables.js';

let cached: Set<string> | null = null;

function load(): Set<string> {
  return new Set(readTable('lang/en/gazetteer/groups.tsv').map(([word]) => word!));
}

/** One group word, singular or plural ('Sunni', 'Muslims', 'Kurds'). */
export function isGroupWord(word: string): boolean {
  cached ??= load();
  const w = word.toLowerCase().replace(/[’]/g, "'");
  return cached.has(w) || (w.endsWith('s') && cached.has(w.slice(0, -1)));
}

/** A phrase made of group words alone. */
export function isGroupPhrase(phrase: string): boolean {
  const words = phrase.split(/[\s-]+/).filter(Boolean);
  return words.length > 0 && words.every(isGroupWord);
}

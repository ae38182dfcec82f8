// Religious, ethnic and ideological group words (gazetteer/groups.tsv): a span made only of them
// ('Sunni Muslims', 'Takfiri') names a group of people (NORP), not a person.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let cached: Set<string> | null = null;

function load(): Set<string> {
  const file = 'groups.tsv';
  const paths = [join(here, 'gazetteer', file), join(here, '..', '..', 'src', 'entities', 'gazetteer', file)];
  const text = paths.map((p) => { try { return readFileSync(p, 'utf8'); } catch { return null; } }).find((t) => t !== null);
  if (!text) throw new Error(`gazetteer table ${file} not found`);
  const out = new Set<string>();
  for (const line of text.split('\n')) if (line.trim() && !line.startsWith('#')) out.add(line.split('\t')[0]!.trim());
  return out;
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

// The one loader for the project's data files (word tables, gazetteers, pattern and code tables).
// They live under src/ beside the code that reads them; the compiled build in dist/ reads the same
// files from src/, found from the project root, so no module works out its own path.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.js';

/** Path of a data file, relative to src/ ('lang/en/gazetteer/igos.tsv'). */
export function dataPath(relative: string): string {
  return join(repoRoot, 'src', relative);
}

/** A tab-separated table: rows of trimmed cells, blank lines and `#` comments skipped. */
export function readTable(relative: string): string[][] {
  let text: string;
  try {
    text = readFileSync(dataPath(relative), 'utf8');
  } catch (e) {
    throw new Error(`data table ${relative} not found (${e instanceof Error ? e.message : String(e)})`);
  }
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));
}

export function readJsonData<T>(relative: string): T {
  return JSON.parse(readFileSync(dataPath(relative), 'utf8')) as T;
}

/** The files of a data folder, sorted by name. */
export function dataFiles(relative: string, extension: string): string[] {
  return readdirSync(dataPath(relative))
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((f) => `${relative}/${f}`);
}

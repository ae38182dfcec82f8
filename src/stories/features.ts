// Document representation for story clustering: content terms, named-entity-ish capitalised
// phrases, distinctive numbers and calendar dates, plus document frequencies kept up to date as
// articles arrive (so TF-IDF weights never need a pass over the whole store). Words and numbers
// are the tokens of the project's one tokenizer (src/text), read off the stored text.
import { tokenize, type Token } from '../text/index.js';

/** What the clusterer needs to know about one article. */
export interface DocFeatures {
  /** Content words (lower-cased, light-stemmed, stopwords removed) with counts. */
  terms: Map<string, number>;
  /**
   * The content words written in lower case: the common vocabulary of a subject (rehab, quake,
   * patch) without the names that tell one happening of it from another.
   */
  words: Map<string, number>;
  /** Capitalised phrases and their words, plus given entities, lower-cased, with counts. */
  phrases: Map<string, number>;
  /** Distinctive numbers (tolls, magnitudes, scores), normalised, values above 12. */
  numbers: Set<string>;
  /** Full calendar dates mentioned (`YYYY-MM-DD`). */
  dates: Set<string>;
  /** Years mentioned (1900..2099). */
  years: Set<number>;
  /**
   * When the article speaks from, in days since 1970: its publication date when given, else
   * the first full date in its opening lines (a dateline or 'Published' stamp), else null.
   */
  time: number | null;
}

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out ' +
    'over own same she should so some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say told tell according would could may might must shall one two three four five six seven eight nine ten first second ' +
    'new last year years day days time week weeks month months today yesterday tomorrow monday tuesday wednesday thursday friday ' +
    'saturday sunday mon tue wed thu fri sat sun am pm et gmt edt est pdt pst bst published updated posted mr mrs ms dr st ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept ' +
    'oct nov dec us get got go going went make made take took back well like still even much many people news report reported ' +
    'since around later early late ago another way want wanted know just including include includes per via us re ve ll don didn ' +
    'doesn isn wasn weren won wouldn couldn hasn haven hadn aren t s d m'
  ).split(/\s+/),
);

/** Words that often start a sentence capitalised without naming anything. */
const SENTENCE_OPENERS = STOPWORDS;

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

/** Light suffix stripping so that `quakes`/`quake` and `checked`/`checks` meet. */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  return word;
}

/** Rejoin numbers that tokenised text split apart (`6 . 1`, `14 , 000`, `7 : 48`). */
function joinSplitNumbers(text: string): string {
  return text.replace(/(\d) ([.:/-]) (?=\d)/g, '$1$2').replace(/(\d) , (?=\d{3}(?!\d))/g, '$1,');
}

const NUMBER_RE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const SCORE_RE = /^\d{1,3}-\d{1,3}$/;
const startsWithLetter = (token: string): boolean => /^\p{L}/u.test(token);

/** A word lower-cased, possessive and apostrophes dropped (regexes only when one is there). */
function normaliseWord(word: string): string {
  const w = word.toLowerCase();
  if (!w.includes("'") && !w.includes('’')) return w;
  return w.replace(/['’]s$/, '').replace(/['’]/g, '');
}

/**
 * Visit the stemmed content words of a text in order, saying whether each was written in lower
 * case; one pass serves both the terms and the common words.
 */
function eachContentTerm(tokens: readonly Token[], visit: (term: string, lowerCase: boolean) => void): void {
  for (const token of tokens) {
    if (!startsWithLetter(token.text)) continue;
    const first = token.text.charAt(0);
    const lowerCase = first === first.toLowerCase();
    const w = normaliseWord(token.text.replace(/\.$/, ''));
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    if (!w.includes('-')) {
      visit(stem(w), lowerCase);
      continue;
    }
    for (const part of w.split('-')) {
      if (part.length < 2 || STOPWORDS.has(part)) continue;
      visit(stem(part), lowerCase);
    }
  }
}

/** Lower-cased, stemmed content words of a text, in order; only lower-case ones when asked. */
export function contentTerms(text: string, lowerCaseOnly = false): string[] {
  const out: string[] = [];
  eachContentTerm(tokenize(text), (t, lower) => {
    if (lower || !lowerCaseOnly) out.push(t);
  });
  return out;
}

function isCapitalised(token: string): boolean {
  const c = token.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

const LETTER_RE = /\p{L}/u;
const UPPER_RE = /\p{Lu}/u;

/** Share of a line's letters that are capitals (ASCII counted directly, the rest by class). */
function capitalShare(line: string): number {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) {
      letters++;
    } else if (c > 127) {
      const ch = line.charAt(i);
      if (LETTER_RE.test(ch)) {
        letters++;
        if (UPPER_RE.test(ch)) upper++;
      }
    }
  }
  return letters > 0 ? upper / letters : 0;
}

/** A headline set in Title Case: most longer words capitalised, so capitals name nothing. */
function isTitleCase(tokens: readonly string[]): boolean {
  const words = tokens.filter((t) => /^\p{L}/u.test(t) && t.length > 3);
  if (words.length < 4) return false;
  return words.filter(isCapitalised).length / words.length >= 0.8;
}

/**
 * Soundex key of a one-word name, so that transliteration variants (Gaddafi, Qaddafi) meet.
 * Only used as one more name feature: it never replaces the spelling itself.
 */
export function soundex(word: string): string | null {
  const w = word.normalize('NFD').replace(/[^a-z]/gi, '').toLowerCase();
  if (w.length < 4) return null;
  const code = (c: string): string =>
    'bfpv'.includes(c) ? '1' : 'cgjkqsxz'.includes(c) ? '2' : 'dt'.includes(c) ? '3' : c === 'l' ? '4' : 'mn'.includes(c) ? '5' : c === 'r' ? '6' : '';
  // Unlike classic Soundex the first letter is coded too, so Q- and G- spellings meet.
  let last = code(w.charAt(0));
  let out = last || w.charAt(0).toUpperCase();
  for (const c of w.slice(1)) {
    const d = code(c);
    if (d && d !== last) out += d;
    if (c !== 'h' && c !== 'w') last = d;
    if (out.length === 4) break;
  }
  return out.padEnd(4, '0');
}

/** Connectors allowed inside a name (`Bank of England`, `Bashar al Assad`). */
const NAME_JOINERS = new Set(['of', 'de', 'al', 'bin', 'van', 'von', 'der', 'la', 'del', 'da', 'du', 'le']);

/**
 * Capitalised phrases per line: runs of capitalised words (with name connectors inside),
 * skipping a sentence's first word when it is a common word. Lines mostly in capitals
 * (headlines set in caps) give no phrases since capitals carry no signal there.
 */
export function capitalisedPhrases(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\n+/)) {
    if (capitalShare(line) > 0.6) continue;
    const tokens = tokenize(line).map((t) => t.text);
    if (isTitleCase(tokens)) continue;
    let run: string[] = [];
    let sentenceStart = true;
    const flush = () => {
      while (run.length > 0 && NAME_JOINERS.has(run[run.length - 1]!.toLowerCase())) run.pop();
      if (run.length > 0) {
        const words = run.map((w) => w.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, ''));
        if (words.length > 1) out.push(words.join(' '));
        for (const w of words) {
          if (w.length < 2 || NAME_JOINERS.has(w) || STOPWORDS.has(w)) continue;
          out.push(w);
          const key = soundex(w);
          if (key) out.push(`~${key}`);
        }
      }
      run = [];
    };
    for (const tok of tokens) {
      if (/^[\p{L}]/u.test(tok) && isCapitalised(tok)) {
        const lower = tok.toLowerCase().replace(/['’]s$/, '');
        if (sentenceStart && run.length === 0 && SENTENCE_OPENERS.has(lower)) {
          sentenceStart = false;
          continue;
        }
        run.push(tok);
      } else if (run.length > 0 && NAME_JOINERS.has(tok.toLowerCase())) {
        run.push(tok);
      } else {
        flush();
      }
      sentenceStart = /^[.!?:"“”]$/.test(tok);
    }
    flush();
  }
  return out;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2099) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function fullYear(y: number): number {
  return y < 100 ? (y < 50 ? 2000 + y : 1900 + y) : y;
}

// Longest names first, so that `August` is not read as `Aug` followed by junk.
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const MDY_RE = new RegExp(`\\b(${MONTH_NAMES})\\b\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*(\\d{4})?`, 'gi');
const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\b\\.?\\s*,?\\s*(\\d{4})?`, 'gi');
const NUMERIC_DATE_RE = /\b(\d{1,2})\/(\d{1,2})\/(\d{2,4})\b/g;
const ISO_DATE_RE = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g;

interface FoundDate {
  iso: string;
  at: number;
}

/** Full dates (year, month and day) written in the text, with their offsets. */
export function fullDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  const push = (iso: string | null, at: number) => {
    if (iso) out.push({ iso, at });
  };
  for (const m of text.matchAll(MDY_RE)) if (m[3]) push(isoDate(Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])), m.index);
  for (const m of text.matchAll(DMY_RE)) if (m[3]) push(isoDate(Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])), m.index);
  for (const m of text.matchAll(NUMERIC_DATE_RE)) push(isoDate(fullYear(Number(m[3])), Number(m[1]), Number(m[2])), m.index);
  for (const m of text.matchAll(ISO_DATE_RE)) push(isoDate(Number(m[1]), Number(m[2]), Number(m[3])), m.index);
  return out.sort((a, b) => a.at - b.at);
}

/** Days since 1970-01-01 for an ISO date (or date-time); null when unreadable. */
export function epochDays(iso: string): number | null {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(ms) ? null : Math.floor(ms / 86_400_000);
}

const ISO_DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** How far into the text a date still counts as the article's own (dateline, stamp). */
const OPENING_CHARS = 400;

/**
 * A byline or credit line (`By Jane Roe, Some News`): who wrote the piece says nothing about
 * what happened, and a shared author would otherwise pull unrelated reports together.
 */
const BYLINE_RE = /^[ \t]*(?:by|from|reporting by|written by)[ \t]+\p{Lu}[^\n.!?]{0,80}$/gimu;

/** Everything the clusterer reads from one article. */
export function extractFeatures(input: {
  text: string;
  title?: string | null;
  published?: string | null;
  entities?: readonly string[];
  dates?: readonly string[];
}): DocFeatures {
  const raw = input.title ? `${input.title}\n${input.text}` : input.text;
  const body = joinSplitNumbers(raw.replace(BYLINE_RE, ''));
  const tokens = tokenize(body);
  const terms = new Map<string, number>();
  const words = new Map<string, number>();
  eachContentTerm(tokens, (t, lower) => {
    terms.set(t, (terms.get(t) ?? 0) + 1);
    if (lower) words.set(t, (words.get(t) ?? 0) + 1);
  });
  const phrases = new Map<string, number>();
  for (const p of capitalisedPhrases(body)) phrases.set(p, (phrases.get(p) ?? 0) + 1);
  for (const e of input.entities ?? []) {
    const key = `entity:${e.toLowerCase()}`;
    phrases.set(key, (phrases.get(key) ?? 0) + 2);
  }
  const numbers = new Set<string>();
  const years = new Set<number>();
  // Numbers, and each side of a score or range ('51-50'); times and dates ('10:30', '2017-10-21') are not numbers.
  const plainNumbers = tokens.flatMap(({ text }) => (NUMBER_RE.test(text) ? [text] : SCORE_RE.test(text) ? text.split('-') : []));
  for (const n of plainNumbers) {
    const value = Number(n.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    if (Number.isInteger(value) && value >= 1900 && value <= 2099 && !n.includes(',')) years.add(value);
    else if (value > 12 || !Number.isInteger(value)) numbers.add(String(value));
  }
  const found = fullDates(body);
  const dates = new Set(found.map((d) => d.iso));
  // Days the time layer resolved (weekdays, 'last Tuesday' against the dateline) count as dates too.
  const resolved = (input.dates ?? []).filter((d) => ISO_DAY_RE.test(d)).sort();
  for (const d of resolved) dates.add(d);
  for (const d of dates) years.add(Number(d.slice(0, 4)));
  let time = input.published ? epochDays(input.published) : null;
  if (time === null) {
    const opening = found.find((d) => d.at < OPENING_CHARS);
    if (opening) time = epochDays(opening.iso);
  }
  // Undated and no dateline: the latest day the article reports is the nearest to when it speaks.
  if (time === null && resolved.length > 0) time = epochDays(resolved[resolved.length - 1]!);
  return { terms, words, phrases, numbers, dates, years, time };
}

/**
 * Document frequencies maintained one article at a time. IDF is smoothed so that the first
 * articles of a stream still get usable weights: idf = ln((N + 1) / (df + 1)) + 1.
 */
export class DocumentFrequencies {
  private df = new Map<string, number>();
  private n = 0;

  get documents(): number {
    return this.n;
  }

  add(keys: Iterable<string>): void {
    this.n++;
    for (const k of keys) this.df.set(k, (this.df.get(k) ?? 0) + 1);
  }

  idf(key: string): number {
    return Math.log((this.n + 1) / ((this.df.get(key) ?? 0) + 1)) + 1;
  }

  toJSON(): { n: number; df: [string, number][] } {
    return { n: this.n, df: [...this.df] };
  }

  static fromJSON(data: { n: number; df: [string, number][] }): DocumentFrequencies {
    const out = new DocumentFrequencies();
    out.n = data.n;
    out.df = new Map(data.df);
    return out;
  }
}

/**
 * Sublinear TF-IDF weights of a count map, L2-normalised, and the same weights times IDF once
 * more (what centroids are probed with), with one IDF look-up per key.
 */
export function tfidfVectors(counts: Map<string, number>, df: DocumentFrequencies): { weights: Map<string, number>; probe: Map<string, number> } {
  const keys: string[] = [];
  const idfs: number[] = [];
  const raw: number[] = [];
  let norm = 0;
  for (const [k, c] of counts) {
    const idf = df.idf(k);
    const w = (1 + Math.log(c)) * idf;
    keys.push(k);
    idfs.push(idf);
    raw.push(w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  const weights = new Map<string, number>();
  const probe = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const w = raw[i]! / norm;
    weights.set(keys[i]!, w);
    probe.set(keys[i]!, w * idfs[i]!);
  }
  return { weights, probe };
}

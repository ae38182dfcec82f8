// Runner for ../shared/bench/extraction-meta (trafilatura's evaluation pages): the full HTML path
// (decode -> extractHtml) on each page, scored on body snippets (with/without) and on exact title,
// date (day) and author matches. Scoring follows the README in the data folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes, maybeGunzip } from '../ingest/decode.js';
import { extractHtml } from '../ingest/html/index.js';
import type { ExtractedArticle } from '../doc/article.js';
import { benchDir } from '../paths.js';
import { presentOnPage, searchablePage } from './gold-reach.js';
import type { BenchOptions, BenchReport, BenchRunner } from './report.js';

export interface MetaCase {
  file: string;
  html: string;
  url?: string;
  key?: string;
  title?: string;
  date?: string;
  author?: string | string[];
  with: string[];
  without: string[];
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** null when the page carries no gold for the field. */
  title: boolean | null;
  date: boolean | null;
  author: boolean | null;
  got: { title: string | null; date: string | null; author: string | null; dateRule: string | null; titleRule: string | null; authorRule: string | null };
  error?: string;
  /** Whether the gold title and authors appear in the page at all (see gold-reach.ts). */
  reach?: { title: boolean | null; author: boolean | null };
}

export function loadCases(dir = benchDir('extraction-meta')): MetaCase[] {
  return readFileSync(join(dir, 'cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as MetaCase);
}

export function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** One case's page, decoded as a browser would. */
export function decodeCase(c: MetaCase, dir = benchDir('extraction-meta')): string {
  return decodeBytes(maybeGunzip(readFileSync(join(dir, c.html))), { fileName: c.file }).text;
}

/** Runs the HTML path on one case's page. */
export function extractCase(c: MetaCase, dir = benchDir('extraction-meta'), html = decodeCase(c, dir)): ExtractedArticle {
  return extractHtml(html, { kind: 'file', location: c.file }, { url: c.url ?? null });
}

/** Whether the case's gold title and authors appear in its page at all (null: no such gold). */
export function reachCase(c: MetaCase, html: string): { title: boolean | null; author: boolean | null } {
  const page = searchablePage(html);
  return {
    title: c.title === undefined ? null : presentOnPage(page, [c.title]),
    author: c.author === undefined ? null : presentOnPage(page, Array.isArray(c.author) ? c.author : c.author.split('; ')),
  };
}

export function goldAuthor(a: string | string[] | undefined): string | undefined {
  return a === undefined ? undefined : Array.isArray(a) ? a.join('; ') : a;
}

export function scoreCase(c: MetaCase, article: ExtractedArticle | null, error?: string): PageScore {
  const text = article ? normalise(article.text) : '';
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const s of c.with) {
    if (text && text.includes(normalise(s))) tp++;
    else fn++;
  }
  for (const s of c.without) {
    if (text && text.includes(normalise(s))) fp++;
    else tn++;
  }
  const title = article?.title ? normalise(article.title) : null;
  const date = article?.published ? article.published.value.slice(0, 10) : null;
  const author = article && article.authors.length ? normalise(article.authors.join('; ')) : null;
  const gAuthor = goldAuthor(c.author);
  return {
    tp,
    fp,
    fn,
    tn,
    title: c.title === undefined ? null : title === normalise(c.title),
    date: c.date === undefined ? null : date === normalise(c.date),
    author: gAuthor === undefined ? null : author === normalise(gAuthor),
    got: { title, date, author, dateRule: article?.published?.rule ?? null, titleRule: article?.provenance.title ?? null, authorRule: article?.provenance.authors ?? null },
    ...(error ? { error } : {}),
  };
}

export function runCases(cases: MetaCase[], dir = benchDir('extraction-meta')): PageScore[] {
  return cases.map((c) => {
    let html = '';
    try {
      html = decodeCase(c, dir);
      return { ...scoreCase(c, extractCase(c, dir, html)), reach: reachCase(c, html) };
    } catch (e) {
      return { ...scoreCase(c, null, (e as Error).message), reach: reachCase(c, html) };
    }
  });
}

export interface Summary {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  title: { correct: number; total: number };
  date: { correct: number; total: number };
  author: { correct: number; total: number };
  errors: number;
  /** Gold values present in their page as written: the ceiling of any extractor. */
  reach: { title: number; author: number };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

export function summarise(scores: PageScore[]): Summary {
  const sum = (f: (s: PageScore) => number) => scores.reduce((acc, s) => acc + f(s), 0);
  const tp = sum((s) => s.tp);
  const fp = sum((s) => s.fp);
  const fn = sum((s) => s.fn);
  const p = ratio(tp, tp + fp);
  const r = ratio(tp, tp + fn);
  const field = (k: 'title' | 'date' | 'author') => ({ correct: scores.filter((s) => s[k] === true).length, total: scores.filter((s) => s[k] !== null).length });
  const reached = (k: 'title' | 'author') => scores.filter((s) => s.reach?.[k] === true).length;
  return {
    pages: scores.length,
    precision: p,
    recall: r,
    f1: ratio(2 * p * r, p + r),
    title: field('title'),
    date: field('date'),
    author: field('author'),
    errors: scores.filter((s) => s.error).length,
    reach: { title: reached('title'), author: reached('author') },
  };
}

async function run(opts: BenchOptions): Promise<BenchReport> {
  const all = loadCases();
  const cases = opts.limit ? all.slice(0, opts.limit) : all;
  const started = Date.now();
  const s = summarise(runCases(cases));
  const acc = (f: { correct: number; total: number }) => ratio(f.correct, f.total);
  return {
    name: 'extraction-meta',
    items: `${s.pages} pages (dev split)`,
    rows: [
      { metric: 'snippet precision', ours: s.precision },
      { metric: 'snippet recall', ours: s.recall },
      { metric: 'snippet F1', ours: s.f1, target: '>= 0.93', published: 'trafilatura 2.2.0: 0.924 (990 pages)' },
      { metric: `title accuracy (${s.title.total})`, ours: acc(s.title), target: '>= 0.95' },
      { metric: `date accuracy, day (${s.date.total})`, ours: acc(s.date), target: '>= 0.90', published: 'htmldate: 0.889' },
      { metric: `author accuracy (${s.author.total})`, ours: acc(s.author), target: '>= 0.85' },
      { metric: 'ceiling: gold titles found in their page as written', ours: ratio(s.reach.title, s.title.total) },
      { metric: 'ceiling: gold authors found in their page as written', ours: ratio(s.reach.author, s.author.total) },
    ],
    notes: [`${s.errors} page(s) failed to extract`, `${((Date.now() - started) / 1000).toFixed(1)} s`],
  };
}

export const runner: BenchRunner = {
  description: 'main-text snippets and title/date/author on varied pages',
  run,
};

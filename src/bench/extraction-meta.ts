// Runner for ../shared/bench/extraction-meta (trafilatura's evaluation pages): the full HTML path
// (decode -> extractHtml) on each page, scored on body snippets (with/without) and on exact title,
// date (day) and author matches. Scoring follows the README in the data folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes, maybeGunzip } from '../ingest/decode.js';
import { extractHtmlWithCandidates } from '../ingest/html/index.js';
import type { MetaCandidates, MetaWeights } from '../ingest/html/meta/metadata.js';
import { crossValidate, type TrainingPage } from '../ingest/html/meta/ranker.js';
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
export function extractCase(c: MetaCase, dir = benchDir('extraction-meta'), html = decodeCase(c, dir), weights?: MetaWeights): ExtractedArticle {
  return extractCaseWithCandidates(c, html, weights).article;
}

function extractCaseWithCandidates(c: MetaCase, html: string, weights?: MetaWeights): { article: ExtractedArticle; candidates: MetaCandidates } {
  return extractHtmlWithCandidates(html, { kind: 'file', location: c.file }, { url: c.url ?? null, ...(weights ? { weights } : {}) });
}

/** The site a case comes from (its host without 'www.'): the unit cross-validation folds split by. */
export function siteOf(c: MetaCase): string {
  try {
    return c.url ? new URL(c.url).hostname.replace(/^www\d?\./, '') : (c.key ?? c.file);
  } catch {
    return c.key ?? c.file;
  }
}

/** The ranker's training pages of each field: a page's candidates, each marked gold or not. */
export interface FieldPages {
  title: TrainingPage[];
  authors: TrainingPage[];
  published: TrainingPage[];
}

function trainingPages(c: MetaCase, cands: MetaCandidates | null, out: FieldPages): void {
  const group = siteOf(c);
  const add = <T>(list: TrainingPage[], gold: string | undefined, ranked: { value: T; features: Record<string, number> }[], show: (v: T) => string) => {
    if (gold === undefined) return;
    list.push({ group, cands: ranked.map((r) => ({ features: r.features, gold: normalise(show(r.value)) === normalise(gold) })) });
  };
  add(out.title, c.title, cands?.title ?? [], (v) => v);
  add(out.authors, goldAuthor(c.author), cands?.authors ?? [], (v) => v.join('; '));
  add(out.published, c.date, cands?.published ?? [], (v) => v.value.slice(0, 10));
}

/** Every case scored with the given (default: committed) weights, and the candidates for fitting new ones. */
export function runCasesForRanker(cases: MetaCase[], dir = benchDir('extraction-meta'), weights?: MetaWeights): { scores: PageScore[]; pages: FieldPages } {
  const pages: FieldPages = { title: [], authors: [], published: [] };
  const scores = cases.map((c) => {
    let html = '';
    try {
      html = decodeCase(c, dir);
      const { article, candidates } = extractCaseWithCandidates(c, html, weights);
      trainingPages(c, candidates, pages);
      return { ...scoreCase(c, article), reach: reachCase(c, html) };
    } catch (e) {
      trainingPages(c, null, pages);
      return { ...scoreCase(c, null, (e as Error).message), reach: reachCase(c, html) };
    }
  });
  return { scores, pages };
}

/** Folds for cross-validation by site. */
export const CV_FOLDS = 5;

/** Accuracy of each ranked field by cross-validation split by site (weights fitted on the other folds). */
export function crossValidated(pages: FieldPages): Record<keyof FieldPages, { correct: number; total: number }> {
  return { title: crossValidate(pages.title, CV_FOLDS), authors: crossValidate(pages.authors, CV_FOLDS), published: crossValidate(pages.published, CV_FOLDS) };
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
  return runCasesForRanker(cases, dir).scores;
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
  // CPU time of the extraction alone (decode, parse, metadata, main text, gold reach), before the
  // cross-validation refits: the per-page cost to compare between builds run side by side.
  const cpu = process.cpuUsage();
  const { scores, pages } = runCasesForRanker(cases);
  const { user, system } = process.cpuUsage(cpu);
  const s = summarise(scores);
  const cv = crossValidated(pages);
  const acc = (f: { correct: number; total: number }) => ratio(f.correct, f.total);
  // Pages whose gold date no candidate holds bound the date figure as reach bounds the others.
  const dateReach = ratio(pages.published.filter((p) => p.cands.some((c) => c.gold)).length, pages.published.length);
  return {
    name: 'extraction-meta',
    items: `${s.pages} pages (dev split); title, author and date ranked with weights fitted on other sites (${CV_FOLDS} folds by site)`,
    rows: [
      { metric: 'snippet precision', ours: s.precision },
      { metric: 'snippet recall', ours: s.recall },
      { metric: 'snippet F1 (nothing fitted to dev by the ranker)', ours: s.f1, target: '>= 0.94', published: 'trafilatura 2.2.0: 0.924 (990 pages)' },
      { metric: `title accuracy, CV by site (${cv.title.total}); ceiling ${ratio(s.reach.title, s.title.total).toFixed(3)}`, ours: acc(cv.title), target: '>= 0.93' },
      { metric: `author accuracy, CV by site (${cv.authors.total}); ceiling ${ratio(s.reach.author, s.author.total).toFixed(3)}`, ours: acc(cv.authors), target: '>= 0.85' },
      { metric: `date accuracy, day, CV by site (${cv.published.total}); ceiling ${dateReach.toFixed(3)}`, ours: acc(cv.published), target: '>= 0.92', published: 'htmldate: 0.889' },
      { metric: 'title accuracy, whole dev, committed weights', ours: acc(s.title) },
      { metric: 'author accuracy, whole dev, committed weights', ours: acc(s.author) },
      { metric: 'date accuracy, whole dev, committed weights', ours: acc(s.date) },
    ],
    notes: [
      `${s.errors} page(s) failed to extract`,
      'ceilings: title and author = gold found in its page as written; date = gold day among the candidates',
      `extraction ${((user + system) / 1000 / Math.max(1, cases.length)).toFixed(1)} ms/page CPU (with the gold-reach search); ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
    ],
  };
}

export const runner: BenchRunner = {
  description: 'main-text snippets and title/date/author on varied pages',
  run,
};

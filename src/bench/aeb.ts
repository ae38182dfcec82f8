// Main-text extraction on the article-extraction-benchmark (Scrapinghub/Zyte): 181 news pages,
// scored with 4-token shingle multisets (see shingles.ts), next to the published systems' figures
// recomputed from their stored outputs. Also times parsing and extraction per page and watches
// peak memory over repeated passes (`--passes N`).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { extractMainText } from '../ingest/html/main-text/extract.js';
import { benchDir } from '../paths.js';
import type { BenchRow, BenchRunner } from './report.js';
import { corpusScore, scorePage, type CorpusScore, type PageScore } from './shingles.js';

export interface AebPage {
  id: string;
  url: string | null;
  html: string;
  truth: string;
}

type Outputs = Record<string, { articleBody?: string }>;

/** Systems whose outputs the benchmark publishes, with the README's F1 anchors. */
export const PUBLISHED: readonly { system: string; label: string; f1: number }[] = [
  { system: 'rs_trafilatura', label: 'rs-trafilatura', f1: 0.97 },
  { system: 'trafilatura', label: 'trafilatura 2.0.0', f1: 0.958 },
  { system: 'newspaper', label: 'newspaper4k', f1: 0.949 },
  { system: 'readability_js', label: 'Readability.js 0.6.0', f1: 0.947 },
  { system: 'goose3', label: 'goose3', f1: 0.896 },
];

export const TARGET_F1 = 0.965;
export const TARGET_MEDIAN_MS = 10;

function readJson(path: string): unknown {
  const buf = readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8')) as unknown;
}

export function loadTruth(): Record<string, { articleBody: string; url?: string }> {
  return readJson(join(benchDir('aeb'), 'ground-truth.json')) as Record<string, { articleBody: string; url?: string }>;
}

/** Pages with their truth, sorted by id; `limit` keeps the first N. */
export function loadPages(limit?: number): AebPage[] {
  const dir = benchDir('aeb');
  const truth = loadTruth();
  const ids = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .filter((id) => truth[id] !== undefined)
    .sort();
  return ids.slice(0, limit ?? ids.length).map((id) => ({
    id,
    url: truth[id]!.url ?? null,
    html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    truth: truth[id]!.articleBody,
  }));
}

/** A published system's stored outputs (some files wrap them in `output`). */
export function loadPublished(system: string): Outputs {
  const raw = readJson(join(benchDir('aeb'), 'published-output', `${system}.json.gz`)) as Outputs & { output?: Outputs };
  return raw.output ?? raw;
}

/** Score a published system on the same pages with our scorer (checks the scorer against the anchors). */
export function scorePublished(system: string, truth: Record<string, { articleBody: string }>, ids: string[]): CorpusScore {
  const out = loadPublished(system);
  return corpusScore(ids.map((id) => scorePage(out[id]?.articleBody ?? '', truth[id]!.articleBody)));
}

export interface PageRun {
  id: string;
  text: string;
  score: PageScore;
  /** Wall-clock milliseconds of each step. */
  parseMs: number;
  extractMs: number;
  /** CPU milliseconds (user + system) of each step: what one core spends, whatever the load. */
  parseCpuMs: number;
  extractCpuMs: number;
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

/** Parse and extract one page, timing each step. */
export function runPage(page: AebPage): PageRun {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { document } = parseHTML(page.html);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const main = extractMainText(document as unknown as Document, { url: page.url });
  const t2 = performance.now();
  const c2 = process.cpuUsage(c1);
  return {
    id: page.id,
    text: main.text,
    score: scorePage(main.text, page.truth),
    parseMs: t1 - t0,
    extractMs: t2 - t1,
    parseCpuMs: cpuMs(process.cpuUsage(c0)) - cpuMs(c2),
    extractCpuMs: cpuMs(c2),
  };
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const medianP95 = (xs: number[]): string => `${quantile(xs, 0.5).toFixed(2)} / ${quantile(xs, 0.95).toFixed(2)}`;

function passesArg(args: string[]): number {
  const i = args.indexOf('--passes');
  const n = i >= 0 ? Number(args[i + 1]) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : 1;
}

const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;

export const runner: BenchRunner = {
  description: 'main-text extraction on the article-extraction-benchmark pages',
  async run(opts) {
    const pages = loadPages(opts.limit);
    const passes = passesArg(opts.args);
    const parse: number[] = [];
    const extract: number[] = [];
    const total: number[] = [];
    const cpu: number[] = [];
    const parseCpu: number[] = [];
    const extractCpu: number[] = [];
    const rssAfterPass: number[] = [];
    const heapAfterPass: number[] = [];
    const gc = (globalThis as { gc?: () => void }).gc;
    let scores: PageScore[] = [];
    for (let pass = 0; pass < passes; pass++) {
      scores = [];
      for (const page of pages) {
        const r = runPage(page);
        scores.push(r.score);
        parse.push(r.parseMs);
        extract.push(r.extractMs);
        total.push(r.parseMs + r.extractMs);
        cpu.push(r.parseCpuMs + r.extractCpuMs);
        parseCpu.push(r.parseCpuMs);
        extractCpu.push(r.extractCpuMs);
      }
      gc?.();
      rssAfterPass.push(process.resourceUsage().maxRSS);
      heapAfterPass.push(process.memoryUsage().heapUsed / 1024);
    }
    const ours = corpusScore(scores);
    const truth = loadTruth();
    const ids = pages.map((p) => p.id);
    const anchors = PUBLISHED.map((p) => ({ ...p, score: scorePublished(p.system, truth, ids) }));
    const show = (pick: (s: CorpusScore) => number): string => anchors.map((a) => `${a.label} ${pick(a.score).toFixed(3)}`).join('; ');
    const rows: BenchRow[] = [
      { metric: 'precision', ours: ours.precision, published: show((s) => s.precision) },
      { metric: 'recall', ours: ours.recall, published: show((s) => s.recall) },
      { metric: 'F1', ours: ours.f1, target: `>= ${TARGET_F1}`, published: show((s) => s.f1) },
      { metric: 'CPU ms/page median (parse + extract)', ours: quantile(cpu, 0.5), target: `<= ${TARGET_MEDIAN_MS}` },
      { metric: 'CPU ms/page p95 (parse + extract)', ours: quantile(cpu, 0.95) },
      { metric: 'CPU ms/page median / p95, parse (linkedom)', ours: medianP95(parseCpu) },
      { metric: 'CPU ms/page median / p95, extract', ours: medianP95(extractCpu) },
      { metric: 'wall ms/page median / p95 (parse + extract)', ours: medianP95(total) },
      { metric: 'wall ms/page median / p95, parse / extract', ours: `${medianP95(parse)}; ${medianP95(extract)}` },
      { metric: `peak RSS after pass 1 / ${passes}`, ours: `${mb(rssAfterPass[0] ?? 0)} / ${mb(rssAfterPass[rssAfterPass.length - 1] ?? 0)}`, target: 'flat' },
      { metric: `heap used after pass 1 / ${passes}${gc ? ' (after gc)' : ''}`, ours: `${mb(heapAfterPass[0] ?? 0)} / ${mb(heapAfterPass[heapAfterPass.length - 1] ?? 0)}` },
    ];
    return {
      name: 'aeb',
      items: `${pages.length} pages x ${passes} pass${passes > 1 ? 'es' : ''}`,
      rows,
      notes: [
        'published figures are recomputed with our scorer from the stored outputs; README anchors: ' +
          anchors.map((a) => `${a.label} ${a.f1.toFixed(3)}`).join(', '),
        'times are per page on one core, decompressed HTML in memory; wall times include waiting for a shared CPU, CPU times do not',
        'RSS includes the loaded pages; run node with --expose-gc to measure the heap after a collection',
        `peak RSS after each pass: ${rssAfterPass.map(mb).join(', ')}`,
      ],
    };
  },
};

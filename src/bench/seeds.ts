// The five seed articles against their hand annotation (../shared/corpus/seeds.gold.json).
// Ingestion rows: in-text boilerplate precision/recall, metadata field accuracy, and body sentences
// lost (must be 0). Later stages add their own rows beside these.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BoilerplateKind, ExtractedArticle } from '../doc/article.js';
import { extractPlainText } from '../ingest/plaintext.js';
import { seedsDir, sharedDir } from '../paths.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';

/** The part of a seed article's annotation that ingestion is measured on. */
export interface SeedArticleGold {
  id: string;
  published: string | null;
  title: string | null;
  dek?: string | null;
  dateline?: string | null;
  outlet: string | null;
  authors: string[];
  url: string | null;
  boilerplate: string[];
  /** Free-text kinds, parallel to `boilerplate`, e.g. `photo caption`, `credit line (becomes ...)`. */
  boilerplateKinds?: string[];
}

export interface Seed {
  id: string;
  path: string;
  raw: string;
  gold: SeedArticleGold;
}

export function seedsGoldPath(): string {
  return join(sharedDir(), 'corpus', 'seeds.gold.json');
}

/** The seed files with their gold articles, in file order. */
export function loadSeeds(limit?: number): Seed[] {
  const gold = JSON.parse(readFileSync(seedsGoldPath(), 'utf8')) as { articles: SeedArticleGold[] };
  const byId = new Map(gold.articles.map((a) => [a.id, a]));
  const files = readdirSync(seedsDir())
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const seeds: Seed[] = [];
  for (const f of files.slice(0, limit ?? files.length)) {
    const id = f.replace(/\.txt$/, '');
    const g = byId.get(id);
    if (!g) throw new Error(`seed ${f} has no gold article`);
    const path = join(seedsDir(), f);
    seeds.push({ id, path, raw: readFileSync(path, 'utf8'), gold: g });
  }
  return seeds;
}

export const normWs = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** Naive sentence split; good enough to check that each piece of a body survives. */
function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The body sentences of the raw file that are missing from the extracted text. What counts as
 * body comes from the gold (every line that is not a gold boilerplate item, title or dek, with the
 * gold dateline cut off), never from the extractor under test.
 */
export function lostBodySentences(raw: string, gold: SeedArticleGold, text: string): string[] {
  const items = gold.boilerplate.map(normWs);
  const header = [gold.title, gold.dek].filter((x): x is string => !!x).map(normWs);
  const clean = normWs(text);
  const lost: string[] = [];
  for (const rawLine of raw.split('\n')) {
    let line = normWs(rawLine);
    const prefix = items.find((it) => line.startsWith(it) && line !== it);
    if (prefix) line = line.slice(prefix.length).trim();
    if (line === '' || items.includes(line) || header.includes(line)) continue;
    if (gold.dateline && line.startsWith(gold.dateline)) line = line.slice(gold.dateline.length).replace(/^\s*[—–-]+\s*/, '');
    for (const s of sentences(line)) if (!clean.includes(s)) lost.push(s);
  }
  return lost;
}

type Field = 'title' | 'dek' | 'authors' | 'outlet' | 'url' | 'published' | 'dateline';
const FIELDS: Field[] = ['title', 'dek', 'authors', 'outlet', 'url', 'published', 'dateline'];

function ours(a: ExtractedArticle, f: Field): string | null {
  if (f === 'authors') return a.authors.join('; ');
  if (f === 'published') return a.published?.value ?? null;
  const v = a[f];
  return v === null ? null : normWs(v);
}

function theirs(g: SeedArticleGold, f: Field): string | null {
  if (f === 'authors') return g.authors.join('; ');
  const v = g[f];
  return v === null || v === undefined ? null : normWs(v);
}

/** Our kind for a gold free-text kind, by its leading words. */
const GOLD_KINDS: [RegExp, BoilerplateKind][] = [
  [/caption/, 'photo-caption'],
  [/photo credit/, 'photo-credit'],
  [/teaser/, 'teaser'],
  [/newsletter|promo/, 'newsletter-promo'],
  [/^credit line/, 'credit-line'],
  [/source line/, 'source-line'],
  [/byline/, 'byline'],
  [/link/, 'related-link'],
  [/date/, 'date-line'],
  [/share/, 'share-line'],
];

export function goldKind(text: string): BoilerplateKind | null {
  return GOLD_KINDS.find(([re]) => re.test(text.toLowerCase()))?.[1] ?? null;
}

export interface IngestionScore {
  rows: BenchRow[];
  notes: string[];
}

/** Compares extracted seed articles with the gold: boilerplate P/R, field accuracy, lost sentences. */
export function scoreIngestion(seeds: Seed[], articles: ExtractedArticle[]): IngestionScore {
  let tp = 0;
  let predicted = 0;
  let expected = 0;
  const notes: string[] = [];
  const correct = new Map<Field, number>(FIELDS.map((f) => [f, 0]));
  let lost = 0;
  let kinds = 0;
  let kindsRight = 0;
  seeds.forEach((seed, i) => {
    const a = articles[i]!;
    // Datelines are scored as a metadata field; the gold lists them there, not as boilerplate.
    const mine = a.boilerplate.filter((b) => b.kind !== 'dateline').map((b) => normWs(b.text));
    const gold = seed.gold.boilerplate.map(normWs);
    const hit = mine.filter((m) => gold.includes(m)).length;
    seed.gold.boilerplateKinds?.forEach((k, j) => {
      const want = goldKind(k);
      const got = a.boilerplate.find((b) => normWs(b.text) === gold[j])?.kind;
      if (!want || !got) return;
      kinds++;
      if (want === got) kindsRight++;
      else notes.push(`${seed.id}: '${gold[j]?.slice(0, 40)}' removed as ${got}, gold kind ${want}`);
    });
    tp += hit;
    predicted += mine.length;
    expected += gold.length;
    for (const m of mine) if (!gold.includes(m)) notes.push(`${seed.id}: removed but not gold boilerplate: ${m.slice(0, 80)}`);
    for (const g of gold) if (!mine.includes(g)) notes.push(`${seed.id}: gold boilerplate kept: ${g.slice(0, 80)}`);
    for (const f of FIELDS) {
      if (ours(a, f) === theirs(seed.gold, f)) correct.set(f, (correct.get(f) ?? 0) + 1);
      else notes.push(`${seed.id}: ${f} is ${JSON.stringify(ours(a, f))}, gold ${JSON.stringify(theirs(seed.gold, f))}`);
    }
    const missing = lostBodySentences(seed.raw, seed.gold, a.text);
    lost += missing.length;
    for (const s of missing) notes.push(`${seed.id}: body sentence lost: ${s.slice(0, 80)}`);
  });
  const n = seeds.length;
  const rows: BenchRow[] = [
    { metric: 'ingest: boilerplate precision', ours: predicted ? tp / predicted : 1, target: '1.0' },
    { metric: 'ingest: boilerplate recall', ours: expected ? tp / expected : 1, target: '1.0' },
    { metric: 'ingest: boilerplate kind agreement', ours: `${kindsRight}/${kinds}`, target: `${kinds}/${kinds}` },
    ...FIELDS.map((f) => ({ metric: `ingest: ${f} accuracy`, ours: `${correct.get(f)}/${n}`, target: `${n}/${n}` })),
    { metric: 'ingest: body sentences lost', ours: lost, target: '0' },
  ];
  return { rows, notes };
}

export function extractSeeds(seeds: Seed[]): ExtractedArticle[] {
  return seeds.map((s) => extractPlainText(s.raw, { kind: 'file', location: s.path }));
}

export const runner: BenchRunner = {
  description: 'the five seed articles against their hand annotation',
  async run(opts): Promise<BenchReport> {
    const seeds = loadSeeds(opts.limit);
    const ingestion = scoreIngestion(seeds, extractSeeds(seeds));
    return { name: 'seeds', items: `${seeds.length} seed articles`, rows: ingestion.rows, notes: ingestion.notes };
  },
};

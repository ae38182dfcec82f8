// The seed articles analysed inside a larger pile of unrelated pages (aeb dev pages), the way a
// user's folder looks: the corpus is built at run time from ../shared, in both ingest orders,
// and run through the real pipeline (ingest, analysis, clustering) with the `dossier` command.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir } from '../../src/paths.js';
import { aebPages, dossier, inputFolder, seedFiles, tempDir } from '../helpers.js';

/** How many aeb pages go into the pile (the first, by file name). */
const PAGES = 30;

interface Topic {
  articles: string[];
  events: { articles: string[] }[];
}

interface SeedStories {
  stories: { topic: { articles: string[] }; events: { articles: string[] }[] };
}

const gold = (JSON.parse(readFileSync(join(seedsDir(), '..', 'seeds.gold.json'), 'utf8')) as SeedStories).stories;
const seedIds = gold.topic.articles;

function writeAebPages(dir: string): void {
  inputFolder(dir, [], aebPages().slice(0, PAGES));
}

function writeSeeds(dir: string): void {
  inputFolder(dir, seedFiles(), []);
}

function run(args: string[]): string {
  const r = dossier(args);
  if (r.code !== 0) throw new Error(`dossier ${args.join(' ')} exited ${String(r.code)}: ${r.err}`);
  return r.out;
}

/** The topic holding the seeds, as sorted event article lists, plus every article it holds. */
function seedTopic(topics: Topic[]): { topics: Topic[]; events: string[][]; articles: string[] } {
  const holding = topics.filter((t) => t.articles.some((a) => seedIds.includes(a)));
  const t = holding[0]!;
  return { topics: holding, events: t.events.map((e) => [...e.articles].sort()).sort(), articles: [...t.articles].sort() };
}

describe.each([
  ['seeds and pages in one folder', 'together'],
  ['pages ingested first, then the seeds', 'pages-first'],
])('the seeds among %s', (_label, order) => {
  const t = tempDir();
  let topics: Topic[] = [];
  beforeAll(() => {
    const db = join(t.dir, 'mixed.db');
    if (order === 'together') {
      const dir = join(t.dir, 'pile');
      writeSeeds(dir);
      writeAebPages(dir);
      run(['analyze', dir, '--db', db, '--out', join(t.dir, 'report')]);
    } else {
      writeAebPages(join(t.dir, 'pages'));
      writeSeeds(join(t.dir, 'seeds'));
      run(['ingest', join(t.dir, 'pages'), '--db', db]);
      run(['ingest', join(t.dir, 'seeds'), '--db', db]);
      run(['analyze', '--db', db, '--out', join(t.dir, 'report')]);
    }
    topics = JSON.parse(run(['stories', '--json', '--db', db])) as Topic[];
  }, 60_000);
  afterAll(() => t.cleanup());

  it('keeps the five seeds in one topic, and the two reports of the 2020 agreement in one event', () => {
    const s = seedTopic(topics);
    expect(s.topics).toHaveLength(1);
    expect(s.articles).toEqual(expect.arrayContaining(seedIds));
    const agreement = gold.events.find((e) => e.articles.every((a) => a.startsWith('002') || a.startsWith('003')))!;
    expect(s.events.some((e) => agreement.articles.every((a) => e.includes(a)))).toBe(true);
  });

  // Known shortfall (2026-12-01): the three happenings come out as one event of five. Undated,
  // the agreement reports (002, 003) share more words and names with the 2017 report (000) than
  // its own second report (001) does, and among 30 unrelated pages every score of the subject
  // rises by about a quarter, above the event threshold: here only a threshold of 0.405-0.41
  // would split them (ECB+ event F1 75 there), and a reference-corpus IDF that keeps the scores
  // stable orders the Hatami visit (004) above the true joins. Still so on 2026-12-07 with
  // happenings bounded in time: only 000 is dated, so the bound cannot act, and among the ECB+ dev
  // pages (bench clustering-pipeline) the five share one event in all 8 orders. See docs/CLUSTERING.md.
  it.fails('splits the seeds into the three annotated events', () => {
    expect(seedTopic(topics).events).toEqual(gold.events.map((e) => [...e.articles].sort()).sort());
  });

  // A page on Russia and Syria shares the vocabulary of the Syrian war with the seeds (topic
  // score about 0.16): it stays out since a new event joins a topic only at 0.25, the threshold
  // that holds best over shuffled arrival orders of ECB+ (bench clustering-orders).
  it('lets no other page into the seeds’ topic', () => {
    expect(seedTopic(topics).articles).toEqual([...seedIds].sort());
  });
});

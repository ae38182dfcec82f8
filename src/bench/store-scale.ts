// The store at scale: a temporary SQLite store filled with synthetic articles (src/bench/synthetic.ts)
// through the real putArticle (dedup and near-duplicate index included), analysis rows written
// through the real saveAnalysis (Doc records built here, no NLP layers: those would take
// hours at this size) and stories through syncStories; then the queries MODEL.md requires to be
// fast at 100k+ articles are timed, each as the median of repeated calls.
// `--articles N` sets the size (default 100,000; `--articles 5000` is the quick mode).
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyArticle, type ExtractedArticle } from '../doc/article.js';
import { openStore, type SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Doc, Event, Mention, Quote, TimeRef } from '../doc/layers.js';
import type { CanonicalEntity } from '../entities/registry.js';
import type { EntityType } from '../entities/types.js';
import type { ClusterSnapshot } from '../store/records.js';
import type { BenchReport, BenchRow, BenchRunner } from './report.js';
import { DEFAULT_SYNTHETIC, mulberry32, SyntheticStream, type SyntheticArticle } from './synthetic.js';
import { numberArg } from './args.js';
import { cpuMsAsync, median } from './cpu-time.js';
import { zipfCdf, zipfRank } from './zipf.js';
import { storeArticle } from '../pipeline/store-article.js';

export interface StoreScaleOptions {
  articles: number;
  /** Canonical entities the mentions are drawn from. */
  entities: number;
  /** Repetitions of each timed query. */
  reps: number;
  /** Keep the store file (its path is printed) instead of deleting it. */
  keep: boolean;
}

export const OUTLETS = Array.from({ length: 20 }, (_, i) => `outlet${i}.example`);
const TYPES: EntityType[] = ['PERSON', 'ORG', 'GPE'];
const ROLES = ['President', 'Minister', 'spokesman', 'General'];
const COUNTRY_CODES = ['USA', 'RUS', 'CHN', 'ISR', 'IRN', 'UKR', 'FRA', 'DEU', 'GBR', 'TUR', 'IND', 'BRA'];
const ACTOR_SUFFIX = ['', 'GOV', 'MIL', 'COP', 'BUS', 'OPP'];

interface PoolEntity {
  key: string;
  name: string;
  type: EntityType;
  code: string;
}


async function timeMedian(reps: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  await fn(0); // warm the statement and page caches
  const times: number[] = [];
  for (let i = 0; i < reps; i++) times.push(await cpuMsAsync(() => fn(i + 1)));
  return median(times);
}

const ms = (x: number): string => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));

/** Builds the analysis rows of a synthetic article: mentions of pool entities, times, quotes, events. */
export class AnalysisFaker {
  private readonly rand = mulberry32(11);
  private readonly pool: PoolEntity[];
  private readonly zipf: Float64Array;
  private readonly registry = new Map<string, CanonicalEntity>();
  /** A few entities of the pool that each topic keeps returning to. */
  private readonly topicCast = new Map<number, number[]>();

  constructor(size: number) {
    this.pool = Array.from({ length: size }, (_, i) => {
      const type = TYPES[i % 3]!;
      return {
        key: `${type.toLowerCase()}:ent${i}`,
        name: `Entity ${i}`,
        type,
        code: COUNTRY_CODES[i % COUNTRY_CODES.length]! + ACTOR_SUFFIX[Math.floor(i / COUNTRY_CODES.length) % ACTOR_SUFFIX.length]!,
      };
    });
    this.zipf = zipfCdf(size);
  }

  /** The most frequent entity of the pool (Zipf rank 1). */
  get frequent(): PoolEntity {
    return this.pool[0]!;
  }

  private zipfIndex(): number {
    return zipfRank(this.zipf, this.rand());
  }

  private cast(topic: number): number[] {
    let c = this.topicCast.get(topic);
    if (!c) {
      c = Array.from({ length: 5 }, () => this.zipfIndex());
      this.topicCast.set(topic, c);
    }
    return c;
  }

  /** Word spans of the text (start, end), the places mentions and triggers are put on. */
  private static words(text: string): [number, number][] {
    const out: [number, number][] = [];
    const re = /[\p{L}\p{N}]+/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
    return out;
  }

  doc(articleId: number, s: SyntheticArticle): { doc: Doc; entities: CanonicalEntity[] } {
    const text = s.text;
    const words = AnalysisFaker.words(text);
    const pick = () => words[Math.floor(this.rand() * words.length)]!;
    const cast = this.cast(s.topic);
    const ents = Array.from({ length: 8 }, (_, i) => this.pool[i < 4 ? cast[i % cast.length]! : this.zipfIndex()]!);
    const touched = new Map<string, CanonicalEntity>();
    const mentions: Mention[] = [];
    for (let i = 0; i < 25; i++) {
      const e = ents[i % ents.length]!;
      const [start, end] = pick();
      const role = e.type === 'PERSON' && this.rand() < 0.3 ? ROLES[Math.floor(this.rand() * ROLES.length)]! : null;
      mentions.push({ field: 'text', start, end, type: e.type, text: text.slice(start, end), entityKey: e.key, role, metonymy: false, rule: 'bench:synthetic' });
      this.absorb(e, text.slice(start, end), role, articleId, touched);
    }
    mentions.sort((a, b) => a.start - b.start);
    const day = s.published;
    const times: TimeRef[] = Array.from({ length: 4 }, (_, i) => {
      const [start, end] = pick();
      const resolved = i < 3;
      return { field: 'text', start, end, text: text.slice(start, end), type: 'DATE', value: resolved ? day : 'XXXX-XX-XX', granularity: 'day', anchor: day, resolved, rule: 'bench:synthetic' };
    });
    const quotes: Quote[] = [0, 1].map(() => {
      const [start] = pick();
      const end = Math.min(text.length, start + 80);
      const sp = ents[0]!;
      return { field: 'text', start, end, text: text.slice(start, end), partial: false, speakerText: sp.name, speakerKey: sp.key, cue: 'said', cueType: 'verb', via: null };
    });
    const events: Event[] = Array.from({ length: 3 }, (_, i) => {
      const [start, end] = pick();
      const src = ents[i]!;
      const tgt = ents[(i + 1) % ents.length]!;
      const root = String(1 + Math.floor(this.rand() * 20)).padStart(2, '0');
      return {
        field: 'text',
        start,
        end,
        sentence: text.slice(Math.max(0, start - 60), end + 60),
        cameo: `${root}${Math.floor(this.rand() * 5)}`,
        root,
        plover: null,
        quad: 1 + Math.floor(this.rand() * 4),
        goldstein: Math.round((this.rand() * 20 - 10) * 10) / 10,
        source: src.code,
        sourceText: src.name,
        sourceKey: src.key,
        target: tgt.code,
        targetText: tgt.name,
        targetKey: tgt.key,
        date: day,
        dateEnd: null,
        dateResolved: true,
        location: null,
        modality: 'asserted',
        confidence: 0.8,
        trigger: text.slice(start, end),
        reciprocal: false,
        planned: null,
        confirmed: null,
      };
    });
    return { doc: { articleId, sentences: [], mentions, numbers: [], times, quotes, events }, entities: [...touched.values()] };
  }

  /** What the entity registry does when an article's local entity joins a canonical one. */
  private absorb(e: PoolEntity, alias: string, role: string | null, articleId: number, touched: Map<string, CanonicalEntity>): void {
    let c = this.registry.get(e.key);
    if (!c) {
      c = { key: e.key, name: e.name, type: e.type, country: null, sector: null, aliases: new Map(), roles: new Map(), merged: [] };
      this.registry.set(e.key, c);
    }
    const art = String(articleId);
    // A few aliases per entity, as real names have.
    const a = `${e.name}${alias.length % 3 === 0 ? '' : ` ${alias.length % 3}`}`;
    c.aliases.set(a, (c.aliases.get(a) ?? 0) + 1);
    if (role) c.roles.set(role, (c.roles.get(role) ?? new Set<string>()).add(art));
    // One merge per article, as the registry records (articles arrive in order).
    if (c.merged[c.merged.length - 1]?.article !== art) c.merged.push({ localKey: e.key, article: art });
    touched.set(c.key, c);
  }
}

/** The clusters the synthetic stream was generated from: topic -> events -> articles. */
export class Clusters {
  private readonly topics = new Map<number, Set<string>>();
  private readonly events = new Map<string, { topic: number; ids: number[]; first: string; last: string }>();
  private readonly topicIds = new Map<number, number[]>();
  /** Topics and events that gained articles since the last `changed()`. */
  private readonly touchedTopics = new Set<number>();
  private readonly touchedEvents = new Set<string>();

  add(id: number, s: SyntheticArticle): void {
    this.touchedTopics.add(s.topic);
    this.touchedEvents.add(s.event);
    (this.topicIds.get(s.topic) ?? this.topicIds.set(s.topic, []).get(s.topic)!).push(id);
    (this.topics.get(s.topic) ?? this.topics.set(s.topic, new Set()).get(s.topic)!).add(s.event);
    const e = this.events.get(s.event);
    if (e) {
      e.ids.push(id);
      if (s.published < e.first) e.first = s.published;
      if (s.published > e.last) e.last = s.published;
    } else this.events.set(s.event, { topic: s.topic, ids: [id], first: s.published, last: s.published });
  }

  snapshot(): ClusterSnapshot[] {
    const out: ClusterSnapshot[] = [];
    for (const [t, evs] of this.topics) {
      out.push({ key: `t${t}`, level: 'topic', parentKey: null, articleIds: [...this.topicIds.get(t)!], headline: null, dateStart: null, dateEnd: null });
      for (const ev of evs) {
        const e = this.events.get(ev)!;
        out.push({ key: `e${ev}`, level: 'event', parentKey: `t${t}`, articleIds: [...e.ids], headline: null, dateStart: e.first, dateEnd: e.last });
      }
    }
    return out;
  }

  /** Only the clusters that gained articles since the last call, as the story pipeline hands them over. */
  changed(): ClusterSnapshot[] {
    const out = this.snapshot().filter((c) => (c.level === 'topic' ? this.touchedTopics.has(Number(c.key.slice(1))) : this.touchedEvents.has(c.key.slice(1))));
    this.touchedTopics.clear();
    this.touchedEvents.clear();
    return out;
  }

  get counts(): { topics: number; events: number } {
    return { topics: this.topics.size, events: this.events.size };
  }
}

export function toArticle(s: SyntheticArticle, i: number): ExtractedArticle {
  return {
    ...emptyArticle({ kind: 'file', location: `/bench/store-scale/${s.id}.txt` }),
    externalId: s.id,
    url: `https://${OUTLETS[i % OUTLETS.length]}/news/${s.id}`,
    title: s.text.slice(11, 70),
    outlet: OUTLETS[i % OUTLETS.length]!,
    language: 'en',
    published: { value: s.published, granularity: 'day', timezone: null, rule: 'bench:synthetic' },
    text: s.text,
  };
}

function fileMb(path: string): number {
  let bytes = 0;
  for (const p of [path, `${path}-wal`]) if (existsSync(p)) bytes += statSync(p).size;
  return Math.round(bytes / 1e6);
}

export async function runStoreScale(o: StoreScaleOptions): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-store-scale-'));
  const path = join(dir, 'scale.db');
  const store: SqliteStore = openStore(path);
  // Smaller topics than the clustering benchmark: 100k articles give ~5k topics and ~20k events.
  const stream = new SyntheticStream({ ...DEFAULT_SYNTHETIC, articlesPerTopic: 20, eventsPerTopic: 4 });
  const faker = new AnalysisFaker(o.entities);
  const clusters = new Clusters();
  const rows: BenchRow[] = [];
  const putMs: number[] = [];
  const saveMs: number[] = [];
  // Only what the queries need is kept (a day and two words per article), not the texts: the peak RSS is the store's.
  const days: string[] = [];
  const probes: string[] = [];
  let i = 0;
  const addOne = async (): Promise<number> => {
    const s = stream.next();
    const a = toArticle(s, i++);
    let id = 0;
    putMs.push(await cpuMsAsync(async () => (id = (await storeArticle(store, a)).id)));
    const { doc, entities } = faker.doc(id, s);
    saveMs.push(await cpuMsAsync(() => store.saveAnalysis(doc, entities, 1)));
    clusters.add(id, s);
    days.push(s.published);
    if (probes.length < 5000) probes.push((s.text.match(/\p{L}+/gu) ?? []).slice(20, 22).join(' '));
    return id;
  };
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let lastReport = t0;
  for (let n = 0; n < o.articles; n++) {
    await addOne();
    if (performance.now() - lastReport > 30_000) {
      process.stderr.write(`store-scale: ${n + 1}/${o.articles} articles, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      lastReport = performance.now();
    }
  }
  const fillSeconds = (performance.now() - t0) / 1000;
  const fillCpu = process.cpuUsage(cpu0);
  const window = Math.min(1000, Math.floor(o.articles / 5));
  const n = o.articles;
  rows.push({ metric: `putArticle ms, first ${window} (median)`, ours: ms(median(putMs.slice(0, window))) });
  rows.push({ metric: `putArticle ms, last ${window} of ${n} (median)`, ours: ms(median(putMs.slice(-window))) });
  rows.push({ metric: `saveAnalysis ms, first ${window} (median)`, ours: ms(median(saveMs.slice(0, window))) });
  rows.push({ metric: `saveAnalysis ms, last ${window} of ${n} (median)`, ours: ms(median(saveMs.slice(-window))) });
  rows.push({ metric: 'fill seconds, wall clock (put + save + synthesis, all articles)', ours: fillSeconds.toFixed(0) });
  rows.push({ metric: 'fill seconds, CPU', ours: ((fillCpu.user + fillCpu.system) / 1e6).toFixed(0) });

  const tSync = await cpuMsAsync(() => store.transaction((tx) => tx.syncStories(clusters.snapshot())));
  rows.push({ metric: `first syncStories ms (${clusters.counts.topics} topics, ${clusters.counts.events} events)`, ours: ms(tSync) });
  const tSame = await cpuMsAsync(() => store.transaction((tx) => tx.syncStories(clusters.snapshot())));
  rows.push({ metric: 'syncStories ms, nothing changed', ours: ms(tSame) });
  const batches: number[] = [];
  for (let b = 0; b < 5; b++) {
    for (let k = 0; k < 100; k++) await addOne();
    batches.push(await cpuMsAsync(() => store.transaction((tx) => tx.syncStories(clusters.snapshot()))));
  }
  rows.push({ metric: 'syncStories ms, batch adding 100 articles (median of 5)', ours: ms(median(batches)) });
  clusters.changed();
  const partial: number[] = [];
  for (let b = 0; b < 5; b++) {
    for (let k = 0; k < 100; k++) await addOne();
    const changed = clusters.changed();
    partial.push(await cpuMsAsync(() => store.transaction((tx) => tx.syncStories(changed, { removed: [] }))));
  }
  rows.push({ metric: 'syncStories ms, batch adding 100 articles, changed clusters only (median of 5)', ours: ms(median(partial)) });

  const rand = mulberry32(5);
  const total = await store.countArticles();
  const randomId = () => 1 + Math.floor(rand() * total);
  const r = o.reps;
  const wordsOf = (k: number) => probes[k % probes.length]!;
  rows.push({ metric: 'search ms (two words of an article, top 20)', ours: ms(await timeMedian(r, (k) => store.search(wordsOf(k * 7919)))) });
  rows.push({ metric: 'getArticle ms', ours: ms(await timeMedian(r, () => store.getArticle(randomId()))) });
  rows.push({ metric: 'listArticles ms (page of 50, random offset)', ours: ms(await timeMedian(r, () => store.listArticles({ limit: 50, offset: randomId() }))) });
  rows.push({ metric: 'listArticles ms (one outlet, page of 50)', ours: ms(await timeMedian(r, (k) => store.listArticles({ outlet: OUTLETS[k % OUTLETS.length], limit: 50, offset: 500 }))) });
  const frequent = faker.frequent;
  rows.push({ metric: 'queryEvents ms, by actor code (limit 100)', ours: ms(await timeMedian(r, () => store.queryEvents({ actor: frequent.code, limit: 100 }))) });
  rows.push({ metric: 'queryEvents ms, by root code (limit 100)', ours: ms(await timeMedian(r, (k) => store.queryEvents({ code: String(1 + (k % 20)), limit: 100 }))) });
  rows.push({ metric: 'queryEvents ms, by full code (limit 100)', ours: ms(await timeMedian(r, (k) => store.queryEvents({ code: `${String(1 + (k % 20)).padStart(2, '0')}1`, limit: 100 }))) });
  days.sort();
  const week = (k: number) => {
    const from = days[Math.floor((k * 0.37 * days.length) % days.length)]!;
    const to = new Date(Date.parse(from) + 6 * 86_400_000).toISOString().slice(0, 10);
    return { from, to };
  };
  rows.push({ metric: 'queryEvents ms, one week (limit 100)', ours: ms(await timeMedian(r, (k) => store.queryEvents({ ...week(k), limit: 100 }))) });
  rows.push({ metric: 'queryEvents ms, one week (all)', ours: ms(await timeMedian(r, (k) => store.queryEvents(week(k)))) });
  rows.push({
    metric: 'queryEvents ms, actor + root + week (all)',
    ours: ms(await timeMedian(r, (k) => store.queryEvents({ actor: frequent.code, code: String(1 + (k % 20)), ...week(k) }))),
  });
  const ent = (await store.getEntity(frequent.key))!;
  rows.push({ metric: `getEntity ms (most frequent entity, ${ent.mentions} mentions)`, ours: ms(await timeMedian(r, () => store.getEntity(frequent.key))) });
  rows.push({ metric: 'entityMentions ms (most frequent entity, 200)', ours: ms(await timeMedian(r, () => store.entityMentions(ent.id))) });
  rows.push({ metric: 'getEntity ms (by name)', ours: ms(await timeMedian(r, (k) => store.getEntity(`entity ${k * 13}`))) });
  rows.push({ metric: 'articleLayers ms', ours: ms(await timeMedian(r, () => store.articleLayers(randomId()))) });
  rows.push({ metric: 'articleEntityKeys ms', ours: ms(await timeMedian(r, () => store.articleEntityKeys(randomId()))) });
  const topics = await store.listStories('topic');
  const events = await store.listStories('event');
  rows.push({ metric: 'getStory ms (event)', ours: ms(await timeMedian(r, (k) => store.getStory(events[(k * 104729) % events.length]!.id))) });
  rows.push({ metric: 'childStories ms (topic)', ours: ms(await timeMedian(r, (k) => store.childStories(topics[(k * 104729) % topics.length]!.id))) });
  rows.push({ metric: 'topEntityNames ms (a topic’s articles)', ours: ms(await timeMedian(r, (k) => store.topEntityNames(topics[(k * 104729) % topics.length]!.articleIds, ['GPE', 'PERSON', 'ORG'], 3))) });
  rows.push({ metric: `listStories('event') ms (${events.length} stories)`, ours: ms(await timeMedian(Math.min(r, 5), () => store.listStories('event'))) });
  rows.push({ metric: 'listStories() ms (all)', ours: ms(await timeMedian(Math.min(r, 5), () => store.listStories())) });
  rows.push({ metric: 'articleIdsByDate ms', ours: ms(await timeMedian(Math.min(r, 5), () => store.articleIdsByDate())) });
  rows.push({ metric: 'unclusteredArticleIdsByDate ms (what each story update reads)', ours: ms(await timeMedian(Math.min(r, 5), () => store.unclusteredArticleIdsByDate())) });
  rows.push({ metric: `loadEntities ms (${o.entities} entities)`, ours: ms(await timeMedian(Math.min(r, 3), () => store.loadEntities())) });
  rows.push({ metric: 'store file MB (with WAL)', ours: fileMb(path) });
  rows.push({ metric: 'peak RSS MB', ours: Math.round(process.resourceUsage().maxRSS / 1024) });
  await store.close();
  if (o.keep) process.stderr.write(`store kept at ${path}\n`);
  else rmSync(dir, { recursive: true, force: true });
  return {
    name: 'store-scale',
    items: `${total} synthetic articles, ${o.entities} entities, ${clusters.counts.topics} topics / ${clusters.counts.events} events`,
    rows,
    notes: [`median of ${r} calls per query (one warm-up call first); times are CPU ms per call`, 'synthetic stream: src/bench/synthetic.ts, 20 articles per topic, 4 events per topic'],
  };
}

export const runner: BenchRunner = {
  description: 'the SQLite store at 100k synthetic articles: writes, searches, events, entities, stories (--articles N, --entities N, --reps N, --keep)',
  async run(opts) {
    return runStoreScale({
      articles: numberArg(opts.args, '--articles') ?? opts.limit ?? 100_000,
      entities: numberArg(opts.args, '--entities') ?? 3000,
      reps: numberArg(opts.args, '--reps') ?? 25,
      keep: opts.args.includes('--keep'),
    });
  },
};

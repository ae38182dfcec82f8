// Online two-level story clustering. Articles arrive one at a time; each joins the closest event
// (one real-world happening) when one is close enough, else opens a new event inside the closest
// topic (a running subject), else opens a new topic. Candidates come from an inverted index over
// each cluster's salient keys, never from a scan of all clusters. After each article a local
// re-clustering pass merges the touched event or topic with a neighbour that has become close.
import { extractFeatures, type DocFeatures } from '../features.js';
import { Centroid, type CentroidJSON, type CentroidRecord } from './centroid.js';
import { SalientIndex, type SalientIndexJSON } from './salient-index.js';
import {
  DEFAULT_OPTIONS,
  type AddResult,
  type ClusterDoc,
  type ClustererOptions,
  type EventCluster,
  type TopicCluster,
} from './types.js';
import {
  DF_KINDS,
  eventPartKey,
  jsonPart,
  readRecord,
  BUCKETLESS_VERSION,
  memorySource,
  numberedParts,
  readJson,
  readVocab,
  recordPart,
  STATE_PARTS_VERSION,
  topicPartKey,
  VOCAB_SLICE,
  vocabPart,
  type EventRecord,
  type ProfileRecord,
  type StateChanges,
  type StateMeta,
  type StatePart,
  type StateSource,
  type TopicRecord,
} from './state-parts.js';
import { ViewBuffer } from './view-buffer.js';
import { RecordMap } from './record-map.js';
import { DenseScratch, IdTable, topIds, Vocabulary } from './vocabulary.js';

/** Distinct keys (terms, names, facts) of a typical article, to foresee how much of the dictionary a run reaches. */
const KEYS_PER_ARTICLE = 300;
/** Share of the dictionary a run must foresee reaching to read the state whole. */
const WHOLE_READ_SHARE = 0.15;
/** What a state read whole reads: all but the dictionary buckets (the keys come whole from the slices). */
const WHOLE_PREFIXES = ['meta', 'v:', 'df:', 'dd:', 'e:', 't:', 'ei:', 'ti:'];

/** The views of a cluster: content words, common words, names, facts (numbers, dates, years). */
interface Profile {
  terms: Centroid;
  words: Centroid;
  phrases: Centroid;
  facts: Centroid;
  /** Known article times, days since 1970. */
  first: number | null;
  last: number | null;
}

interface EventState extends Profile {
  /** Internal number; the public id is `e<n>`. */
  n: number;
  topic: number;
  docIds: string[];
  /** Sum of the scores with which articles joined (after the first): how tight the event is. */
  joinScoreSum: number;
  joins: number;
}

interface TopicState extends Profile {
  /** Internal number; the public id is `t<n>`. */
  n: number;
  events: number[];
  docCount: number;
}

/**
 * Dense probes (normalised TF-IDF weights times IDF once more, ready for `Centroid.cosine`):
 * one set for the article being placed, one for a cluster in the re-clustering pass. Reused.
 */
interface Probe {
  terms: DenseScratch;
  words: DenseScratch;
  phrases: DenseScratch;
  facts: DenseScratch;
}

/** An article turned into vectors under the current document frequencies (reused buffers). */
interface DocVectors {
  terms: ViewBuffer;
  words: ViewBuffer;
  phrases: ViewBuffer;
  facts: ViewBuffer;
  time: number | null;
}

/** Index key kinds: an id and its view share one integer key. */
const KIND_TERM = 0;
const KIND_WORD = 1;
const KIND_PHRASE = 2;
const indexKey = (id: number, kind: number): number => id * 3 + kind;

interface ProfileJSON {
  terms: CentroidJSON;
  words: CentroidJSON;
  phrases: CentroidJSON;
  facts: CentroidJSON;
  first: number | null;
  last: number | null;
}

type IdTableJSON = ReturnType<IdTable['toJSON']>;

export interface StoryClustererJSON {
  version: 2;
  options: ClustererOptions;
  counters: { topic: number; event: number };
  vocabulary: string[];
  df: { terms: IdTableJSON; phrases: IdTableJSON; facts: IdTableJSON };
  events: (ProfileJSON & { n: number; topic: number; docIds: string[]; joinScoreSum: number; joins: number })[];
  topics: (ProfileJSON & { n: number; events: number[]; docCount: number })[];
  eventIndex: SalientIndexJSON;
  topicIndex: SalientIndexJSON;
}

function factKeys(f: DocFeatures): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of f.numbers) out.set(`n:${n}`, 1);
  for (const d of f.dates) out.set(`d:${d}`, 1);
  for (const y of f.years) out.set(`y:${y}`, 1);
  return out;
}

function isoOf(days: number | null): string | null {
  return days === null ? null : new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/** Days between a time and a time range (0 inside it); null when either is unknown. */
function gapDays(t: number | null, first: number | null, last: number | null): number | null {
  if (t === null || first === null || last === null) return null;
  return t < first ? first - t : t > last ? t - last : 0;
}

interface ScoredEvent {
  event: EventState;
  score: number;
}

const eventName = (n: number): string => `e${n}`;
const topicName = (n: number): string => `t${n}`;

function newProbe(): Probe {
  return { terms: new DenseScratch(), words: new DenseScratch(), phrases: new DenseScratch(), facts: new DenseScratch() };
}

export class StoryClusterer {
  readonly options: ClustererOptions;
  /** One dictionary for terms, names and facts. */
  private vocab = new Vocabulary();
  /** Document frequencies of terms; common words (a subset of terms) share them. */
  private termDf = new IdTable();
  private phraseDf = new IdTable();
  private factDf = new IdTable();
  private events: Map<number, EventState> | RecordMap<EventState> = new Map<number, EventState>();
  private topicMap: Map<number, TopicState> | RecordMap<TopicState> = new Map<number, TopicState>();
  private eventIndex: SalientIndex;
  private topicIndex: SalientIndex;
  private counters = { topic: 0, event: 0 };
  private articleProbe = newProbe();
  private clusterProbe = newProbe();
  private articleTermIds = new Map<string, number>();
  private buffers = { terms: new ViewBuffer(), words: new ViewBuffer(), phrases: new ViewBuffer(), facts: new ViewBuffer() };
  /**
   * What changed since the state was last saved in parts (`takeStateChanges`): clusters whose
   * fields other than their centroids changed (members, topic, event list), clusters merged
   * away, and the dictionary size then. Centroid changes are flagged on the centroids.
   */
  private dirtyEvents = new Set<number>();
  private dirtyTopics = new Set<number>();
  private goneEvents = new Set<number>();
  private goneTopics = new Set<number>();
  private savedVocabulary = 0;
  /** False until the state has been saved (or loaded) in parts: the next save writes every part. */
  private partsSaved = false;

  constructor(opts: Partial<ClustererOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...opts };
    this.eventIndex = new SalientIndex(this.options.postingCap);
    this.topicIndex = new SalientIndex(this.options.postingCap);
  }

  /** Place one article; returns its topic and event and every cluster the step changed. */
  add(doc: ClusterDoc): AddResult {
    const features = extractFeatures(doc);
    const vectors = this.vectorise(features);
    const query = this.queryOf(vectors);
    const changed = new Set<string>();

    const { joined, nearest } = this.bestEvent(vectors, query);
    if (joined) {
      joined.event.joinScoreSum += joined.score;
      joined.event.joins++;
    }
    const opened = joined === null;
    const event = joined?.event ?? this.openEvent(this.bestTopic(query) ?? this.nearestEventTopic(nearest) ?? this.openTopic(), changed);
    const topic = this.topicMap.get(event.topic)!;
    this.absorb(event, vectors, 'event');
    this.absorb(topic, vectors, 'topic');
    event.docIds.push(doc.id);
    topic.docCount++;
    this.dirtyEvents.add(event.n);
    this.dirtyTopics.add(topic.n);
    this.reindexEvent(event);
    this.reindexTopic(topic);
    changed.add(eventName(event.n));
    changed.add(topicName(topic.n));

    // Re-cluster locally when the article opened a cluster, or when a cluster doubled in size
    // (its centroid has moved enough to be worth another look): amortised O(1) per article.
    if (!opened && !isPowerOfTwo(event.docIds.length) && !isPowerOfTwo(topic.docCount)) {
      return { topicId: topicName(topic.n), eventId: eventName(event.n), changed: [...changed].sort() };
    }
    const finalTopic = this.mergeTopics(topic, changed);
    const finalEvent = this.mergeEvents(this.events.has(event.n) ? event : this.eventOf(doc.id, finalTopic), finalTopic, changed);
    return { topicId: topicName(finalTopic.n), eventId: eventName(finalEvent.n), changed: [...changed].sort() };
  }

  /**
   * All topics with their events, largest first. Listing changes nothing in the state; key terms
   * are found when read (the pipeline lists every cluster twice a run and reads none of them).
   */
  topics(): TopicCluster[] {
    const out: TopicCluster[] = [];
    for (const t of this.topicMap.values()) {
      const events = t.events.map((n) => this.eventView(this.events.get(n)!));
      events.sort((a, b) => b.docIds.length - a.docIds.length || (a.id < b.id ? -1 : 1));
      out.push(lazyKeyTerms({ id: topicName(t.n), events, docIds: events.flatMap((e) => e.docIds) }, () => this.keyTerms(t)));
    }
    return out.sort((a, b) => b.docIds.length - a.docIds.length || (a.id < b.id ? -1 : 1));
  }

  /**
   * The clusters of the given ids (as `add` reports them) as they are now, and the ids among
   * them that were merged away: what a copy of the clusters must rewrite after those adds,
   * without listing every cluster.
   */
  clustersNamed(ids: Iterable<string>): { topics: Omit<TopicCluster, 'events' | 'keyTerms'>[]; events: Omit<EventCluster, 'keyTerms'>[]; gone: string[] } {
    const topics: Omit<TopicCluster, 'events' | 'keyTerms'>[] = [];
    const events: Omit<EventCluster, 'keyTerms'>[] = [];
    const gone: string[] = [];
    for (const id of new Set(ids)) {
      const n = Number(id.slice(1));
      if (id.startsWith('t')) {
        const t = this.topicMap.get(n);
        if (t) topics.push({ id, docIds: t.events.flatMap((e) => this.events.get(e)!.docIds) });
        else gone.push(id);
      } else {
        const e = this.events.get(n);
        if (e) events.push({ id, topicId: topicName(e.topic), docIds: [...e.docIds], first: isoOf(e.first), last: isoOf(e.last) });
        else gone.push(id);
      }
    }
    return { topics, events, gone };
  }

  /** Number of articles placed so far. */
  get size(): number {
    return this.termDf.documents;
  }

  // --- Assignment --------------------------------------------------------------------------

  private vectorise(f: DocFeatures): DocVectors {
    const v = this.buffers;
    // Common words are a subset of the terms: resolve them through the article's own terms.
    const termIds = this.articleTermIds;
    termIds.clear();
    const facts = factKeys(f);
    // One read of the saved dictionary for the article's unknown keys (nothing when all are known).
    this.vocab.prefetch(articleKeys(f, facts));
    v.terms.load(f.terms, this.vocab, termIds);
    v.words.load(f.words, this.vocab, termIds);
    v.phrases.load(f.phrases, this.vocab);
    v.facts.load(facts, this.vocab);
    this.termDf.add(v.terms.ids.subarray(0, v.terms.length));
    this.phraseDf.add(v.phrases.ids.subarray(0, v.phrases.length));
    this.factDf.add(v.facts.ids.subarray(0, v.facts.length));
    const p = this.articleProbe;
    v.terms.weigh(this.termDf, p.terms);
    v.words.weigh(this.termDf, p.words);
    v.phrases.weigh(this.phraseDf, p.phrases);
    v.facts.weigh(this.factDf, p.facts);
    return { ...v, time: f.time };
  }

  /** The article's heaviest words and names, as index keys with weights. */
  private queryOf(v: DocVectors): { keys: number[]; weights: number[] } {
    const keys: number[] = [];
    const weights: number[] = [];
    const k = this.options.queryKeys;
    const take = (view: ViewBuffer, count: number, kind: number) => {
      for (const id of topIds(view.ids, view.tfidf, view.length, count)) {
        keys.push(indexKey(id, kind));
        weights.push(view.tfidfOf(id));
      }
    };
    take(v.terms, k, KIND_TERM);
    take(v.words, k, KIND_WORD);
    take(v.phrases, Math.ceil(k / 2), KIND_PHRASE);
    return { keys, weights };
  }

  /** Content and name similarity, the weights shifting to words when one side has no names. */
  private subjectScore(p: Pick<Probe, 'terms' | 'phrases'>, c: Profile): number {
    const cosT = c.terms.cosine(p.terms, this.termDf);
    if (p.phrases.size === 0 || c.phrases.isEmpty) return cosT;
    const wp = this.options.phraseWeight;
    return (1 - wp) * cosT + wp * c.phrases.cosine(p.phrases, this.phraseDf);
  }

  /**
   * How well an article (or topic) fits a topic: mostly the common vocabulary of the subject,
   * since the two happenings of one subject often share few names.
   */
  private topicScore(p: Pick<Probe, 'words' | 'phrases'>, t: Profile): number {
    const cosW = t.words.cosine(p.words, this.termDf);
    if (p.phrases.size === 0 || t.phrases.isEmpty) return cosW;
    const wp = this.options.topicPhraseWeight;
    return (1 - wp) * cosW + wp * t.phrases.cosine(p.phrases, this.phraseDf);
  }

  /** Whether an article has principal names and the event mentions every one of them. */
  private namesAllKnown(phrases: DenseScratch, e: EventState): boolean {
    if (e.phrases.isEmpty) return false;
    const ids = phrases.ids;
    const ranked = topIds(ids, ids.map((id) => phrases.get(id)), ids.length, this.options.principalNames * 2);
    const names = ranked.filter((id) => isSpelledName(this.vocab.key(id))).slice(0, this.options.principalNames);
    return names.length > 0 && names.every((n) => e.phrases.has(n));
  }

  /** Share of an article's principal names (its heaviest) that an event never mentions. */
  private missingNames(phrases: DenseScratch, e: EventState): number {
    if (e.phrases.isEmpty) return 0;
    const ids = phrases.ids;
    const ranked = topIds(ids, ids.map((id) => phrases.get(id)), ids.length, this.options.principalNames * 2);
    const names = ranked.filter((id) => isSpelledName(this.vocab.key(id))).slice(0, this.options.principalNames);
    let missing = 0;
    let total = 0;
    for (const n of names) {
      const w = phrases.get(n);
      total += w;
      if (!e.phrases.has(n)) missing += w;
    }
    return total > 0 ? missing / total : 0;
  }

  /** How likely it is that an article (or a cluster) reports the same happening as an event. */
  private happeningScore(p: Pick<Probe, 'terms' | 'phrases' | 'facts'>, first: number | null, last: number | null, e: EventState): number {
    const o = this.options;
    let score = this.subjectScore(p, e);
    if (o.namePenalty > 0) score -= o.namePenalty * this.missingNames(p.phrases, e);
    if (p.facts.size > 0) score = (1 - o.factWeight) * score + o.factWeight * e.facts.cosine(p.facts, this.factDf);
    const gap = this.timeGap(first, last, e);
    if (gap !== null) score -= o.timePenalty * (1 - Math.exp(-gap / o.timeScaleDays));
    return score;
  }

  /** Days between a time range and an event's (0 when they overlap); null when either is unknown. */
  private timeGap(first: number | null, last: number | null, e: EventState): number | null {
    if (first === null || last === null) return null;
    const gap = Math.min(gapDays(first, e.first, e.last) ?? Infinity, gapDays(last, e.first, e.last) ?? Infinity);
    return Number.isFinite(gap) ? gap : null;
  }

  /** Whether two known times lie further apart than one happening lasts. */
  private beyondHappening(first: number | null, last: number | null, e: EventState): boolean {
    if (this.options.happeningDays <= 0 || first === null || last === null || e.first === null || e.last === null) return false;
    return Math.max(last, e.last) - Math.min(first, e.first) > this.options.happeningDays;
  }

  /**
   * The event an article joins: the best-scoring candidate, if it reaches the threshold and,
   * once the event has a record of joins, a set share of its usual join score (an article much
   * looser than the event's own members reports something else).
   */
  private bestEvent(v: DocVectors, query: { keys: number[]; weights: number[] }): { joined: ScoredEvent | null; nearest: ScoredEvent | null } {
    const o = this.options;
    const ids = this.eventIndex.candidates(query.keys, query.weights, o.maxCandidates, (id) => this.events.has(id));
    let best: ScoredEvent | null = null;
    let nearest: ScoredEvent | null = null;
    for (const id of ids) {
      const e = this.events.get(id)!;
      const s = this.happeningScore(this.articleProbe, v.time, v.time, e);
      // An event too far away in time is another happening, but still says which subject the article belongs to.
      if (!nearest || s > nearest.score) nearest = { event: e, score: s };
      if ((best && s <= best.score) || this.beyondHappening(v.time, v.time, e)) continue;
      if (s < o.eventThreshold && !(o.namedJoinThreshold > 0 && s >= o.namedJoinThreshold && this.namesAllKnown(this.articleProbe.phrases, e))) continue;
      if (e.joins >= 2 && s < o.cohesionShare * (e.joinScoreSum / e.joins)) continue;
      best = { event: e, score: s };
    }
    return { joined: best, nearest };
  }

  /**
   * When no topic's common vocabulary is close enough, an event that nearly took the article
   * (same names and facts, a different happening) still says which subject it belongs to.
   */
  private nearestEventTopic(nearest: ScoredEvent | null): TopicState | null {
    const o = this.options;
    if (!nearest || o.nearEventShare <= 0 || nearest.score < o.nearEventShare * o.eventThreshold) return null;
    return this.topicMap.get(nearest.event.topic) ?? null;
  }

  private bestTopic(query: { keys: number[]; weights: number[] }): TopicState | null {
    const ids = this.topicIndex.candidates(query.keys, query.weights, this.options.maxCandidates, (id) => this.topicMap.has(id));
    let best: TopicState | null = null;
    let bestScore = this.options.topicThreshold;
    for (const id of ids) {
      const t = this.topicMap.get(id)!;
      const s = this.topicScore(this.articleProbe, t);
      if (s >= bestScore) {
        best = t;
        bestScore = s;
      }
    }
    return best;
  }

  private newProfile(): Profile {
    const { vectorTerms, salientKeys } = this.options;
    const centroid = () => new Centroid(vectorTerms, salientKeys);
    return { terms: centroid(), words: centroid(), phrases: centroid(), facts: centroid(), first: null, last: null };
  }

  private openTopic(): TopicState {
    const t: TopicState = { n: ++this.counters.topic, events: [], docCount: 0, ...this.newProfile() };
    this.topicMap.set(t.n, t);
    this.dirtyTopics.add(t.n);
    return t;
  }

  private openEvent(topic: TopicState, changed: Set<string>): EventState {
    const e: EventState = { n: ++this.counters.event, topic: topic.n, docIds: [], joinScoreSum: 0, joins: 0, ...this.newProfile() };
    this.events.set(e.n, e);
    topic.events.push(e.n);
    this.dirtyEvents.add(e.n);
    this.dirtyTopics.add(topic.n);
    changed.add(topicName(topic.n));
    return e;
  }

  /** Add an article to a cluster; events read terms and facts, topics read common words. */
  private absorb(p: Profile, v: DocVectors, level: 'event' | 'topic'): void {
    if (level === 'event') {
      p.terms.add(v.terms);
      p.facts.add(v.facts);
    } else {
      p.words.add(v.words);
    }
    p.phrases.add(v.phrases);
    if (v.time !== null) {
      p.first = p.first === null ? v.time : Math.min(p.first, v.time);
      p.last = p.last === null ? v.time : Math.max(p.last, v.time);
    }
  }

  /** Index keys of an event: its heaviest terms and names. */
  private eventKeys(p: Profile): number[] {
    const k = this.options.salientKeys;
    const keys = p.terms.topTerms(this.termDf, k).map((id) => indexKey(id, KIND_TERM));
    for (const id of p.phrases.topTerms(this.phraseDf, Math.ceil(k / 2))) keys.push(indexKey(id, KIND_PHRASE));
    return keys;
  }

  /** Index keys of a topic: its heaviest common words and names. */
  private topicKeys(p: Profile): number[] {
    const k = this.options.salientKeys;
    const keys = p.words.topTerms(this.termDf, k).map((id) => indexKey(id, KIND_WORD));
    for (const id of p.phrases.topTerms(this.phraseDf, Math.ceil(k / 2))) keys.push(indexKey(id, KIND_PHRASE));
    return keys;
  }

  private reindexEvent(e: EventState): void {
    this.eventIndex.put(e.n, this.eventKeys(e));
  }

  private reindexTopic(t: TopicState): void {
    this.topicIndex.put(t.n, this.topicKeys(t));
  }

  // --- Local re-clustering -----------------------------------------------------------------

  /** Merge the touched topic with every topic now close enough; returns the surviving topic. */
  private mergeTopics(topic: TopicState, changed: Set<string>): TopicState {
    let current = topic;
    const keys = this.topicKeys(current);
    const ones = keys.map(() => 1);
    const probe = this.clusterProbe;
    for (const id of this.topicIndex.candidates(keys, ones, this.options.mergeCandidates, (x) => this.topicMap.has(x))) {
      if (id === current.n || !this.topicMap.has(id)) continue;
      const other = this.topicMap.get(id)!;
      current.words.probeInto(probe.words, this.termDf);
      current.phrases.probeInto(probe.phrases, this.phraseDf);
      if (this.topicScore(probe, other) < this.options.topicMergeThreshold) continue;
      const [keep, gone] = current.docCount >= other.docCount ? [current, other] : [other, current];
      this.absorbTopic(keep, gone, changed);
      changed.add(topicName(keep.n));
      changed.add(topicName(gone.n));
      current = keep;
    }
    return current;
  }

  private absorbTopic(keep: TopicState, gone: TopicState, changed: Set<string>): void {
    mergeProfile(keep, gone);
    keep.docCount += gone.docCount;
    for (const n of gone.events) {
      this.events.get(n)!.topic = keep.n;
      keep.events.push(n);
      this.dirtyEvents.add(n);
      // Moved to another topic: a changed cluster for whoever keeps a copy of the clusters.
      changed.add(eventName(n));
    }
    this.topicMap.delete(gone.n);
    this.dirtyTopics.add(keep.n);
    this.goneTopics.add(gone.n);
    this.reindexTopic(keep);
  }

  /** Merge the touched event with sibling events now close enough; returns the survivor. */
  private mergeEvents(event: EventState, topic: TopicState, changed: Set<string>): EventState {
    let current = event;
    const keys = this.eventKeys(current);
    const candidates = this.eventIndex.candidates(keys, keys.map(() => 1), this.options.mergeCandidates, (x) => this.events.has(x));
    const probe = this.clusterProbe;
    for (const id of candidates) {
      const other = this.events.get(id);
      if (!other || other.n === current.n || other.topic !== topic.n) continue;
      current.terms.probeInto(probe.terms, this.termDf);
      current.phrases.probeInto(probe.phrases, this.phraseDf);
      current.facts.probeInto(probe.facts, this.factDf);
      if (this.beyondHappening(current.first, current.last, other)) continue;
      const score = this.happeningScore(probe, current.first, current.last, other);
      if (score < this.options.eventMergeThreshold) continue;
      const [keep, gone] = current.docIds.length >= other.docIds.length ? [current, other] : [other, current];
      mergeProfile(keep, gone);
      keep.docIds.push(...gone.docIds);
      keep.joinScoreSum += gone.joinScoreSum;
      keep.joins += gone.joins;
      this.events.delete(gone.n);
      topic.events = topic.events.filter((x) => x !== gone.n);
      this.dirtyEvents.add(keep.n);
      this.dirtyTopics.add(topic.n);
      this.goneEvents.add(gone.n);
      this.reindexEvent(keep);
      changed.add(eventName(keep.n));
      changed.add(eventName(gone.n));
      current = keep;
    }
    return current;
  }

  /** The event holding a document inside a topic (after merges moved it). */
  private eventOf(docId: string, topic: TopicState): EventState {
    for (const n of topic.events) {
      const e = this.events.get(n)!;
      if (e.docIds.includes(docId)) return e;
    }
    throw new Error(`document ${docId} is in no event of topic ${topicName(topic.n)}`);
  }

  // --- Views and persistence -----------------------------------------------------------------

  private keyTerms(p: Profile): string[] {
    const names = p.phrases
      .peekTop(this.phraseDf, 6)
      .map((id) => this.vocab.key(id))
      .filter(isSpelledName)
      .slice(0, 3);
    const wordIds = p.terms.isEmpty ? p.words.peekTop(this.termDf, 6) : p.terms.peekTop(this.termDf, 6);
    const words = wordIds.map((id) => this.vocab.key(id)).filter((w) => !names.includes(w));
    return [...names, ...words].slice(0, 6);
  }

  private eventView(e: EventState): EventCluster {
    return lazyKeyTerms({ id: eventName(e.n), topicId: topicName(e.topic), docIds: [...e.docIds], first: isoOf(e.first), last: isoOf(e.last) }, () => this.keyTerms(e));
  }

  toJSON(): StoryClustererJSON {
    return {
      version: 2,
      options: { ...this.options },
      counters: { ...this.counters },
      vocabulary: this.vocab.toJSON(),
      df: { terms: this.termDf.toJSON(), phrases: this.phraseDf.toJSON(), facts: this.factDf.toJSON() },
      events: [...this.events.values()].sort((a, b) => a.n - b.n).map((e) => ({ n: e.n, topic: e.topic, docIds: [...e.docIds], joinScoreSum: e.joinScoreSum, joins: e.joins, ...profileJSON(e) })),
      topics: [...this.topicMap.values()].sort((a, b) => a.n - b.n).map((t) => ({ n: t.n, events: [...t.events], docCount: t.docCount, ...profileJSON(t) })),
      eventIndex: this.eventIndex.toJSON(),
      topicIndex: this.topicIndex.toJSON(),
    };
  }

  /**
   * The parts of the state changed since the last call (all of them the first time, and after
   * `fromJSON`), and the parts of clusters merged away; clears the record. The caller writes
   * them in the same transaction as the stories: a clusterer whose save was rolled back must
   * not save again (the changes it reported are forgotten).
   */
  takeStateChanges(): StateChanges {
    const all = !this.partsSaved;
    const parts: StatePart[] = [];
    const removed = all ? [] : [...[...this.goneEvents].map(eventPartKey), ...[...this.goneTopics].map(topicPartKey)];
    const meta: StateMeta = {
      version: STATE_PARTS_VERSION,
      options: { ...this.options },
      counters: { ...this.counters },
      documents: [this.termDf.documents, this.phraseDf.documents, this.factDf.documents],
      vocabulary: this.vocab.size,
      clusters: [this.events.size, this.topicMap.size],
    };
    for (const [b, entries] of this.vocab.takeDirtyBuckets(all)) parts.push(jsonPart(`vb:${b}`, entries));
    meta.buckets = this.vocab.bucketCount;
    meta.filledBuckets = this.vocab.filledBuckets;
    parts.push(jsonPart('meta', meta));
    const firstSlice = all ? 0 : Math.floor(this.savedVocabulary / VOCAB_SLICE);
    const grew = all || this.vocab.size > this.savedVocabulary;
    for (let c = firstSlice; grew && c * VOCAB_SLICE < this.vocab.size; c++) parts.push(vocabPart(`v:${c}`, this.vocab.slice(c * VOCAB_SLICE, (c + 1) * VOCAB_SLICE)));
    [this.termDf, this.phraseDf, this.factDf].forEach((table, k) => {
      const kind = DF_KINDS[k];
      const df = table.takeChanges(all);
      for (const [c, bytes] of df.chunks) parts.push({ key: `df:${kind}:${c}`, value: bytes });
      if (df.delta) parts.push({ key: `dd:${kind}:${df.delta[0]}`, value: df.delta[1] });
      for (const seq of df.dropped) removed.push(`dd:${kind}:${seq}`);
    });
    // A cluster is written when a field changed or when scoring rebuilt a centroid's cache
    // (a flag check per cluster; only the changed ones are encoded).
    for (const e of all ? this.events.values() : decodedOf(this.events)) {
      if (profileTouched(e) || all || this.dirtyEvents.has(e.n)) parts.push(recordPart(eventPartKey(e.n), { n: e.n, topic: e.topic, docIds: e.docIds, joinScoreSum: e.joinScoreSum, joins: e.joins, ...profileRecord(e) }));
    }
    for (const t of all ? this.topicMap.values() : decodedOf(this.topicMap)) {
      if (profileTouched(t) || all || this.dirtyTopics.has(t.n)) parts.push(recordPart(topicPartKey(t.n), { n: t.n, events: t.events, docCount: t.docCount, ...profileRecord(t) }));
    }
    for (const c of this.eventIndex.takeDirty(all)) parts.push({ key: `ei:${c}`, value: this.eventIndex.chunkBytes(c) });
    for (const c of this.topicIndex.takeDirty(all)) parts.push({ key: `ti:${c}`, value: this.topicIndex.chunkBytes(c) });
    this.dirtyEvents.clear();
    this.dirtyTopics.clear();
    this.goneEvents.clear();
    this.goneTopics.clear();
    this.savedVocabulary = this.vocab.size;
    this.partsSaved = true;
    return { parts, removed, complete: all };
  }

  /** A clusterer from the parts `takeStateChanges` wrote (all of them, as the store holds them). */
  static fromParts(parts: Iterable<StatePart>): StoryClusterer {
    return StoryClusterer.open(memorySource(parts));
  }

  /**
   * A clusterer over a saved state. Only the meta part and the document counts are read now;
   * clusters, index slices and dictionary buckets are read when first needed, so `stored` must
   * stay readable (the store open) while the clusterer is used. `articles`, how many articles the
   * run will place, lets a large run read the state whole instead.
   */
  static open(stored: StateSource, opts: { articles?: number } = {}): StoryClusterer {
    const meta = stored.withPrefix('meta')[0];
    const m = meta ? readJson<StateMeta>(meta.value) : null;
    if (!m || (m.version !== STATE_PARTS_VERSION && m.version !== BUCKETLESS_VERSION)) throw new Error(`unknown story clusterer state parts version ${String(m?.version)}`);
    // A run whose articles will look up a large share of the dictionary reads the state whole
    // (one read, one map): bucket by bucket it would pay a read per bucket for most of them.
    const whole = opts.articles !== undefined && opts.articles * KEYS_PER_ARTICLE >= m.vocabulary * WHOLE_READ_SHARE;
    const source = whole ? memorySource(WHOLE_PREFIXES.flatMap((p) => stored.withPrefix(p))) : stored;
    const c = new StoryClusterer(m.options);
    const { vectorTerms, postingCap, salientKeys } = c.options;
    c.vocab = StoryClusterer.openVocabulary(source, stored, m, whole);
    // The article's probes span the dictionary's ids; a quarter more for the keys the run adds.
    for (const p of [c.articleProbe, c.clusterProbe]) for (const v of Object.values(p)) v.expect(Math.ceil(c.vocab.size * 1.25));
    c.counters = { ...m.counters };
    [c.termDf, c.phraseDf, c.factDf] = DF_KINDS.map((kind, k) =>
      IdTable.fromParts(m.documents[k]!, numberedParts(source, `df:${kind}:`).all(), numberedParts(source, `dd:${kind}:`).all()),
    ) as [IdTable, IdTable, IdTable];
    const profile = (p: ProfileRecord): Profile => ({
      terms: Centroid.fromRecord(p.terms, vectorTerms, salientKeys),
      words: Centroid.fromRecord(p.words, vectorTerms, salientKeys),
      phrases: Centroid.fromRecord(p.phrases, vectorTerms, salientKeys),
      facts: Centroid.fromRecord(p.facts, vectorTerms, salientKeys),
      first: p.first,
      last: p.last,
    });
    // Clusters are read when first needed; a topic checks its events then.
    const events = new RecordMap<EventState>((b) => {
      const e = readRecord<EventRecord>(b);
      return { n: e.n, topic: e.topic, docIds: e.docIds, joinScoreSum: e.joinScoreSum, joins: e.joins, ...profile(e) };
    }, numberedParts(source, 'e:'));
    const topics = new RecordMap<TopicState>((b) => {
      const t = readRecord<TopicRecord>(b);
      for (const n of t.events) if (!events.has(n)) throw new Error(`clusterer state lacks event ${n} of topic ${t.n}`);
      return { n: t.n, events: t.events, docCount: t.docCount, ...profile(t) };
    }, numberedParts(source, 't:'));
    // A missing cluster part is found at load, not when a later article reaches its topic.
    if (m.clusters && (m.clusters[0] !== events.size || m.clusters[1] !== topics.size)) {
      throw new Error(`clusterer state lacks events or topics (${events.size} / ${topics.size} saved, ${m.clusters[0]} / ${m.clusters[1]} expected)`);
    }
    c.events = events;
    c.topicMap = topics;
    c.eventIndex = SalientIndex.fromSaved(numberedParts(source, 'ei:'), postingCap);
    c.topicIndex = SalientIndex.fromSaved(numberedParts(source, 'ti:'), postingCap);
    c.savedVocabulary = c.vocab.size;
    c.partsSaved = true;
    return c;
  }

  /**
   * The dictionary of a saved state: read by bucket and slice as needed, or with `whole` every
   * key at once from the slices; a state saved before buckets is read whole too, and all its
   * buckets are written at the next save. `source` holds the parts (in memory when read whole),
   * `stored` is where the buckets are, read when looked up or merged into at a save.
   */
  private static openVocabulary(source: StateSource, stored: StateSource, m: StateMeta, whole: boolean): Vocabulary {
    const slices = Math.ceil(m.vocabulary / VOCAB_SLICE);
    if (source.count('v:') !== slices) throw new Error(`clusterer state lacks dictionary slices (${source.count('v:')} of ${slices})`);
    const idSlices = numberedParts(source, 'v:');
    const slice = (n: number): string[] => {
      const bytes = idSlices.read([n]).get(n);
      if (!bytes) throw new Error(`clusterer state lacks dictionary slice ${n}`);
      return readVocab(bytes);
    };
    const bucketless = m.version === BUCKETLESS_VERSION || m.buckets === undefined;
    const readAll = () => {
      const keys: string[] = [];
      for (let n = 0; n < slices; n++) for (const k of slice(n)) keys.push(k);
      if (keys.length !== m.vocabulary) throw new Error(`clusterer state dictionary holds ${keys.length} keys, not ${m.vocabulary}`);
      return keys;
    };
    if (bucketless) return Vocabulary.fromJSON(readAll(), true);
    const filled = m.filledBuckets ?? 0;
    if (stored.count('vb:') !== filled) throw new Error(`clusterer state lacks dictionary buckets (${stored.count('vb:')} of ${filled})`);
    const bucketParts = numberedParts(stored, 'vb:');
    const buckets = (numbers: readonly number[]) => new Map([...bucketParts.read(numbers)].map(([b, v]) => [b, readJson<[string, number][]>(v)]));
    const saved = { size: m.vocabulary, sliceSize: VOCAB_SLICE, buckets, slice };
    return new Vocabulary(saved, { filledBuckets: filled, bucketCount: m.buckets, ...(whole ? { whole: readAll() } : {}) });
  }

  static fromJSON(data: StoryClustererJSON): StoryClusterer {
    if (data.version !== 2) throw new Error(`unknown story clusterer state version ${String(data.version)}`);
    const c = new StoryClusterer(data.options);
    const { vectorTerms, postingCap, salientKeys } = c.options;
    const profile = (p: ProfileJSON): Profile => ({
      terms: Centroid.fromJSON(p.terms, vectorTerms, salientKeys),
      words: Centroid.fromJSON(p.words, vectorTerms, salientKeys),
      phrases: Centroid.fromJSON(p.phrases, vectorTerms, salientKeys),
      facts: Centroid.fromJSON(p.facts, vectorTerms, salientKeys),
      first: p.first,
      last: p.last,
    });
    c.counters = { ...data.counters };
    c.vocab = Vocabulary.fromJSON(data.vocabulary);
    c.termDf = IdTable.fromJSON(data.df.terms);
    c.phraseDf = IdTable.fromJSON(data.df.phrases);
    c.factDf = IdTable.fromJSON(data.df.facts);
    for (const e of data.events) c.events.set(e.n, { n: e.n, topic: e.topic, docIds: [...e.docIds], joinScoreSum: e.joinScoreSum, joins: e.joins, ...profile(e) });
    for (const t of data.topics) c.topicMap.set(t.n, { n: t.n, events: [...t.events], docCount: t.docCount, ...profile(t) });
    c.eventIndex = SalientIndex.fromJSON(data.eventIndex, postingCap);
    c.topicIndex = SalientIndex.fromJSON(data.topicIndex, postingCap);
    return c;
  }
}

/** A view with `keyTerms` computed on first read (an enumerable property, so views compare and print as before). */
function lazyKeyTerms<T extends object>(view: T, compute: () => string[]): T & { keyTerms: string[] } {
  let terms: string[] | null = null;
  return Object.defineProperty(view, 'keyTerms', { enumerable: true, get: () => (terms ??= compute()) }) as T & { keyTerms: string[] };
}

/** A name as written (not a sound key or a given entity id). */
function isSpelledName(key: string): boolean {
  return !key.startsWith('~') && !key.startsWith('entity:');
}

/** Every key an article's views intern (its common words are among its terms). */
function* articleKeys(f: DocFeatures, facts: ReadonlyMap<string, number>): Iterable<string> {
  yield* f.terms.keys();
  yield* f.phrases.keys();
  yield* facts.keys();
}

/** The clusters read since load (all of them for a clusterer built in this process). */
function decodedOf<T>(m: Map<number, T> | RecordMap<T>): IterableIterator<T> {
  return m instanceof RecordMap ? m.decoded() : m.values();
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

function mergeProfile(keep: Profile, gone: Profile): void {
  keep.terms.merge(gone.terms);
  keep.words.merge(gone.words);
  keep.phrases.merge(gone.phrases);
  keep.facts.merge(gone.facts);
  for (const t of [gone.first, gone.last]) {
    if (t === null) continue;
    keep.first = keep.first === null ? t : Math.min(keep.first, t);
    keep.last = keep.last === null ? t : Math.max(keep.last, t);
  }
}

/** Whether any centroid of a cluster changed since the last save; clears the flags. */
function profileTouched(p: Profile): boolean {
  const touched = p.terms.touched || p.words.touched || p.phrases.touched || p.facts.touched;
  p.terms.touched = p.words.touched = p.phrases.touched = p.facts.touched = false;
  return touched;
}

function profileRecord(p: Profile): ProfileRecord {
  const rec = (c: Centroid): CentroidRecord => c.toRecord();
  return { terms: rec(p.terms), words: rec(p.words), phrases: rec(p.phrases), facts: rec(p.facts), first: p.first, last: p.last };
}

function profileJSON(p: Profile): ProfileJSON {
  return { terms: p.terms.toJSON(), words: p.words.toJSON(), phrases: p.phrases.toJSON(), facts: p.facts.toJSON(), first: p.first, last: p.last };
}

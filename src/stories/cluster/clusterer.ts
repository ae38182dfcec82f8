// Online two-level story clustering. Articles arrive one at a time; each joins the closest event
// (one real-world happening) when one is close enough, else opens a new event inside the closest
// topic (a running subject), else opens a new topic. Candidates come from an inverted index over
// each cluster's salient keys, never from a scan of all clusters. After each article a local
// re-clustering pass merges the touched event or topic with a neighbour that has become close.
import { DocumentFrequencies, extractFeatures, tfidfVectors, type DocFeatures } from '../features.js';
import { Centroid, normalisedTf, topKeys, type CentroidJSON, type SparseVector } from './centroid.js';
import { SalientIndex, type SalientIndexJSON } from './salient-index.js';
import {
  DEFAULT_OPTIONS,
  type AddResult,
  type ClusterDoc,
  type ClustererOptions,
  type EventCluster,
  type TopicCluster,
} from './types.js';

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
  id: string;
  topicId: string;
  docIds: string[];
  /** Sum of the scores with which articles joined (after the first): how tight the event is. */
  joinScoreSum: number;
  joins: number;
}

interface TopicState extends Profile {
  id: string;
  eventIds: string[];
  docCount: number;
}

/**
 * An article (or a cluster, in the re-clustering pass) as a probe: normalised TF-IDF weights
 * multiplied by IDF once more, ready for `Centroid.cosine`.
 */
interface Probe {
  terms: SparseVector;
  words: SparseVector;
  phrases: SparseVector;
  facts: SparseVector;
}

/** An article turned into vectors under the current document frequencies. */
interface DocVectors {
  /** The index query comes from the plain TF-IDF weights. */
  terms: SparseVector;
  words: SparseVector;
  phrases: SparseVector;
  probe: Probe;
  time: number | null;
  /** Length-normalised raw frequencies, what centroids accumulate. */
  rawTerms: SparseVector;
  rawWords: SparseVector;
  rawPhrases: SparseVector;
  rawFacts: SparseVector;
}

interface ProfileJSON {
  terms: CentroidJSON;
  words: CentroidJSON;
  phrases: CentroidJSON;
  facts: CentroidJSON;
  first: number | null;
  last: number | null;
}

export interface StoryClustererJSON {
  version: 1;
  options: ClustererOptions;
  counters: { topic: number; event: number };
  df: { terms: ReturnType<DocumentFrequencies['toJSON']>; phrases: ReturnType<DocumentFrequencies['toJSON']>; facts: ReturnType<DocumentFrequencies['toJSON']> };
  events: (ProfileJSON & { id: string; topicId: string; docIds: string[]; joinScoreSum: number; joins: number })[];
  topics: (ProfileJSON & { id: string; eventIds: string[]; docCount: number })[];
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

export class StoryClusterer {
  readonly options: ClustererOptions;
  /** Document frequencies of terms; common words (a subset of terms) share them. */
  private termDf = new DocumentFrequencies();
  private phraseDf = new DocumentFrequencies();
  private factDf = new DocumentFrequencies();
  private events = new Map<string, EventState>();
  private topicMap = new Map<string, TopicState>();
  private eventIndex: SalientIndex;
  private topicIndex: SalientIndex;
  private counters = { topic: 0, event: 0 };

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

    const joined = this.bestEvent(vectors, query);
    if (joined) {
      joined.event.joinScoreSum += joined.score;
      joined.event.joins++;
    }
    const opened = joined === null;
    const event = joined?.event ?? this.openEvent(this.bestTopic(vectors, query) ?? this.openTopic(), changed);
    const topic = this.topicMap.get(event.topicId)!;
    this.absorb(event, vectors, 'event');
    this.absorb(topic, vectors, 'topic');
    event.docIds.push(doc.id);
    topic.docCount++;
    this.reindexEvent(event);
    this.reindexTopic(topic);
    changed.add(event.id);
    changed.add(topic.id);

    // Re-cluster locally when the article opened a cluster, or when a cluster doubled in size
    // (its centroid has moved enough to be worth another look): amortised O(1) per article.
    if (!opened && !isPowerOfTwo(event.docIds.length) && !isPowerOfTwo(topic.docCount)) {
      return { topicId: topic.id, eventId: event.id, changed: [...changed].sort() };
    }
    const finalTopic = this.mergeTopics(topic, changed);
    const finalEvent = this.mergeEvents(this.events.has(event.id) ? event : this.eventOf(doc.id, finalTopic), finalTopic, changed);
    return { topicId: finalTopic.id, eventId: finalEvent.id, changed: [...changed].sort() };
  }

  /** All topics with their events, largest first. */
  topics(): TopicCluster[] {
    const out: TopicCluster[] = [];
    for (const t of this.topicMap.values()) {
      const events = t.eventIds.map((id) => this.eventView(this.events.get(id)!));
      events.sort((a, b) => b.docIds.length - a.docIds.length || (a.id < b.id ? -1 : 1));
      out.push({
        id: t.id,
        events,
        docIds: events.flatMap((e) => e.docIds),
        keyTerms: this.keyTerms(t),
      });
    }
    return out.sort((a, b) => b.docIds.length - a.docIds.length || (a.id < b.id ? -1 : 1));
  }

  /** Number of articles placed so far. */
  get size(): number {
    return this.termDf.documents;
  }

  // --- Assignment --------------------------------------------------------------------------

  private vectorise(f: DocFeatures): DocVectors {
    const facts = factKeys(f);
    this.termDf.add(f.terms.keys());
    this.phraseDf.add(f.phrases.keys());
    this.factDf.add(facts.keys());
    const terms = tfidfVectors(f.terms, this.termDf);
    const words = tfidfVectors(f.words, this.termDf);
    const phrases = tfidfVectors(f.phrases, this.phraseDf);
    return {
      terms: terms.weights,
      words: words.weights,
      phrases: phrases.weights,
      probe: { terms: terms.probe, words: words.probe, phrases: phrases.probe, facts: tfidfVectors(facts, this.factDf).probe },
      time: f.time,
      rawTerms: normalisedTf(f.terms),
      rawWords: normalisedTf(f.words),
      rawPhrases: normalisedTf(f.phrases),
      rawFacts: normalisedTf(facts),
    };
  }

  /** The article's heaviest words and names, as index keys with weights. */
  private queryOf(v: DocVectors): Map<string, number> {
    const q = new Map<string, number>();
    const k = this.options.queryKeys;
    for (const t of topKeys(v.terms, k)) q.set(`t:${t}`, v.terms.get(t)!);
    for (const t of topKeys(v.words, k)) q.set(`w:${t}`, v.words.get(t)!);
    for (const p of topKeys(v.phrases, Math.ceil(k / 2))) q.set(`p:${p}`, v.phrases.get(p)!);
    return q;
  }

  /** Content and name similarity, the weights shifting to words when one side has no names. */
  private subjectScore(terms: SparseVector, phrases: SparseVector, c: Profile): number {
    const cosT = c.terms.cosine(terms, this.termDf);
    if (phrases.size === 0 || c.phrases.isEmpty) return cosT;
    const wp = this.options.phraseWeight;
    return (1 - wp) * cosT + wp * c.phrases.cosine(phrases, this.phraseDf);
  }

  /**
   * How well an article (or topic) fits a topic: mostly the common vocabulary of the subject,
   * since the two happenings of one subject often share few names.
   */
  private topicScore(words: SparseVector, phrases: SparseVector, t: Profile): number {
    const cosW = t.words.cosine(words, this.termDf);
    if (phrases.size === 0 || t.phrases.isEmpty) return cosW;
    const wp = this.options.topicPhraseWeight;
    return (1 - wp) * cosW + wp * t.phrases.cosine(phrases, this.phraseDf);
  }

  /** Share of an article's principal names (its heaviest) that an event never mentions. */
  private missingNames(phrases: SparseVector, e: EventState): number {
    const names = topKeys(phrases, this.options.principalNames * 2).filter(isSpelledName).slice(0, this.options.principalNames);
    if (names.length === 0 || e.phrases.isEmpty) return 0;
    let missing = 0;
    let total = 0;
    for (const n of names) {
      const w = phrases.get(n)!;
      total += w;
      if (!e.phrases.has(n)) missing += w;
    }
    return total > 0 ? missing / total : 0;
  }

  /** How likely it is that an article (or a cluster) reports the same happening as an event. */
  private happeningScore(
    v: Pick<Probe, 'terms' | 'phrases' | 'facts'>,
    first: number | null,
    last: number | null,
    e: EventState,
  ): number {
    const o = this.options;
    let score = this.subjectScore(v.terms, v.phrases, e);
    if (o.namePenalty > 0) score -= o.namePenalty * this.missingNames(v.phrases, e);
    if (v.facts.size > 0) score = (1 - o.factWeight) * score + o.factWeight * e.facts.cosine(v.facts, this.factDf);
    const gap = first === null || last === null ? null : Math.min(gapDays(first, e.first, e.last) ?? Infinity, gapDays(last, e.first, e.last) ?? Infinity);
    if (gap !== null && Number.isFinite(gap)) score -= o.timePenalty * (1 - Math.exp(-gap / o.timeScaleDays));
    return score;
  }

  /**
   * The event an article joins: the best-scoring candidate, if it reaches the threshold and,
   * once the event has a record of joins, a set share of its usual join score (an article much
   * looser than the event's own members reports something else).
   */
  private bestEvent(v: DocVectors, query: Map<string, number>): { event: EventState; score: number } | null {
    const o = this.options;
    const ids = this.eventIndex.candidates(query, o.maxCandidates, (id) => this.events.has(id));
    let best: { event: EventState; score: number } | null = null;
    for (const id of ids) {
      const e = this.events.get(id)!;
      const s = this.happeningScore(v.probe, v.time, v.time, e);
      if (s < o.eventThreshold || (best && s <= best.score)) continue;
      if (e.joins >= 2 && s < o.cohesionShare * (e.joinScoreSum / e.joins)) continue;
      best = { event: e, score: s };
    }
    return best;
  }

  private bestTopic(v: DocVectors, query: Map<string, number>): TopicState | null {
    const ids = this.topicIndex.candidates(query, this.options.maxCandidates, (id) => this.topicMap.has(id));
    let best: TopicState | null = null;
    let bestScore = this.options.topicThreshold;
    for (const id of ids) {
      const t = this.topicMap.get(id)!;
      const s = this.topicScore(v.probe.words, v.probe.phrases, t);
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
    const t: TopicState = { id: `t${++this.counters.topic}`, eventIds: [], docCount: 0, ...this.newProfile() };
    this.topicMap.set(t.id, t);
    return t;
  }

  private openEvent(topic: TopicState, changed: Set<string>): EventState {
    const e: EventState = { id: `e${++this.counters.event}`, topicId: topic.id, docIds: [], joinScoreSum: 0, joins: 0, ...this.newProfile() };
    this.events.set(e.id, e);
    topic.eventIds.push(e.id);
    changed.add(topic.id);
    return e;
  }

  /** Add an article to a cluster; events read terms and facts, topics read common words. */
  private absorb(p: Profile, v: DocVectors, level: 'event' | 'topic'): void {
    if (level === 'event') {
      p.terms.add(v.rawTerms);
      p.facts.add(v.rawFacts);
    } else {
      p.words.add(v.rawWords);
    }
    p.phrases.add(v.rawPhrases);
    if (v.time !== null) {
      p.first = p.first === null ? v.time : Math.min(p.first, v.time);
      p.last = p.last === null ? v.time : Math.max(p.last, v.time);
    }
  }

  /** Index keys of an event: its heaviest terms and names. */
  private eventKeys(p: Profile): string[] {
    const k = this.options.salientKeys;
    return [...p.terms.topTerms(this.termDf, k).map((t) => `t:${t}`), ...p.phrases.topTerms(this.phraseDf, Math.ceil(k / 2)).map((t) => `p:${t}`)];
  }

  /** Index keys of a topic: its heaviest common words and names. */
  private topicKeys(p: Profile): string[] {
    const k = this.options.salientKeys;
    return [...p.words.topTerms(this.termDf, k).map((t) => `w:${t}`), ...p.phrases.topTerms(this.phraseDf, Math.ceil(k / 2)).map((t) => `p:${t}`)];
  }

  private reindexEvent(e: EventState): void {
    this.eventIndex.put(e.id, this.eventKeys(e));
  }

  private reindexTopic(t: TopicState): void {
    this.topicIndex.put(t.id, this.topicKeys(t));
  }

  // --- Local re-clustering -----------------------------------------------------------------

  private clusterQuery(keys: string[]): Map<string, number> {
    const q = new Map<string, number>();
    for (const key of keys) q.set(key, 1);
    return q;
  }

  /** Merge the touched topic with every topic now close enough; returns the surviving topic. */
  private mergeTopics(topic: TopicState, changed: Set<string>): TopicState {
    let current = topic;
    const tv = () => ({ words: this.probeOf(current.words, this.termDf), phrases: this.probeOf(current.phrases, this.phraseDf) });
    for (const id of this.topicIndex.candidates(this.clusterQuery(this.topicKeys(current)), this.options.mergeCandidates, (x) => this.topicMap.has(x))) {
      if (id === current.id || !this.topicMap.has(id)) continue;
      const other = this.topicMap.get(id)!;
      const v = tv();
      if (this.topicScore(v.words, v.phrases, other) < this.options.topicMergeThreshold) continue;
      const [keep, gone] = current.docCount >= other.docCount ? [current, other] : [other, current];
      this.absorbTopic(keep, gone);
      changed.add(keep.id);
      changed.add(gone.id);
      current = keep;
    }
    return current;
  }

  private absorbTopic(keep: TopicState, gone: TopicState): void {
    mergeProfile(keep, gone);
    keep.docCount += gone.docCount;
    for (const id of gone.eventIds) {
      this.events.get(id)!.topicId = keep.id;
      keep.eventIds.push(id);
    }
    this.topicMap.delete(gone.id);
    this.reindexTopic(keep);
  }

  /** Merge the touched event with sibling events now close enough; returns the survivor. */
  private mergeEvents(event: EventState, topic: TopicState, changed: Set<string>): EventState {
    let current = event;
    const candidates = this.eventIndex.candidates(this.clusterQuery(this.eventKeys(current)), this.options.mergeCandidates, (x) => this.events.has(x));
    for (const id of candidates) {
      const other = this.events.get(id);
      if (!other || other.id === current.id || other.topicId !== topic.id) continue;
      const v = { terms: this.probeOf(current.terms, this.termDf), phrases: this.probeOf(current.phrases, this.phraseDf), facts: this.probeOf(current.facts, this.factDf) };
      const score = this.happeningScore(v, current.first, current.last, other);
      if (score < this.options.eventMergeThreshold) continue;
      const [keep, gone] = current.docIds.length >= other.docIds.length ? [current, other] : [other, current];
      mergeProfile(keep, gone);
      keep.docIds.push(...gone.docIds);
      keep.joinScoreSum += gone.joinScoreSum;
      keep.joins += gone.joins;
      this.events.delete(gone.id);
      topic.eventIds = topic.eventIds.filter((x) => x !== gone.id);
      this.reindexEvent(keep);
      changed.add(keep.id);
      changed.add(gone.id);
      current = keep;
    }
    return current;
  }

  private probeOf(c: Centroid, df: DocumentFrequencies): SparseVector {
    return c.probe(df);
  }

  /** The event holding a document inside a topic (after merges moved it). */
  private eventOf(docId: string, topic: TopicState): EventState {
    for (const id of topic.eventIds) {
      const e = this.events.get(id)!;
      if (e.docIds.includes(docId)) return e;
    }
    throw new Error(`document ${docId} is in no event of topic ${topic.id}`);
  }

  // --- Views and persistence -----------------------------------------------------------------

  private keyTerms(p: Profile): string[] {
    const names = p.phrases.topTerms(this.phraseDf, 6).filter(isSpelledName).slice(0, 3);
    const words = (p.terms.isEmpty ? p.words.topTerms(this.termDf, 6) : p.terms.topTerms(this.termDf, 6)).filter((w) => !names.includes(w));
    return [...names, ...words].slice(0, 6);
  }

  private eventView(e: EventState): EventCluster {
    return { id: e.id, topicId: e.topicId, docIds: [...e.docIds], keyTerms: this.keyTerms(e), first: isoOf(e.first), last: isoOf(e.last) };
  }

  toJSON(): StoryClustererJSON {
    return {
      version: 1,
      options: { ...this.options },
      counters: { ...this.counters },
      df: { terms: this.termDf.toJSON(), phrases: this.phraseDf.toJSON(), facts: this.factDf.toJSON() },
      events: [...this.events.values()].map((e) => ({ id: e.id, topicId: e.topicId, docIds: [...e.docIds], joinScoreSum: e.joinScoreSum, joins: e.joins, ...profileJSON(e) })),
      topics: [...this.topicMap.values()].map((t) => ({ id: t.id, eventIds: [...t.eventIds], docCount: t.docCount, ...profileJSON(t) })),
      eventIndex: this.eventIndex.toJSON(),
      topicIndex: this.topicIndex.toJSON(),
    };
  }

  static fromJSON(data: StoryClustererJSON): StoryClusterer {
    if (data.version !== 1) throw new Error(`unknown story clusterer state version ${String(data.version)}`);
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
    c.termDf = DocumentFrequencies.fromJSON(data.df.terms);
    c.phraseDf = DocumentFrequencies.fromJSON(data.df.phrases);
    c.factDf = DocumentFrequencies.fromJSON(data.df.facts);
    for (const e of data.events) c.events.set(e.id, { id: e.id, topicId: e.topicId, docIds: [...e.docIds], joinScoreSum: e.joinScoreSum, joins: e.joins, ...profile(e) });
    for (const t of data.topics) c.topicMap.set(t.id, { id: t.id, eventIds: [...t.eventIds], docCount: t.docCount, ...profile(t) });
    c.eventIndex = SalientIndex.fromJSON(data.eventIndex, postingCap);
    c.topicIndex = SalientIndex.fromJSON(data.topicIndex, postingCap);
    return c;
  }
}

/** A name as written (not a sound key or a given entity id). */
function isSpelledName(key: string): boolean {
  return !key.startsWith('~') && !key.startsWith('entity:');
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

function profileJSON(p: Profile): ProfileJSON {
  return { terms: p.terms.toJSON(), words: p.words.toJSON(), phrases: p.phrases.toJSON(), facts: p.facts.toJSON(), first: p.first, last: p.last };
}


// Public shapes of the story clusterer: what goes in, what comes out, what can be tuned.

/** One article as the clusterer sees it. */
export interface ClusterDoc {
  id: string;
  text: string;
  title?: string | null;
  /** ISO date or date-time of publication, when known. */
  published?: string | null;
  /** Canonical entity names or ids from the language layer, when it ran. */
  entities?: string[];
  /**
   * Calendar days (`YYYY-MM-DD`) the time layer resolved in the text, when it ran: dates of what
   * the article reports, which a page's own wording may spell in ways the clusterer does not read.
   */
  dates?: string[];
}

/** One real-world happening: the articles that report it. */
export interface EventCluster {
  id: string;
  topicId: string;
  docIds: string[];
  /** Heaviest terms and names, for a label. */
  keyTerms: string[];
  /** Earliest and latest article time known (ISO date), or null. */
  first: string | null;
  last: string | null;
}

/** A running subject: the events that belong to it. */
export interface TopicCluster {
  id: string;
  events: EventCluster[];
  docIds: string[];
  keyTerms: string[];
}

/** What `add` reports: where the article went and which clusters changed. */
export interface AddResult {
  topicId: string;
  eventId: string;
  /** Ids of topics and events created, grown, merged into, or merged away by this article. */
  changed: string[];
}

export interface ClustererOptions {
  /** Join an existing event when its score reaches this. */
  eventThreshold: number;
  /** Open a new event inside an existing topic when the topic score reaches this. */
  topicThreshold: number;
  /** Merge two events of one topic when their centroids' score reaches this. */
  eventMergeThreshold: number;
  /** Merge two topics when their centroids' similarity reaches this. */
  topicMergeThreshold: number;
  /** Weight of names (capitalised phrases, entities) against content words. */
  phraseWeight: number;
  /** Score lost when none of an article's principal names is known to the event. */
  namePenalty: number;
  /** How many of an article's heaviest names count as its principal names. */
  principalNames: number;
  /**
   * An article scoring below `eventThreshold` still joins an event at this score or above when the
   * event mentions every one of its principal names (0 = off).
   */
  namedJoinThreshold: number;
  /** An article joins an event only at this share of the event's mean join score or above. */
  cohesionShare: number;
  /**
   * An article no topic takes still goes to the topic of its nearest event when that event's
   * score reaches this share of `eventThreshold` (0 = off).
   */
  nearEventShare: number;
  /** Weight of names against common words in the topic score. */
  topicPhraseWeight: number;
  /** Weight of facts (numbers, dates, years) in the event score. */
  factWeight: number;
  /** Largest score lost to the time gap between an article and an event. */
  timePenalty: number;
  /** Days over which the time penalty grows to about two thirds of its largest value. */
  timeScaleDays: number;
  /**
   * Longest a happening's reports span, in days: an article never joins an event (and two events
   * never merge) when their known times would then lie further apart than this. Undated articles
   * are not bounded (0 = no bound).
   */
  happeningDays: number;
  /** Salient keys per cluster put in the inverted index. */
  salientKeys: number;
  /** Query keys taken from each article. */
  queryKeys: number;
  /** Clusters kept per index key. */
  postingCap: number;
  /** Candidate clusters scored in full per article. */
  maxCandidates: number;
  /** Neighbouring clusters checked by the local re-clustering pass. */
  mergeCandidates: number;
  /** Terms kept in a centroid's vector. */
  vectorTerms: number;
}

export const DEFAULT_OPTIONS: ClustererOptions = {
  eventThreshold: 0.3,
  topicThreshold: 0.25,
  eventMergeThreshold: 0.5,
  topicMergeThreshold: 0.3,
  phraseWeight: 0.4,
  namePenalty: 0,
  principalNames: 1,
  namedJoinThreshold: 0.2,
  cohesionShare: 0,
  nearEventShare: 0.5,
  topicPhraseWeight: 0.2,
  factWeight: 0.25,
  timePenalty: 0.05,
  timeScaleDays: 180,
  happeningDays: 730,
  salientKeys: 24,
  queryKeys: 12,
  postingCap: 64,
  maxCandidates: 8,
  mergeCandidates: 6,
  vectorTerms: 150,
};

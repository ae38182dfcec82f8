// The one interface every stage reaches the store through. SQLite (embedded, the default) fills it
// now; a PostgreSQL implementation is to fill the same contract for shared deployments. Every
// method is asynchronous, so that a store across the network fills it as well as an embedded one.
import type { ExtractedArticle, SourceRef } from '../doc/article.js';
import type { Doc } from '../doc/layers.js';
import type { CanonicalEntity, RestoredEntity } from '../entities/registry.js';
import type {
  ArticleLayers,
  ClusterSnapshot,
  EntityMention,
  EventFilter,
  InferredDate,
  StatePartReader,
  StoredEntity,
  StoredEvent,
  StoredStory,
  StoredTimeRef,
} from './records.js';

export type * from './records.js';

export interface StoredSource extends SourceRef {
  id: number;
}

/** An article as stored: what ingestion extracted, its id, every source it was reached from, and what later stages set. */
export interface StoredArticle extends Omit<ExtractedArticle, 'source'> {
  id: number;
  /** A date inferred later (e.g. from the story), never mixed with `published`. */
  inferredPublished: InferredDate | null;
  contentHash: string;
  /** Id of the first article of its near-duplicate group (its own id when it has no near duplicate). */
  nearDuplicateGroup: number;
  sources: StoredSource[];
  createdAt: string;
}

export interface ArticleSummary {
  id: number;
  externalId: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  nearDuplicateGroup: number;
  chars: number;
}

export type PutStatus =
  /** A new article was stored. */
  | 'new'
  /** The same canonical URL or the same content was already stored: only the source was added. */
  | 'duplicate';

/** What identifies an article's content, made by the pipeline before the article is stored. */
export interface ArticleFingerprint {
  /** The canonical URL, normalised: an article stored under it is the same article. */
  canonicalUrl: string | null;
  /** Hash of the text with case, punctuation and spacing folded: the same content. */
  contentHash: string;
  /** MinHash signature bytes, for near duplicates (null for a text too short to have one). */
  signature: Uint8Array | null;
  /** Its locality-sensitive band hashes, by band. */
  bands: number[];
  /** Stored articles it nearly duplicates, with their estimated similarity, most similar first. */
  nearDuplicates: { id: number; similarity: number }[];
}

export interface PutResult {
  id: number;
  status: PutStatus;
  /** How the duplicate was recognised. */
  duplicateBy?: 'url' | 'content';
  /** Stored articles this one is a near duplicate of (wire copies, small edits), with their estimated similarity. */
  nearDuplicates: { id: number; similarity: number }[];
}

export interface SearchHit {
  id: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  snippet: string;
  rank: number;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  outlet?: string;
}

export interface RecordedError {
  item: string;
  message: string;
  at: string;
}

/** Articles as ingestion stores them. */
export interface ArticleStore {
  /**
   * Stores one article with its source in one transaction; idempotent for the same input. The
   * fingerprint (src/pipeline/store-article.ts makes it) says what counts as the same article and
   * which stored ones it nearly duplicates: the store keeps, it does not judge.
   */
  putArticle(article: ExtractedArticle, fingerprint: ArticleFingerprint): Promise<PutResult>;
  /** Stored articles sharing a band with a near-duplicate signature, with their signatures. */
  nearDuplicateCandidates(bands: readonly number[]): Promise<{ id: number; signature: Uint8Array }[]>;
  getArticle(id: number): Promise<StoredArticle | null>;
  findByExternalId(externalId: string): Promise<StoredArticle | null>;
  /** Every article stored under an input id (stores written before ids were made unique may hold several). */
  findArticlesByExternalId(externalId: string): Promise<StoredArticle[]>;
  listArticles(opts?: ListOptions): Promise<ArticleSummary[]>;
  countArticles(): Promise<number>;
  /** Every article id, by publication date (undated ones by when they were stored), then id. */
  articleIdsByDate(): Promise<number[]>;
  /** The same order, only the articles no story holds yet (those the clusterer has not placed). */
  unclusteredArticleIdsByDate(): Promise<number[]>;
  /** The canonical URL of an article, else the URL it was read from. */
  articleUrl(id: number): Promise<string | null>;
  /** The outlet of every article that names one, by id: what a story list shows, without reading the texts. */
  articleOutlets(): Promise<Map<number, string>>;
  /** Full-text search over title, dek and text (FTS5 query syntax; plain words are ANDed). */
  search(query: string, opts?: { limit?: number }): Promise<SearchHit[]>;
  recordError(item: string, message: string): Promise<void>;
  errors(limit?: number): Promise<RecordedError[]>;
}

/** What the language and event layers found: canonical entities, mentions, times, quotes, events. */
export interface AnalysisStore {
  /** Ids, in order, of the articles whose analysis is missing or older than `version` (every article with `force`). */
  articlesToAnalyse(version: number, force?: boolean): Promise<number[]>;
  /** Forgets every canonical entity, before everything is analysed again (so alias counts are not doubled). */
  clearEntities(): Promise<void>;
  /** Every canonical entity as the registry left it, to restore the registry from. */
  loadEntities(): Promise<RestoredEntity[]>;
  /**
   * One article's analysis, in one transaction: the canonical entities it touched are written
   * (by key), and the article's earlier rows are replaced by the document's.
   */
  saveAnalysis(doc: Doc, entities: CanonicalEntity[], version: number): Promise<void>;
  listEntities(opts?: { type?: string; limit?: number }): Promise<StoredEntity[]>;
  /** By id, or by key or name (case-insensitive). */
  getEntity(idOrKey: number | string): Promise<StoredEntity | null>;
  /** Only the canonical name, by id or key. */
  entityName(idOrKey: number | string): Promise<string | null>;
  /** An entity by any alias, case-insensitively; else close names to suggest. */
  findEntityByAlias(text: string): Promise<{ entity: StoredEntity | null; suggestions: string[] }>;
  entityMentions(entityId: number, limit?: number): Promise<EntityMention[]>;
  /** Canonical keys of the people, organisations and places one article mentions. */
  articleEntityKeys(articleId: number): Promise<string[]>;
  /**
   * Names of the entities of the given types that mark these articles out: among the most
   * mentioned in them, those mentioned in many of them and in few other articles of the store.
   */
  topEntityNames(articleIds: number[], types: string[], limit: number): Promise<string[]>;
  /** The time expressions of one article's body text. */
  timeRefs(articleId: number): Promise<StoredTimeRef[]>;
  queryEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  articleLayers(articleId: number): Promise<ArticleLayers>;
}

/** Stories (topic and event clusters), the clusterer's saved state, and what stories derive. */
export interface StoryStore {
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;
  deleteState(key: string): Promise<void>;
  /**
   * The parts of a state kept in parts (the clusterer's) whose keys start with `prefix` (every
   * part without one), in no particular order; empty when there is none.
   */
  getStateParts(scope: string, prefix?: string): Promise<{ key: string; value: Uint8Array }[]>;
  /** The keys, not the bytes, of a state's parts whose keys start with `prefix`. */
  getStatePartKeys(scope: string, prefix: string): Promise<string[]>;
  /** How many of a state's parts have keys starting with `prefix`. */
  countStateParts(scope: string, prefix: string): Promise<number>;
  /**
   * A state's parts as a synchronous reader: the clusterer reads parts by key deep inside its
   * computation, so the reader must answer at once (an embedded store reads them on demand, a
   * server store reads the scope into memory first).
   */
  statePartReader(scope: string): Promise<StatePartReader>;
  /** The parts with these keys (those the state holds), by key. */
  getStatePartsByKey(scope: string, keys: readonly string[]): Promise<Map<string, Uint8Array>>;
  /**
   * Writes parts of a state: upserts `parts`, deletes the `removed` keys; with `replace`, every
   * part of the scope not among `parts` goes first (a state written whole).
   */
  putStateParts(scope: string, parts: { key: string; value: Uint8Array }[], opts?: { removed?: string[]; replace?: boolean }): Promise<void>;
  /**
   * Brings the stories in line with the clusters: upsert by key, drop the ones merged away, log
   * changes. With `opts.removed`, `clusters` are only the clusters that changed (new, grown, or
   * moved to another topic: an event under a merged topic must be among them) and `removed` the
   * keys merged away; the other stories are left as they are.
   */
  syncStories(clusters: ClusterSnapshot[], opts?: { removed?: string[] }): Promise<void>;
  setStoryHeadline(id: number, headline: string, dateStart: string | null, dateEnd: string | null): Promise<void>;
  /** Stories of one level (all when none given); with `opts.articleIds`, only those holding one of these articles. */
  listStories(level?: 'topic' | 'event', opts?: { articleIds?: number[] }): Promise<StoredStory[]>;
  getStory(id: number): Promise<StoredStory | null>;
  childStories(parentId: number): Promise<StoredStory[]>;
  /** How many child stories (events) each story with children has, by story id. */
  childCounts(): Promise<Map<number, number>>;
  /**
   * Records a date inferred for an undated article; its unresolved time expressions (of the body
   * text, by position) take the values given, anchored as `anchor` says, and each undated event
   * whose sentence holds one of them takes its day, still marked unresolved.
   */
  recordInferredDate(articleId: number, inferred: InferredDate, times: { text: string; value: string; start: number; end: number }[], anchor: string): Promise<void>;
}

/** The one interface every stage reaches the store through. */
export interface Store extends ArticleStore, AnalysisStore, StoryStore {
  /**
   * Runs `fn` in one transaction: all of its writes land, or none. `fn` is given the store bound
   * to the transaction (a server store holds one connection for it): every call inside goes
   * through `tx`, never through the outer store.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` so that no other process runs the same lane of this store at the same time: the story
   * update (the clusterer's state and the stories move one batch at a time, as in one process), and
   * the entity registry's merges. A server store holds a transaction with an advisory lock for it;
   * the embedded store has one writing process already (the run lock) and calls `fn` directly.
   */
  serialised<T>(lane: 'stories' | 'entities', fn: (store: Store) => Promise<T>): Promise<T>;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;
}

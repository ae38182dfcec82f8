// The one interface every stage reaches the store through. SQLite (embedded, the default) fills it
// now; a PostgreSQL implementation is to fill the same contract for shared deployments.
import type { DateValue, ExtractedArticle, SourceRef } from '../model.js';

export interface StoredSource extends SourceRef {
  id: number;
}

/** An article as stored: what ingestion extracted, its id, every source it was reached from, and what later stages set. */
export interface StoredArticle extends Omit<ExtractedArticle, 'source'> {
  id: number;
  /** A date inferred later (e.g. from the story), never mixed with `published`. */
  inferredPublished: (DateValue & { evidence: string }) | null;
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

export interface Store {
  /** Stores one article with its source in one transaction; idempotent for the same input. */
  putArticle(article: ExtractedArticle): PutResult;
  getArticle(id: number): StoredArticle | null;
  findByExternalId(externalId: string): StoredArticle | null;
  listArticles(opts?: ListOptions): ArticleSummary[];
  countArticles(): number;
  /** Full-text search over title, dek and text (FTS5 query syntax; plain words are ANDed). */
  search(query: string, opts?: { limit?: number }): SearchHit[];
  recordError(item: string, message: string): void;
  errors(limit?: number): RecordedError[];
  schemaVersion(): number;
  close(): void;
}

// The embedded store: one SQLite file through better-sqlite3, WAL journal, FTS5 index.
// Each article is written in one transaction, so a process killed mid-batch leaves every finished
// article whole and no partial one.
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { basename } from 'node:path';
import type { ExtractedArticle } from '../../doc/article.js';
import type { Doc } from '../../doc/layers.js';
import type { CanonicalEntity, RestoredEntity } from '../../entities/registry.js';
import type {
  ArticleFingerprint,
  ArticleLayers,
  ArticleSummary,
  ClusterSnapshot,
  EntityMention,
  EventFilter,
  InferredDate,
  StatePartReader,
  StoredEntity,
  StoredEvent,
  StoredStory,
  StoredTimeRef,
  ListOptions,
  PutResult,
  RecordedError,
  SearchHit,
  Store,
  StoredArticle,
} from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { ensureColumns } from './column-sql.js';
import { EVENT_COLUMNS, MENTION_COLUMNS, NUMBER_COLUMNS, QUOTE_COLUMNS, TIME_COLUMNS } from '../columns.js';
import { articleFromRow, sourceFromRow } from '../row-records.js';
import * as analysis from './analysis.js';
import * as stories from './stories.js';
import { prepared, str, type Row } from './rows.js';

export class SqliteStore implements Store {
  readonly db: Database.Database;

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // Reads through a memory map and a larger page cache: at 100k articles a page read through a
    // system call each made scans (list pages, event ranges, story members) many times slower.
    this.db.pragma('mmap_size = 1073741824');
    this.db.pragma('cache_size = -32768');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)');
    const current = this.currentVersion();
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations(version, description, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.description, new Date().toISOString());
      })();
    }
    // The document's records: columns added to their maps since the tables were made.
    this.db.transaction(() => {
      ensureColumns(this.db, 'mentions', MENTION_COLUMNS);
      ensureColumns(this.db, 'mentions', NUMBER_COLUMNS);
      ensureColumns(this.db, 'time_refs', TIME_COLUMNS);
      ensureColumns(this.db, 'quotes', QUOTE_COLUMNS);
      ensureColumns(this.db, 'events', EVENT_COLUMNS);
    })();
  }

  async schemaVersion(): Promise<number> {
    return this.currentVersion();
  }

  private currentVersion(): number {
    const row = prepared(this.db, 'SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  async putArticle(article: ExtractedArticle, fingerprint: ArticleFingerprint): Promise<PutResult> {
    return this.db.transaction(() => this.putInTransaction(article, fingerprint)).immediate();
  }

  private putInTransaction(a: ExtractedArticle, fp: ArticleFingerprint): PutResult {
    const canonical = fp.canonicalUrl;
    const hash = fp.contentHash;
    let existing: Row | undefined;
    let duplicateBy: 'url' | 'content' | undefined;
    if (canonical) {
      existing = prepared(this.db, 'SELECT id FROM articles WHERE canonical_url = ?').get(canonical) as Row | undefined;
      if (existing) duplicateBy = 'url';
    }
    if (!existing) {
      existing = prepared(this.db, 'SELECT id FROM articles WHERE content_hash = ?').get(hash) as Row | undefined;
      if (existing) duplicateBy = 'content';
    }
    if (existing) {
      const id = existing.id as number;
      this.addSource(id, a);
      return { id, status: 'duplicate', duplicateBy, nearDuplicates: [] };
    }

    const sig = fp.signature;
    // Only candidates stored before this transaction began can have been judged: a near duplicate
    // deleted since is dropped rather than linked.
    const near = fp.nearDuplicates.filter((n) => prepared(this.db, 'SELECT 1 FROM articles WHERE id = ?').get(n.id));
    const now = new Date().toISOString();
    const info = prepared(
        this.db,
        `INSERT INTO articles (external_id, url, canonical_url, title, dek, authors, outlet, language, published,
           published_json, modified_json, dateline, text, boilerplate, provenance, content_hash, minhash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.uniqueExternalId(a),
        a.url,
        canonical,
        a.title,
        a.dek,
        JSON.stringify(a.authors),
        a.outlet,
        a.language,
        a.published?.value ?? null,
        a.published ? JSON.stringify(a.published) : null,
        a.modified ? JSON.stringify(a.modified) : null,
        a.dateline,
        a.text,
        JSON.stringify(a.boilerplate),
        JSON.stringify(a.provenance),
        hash,
        sig ? Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength) : null,
        now,
      );
    const id = Number(info.lastInsertRowid);
    const group = near.length > 0 ? this.groupOf(near[0]!.id) : id;
    prepared(this.db, 'UPDATE articles SET near_dup_group = ? WHERE id = ?').run(group, id);
    const insertBand = prepared(this.db, 'INSERT OR IGNORE INTO lsh_bands(band, hash, article_id) VALUES (?, ?, ?)');
    fp.bands.forEach((h, band) => insertBand.run(band, h, id));
    const link = prepared(this.db, 'INSERT OR IGNORE INTO near_duplicates(article_id, other_id, similarity) VALUES (?, ?, ?)');
    for (const n of near) {
      link.run(id, n.id, n.similarity);
      link.run(n.id, id, n.similarity);
    }
    this.addSource(id, a);
    return { id, status: 'new', nearDuplicates: near };
  }

  private groupOf(id: number): number {
    const row = prepared(this.db, 'SELECT near_dup_group AS g FROM articles WHERE id = ?').get(id) as { g: number | null };
    return row.g ?? id;
  }

  async nearDuplicateCandidates(bands: readonly number[]): Promise<{ id: number; signature: Uint8Array }[]> {
    const candidates = new Set<number>();
    const lookup = prepared(this.db, 'SELECT article_id FROM lsh_bands WHERE band = ? AND hash = ?');
    bands.forEach((h, band) => {
      for (const r of lookup.all(band, h) as { article_id: number }[]) candidates.add(r.article_id);
    });
    const getSig = prepared(this.db, 'SELECT minhash FROM articles WHERE id = ?');
    const out: { id: number; signature: Uint8Array }[] = [];
    for (const id of [...candidates].sort((a, b) => a - b)) {
      const row = getSig.get(id) as { minhash: Buffer | null } | undefined;
      if (row?.minhash) out.push({ id, signature: new Uint8Array(row.minhash) });
    }
    return out;
  }

  private addSource(articleId: number, a: ExtractedArticle): void {
    const s = a.source;
    prepared(
      this.db,
        `INSERT OR IGNORE INTO sources (article_id, kind, location, line, via, fetched_at, http_status, raw_hash, content_type)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(articleId, s.kind, s.location, s.line ?? 0, s.via ?? null, s.fetchedAt ?? null, s.httpStatus ?? null, s.rawHash ?? null, s.contentType ?? null);
  }

  async getArticle(id: number): Promise<StoredArticle | null> {
    return this.readArticle(id);
  }

  private readArticle(id: number): StoredArticle | null {
    const row = prepared(this.db, 'SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    return row ? this.toArticle(row) : null;
  }

  /**
   * The article's input id, made unique in the store: a second 'x' (x.html beside x.txt) takes its
   * file name with the extension, then a number, so that an id names one article.
   */
  private uniqueExternalId(a: ExtractedArticle): string | null {
    if (!a.externalId) return null;
    const taken = (id: string) => prepared(this.db, 'SELECT 1 FROM articles WHERE external_id = ? LIMIT 1').get(id) !== undefined;
    if (!taken(a.externalId)) return a.externalId;
    const withExt = a.source.kind === 'file' ? basename(a.source.location) : a.externalId;
    if (!taken(withExt)) return withExt;
    for (let n = 2; ; n++) if (!taken(`${withExt}~${n}`)) return `${withExt}~${n}`;
  }

  async findArticlesByExternalId(externalId: string): Promise<StoredArticle[]> {
    const rows = prepared(this.db, 'SELECT id FROM articles WHERE external_id = ? ORDER BY id').all(externalId) as Row[];
    return rows.map((r) => this.readArticle(r.id as number)!);
  }

  async findByExternalId(externalId: string): Promise<StoredArticle | null> {
    const row = prepared(this.db, 'SELECT * FROM articles WHERE external_id = ? ORDER BY id LIMIT 1').get(externalId) as Row | undefined;
    return row ? this.toArticle(row) : null;
  }

  private toArticle(row: Row): StoredArticle {
    const sources = (prepared(this.db, 'SELECT * FROM sources WHERE article_id = ? ORDER BY id').all(row.id) as Row[]).map(sourceFromRow);
    return articleFromRow(row, sources);
  }

  async listArticles(opts: ListOptions = {}): Promise<ArticleSummary[]> {
    const where = opts.outlet ? 'WHERE outlet = @outlet' : '';
    const rows = prepared(
        this.db,
        `SELECT id, external_id, title, outlet, published, url, near_dup_group, length(text) AS chars
         FROM articles ${where} ORDER BY id LIMIT @limit OFFSET @offset`,
      )
      .all({ outlet: opts.outlet ?? null, limit: opts.limit ?? -1, offset: opts.offset ?? 0 }) as Row[];
    return rows.map((r) => ({
      id: r.id as number,
      externalId: str(r.external_id),
      title: str(r.title),
      outlet: str(r.outlet),
      published: str(r.published),
      url: str(r.url),
      nearDuplicateGroup: (r.near_dup_group as number | null) ?? (r.id as number),
      chars: r.chars as number,
    }));
  }

  async countArticles(): Promise<number> {
    return (prepared(this.db, 'SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const stmt = prepared(this.db, 
      `SELECT a.id, a.title, a.outlet, a.published, snippet(articles_fts, 2, '[', ']', '…', 12) AS snippet, bm25(articles_fts) AS rank
       FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?`,
    );
    const limit = opts.limit ?? 20;
    let rows: Row[];
    try {
      rows = stmt.all(looksLikeFtsSyntax(query) ? query : plainTermsQuery(query), limit) as Row[];
    } catch {
      // A malformed FTS5 expression: search its words instead of failing.
      rows = stmt.all(plainTermsQuery(query), limit) as Row[];
    }
    return rows.map((r) => ({
      id: r.id as number,
      title: str(r.title),
      outlet: str(r.outlet),
      published: str(r.published),
      snippet: r.snippet as string,
      rank: r.rank as number,
    }));
  }

  async recordError(item: string, message: string): Promise<void> {
    prepared(this.db, 'INSERT INTO ingest_errors(item, message, at) VALUES (?, ?, ?)').run(item, message, new Date().toISOString());
  }

  async errors(limit = 100): Promise<RecordedError[]> {
    return prepared(this.db, 'SELECT item, message, at FROM ingest_errors ORDER BY id DESC LIMIT ?').all(limit) as RecordedError[];
  }

  async articleIdsByDate(): Promise<number[]> {
    return (prepared(this.db, 'SELECT id FROM articles ORDER BY COALESCE(published, created_at), id').all() as { id: number }[]).map((r) => r.id);
  }

  async unclusteredArticleIdsByDate(): Promise<number[]> {
    const sql = 'SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY COALESCE(published, created_at), id';
    return (prepared(this.db, sql).all() as { id: number }[]).map((r) => r.id);
  }

  async articleUrl(id: number): Promise<string | null> {
    const r = prepared(this.db, 'SELECT COALESCE(canonical_url, url) AS u FROM articles WHERE id = ?').get(id) as { u: string | null } | undefined;
    return r?.u ?? null;
  }

  async articleOutlets(): Promise<Map<number, string>> {
    const rows = prepared(this.db, 'SELECT id, outlet FROM articles WHERE outlet IS NOT NULL').raw().all() as [number, string][];
    return new Map(rows);
  }

  /**
   * One connection serves every caller, so transactions take turns (a queue) and a transaction
   * begun inside another's callback nests as a savepoint; AsyncLocalStorage tells the two apart
   * across the callback's awaits. better-sqlite3's own transaction() cannot span an await.
   */
  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) return this.savepoint(fn);
    const turn = this.turns.then(() => this.inTransaction.run(true, () => this.outermost(fn)));
    this.turns = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  async serialised<T>(_lane: 'stories' | 'entities', fn: (store: Store) => Promise<T>): Promise<T> {
    return fn(this);
  }

  private readonly inTransaction = new AsyncLocalStorage<boolean>();
  private turns: Promise<void> = Promise.resolve();
  private savepoints = 0;

  private async outermost<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const out = await fn(this);
      this.db.exec('COMMIT');
      return out;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw e;
    }
  }

  private async savepoint<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const name = `nested_${++this.savepoints}`;
    this.db.exec(`SAVEPOINT ${name}`);
    try {
      const out = await fn(this);
      this.db.exec(`RELEASE ${name}`);
      return out;
    } catch (e) {
      this.db.exec(`ROLLBACK TO ${name}`);
      this.db.exec(`RELEASE ${name}`);
      throw e;
    }
  }

  // The language and event layers (src/store/sqlite/analysis.ts).
  async articlesToAnalyse(version: number, force = false): Promise<number[]> {
    return analysis.articlesToAnalyse(this.db, version, force);
  }
  async clearEntities(): Promise<void> {
    analysis.clearEntities(this.db);
  }
  async loadEntities(): Promise<RestoredEntity[]> {
    return analysis.loadEntities(this.db);
  }
  async saveAnalysis(doc: Doc, entities: CanonicalEntity[], version: number): Promise<void> {
    analysis.saveAnalysis(this.db, doc, entities, version);
  }
  async listEntities(opts?: { type?: string; limit?: number }): Promise<StoredEntity[]> {
    return analysis.listEntities(this.db, opts);
  }
  async getEntity(idOrKey: number | string): Promise<StoredEntity | null> {
    return analysis.getEntity(this.db, idOrKey);
  }
  async findEntityByAlias(text: string): Promise<{ entity: StoredEntity | null; suggestions: string[] }> {
    return analysis.findEntityByAlias(this.db, text);
  }
  async entityName(idOrKey: number | string): Promise<string | null> {
    return analysis.entityName(this.db, idOrKey);
  }
  async entityMentions(entityId: number, limit?: number): Promise<EntityMention[]> {
    return analysis.entityMentions(this.db, entityId, limit);
  }
  async articleEntityKeys(articleId: number): Promise<string[]> {
    return analysis.articleEntityKeys(this.db, articleId);
  }
  async topEntityNames(articleIds: number[], types: string[], limit: number): Promise<string[]> {
    return analysis.topEntityNames(this.db, articleIds, types, limit);
  }
  async timeRefs(articleId: number): Promise<StoredTimeRef[]> {
    return analysis.timeRefs(this.db, articleId);
  }
  async queryEvents(filter?: EventFilter): Promise<StoredEvent[]> {
    return analysis.queryEvents(this.db, filter);
  }
  async articleLayers(articleId: number): Promise<ArticleLayers> {
    return analysis.articleLayers(this.db, articleId);
  }

  // Stories (src/store/sqlite/stories.ts).
  async getState(key: string): Promise<string | null> {
    return stories.getState(this.db, key);
  }
  async setState(key: string, value: string): Promise<void> {
    stories.setState(this.db, key, value);
  }
  async deleteState(key: string): Promise<void> {
    stories.deleteState(this.db, key);
  }
  async getStateParts(scope: string, prefix?: string): Promise<{ key: string; value: Uint8Array }[]> {
    return stories.getStateParts(this.db, scope, prefix);
  }
  async getStatePartKeys(scope: string, prefix: string): Promise<string[]> {
    return stories.getStatePartKeys(this.db, scope, prefix);
  }
  async countStateParts(scope: string, prefix: string): Promise<number> {
    return stories.countStateParts(this.db, scope, prefix);
  }
  async statePartReader(scope: string): Promise<StatePartReader> {
    // Read on demand: an embedded store answers at once, so a run reads only the parts it touches.
    return {
      withPrefix: (prefix) => stories.getStateParts(this.db, scope, prefix),
      keysWithPrefix: (prefix) => stories.getStatePartKeys(this.db, scope, prefix),
      read: (keys) => stories.getStatePartsByKey(this.db, scope, keys),
      count: (prefix) => stories.countStateParts(this.db, scope, prefix),
    };
  }
  async getStatePartsByKey(scope: string, keys: readonly string[]): Promise<Map<string, Uint8Array>> {
    return stories.getStatePartsByKey(this.db, scope, keys);
  }
  async putStateParts(scope: string, parts: { key: string; value: Uint8Array }[], opts?: { removed?: string[]; replace?: boolean }): Promise<void> {
    stories.putStateParts(this.db, scope, parts, opts);
  }
  async syncStories(clusters: ClusterSnapshot[], opts?: { removed?: string[] }): Promise<void> {
    stories.syncStories(this.db, clusters, opts);
  }
  async setStoryHeadline(id: number, headline: string, dateStart: string | null, dateEnd: string | null): Promise<void> {
    stories.setStoryHeadline(this.db, id, headline, dateStart, dateEnd);
  }
  async listStories(level?: 'topic' | 'event', opts?: { articleIds?: number[] }): Promise<StoredStory[]> {
    return stories.listStories(this.db, level, opts);
  }
  async getStory(id: number): Promise<StoredStory | null> {
    return stories.getStory(this.db, id);
  }
  async childStories(parentId: number): Promise<StoredStory[]> {
    return stories.childStories(this.db, parentId);
  }
  async childCounts(): Promise<Map<number, number>> {
    return stories.childCounts(this.db);
  }
  async recordInferredDate(articleId: number, inferred: InferredDate, times: { text: string; value: string; start: number; end: number }[], anchor: string): Promise<void> {
    stories.recordInferredDate(this.db, articleId, inferred, times, anchor);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Explicit FTS5 operators or syntax: the user wrote a query, not just words. */
function looksLikeFtsSyntax(q: string): boolean {
  return /\b(AND|OR|NOT|NEAR)\b|["*()^]/.test(q);
}

/** Words become quoted terms, all required, so stray punctuation never raises a syntax error. */
function plainTermsQuery(q: string): string {
  const terms = q.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return terms.length > 0 ? terms.map((t) => `"${t}"`).join(' ') : '""';
}

/** Long texts are compared by body alone; a short one (a feed summary) also by its title and address. */
export function openStore(path: string): SqliteStore {
  return new SqliteStore(path);
}

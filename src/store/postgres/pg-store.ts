// The server store: PostgreSQL through node-postgres (`pg`), the driver pg-boss and most of the
// ecosystem build on, so the store and the job queue share one driver and one pool. It fills the
// same Store contract as SQLite: each article in one transaction, a transaction's calls on one
// connection (the `tx` store handed to the callback), full-text search through a tsvector column
// and a GIN index, and the story update under an advisory lock so that concurrent workers place
// articles one batch at a time, as a single process would.
import pg from 'pg';
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
  ListOptions,
  PutResult,
  RecordedError,
  SearchHit,
  StatePartReader,
  Store,
  StoredArticle,
  StoredEntity,
  StoredEvent,
  StoredStory,
  StoredTimeRef,
} from '../store.js';
import { EVENT_COLUMNS, MENTION_COLUMNS, NUMBER_COLUMNS, QUOTE_COLUMNS, TIME_COLUMNS } from '../columns.js';
import { articleFromRow, sourceFromRow } from '../row-records.js';
import { str, type Row } from '../sqlite/rows.js';
import { PG_MAP_INDEXES, PG_MIGRATIONS } from './migrations.js';
import { ensureColumns } from './column-sql.js';
import { PG_TYPES, sqlOver, type Sql } from './sql.js';
import { toTsQuery } from './fts-query.js';
import * as analysis from './analysis.js';
import * as stories from './stories.js';

/** Advisory lock keys (one namespace for Dossier, then the lane). */
const LOCK_NAMESPACE = 0x0d05;
const LOCKS = { migrate: 1, articles: 2, stories: 3, entities: 4 } as const;
export type Lane = 'stories' | 'entities';

export class PgStore implements Store {
  private readonly sql: Sql;
  private savepoints = 0;

  private constructor(
    private readonly pool: pg.Pool,
    /** Set on the store a transaction hands its callback: every call goes through this connection. */
    private readonly client: pg.PoolClient | null,
  ) {
    this.sql = sqlOver(client ?? pool);
  }

  /** Connects, brings the schema up to date (one process at a time), and returns the store. */
  static async open(url: string, opts: { max?: number } = {}): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: url, types: PG_TYPES, max: opts.max ?? 4 });
    // An idle connection the server drops (restart, timeout) must not crash the process.
    pool.on('error', () => undefined);
    const store = new PgStore(pool, null);
    try {
      await store.transaction(async (tx) => (tx as PgStore).migrate());
    } catch (e) {
      await pool.end();
      throw e;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    await this.sql.exec('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LOCKS.migrate]);
    await this.sql.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT, applied_at TEXT)');
    const current = await this.schemaVersion();
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await this.sql.exec(m.sql);
      await this.sql.exec('INSERT INTO schema_migrations(version, description, applied_at) VALUES ($1, $2, $3)', [m.version, m.description, new Date().toISOString()]);
    }
    await ensureColumns(this.sql, 'mentions', MENTION_COLUMNS);
    await ensureColumns(this.sql, 'mentions', NUMBER_COLUMNS);
    await ensureColumns(this.sql, 'time_refs', TIME_COLUMNS);
    await ensureColumns(this.sql, 'quotes', QUOTE_COLUMNS);
    await ensureColumns(this.sql, 'events', EVENT_COLUMNS);
    await this.sql.exec(PG_MAP_INDEXES);
  }

  async schemaVersion(): Promise<number> {
    return (await this.sql.one<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations'))?.v ?? 0;
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.client) return this.savepoint(fn);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const out = await fn(new PgStore(this.pool, client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    } finally {
      client.release();
    }
  }

  private async savepoint<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    const name = `nested_${++this.savepoints}`;
    await this.sql.exec(`SAVEPOINT ${name}`);
    try {
      const out = await fn(this);
      await this.sql.exec(`RELEASE SAVEPOINT ${name}`);
      return out;
    } catch (e) {
      await this.sql.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      throw e;
    }
  }

  /** `fn` in a transaction: this one when the store is bound to one, else a new one. */
  private atomic<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    return this.client ? fn(this.sql) : this.transaction((tx) => fn((tx as PgStore).sql));
  }

  /**
   * Runs `fn` in a transaction that holds the lane's advisory lock: another process (a worker on
   * another machine) running the same lane waits until this one commits, so that the clusterer's
   * state and the stories move one batch at a time, as in a single process.
   */
  async serialised<T>(lane: Lane, fn: (tx: Store) => Promise<T>): Promise<T> {
    return this.transaction(async (tx) => {
      await (tx as PgStore).sql.exec('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LOCKS[lane]]);
      return fn(tx);
    });
  }

  /** The connection string's pool, for the job queue to share (pg-boss takes a `db` of its own). */
  get connectionPool(): pg.Pool {
    return this.pool;
  }

  async putArticle(article: ExtractedArticle, fingerprint: ArticleFingerprint): Promise<PutResult> {
    return this.atomic(async (sql) => {
      // Two workers storing the same page at once: the second waits and then finds it stored.
      await sql.exec('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LOCKS.articles]);
      return this.putIn(sql, article, fingerprint);
    });
  }

  private async putIn(sql: Sql, a: ExtractedArticle, fp: ArticleFingerprint): Promise<PutResult> {
    let existing: Row | undefined;
    let duplicateBy: 'url' | 'content' | undefined;
    if (fp.canonicalUrl) {
      existing = await sql.one('SELECT id FROM articles WHERE canonical_url = $1', [fp.canonicalUrl]);
      if (existing) duplicateBy = 'url';
    }
    if (!existing) {
      existing = await sql.one('SELECT id FROM articles WHERE content_hash = $1', [fp.contentHash]);
      if (existing) duplicateBy = 'content';
    }
    if (existing) {
      const id = existing.id as number;
      await this.addSource(sql, id, a);
      return { id, status: 'duplicate', duplicateBy, nearDuplicates: [] };
    }
    const nearIds = new Set((await sql.rows<{ id: number }>('SELECT id FROM articles WHERE id = ANY($1)', [fp.nearDuplicates.map((n) => n.id)])).map((r) => r.id));
    const near = fp.nearDuplicates.filter((n) => nearIds.has(n.id));
    const sig = fp.signature;
    const row = await sql.one<{ id: number }>(
      `INSERT INTO articles (external_id, url, canonical_url, title, dek, authors, outlet, language, published,
         published_json, modified_json, dateline, text, boilerplate, provenance, content_hash, minhash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
      [
        await this.uniqueExternalId(sql, a),
        a.url,
        fp.canonicalUrl,
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
        fp.contentHash,
        sig ? Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength) : null,
        new Date().toISOString(),
      ],
    );
    const id = row!.id;
    const group = near.length > 0 ? ((await sql.one<{ g: number | null }>('SELECT near_dup_group AS g FROM articles WHERE id = $1', [near[0]!.id]))?.g ?? near[0]!.id) : id;
    await sql.exec('UPDATE articles SET near_dup_group = $1 WHERE id = $2', [group, id]);
    if (fp.bands.length > 0)
      await sql.exec('INSERT INTO lsh_bands(band, hash, article_id) SELECT b - 1, h, $2 FROM unnest($1::bigint[]) WITH ORDINALITY AS t(h, b) ON CONFLICT DO NOTHING', [fp.bands, id]);
    for (const n of near)
      await sql.exec('INSERT INTO near_duplicates(article_id, other_id, similarity) VALUES ($1, $2, $3), ($2, $1, $3) ON CONFLICT DO NOTHING', [id, n.id, n.similarity]);
    await this.addSource(sql, id, a);
    return { id, status: 'new', nearDuplicates: near };
  }

  private async addSource(sql: Sql, articleId: number, a: ExtractedArticle): Promise<void> {
    const s = a.source;
    await sql.exec(
      `INSERT INTO sources (article_id, kind, location, line, via, fetched_at, http_status, raw_hash, content_type)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [articleId, s.kind, s.location, s.line ?? 0, s.via ?? null, s.fetchedAt ?? null, s.httpStatus ?? null, s.rawHash ?? null, s.contentType ?? null],
    );
  }

  /** The input id made unique in the store, as SqliteStore makes it. */
  private async uniqueExternalId(sql: Sql, a: ExtractedArticle): Promise<string | null> {
    if (!a.externalId) return null;
    const taken = async (id: string) => (await sql.one('SELECT 1 FROM articles WHERE external_id = $1 LIMIT 1', [id])) !== undefined;
    if (!(await taken(a.externalId))) return a.externalId;
    const withExt = a.source.kind === 'file' ? basename(a.source.location) : a.externalId;
    if (!(await taken(withExt))) return withExt;
    for (let n = 2; ; n++) if (!(await taken(`${withExt}~${n}`))) return `${withExt}~${n}`;
  }

  async nearDuplicateCandidates(bands: readonly number[]): Promise<{ id: number; signature: Uint8Array }[]> {
    if (bands.length === 0) return [];
    const rows = await this.sql.rows<{ id: number; minhash: Buffer | null }>(
      `SELECT a.id, a.minhash FROM articles a WHERE a.id IN (
         SELECT l.article_id FROM lsh_bands l JOIN unnest($1::bigint[]) WITH ORDINALITY AS t(h, b) ON l.band = t.b - 1 AND l.hash = t.h)
       ORDER BY a.id`,
      [bands],
    );
    return rows.filter((r) => r.minhash).map((r) => ({ id: r.id, signature: new Uint8Array(r.minhash!) }));
  }

  async getArticle(id: number): Promise<StoredArticle | null> {
    const row = await this.sql.one('SELECT * FROM articles WHERE id = $1', [id]);
    return row ? this.toArticle(row) : null;
  }

  async findArticlesByExternalId(externalId: string): Promise<StoredArticle[]> {
    const rows = await this.sql.rows('SELECT * FROM articles WHERE external_id = $1 ORDER BY id', [externalId]);
    return Promise.all(rows.map((r) => this.toArticle(r)));
  }

  async findByExternalId(externalId: string): Promise<StoredArticle | null> {
    const row = await this.sql.one('SELECT * FROM articles WHERE external_id = $1 ORDER BY id LIMIT 1', [externalId]);
    return row ? this.toArticle(row) : null;
  }

  private async toArticle(row: Row): Promise<StoredArticle> {
    const sources = (await this.sql.rows('SELECT * FROM sources WHERE article_id = $1 ORDER BY id', [row.id])).map(sourceFromRow);
    return articleFromRow(row, sources);
  }

  async listArticles(opts: ListOptions = {}): Promise<ArticleSummary[]> {
    const rows = await this.sql.rows(
      `SELECT id, external_id, title, outlet, published, url, near_dup_group, length(text) AS chars
       FROM articles WHERE ($1::text IS NULL OR outlet = $1) ORDER BY id LIMIT $2 OFFSET $3`,
      [opts.outlet ?? null, opts.limit ?? null, opts.offset ?? 0],
    );
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
    return (await this.sql.one<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))!.n;
  }

  async search(query: string, opts: { limit?: number } = {}): Promise<SearchHit[]> {
    const q = toTsQuery(query, 2);
    if (!q) return [];
    // The best matches first, then a snippet of each (ts_headline reads the whole text: only for those shown).
    const rows = await this.sql.rows(
      `WITH q AS (SELECT ${q.expr} AS query),
       hits AS (SELECT a.id, a.title, a.outlet, a.published, a.text, -ts_rank(a.fts, q.query) AS rank
                FROM articles a, q WHERE a.fts @@ q.query ORDER BY rank, a.id LIMIT $1)
       SELECT h.id, h.title, h.outlet, h.published, h.rank,
              ts_headline('simple', h.text, q.query, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…') AS snippet
       FROM hits h, q ORDER BY h.rank, h.id`,
      [opts.limit ?? 20, ...q.params],
    );
    return rows.map((r) => ({ id: r.id as number, title: str(r.title), outlet: str(r.outlet), published: str(r.published), snippet: r.snippet as string, rank: r.rank as number }));
  }

  async recordError(item: string, message: string): Promise<void> {
    await this.sql.exec('INSERT INTO ingest_errors(item, message, at) VALUES ($1, $2, $3)', [item, message, new Date().toISOString()]);
  }

  async errors(limit = 100): Promise<RecordedError[]> {
    return this.sql.rows<RecordedError>('SELECT item, message, at FROM ingest_errors ORDER BY id DESC LIMIT $1', [limit]);
  }

  async articleIdsByDate(): Promise<number[]> {
    return (await this.sql.rows<{ id: number }>('SELECT id FROM articles ORDER BY COALESCE(published, created_at), id')).map((r) => r.id);
  }

  async unclusteredArticleIdsByDate(): Promise<number[]> {
    const sql = 'SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id) ORDER BY COALESCE(published, created_at), id';
    return (await this.sql.rows<{ id: number }>(sql)).map((r) => r.id);
  }

  async articleUrl(id: number): Promise<string | null> {
    return (await this.sql.one<{ u: string | null }>('SELECT COALESCE(canonical_url, url) AS u FROM articles WHERE id = $1', [id]))?.u ?? null;
  }

  async articleOutlets(): Promise<Map<number, string>> {
    const rows = await this.sql.rows<{ id: number; outlet: string }>('SELECT id, outlet FROM articles WHERE outlet IS NOT NULL');
    return new Map(rows.map((r) => [r.id, r.outlet]));
  }

  // The language and event layers (src/store/postgres/analysis.ts).
  articlesToAnalyse(version: number, force = false): Promise<number[]> {
    return analysis.articlesToAnalyse(this.sql, version, force);
  }
  clearEntities(): Promise<void> {
    return this.atomic((sql) => analysis.clearEntities(sql));
  }
  loadEntities(): Promise<RestoredEntity[]> {
    return analysis.loadEntities(this.sql);
  }
  saveAnalysis(doc: Doc, entities: CanonicalEntity[], version: number): Promise<void> {
    return this.atomic((sql) => analysis.saveAnalysis(sql, doc, entities, version));
  }
  listEntities(opts?: { type?: string; limit?: number }): Promise<StoredEntity[]> {
    return analysis.listEntities(this.sql, opts);
  }
  getEntity(idOrKey: number | string): Promise<StoredEntity | null> {
    return analysis.getEntity(this.sql, idOrKey);
  }
  findEntityByAlias(text: string): Promise<{ entity: StoredEntity | null; suggestions: string[] }> {
    return analysis.findEntityByAlias(this.sql, text);
  }
  entityName(idOrKey: number | string): Promise<string | null> {
    return analysis.entityName(this.sql, idOrKey);
  }
  entityMentions(entityId: number, limit?: number): Promise<EntityMention[]> {
    return analysis.entityMentions(this.sql, entityId, limit);
  }
  articleEntityKeys(articleId: number): Promise<string[]> {
    return analysis.articleEntityKeys(this.sql, articleId);
  }
  topEntityNames(articleIds: number[], types: string[], limit: number): Promise<string[]> {
    return analysis.topEntityNames(this.sql, articleIds, types, limit);
  }
  timeRefs(articleId: number): Promise<StoredTimeRef[]> {
    return analysis.timeRefs(this.sql, articleId);
  }
  queryEvents(filter?: EventFilter): Promise<StoredEvent[]> {
    return analysis.queryEvents(this.sql, filter);
  }
  articleLayers(articleId: number): Promise<ArticleLayers> {
    return analysis.articleLayers(this.sql, articleId);
  }

  // Stories and states (src/store/postgres/stories.ts).
  getState(key: string): Promise<string | null> {
    return stories.getState(this.sql, key);
  }
  setState(key: string, value: string): Promise<void> {
    return stories.setState(this.sql, key, value);
  }
  deleteState(key: string): Promise<void> {
    return stories.deleteState(this.sql, key);
  }
  getStateParts(scope: string, prefix?: string): Promise<{ key: string; value: Uint8Array }[]> {
    return stories.getStateParts(this.sql, scope, prefix);
  }
  getStatePartKeys(scope: string, prefix: string): Promise<string[]> {
    return stories.getStatePartKeys(this.sql, scope, prefix);
  }
  countStateParts(scope: string, prefix: string): Promise<number> {
    return stories.countStateParts(this.sql, scope, prefix);
  }
  getStatePartsByKey(scope: string, keys: readonly string[]): Promise<Map<string, Uint8Array>> {
    return stories.getStatePartsByKey(this.sql, scope, keys);
  }
  statePartReader(scope: string): Promise<StatePartReader> {
    return stories.statePartReader(this.sql, scope);
  }
  putStateParts(scope: string, parts: { key: string; value: Uint8Array }[], opts?: { removed?: string[]; replace?: boolean }): Promise<void> {
    return this.atomic((sql) => stories.putStateParts(sql, scope, parts, opts));
  }
  syncStories(clusters: ClusterSnapshot[], opts?: { removed?: string[] }): Promise<void> {
    return this.atomic((sql) => stories.syncStories(sql, clusters, opts));
  }
  setStoryHeadline(id: number, headline: string, dateStart: string | null, dateEnd: string | null): Promise<void> {
    return stories.setStoryHeadline(this.sql, id, headline, dateStart, dateEnd);
  }
  listStories(level?: 'topic' | 'event', opts?: { articleIds?: number[] }): Promise<StoredStory[]> {
    return stories.listStories(this.sql, level, opts);
  }
  getStory(id: number): Promise<StoredStory | null> {
    return stories.getStory(this.sql, id);
  }
  childStories(parentId: number): Promise<StoredStory[]> {
    return stories.childStories(this.sql, parentId);
  }
  childCounts(): Promise<Map<number, number>> {
    return stories.childCounts(this.sql);
  }
  recordInferredDate(articleId: number, inferred: InferredDate, times: { text: string; value: string; start: number; end: number }[], anchor: string): Promise<void> {
    return this.atomic((sql) => stories.recordInferredDate(sql, articleId, inferred, times, anchor));
  }

  async close(): Promise<void> {
    // A transaction's store closes nothing: its connection goes back when the transaction ends.
    if (!this.client && !this.pool.ended) await this.pool.end();
  }
}

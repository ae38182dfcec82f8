// The PostgreSQL schema, versioned like SQLite's (src/store/sqlite/migrations.ts) but written for
// this server from the start: one migration holds what SQLite reached in five. Text columns sort
// by byte order (COLLATE "C"), as SQLite's do, so that both stores return rows in the same order
// and the pipeline computes the same stories on either. The document records' columns (mentions,
// times, quotes, events) beyond the keys come from the column maps when a store opens.
import type { Migration } from '../sqlite/migrations.js';

/** Text that sorts by bytes, as SQLite's BINARY collation does. */
const T = 'TEXT COLLATE "C"';

export const PG_MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, sources, full-text search (tsvector, GIN), near duplicates, errors; entities, layers, stories, state',
    sql: `
CREATE TABLE articles (
  id BIGSERIAL PRIMARY KEY,
  external_id ${T},
  url ${T},
  canonical_url ${T},
  title ${T},
  dek ${T},
  authors ${T} NOT NULL DEFAULT '[]',
  outlet ${T},
  language ${T},
  published ${T},
  published_json ${T},
  modified_json ${T},
  inferred_published_json ${T},
  dateline ${T},
  text ${T} NOT NULL,
  boilerplate ${T} NOT NULL DEFAULT '[]',
  provenance ${T} NOT NULL DEFAULT '{}',
  content_hash ${T} NOT NULL UNIQUE,
  minhash BYTEA,
  near_dup_group BIGINT,
  created_at ${T} NOT NULL,
  analysed_version INTEGER NOT NULL DEFAULT 0,
  -- Title, dek and text as search terms, no stemming (FTS5's unicode61 does none either).
  fts tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', coalesce(dek, '')), 'B') ||
    to_tsvector('simple', text)
  ) STORED
);
CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_external_id ON articles(external_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_near_dup_group ON articles(near_dup_group);
CREATE INDEX articles_by_date ON articles((COALESCE(published, created_at)), id);
CREATE INDEX articles_fts ON articles USING GIN (fts);
CREATE INDEX articles_to_analyse ON articles(analysed_version, id);

CREATE TABLE sources (
  id BIGSERIAL PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind ${T} NOT NULL,
  location ${T} NOT NULL,
  line INTEGER NOT NULL DEFAULT 0,
  via ${T},
  fetched_at ${T},
  http_status INTEGER,
  raw_hash ${T},
  content_type ${T},
  UNIQUE(kind, location, line, article_id)
);
CREATE INDEX sources_article ON sources(article_id);

CREATE TABLE lsh_bands (
  band INTEGER NOT NULL,
  hash BIGINT NOT NULL,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, article_id)
);
CREATE INDEX lsh_bands_article ON lsh_bands(article_id);

CREATE TABLE near_duplicates (
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  other_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  similarity DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (article_id, other_id)
);

CREATE TABLE ingest_errors (
  id BIGSERIAL PRIMARY KEY,
  item ${T} NOT NULL,
  message ${T} NOT NULL,
  at ${T} NOT NULL
);

CREATE TABLE entities (
  id BIGSERIAL PRIMARY KEY,
  key ${T} UNIQUE,
  name ${T} NOT NULL,
  type ${T} NOT NULL,
  country ${T},
  sector ${T},
  external_ids ${T} NOT NULL DEFAULT '{}'
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_name_lower ON entities(lower(name));
CREATE TABLE entity_aliases (
  entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias ${T} NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_lower ON entity_aliases(lower(alias));
CREATE TABLE entity_roles (
  entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  role ${T} NOT NULL,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  date ${T},
  PRIMARY KEY (entity_id, role, article_id)
);
CREATE TABLE entity_merges (
  entity_id BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  local_key ${T} NOT NULL,
  article ${T} NOT NULL,
  PRIMARY KEY (entity_id, seq)
);

-- The document's records: keys here, the other columns from the column maps.
CREATE TABLE mentions (
  id BIGSERIAL PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity_id BIGINT REFERENCES entities(id) ON DELETE SET NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity_article ON mentions(entity_id, article_id);
CREATE TABLE time_refs (
  id BIGSERIAL PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX time_refs_article ON time_refs(article_id);
CREATE TABLE quotes (
  id BIGSERIAL PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  speaker_entity_id BIGINT REFERENCES entities(id) ON DELETE SET NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE TABLE events (
  id BIGSERIAL PRIMARY KEY,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  source_entity_id BIGINT REFERENCES entities(id) ON DELETE SET NULL,
  target_entity_id BIGINT REFERENCES entities(id) ON DELETE SET NULL
);
CREATE INDEX events_article ON events(article_id);

CREATE TABLE stories (
  id BIGSERIAL PRIMARY KEY,
  key ${T} NOT NULL UNIQUE,
  level ${T} NOT NULL CHECK (level IN ('topic', 'event')),
  parent_id BIGINT REFERENCES stories(id) ON DELETE CASCADE,
  headline ${T},
  date_start ${T},
  date_end ${T},
  version INTEGER NOT NULL DEFAULT 1,
  data ${T} NOT NULL DEFAULT '{}',
  members ${T}
);
CREATE INDEX stories_parent ON stories(parent_id);
CREATE TABLE story_articles (
  story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article ON story_articles(article_id);
CREATE TABLE story_log (
  id BIGSERIAL PRIMARY KEY,
  story_id BIGINT NOT NULL,
  at ${T} NOT NULL,
  change ${T} NOT NULL
);
CREATE INDEX story_log_story ON story_log(story_id);
-- A member removed other than by syncStories (an article deleted) clears the kept list.
CREATE FUNCTION story_articles_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stories SET members = NULL WHERE id = OLD.story_id AND members IS NOT NULL;
  RETURN OLD;
END $$;
CREATE TRIGGER story_articles_forget AFTER DELETE ON story_articles FOR EACH ROW EXECUTE FUNCTION story_articles_forget();

CREATE TABLE state (key ${T} PRIMARY KEY, value ${T} NOT NULL, updated_at ${T} NOT NULL);
CREATE TABLE state_parts (
  scope ${T} NOT NULL,
  key ${T} NOT NULL,
  value BYTEA NOT NULL,
  PRIMARY KEY (scope, key)
);
`,
  },
];

/** Indexes over columns that come from the column maps, made once those columns exist. */
export const PG_MAP_INDEXES = `
CREATE INDEX IF NOT EXISTS events_order ON events((date IS NULL), date, article_id, start);
CREATE INDEX IF NOT EXISTS events_root_order ON events(root, (date IS NULL), date, article_id, start);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS events_source ON events(source_code, date);
CREATE INDEX IF NOT EXISTS events_target ON events(target_code, date);
`;

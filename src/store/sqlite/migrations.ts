// Versioned schema. A migration is never edited once released: later changes are new entries.
// The first schema holds every record later stages need (docs/MODEL.md in ../shared), so that no
// stage has to reshape what an earlier one wrote.

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, sources, full-text index, near duplicates, errors; language, event and story records',
    sql: `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  external_id TEXT,
  url TEXT,
  canonical_url TEXT,
  title TEXT,
  dek TEXT,
  authors TEXT NOT NULL DEFAULT '[]',          -- JSON array of names
  outlet TEXT,
  language TEXT,
  published TEXT,                              -- ISO 8601 value, for range queries
  published_json TEXT,                         -- DateValue with granularity, zone, rule
  modified_json TEXT,
  inferred_published_json TEXT,                -- DateValue + evidence, set by the story layer
  dateline TEXT,
  text TEXT NOT NULL,
  boilerplate TEXT NOT NULL DEFAULT '[]',      -- JSON array of {text, kind, rule}
  provenance TEXT NOT NULL DEFAULT '{}',       -- JSON object: field -> rule
  content_hash TEXT NOT NULL UNIQUE,
  minhash BLOB,                                -- near-duplicate signature
  near_dup_group INTEGER,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
CREATE INDEX articles_external_id ON articles(external_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_near_dup_group ON articles(near_dup_group);

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  location TEXT NOT NULL,
  line INTEGER NOT NULL DEFAULT 0,
  via TEXT,
  fetched_at TEXT,
  http_status INTEGER,
  raw_hash TEXT,
  content_type TEXT,
  UNIQUE(kind, location, line, article_id)
);
CREATE INDEX sources_article ON sources(article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, dek, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, dek, text) VALUES (new.id, new.title, new.dek, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, text) VALUES ('delete', old.id, old.title, old.dek, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, dek, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, dek, text) VALUES ('delete', old.id, old.title, old.dek, old.text);
  INSERT INTO articles_fts(rowid, title, dek, text) VALUES (new.id, new.title, new.dek, new.text);
END;

-- Locality-sensitive hashing bands of the minhash signature: candidate near duplicates by index.
CREATE TABLE lsh_bands (
  band INTEGER NOT NULL,
  hash INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;

CREATE TABLE near_duplicates (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  similarity REAL NOT NULL,
  PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;

CREATE TABLE ingest_errors (
  id INTEGER PRIMARY KEY,
  item TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);

-- Language layer.
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  country TEXT,
  sector TEXT,
  external_ids TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE entity_aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE TABLE entity_roles (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  date TEXT,
  PRIMARY KEY (entity_id, role, article_id)
) WITHOUT ROWID;
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  type TEXT NOT NULL,
  text TEXT NOT NULL,
  entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
  role TEXT,
  metonymy INTEGER NOT NULL DEFAULT 0,
  rule TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE TABLE time_refs (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  granularity TEXT,
  anchor TEXT,
  resolved INTEGER NOT NULL,
  rule TEXT NOT NULL DEFAULT ''
);
CREATE INDEX time_refs_article ON time_refs(article_id);
CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
  speaker_text TEXT,
  cue TEXT,
  via TEXT,
  partial INTEGER NOT NULL DEFAULT 0,
  variant_of INTEGER REFERENCES quotes(id) ON DELETE SET NULL
);
CREATE INDEX quotes_article ON quotes(article_id);

-- Event layer.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  plover TEXT,
  quad INTEGER,
  goldstein REAL,
  source_code TEXT,
  source_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
  source_text TEXT,
  target_code TEXT,
  target_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
  target_text TEXT,
  date TEXT,
  date_end TEXT,
  date_resolved INTEGER NOT NULL DEFAULT 0,
  location TEXT,
  modality TEXT NOT NULL DEFAULT 'asserted',
  confidence REAL,
  trigger TEXT
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_root_date ON events(root, date);
CREATE INDEX events_source ON events(source_code, date);
CREATE INDEX events_target ON events(target_code, date);

-- Story layer.
CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  level TEXT NOT NULL CHECK (level IN ('topic', 'event')),
  parent_id INTEGER REFERENCES stories(id) ON DELETE CASCADE,
  headline TEXT,
  date_start TEXT,
  date_end TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE story_articles (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (story_id, article_id)
) WITHOUT ROWID;
CREATE INDEX story_articles_article ON story_articles(article_id);
CREATE TABLE story_log (
  id INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  change TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    description: 'stable entity keys; article analysis state; event sentence text',
    sql: `
ALTER TABLE entities ADD COLUMN key TEXT;
CREATE UNIQUE INDEX entities_key ON entities(key);
ALTER TABLE entities ADD COLUMN merged TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN analysed_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN sentence TEXT;
ALTER TABLE events ADD COLUMN field TEXT NOT NULL DEFAULT 'text';
ALTER TABLE quotes ADD COLUMN cue_type TEXT;
ALTER TABLE quotes ADD COLUMN speaker_key TEXT;
ALTER TABLE mentions ADD COLUMN field TEXT NOT NULL DEFAULT 'text';
ALTER TABLE mentions ADD COLUMN value REAL;
ALTER TABLE quotes ADD COLUMN field TEXT NOT NULL DEFAULT 'text';
ALTER TABLE time_refs ADD COLUMN field TEXT NOT NULL DEFAULT 'text';
ALTER TABLE time_refs ADD COLUMN text TEXT;
-- Small named state blobs (the clusterer's index) that later runs continue from.
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
`,
  },
  {
    version: 3,
    description: 'indexes for the queries of a 100k-article store; entity merges as rows instead of one growing JSON value',
    sql: `
-- childStories, and the cascade when a topic is dropped, look stories up by parent.
CREATE INDEX stories_parent ON stories(parent_id);
CREATE INDEX story_log_story ON story_log(story_id);
-- The order every event query returns; with a LIMIT the scan stops early, and date ranges use it too.
CREATE INDEX events_order ON events((date IS NULL), date, article_id, start);
CREATE INDEX events_cameo ON events(cameo);
-- articleIdsByDate, which every story update reads.
CREATE INDEX articles_by_date ON articles(COALESCE(published, created_at), id);
-- getEntity by name, case-insensitively.
CREATE INDEX entities_name_nocase ON entities(name COLLATE NOCASE);
-- loadEntities: the articles each entity is mentioned in, from the index alone.
CREATE INDEX mentions_entity_article ON mentions(entity_id, article_id);
DROP INDEX mentions_entity;
-- The registry only appends merges; one row each, so a save writes the new ones and not the whole list.
CREATE TABLE entity_merges (
  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  local_key TEXT NOT NULL,
  article TEXT NOT NULL,
  PRIMARY KEY (entity_id, seq)
) WITHOUT ROWID;
INSERT INTO entity_merges(entity_id, seq, local_key, article)
  SELECT e.id, j.key, json_extract(j.value, '$.localKey'), json_extract(j.value, '$.article') FROM entities e, json_each(e.merged) j;
UPDATE entities SET merged = '[]';
`,
  },
  {
    version: 4,
    description: 'kept counts and member lists for incremental writes; event order by root code',
    sql: `
-- How many roles an entity has stored, kept by triggers: saveAnalysis compares it with the
-- registry's count instead of counting a frequent entity's roles on every save.
ALTER TABLE entities ADD COLUMN role_count INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET role_count = (SELECT COUNT(*) FROM entity_roles r WHERE r.entity_id = entities.id);
CREATE TRIGGER entity_roles_count_insert AFTER INSERT ON entity_roles BEGIN
  UPDATE entities SET role_count = role_count + 1 WHERE id = new.entity_id;
END;
CREATE TRIGGER entity_roles_count_delete AFTER DELETE ON entity_roles BEGIN
  UPDATE entities SET role_count = role_count - 1 WHERE id = old.entity_id;
END;
-- A story's article ids as syncStories last wrote them (ascending, comma-joined), so that a sync
-- compares one value per story instead of reading every membership row. Any other removal of a
-- member (an article deleted) clears it, and the rows are read instead.
ALTER TABLE stories ADD COLUMN members TEXT;
UPDATE stories SET members = (SELECT group_concat(article_id, ',' ORDER BY article_id) FROM story_articles WHERE story_id = stories.id);
CREATE TRIGGER story_articles_forget AFTER DELETE ON story_articles BEGIN
  UPDATE stories SET members = NULL WHERE id = old.story_id AND members IS NOT NULL;
END;
-- Events of one root code in the order returned: a LIMIT stops early, a date range is served too.
CREATE INDEX events_root_order ON events(root, (date IS NULL), date, article_id, start);
DROP INDEX events_root_date;
`,
  },
  {
    version: 5,
    description: 'states kept in named binary parts, each rewritten only when it changed',
    sql: `
-- The clusterer's state as many small parts (one per cluster, dictionary and index slices), so
-- that a batch rewrites the parts it changed instead of the whole state as one JSON value.
CREATE TABLE state_parts (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  value BLOB NOT NULL,
  PRIMARY KEY (scope, key)
);
`,
  },
];

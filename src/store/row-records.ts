// Stored articles, their sources and stories from table rows: one reading for every store (SQLite
// and PostgreSQL keep the same columns).
import type { DateValue } from '../doc/article.js';
import type { InferredDate, StoredStory } from './records.js';
import type { StoredArticle, StoredSource } from './store.js';
import { json, num, str, type Row } from './sqlite/rows.js';

export function sourceFromRow(s: Row): StoredSource {
  return {
    id: s.id as number,
    kind: s.kind as StoredSource['kind'],
    location: s.location as string,
    ...(s.line ? { line: s.line as number } : {}),
    ...(s.via ? { via: s.via as string } : {}),
    ...(s.fetched_at ? { fetchedAt: s.fetched_at as string } : {}),
    ...(s.http_status ? { httpStatus: s.http_status as number } : {}),
    ...(s.raw_hash ? { rawHash: s.raw_hash as string } : {}),
    ...(s.content_type ? { contentType: s.content_type as string } : {}),
  };
}

/** An `articles` row with the article's sources. */
export function articleFromRow(row: Row, sources: StoredSource[]): StoredArticle {
  const id = row.id as number;
  return {
    id,
    externalId: str(row.external_id),
    url: str(row.url),
    canonicalUrl: str(row.canonical_url),
    title: str(row.title),
    dek: str(row.dek),
    authors: json<string[]>(row.authors, []),
    outlet: str(row.outlet),
    language: str(row.language),
    published: json<DateValue | null>(row.published_json, null),
    modified: json<DateValue | null>(row.modified_json, null),
    inferredPublished: json<InferredDate | null>(row.inferred_published_json, null),
    dateline: str(row.dateline),
    text: row.text as string,
    boilerplate: json(row.boilerplate, []),
    provenance: json(row.provenance, {}),
    contentHash: row.content_hash as string,
    nearDuplicateGroup: (row.near_dup_group as number | null) ?? id,
    sources,
    createdAt: row.created_at as string,
  };
}

/** A `stories` row read with its members (`members`: the article ids joined by commas). */
export function storyFromRow(r: Row): StoredStory {
  const members = str(r.members);
  return {
    id: r.id as number,
    key: r.key as string,
    level: r.level as 'topic' | 'event',
    parentId: num(r.parent_id),
    headline: str(r.headline),
    dateStart: str(r.date_start),
    dateEnd: str(r.date_end),
    version: r.version as number,
    articleIds: members ? members.split(',').map(Number) : [],
  };
}

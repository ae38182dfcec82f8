// Records that travel between stages. Every stage adds to an article and never rewrites what an
// earlier stage found; every span is a pair of character offsets into the article's clean text.

/** How precise a date or time value is. */
export type Granularity = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** A date found for an article, with the rule that found it. */
export interface DateValue {
  /** ISO 8601: `2017-10-21`, or `2017-10-21T09:30:00+03:00` when a time is known. */
  value: string;
  granularity: Granularity;
  /** The zone offset (`+03:00`, `Z`) when the source gave one, else null. */
  timezone: string | null;
  /** Name of the rule that found it, e.g. `meta:article:published_time`, `text:date-line`. */
  rule: string;
}

/** Kinds of text that sit inside an article's body without being part of it. */
export type BoilerplateKind =
  | 'date-line'
  | 'byline'
  | 'credit-line'
  | 'source-line'
  | 'newsletter-promo'
  | 'related-link'
  | 'teaser'
  | 'photo-caption'
  | 'photo-credit'
  | 'share-line'
  | 'dateline'
  | 'other';

/** A piece of removed boilerplate, kept aside with its kind and the rule that removed it. */
export interface BoilerplateItem {
  text: string;
  kind: BoilerplateKind;
  rule: string;
}

/** Where an article came from. One article may be reached from several sources. */
export interface SourceRef {
  kind: 'file' | 'url' | 'feed-item' | 'jsonl' | 'stdin';
  /** File path or URL; for a dump line, the dump's path. */
  location: string;
  /** 1-based line number inside a JSON lines dump. */
  line?: number;
  /** The feed a page was reached through, when it was. */
  via?: string;
  fetchedAt?: string;
  httpStatus?: number;
  /** sha256 of the raw bytes read. */
  rawHash?: string;
  contentType?: string;
}

/** The metadata fields that carry provenance. */
export type MetaField =
  | 'title'
  | 'dek'
  | 'authors'
  | 'outlet'
  | 'url'
  | 'canonicalUrl'
  | 'published'
  | 'modified'
  | 'language'
  | 'dateline'
  | 'text';

/** A clean article as ingestion produces it, before any language analysis. */
export interface ExtractedArticle {
  source: SourceRef;
  /** The input's own id where it gave one (a dump's `id` field, a seed file's name). */
  externalId: string | null;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  dek: string | null;
  authors: string[];
  outlet: string | null;
  language: string | null;
  published: DateValue | null;
  modified: DateValue | null;
  /** Place line that opens some wire copy, e.g. `TEHRAN, Iran`. */
  dateline: string | null;
  /** Clean body text: paragraphs separated by a blank line. */
  text: string;
  boilerplate: BoilerplateItem[];
  /** For each metadata field found, the rule that found it. */
  provenance: Partial<Record<MetaField, string>>;
}

/** An item that could not be turned into an article, named for the user. */
export interface IngestError {
  item: string;
  message: string;
}

export function emptyArticle(source: SourceRef): ExtractedArticle {
  return {
    source,
    externalId: null,
    url: null,
    canonicalUrl: null,
    title: null,
    dek: null,
    authors: [],
    outlet: null,
    language: null,
    published: null,
    modified: null,
    dateline: null,
    text: '',
    boilerplate: [],
    provenance: {},
  };
}

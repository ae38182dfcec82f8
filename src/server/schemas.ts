// Request and response schemas of the HTTP API. The same zod schemas validate requests and
// generate the OpenAPI 3.1 document at /openapi.json: there is no second description to drift.
import { z } from '@hono/zod-openapi';

export const ErrorBody = z.object({ error: z.string(), status: z.number().int() }).openapi('Error');

export const errorResponses = {
  400: { description: 'the request does not match its schema', content: { 'application/json': { schema: ErrorBody } } },
  404: { description: 'no such item', content: { 'application/json': { schema: ErrorBody } } },
} as const;

/** A 200 JSON response of `schema`, with the error responses every route may give. */
export const jsonResponses = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ 200: { description, content: { 'application/json': { schema } } }, ...errorResponses });

/** Positive integer ids in paths. */
export const IdParam = z.object({
  id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ description: 'at most this many items' }),
  cursor: z.string().max(200).optional().openapi({ description: 'the `next` value of the previous page' }),
};

export function page<T extends z.ZodTypeAny>(item: T, name: string) {
  return z.object({ items: z.array(item), next: z.string().nullable().openapi({ description: 'cursor of the next page; null on the last' }) }).openapi(name);
}

/** Objects whose inner layout follows the library's own record types (src/stories/view.ts and friends). */
const record = (description: string) => z.record(z.string(), z.unknown()).openapi({ description });

export const ArticleSummary = z
  .object({
    id: z.number().int(),
    externalId: z.string().nullable(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    url: z.string().nullable(),
    nearDuplicateGroup: z.number().int(),
    chars: z.number().int(),
  })
  .openapi('ArticleSummary');

const Span = { field: z.string(), start: z.number().int(), end: z.number().int() };

export const ArticleDetail = z
  .object({
    id: z.number().int(),
    externalId: z.string().nullable(),
    title: z.string().nullable(),
    dek: z.string().nullable(),
    authors: z.array(z.string()),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    language: z.string().nullable(),
    published: z.string().nullable(),
    inferredPublished: z.object({ value: z.string(), evidence: z.string() }).nullable(),
    dateline: z.string().nullable(),
    text: z.string(),
    mentions: z.array(z.object({ ...Span, type: z.string(), text: z.string(), entityId: z.number().int().nullable(), entity: z.string().nullable(), role: z.string().nullable() })),
    times: z.array(z.object({ ...Span, text: z.string().nullable(), type: z.string(), value: z.string(), resolved: z.boolean() })),
    quotes: z.array(z.object({ ...Span, text: z.string(), speaker: z.string().nullable(), speakerEntityId: z.number().int().nullable(), cue: z.string().nullable(), via: z.string().nullable() })),
    events: z.array(record('a stored event (src/store/records.ts StoredEvent)')),
  })
  .openapi('Article');

export const SearchHit = z
  .object({ id: z.number().int(), title: z.string().nullable(), outlet: z.string().nullable(), published: z.string().nullable(), snippet: z.string(), rank: z.number() })
  .openapi('SearchHit');

export const Entity = z
  .object({
    id: z.number().int(),
    key: z.string(),
    name: z.string(),
    type: z.string(),
    country: z.string().nullable(),
    sector: z.string().nullable(),
    aliases: z.array(z.object({ alias: z.string(), count: z.number().int() })),
    roles: z.array(z.object({ role: z.string(), articleId: z.number().int(), date: z.string().nullable() })),
    mentions: z.number().int(),
  })
  .openapi('Entity');

export const EntityDetail = Entity.extend({
  mentionsInContext: z.array(z.object({ articleId: z.number().int(), start: z.number().int(), end: z.number().int(), text: z.string(), context: z.string(), role: z.string().nullable() })),
  events: z.array(z.object({ order: z.number().int(), date: z.string().nullable(), event: z.string(), mentions: z.array(z.object({ articleId: z.number().int(), word: z.string(), date: z.string().nullable() })) })),
}).openapi('EntityDetail');

export const EventQuery = z.object({
  actor: z.string().max(100).optional().openapi({ description: 'source or target actor: a code prefix (IRN, IRNMIL) or words of its name' }),
  code: z.string().regex(/^\d{2,4}$/).optional().openapi({ description: 'CAMEO code or root' }),
  quad: z.coerce.number().int().min(1).max(4).optional(),
  from: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  to: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
  story: z.coerce.number().int().positive().optional().openapi({ description: "only this story's articles" }),
  modality: z.string().max(20).optional(),
  format: z.enum(['json', 'csv', 'gdelt']).default('json').openapi({ description: 'json (paged), or a csv / GDELT-layout download of every match' }),
  ...PageQuery,
});

export const StoredEvent = record('a stored event (src/store/records.ts StoredEvent)').openapi('Event');

export const StoryEvent = z
  .object({ id: z.number().int(), headline: z.string(), dateStart: z.string().nullable(), dateEnd: z.string().nullable(), articles: z.number().int() })
  .openapi('StoryEvent');

export const StoryListItem = z
  .object({
    id: z.number().int(),
    headline: z.string(),
    dateStart: z.string().nullable(),
    dateEnd: z.string().nullable(),
    articles: z.number().int(),
    outlets: z.array(z.string()),
    events: z.array(StoryEvent),
  })
  .openapi('StoryListItem');

export const StoryQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'words of the label or of an event headline' }),
  outlet: z.string().max(200).optional(),
  from: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional().openapi({ description: 'stories ending on or after this date' }),
  to: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional().openapi({ description: 'stories starting on or before this date' }),
  minArticles: z.coerce.number().int().min(1).optional(),
  ...PageQuery,
});

export const StoryView = z
  .object({
    id: z.number().int(),
    key: z.string(),
    level: z.enum(['topic', 'event']),
    headline: z.string(),
    dateStart: z.string().nullable(),
    dateEnd: z.string().nullable(),
    parentId: z.number().int().nullable(),
    articles: z.array(record('StoryArticleRef')),
    events: z.array(record('an event story of the topic')),
    summary: z.array(z.object({ text: z.string(), articleId: z.number().int(), alsoIn: z.array(z.number().int()) })),
    timeline: record('Timeline: entries and background'),
    network: record('Network: nodes and edges'),
    comparison: record('Comparison of all the articles'),
    eventComparisons: z.array(record('one event story compared on its own')),
    quotes: z.array(z.object({ articleId: z.number().int(), speaker: z.string().nullable(), text: z.string(), cue: z.string().nullable(), via: z.string().nullable() })),
  })
  .openapi('StoryView');

export const NetworkQuery = z.object({
  story: z.coerce.number().int().positive().optional(),
  from: z.string().regex(/^\d{4}(-\d{2})?$/).optional().openapi({ description: 'first month kept (YYYY-MM)' }),
  to: z.string().regex(/^\d{4}(-\d{2})?$/).optional().openapi({ description: 'last month kept (YYYY-MM)' }),
});

export const Network = z
  .object({
    nodes: z.array(z.object({ id: z.string(), label: z.string(), events: z.number().int() })),
    edges: z.array(
      z.object({
        source: z.string(),
        target: z.string(),
        events: z.number().int(),
        goldstein: z.number(),
        cooperation: z.number().int(),
        conflict: z.number().int(),
        byMonth: z.record(z.string(), z.object({ events: z.number().int(), goldstein: z.number() })),
      }),
    ),
  })
  .openapi('Network');

export const ReportQuery = z.object({ format: z.enum(['md', 'html', 'json']).default('md') });

export const Job = z
  .object({
    id: z.string(),
    kind: z.enum(['files', 'urls']),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    phase: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    stored: z.number().int(),
    duplicates: z.number().int(),
    failed: z.number().int(),
    errors: z.array(z.object({ item: z.string(), message: z.string() })),
    articleIds: z.array(z.number().int()),
    error: z.string().nullable(),
  })
  .openapi('IngestJob');

export const UrlIngest = z
  .object({
    urls: z.array(z.string().url().max(2000)).min(1).max(200).openapi({ description: 'pages or feeds (http/https); private addresses are refused' }),
    follow: z.boolean().default(true).openapi({ description: "fetch a feed's linked pages (false: the feed's own item content)" }),
  })
  .openapi('UrlIngest');

export const FileIngest = z.object({
  files: z
    .union([z.instanceof(File), z.array(z.instanceof(File))])
    .openapi({ type: 'array', items: { type: 'string', format: 'binary' }, description: 'HTML, text or JSON-lines files' }),
});

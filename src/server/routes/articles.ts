// Articles: a page of the list, one article with its layers, full-text search.
import { createRoute, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { ArticleDetail, ArticleSummary, IdParam, jsonResponses as json, page, PageQuery, SearchHit } from '../schemas.js';
import { decodeCursor, pageOfProbe } from '../pagination.js';
import { notFound, type Api, type ServerDeps } from '../deps.js';
import type { Store } from '../../store/store.js';

/** One article with what the language and event layers found in it. */
export async function articleDetail(store: Store, id: number): Promise<z.infer<typeof ArticleDetail> | null> {
  const a = await store.getArticle(id);
  if (!a) return null;
  const l = await store.articleLayers(id);
  return {
    id: a.id,
    externalId: a.externalId,
    title: a.title,
    dek: a.dek,
    authors: a.authors,
    outlet: a.outlet,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    language: a.language,
    published: a.published?.value ?? null,
    inferredPublished: a.inferredPublished ? { value: a.inferredPublished.value, evidence: a.inferredPublished.evidence } : null,
    dateline: a.dateline,
    text: a.text,
    mentions: l.mentions.map((m) => ({ field: m.field, start: m.start, end: m.end, type: m.type, text: m.text, entityId: m.entityId, entity: m.entity, role: m.role })),
    times: l.times.map((t) => ({ field: t.field, start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, resolved: t.resolved })),
    quotes: l.quotes.map((q) => ({ field: q.field, start: q.start, end: q.end, text: q.text, speaker: q.speaker, speakerEntityId: q.speakerEntityId, cue: q.cue, via: q.via })),
    events: l.events as unknown as Record<string, unknown>[],
  };
}

export function registerArticles(app: Api, { store }: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/articles',
      summary: 'stored articles, newest id last',
      request: { query: z.object({ outlet: z.string().max(200).optional(), ...PageQuery }) },
      responses: json(page(ArticleSummary, 'ArticlePage'), 'a page of articles'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const start = decodeCursor(q.cursor);
      const rows = await store.listArticles({ limit: q.limit + 1, offset: start, ...(q.outlet ? { outlet: q.outlet } : {}) });
      return c.json(pageOfProbe(rows, start, q.limit), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/articles/{id}', summary: 'one article: metadata, clean text, entities, times, quotes, events', request: { params: IdParam }, responses: json(ArticleDetail, 'the article') }),
    async (c) => c.json((await articleDetail(store, c.req.valid('param').id)) ?? notFound(`article ${c.req.valid('param').id}`), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'full-text search over titles, deks and texts',
      request: { query: z.object({ q: z.string().min(1).max(500), limit: z.coerce.number().int().min(1).max(200).default(20) }) },
      responses: json(z.object({ items: z.array(SearchHit) }), 'matching articles, best first'),
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      try {
        return c.json({ items: await store.search(q, { limit }) }, 200);
      } catch (e) {
        // FTS5 rejects some queries (an unbalanced quote, a bare operator): the client's mistake.
        throw new HTTPException(400, { message: `search query not understood: ${e instanceof Error ? e.message : String(e)}` });
      }
    },
  );
}

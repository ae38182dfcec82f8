// Stories: topics with their events (filtered, paged), one story's view, its report, and the
// actor network of a story or of the whole store.
import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { IdParam, jsonResponses as json, Network, NetworkQuery, page, ReportQuery, StoryListItem, StoryQuery, StoryView } from '../schemas.js';
import { pageOf } from '../pagination.js';
import { notFound, type Api, type ServerDeps } from '../deps.js';
import { buildStoryList, filterStories } from '../story-list.js';
import { storyPage, storyPageJson } from '../../views/stored-views.js';
import { renderReport } from '../../views/report.js';
import { actorNamer } from '../../stories/actor-names.js';
import { buildNetwork } from '../../views/graph.js';
import type { EventFilter } from '../../store/store.js';

const REPORT_TYPES = { md: 'text/markdown; charset=utf-8', html: 'text/html; charset=utf-8', json: 'application/json; charset=utf-8' } as const;

export function registerStories(app: Api, { store, cache }: ServerDeps): void {
  const view = async (id: number) => (await cache.get(`view:${id}`, () => storyPage(store, id))) ?? notFound(`story ${id}`);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stories',
      summary: 'topics with their event stories, latest first',
      request: { query: StoryQuery },
      responses: json(page(StoryListItem, 'StoryPage').extend({ total: z.number().int() }), 'a page of topics'),
    }),
    async (c) => {
      const { limit, cursor, ...filter } = c.req.valid('query');
      const matches = await cache.get(`stories:${JSON.stringify(filter)}`, async () => filterStories(await cache.get('stories', () => buildStoryList(store)), filter));
      const p = pageOf(matches, cursor, limit);
      return c.json({ items: p.items.map(({ words: _words, ...s }) => s), next: p.next, total: matches.length }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/stories/{id}', summary: "one story's view: summary, timeline, network, comparison, quotes, articles", request: { params: IdParam }, responses: json(StoryView, 'the story') }),
    async (c) => {
      // Stored pages are read as they were written; serialised and hashed once per store version.
      const { body, etag } = await cache.get(`view-json:${c.req.valid('param').id}`, async () => {
        const id = c.req.valid('param').id;
        const text = (await storyPageJson(store, id)) ?? notFound(`story ${id}`);
        return { body: text, etag: `"${createHash('sha1').update(text).digest('hex')}"` };
      });
      return c.body(body, 200, { 'content-type': REPORT_TYPES.json, etag }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stories/{id}/report',
      summary: 'a self-contained report of one story (md, html or json), as a download',
      request: { params: IdParam, query: ReportQuery },
      responses: { 200: { description: 'the report', content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/json': { schema: z.string() } } } },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const text = await cache.get(`report:${id}:${format}`, async () => renderReport(await view(id), format));
      return c.body(text, 200, {
        'content-type': REPORT_TYPES[format],
        'content-disposition': `attachment; filename="story-${id}.${format}"`,
        // A report opened in place is a document, not part of the app: no script, no requests out.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; sandbox",
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/network',
      summary: 'the actor network of one story (or of every event), with a month range',
      request: { query: NetworkQuery },
      responses: json(Network, 'actors as nodes, cooperation and conflict as weighted directed edges'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const net = await cache.get(`network:${JSON.stringify(q)}`, async () => {
        const f: EventFilter = {};
        if (q.story) f.articleIds = ((await store.getStory(q.story)) ?? notFound(`story ${q.story}`)).articleIds;
        const month = (d: string | null) => (d ? d.slice(0, 7) : null);
        const events = (await store.queryEvents(f))
          .filter((e) => e.modality !== 'negated')
          .filter((e) => (!q.from || (month(e.date) ?? '') >= q.from) && (!q.to || (month(e.date) ?? '9999') <= q.to));
        const namer = await actorNamer(store, events);
        return buildNetwork(
          events.map((e) => ({ ...e, sourceLabel: namer(e.source, e.sourceText), targetLabel: namer(e.target, e.targetText) })),
        );
      });
      return c.json(net, 200);
    },
  );
}

// Entities: the canonical list, and one entity with its aliases, roles, mentions in context and
// the events it takes part in (the `dossier timeline` of that entity).
import { createRoute, z } from '@hono/zod-openapi';
import { Entity, EntityDetail, IdParam, jsonResponses as json, page, PageQuery } from '../schemas.js';
import { decodeCursor, pageOfProbe } from '../pagination.js';
import { notFound, type Api, type ServerDeps } from '../deps.js';
import { storeTimeline } from '../../stories/entity-timeline-store.js';

export function registerEntities(app: Api, { store, cache }: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities',
      summary: 'canonical entities, most mentioned first',
      request: { query: z.object({ type: z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC']).optional(), ...PageQuery }) },
      responses: json(page(Entity, 'EntityPage'), 'a page of entities'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const start = decodeCursor(q.cursor);
      // The store lists from the top: read through the end of this page, plus one to tell whether more follow.
      const rows = (await store.listEntities({ limit: start + q.limit + 1, ...(q.type ? { type: q.type } : {}) })).slice(start);
      return c.json(pageOfProbe(rows, start, q.limit), 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/entities/{id}', summary: 'one entity: aliases, roles over time, mentions in context, its events', request: { params: IdParam }, responses: json(EntityDetail, 'the entity') }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = await cache.get(`entity:${id}`, async () => {
        const e = await store.getEntity(id);
        if (!e) return null;
        const tl = await storeTimeline(store, String(id));
        return {
          ...e,
          mentionsInContext: (await store.entityMentions(id, 100)).map((m) => ({ articleId: m.articleId, start: m.start, end: m.end, text: m.text, context: m.context, role: m.role })),
          events: tl.events.map((ev) => ({
            order: ev.order,
            date: ev.date,
            event: ev.lemma,
            mentions: ev.mentions.map((m) => ({ articleId: Number(m.articleId), word: m.text, date: m.date })),
          })),
        };
      });
      return c.json(body ?? notFound(`entity ${id}`), 200);
    },
  );
}

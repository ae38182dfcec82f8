// Events with the CLI's filters: a JSON page, or every match as a CSV or GDELT-layout download.
import { createRoute, z } from '@hono/zod-openapi';
import { EventQuery, jsonResponses as json, page, StoredEvent } from '../schemas.js';
import { decodeCursor, pageOfProbe } from '../pagination.js';
import { notFound, type Api, type ServerDeps } from '../deps.js';
import { eventsToCsv, eventsToGdelt, exportContext } from '../../views/events-table.js';
import type { EventFilter, Store } from '../../store/store.js';

/** Downloads stop here: a bigger export is the CLI's job (`dossier events --format csv -o FILE`). */
const MAX_EXPORT = 200_000;

async function filterOf(store: Store, q: z.infer<typeof EventQuery>): Promise<EventFilter> {
  const f: EventFilter = {};
  if (q.actor) f.actor = q.actor;
  if (q.code) f.code = q.code;
  if (q.quad) f.quad = q.quad;
  if (q.from) f.from = q.from;
  if (q.to) f.to = q.to;
  if (q.modality) f.modality = q.modality;
  if (q.story) f.articleIds = ((await store.getStory(q.story)) ?? notFound(`story ${q.story}`)).articleIds;
  return f;
}

export function registerEvents(app: Api, { store }: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'coded events, filtered; format=csv or gdelt downloads every match',
      request: { query: EventQuery },
      responses: {
        ...json(page(StoredEvent, 'EventPage'), 'a page of events (format=json)'),
        200: {
          description: 'a page of events, or a download',
          content: {
            'application/json': { schema: page(StoredEvent, 'EventPage') },
            'text/csv': { schema: z.string() },
            'text/tab-separated-values': { schema: z.string().openapi({ description: 'the GDELT 2.0 event table layout' }) },
          },
        },
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const f = await filterOf(store, q);
      if (q.format !== 'json') {
        const events = await store.queryEvents({ ...f, limit: MAX_EXPORT });
        const [body, type, ext] =
          q.format === 'csv'
            ? [eventsToCsv(events), 'text/csv; charset=utf-8', 'csv']
            : [eventsToGdelt(events, await exportContext(store, events)), 'text/tab-separated-values; charset=utf-8', 'tsv'];
        return c.body(body, 200, { 'content-type': type, 'content-disposition': `attachment; filename="events.${ext}"` });
      }
      const start = decodeCursor(q.cursor);
      const rows = (await store.queryEvents({ ...f, limit: start + q.limit + 1 })).slice(start);
      return c.json(pageOfProbe(rows as unknown as Record<string, unknown>[], start, q.limit), 200);
    },
  );
}

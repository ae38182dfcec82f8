// Ingest: upload files or post URLs/feeds; each request starts a job whose progress the client
// polls (GET /api/jobs/{id}) or streams as server-sent events (GET /api/jobs/{id}/events).
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { errorResponses, FileIngest, Job, UrlIngest } from '../schemas.js';
import { notFound, type Api, type ServerDeps } from '../deps.js';

const JobParam = z.object({ id: z.string().uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const accepted = { 202: { description: 'the job, started', content: { 'application/json': { schema: Job } } }, ...errorResponses, 413: errorResponses[400] } as const;

export function registerIngest(app: Api, { jobs }: ServerDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/ingest/files',
      summary: 'ingest uploaded files (multipart field `files`), then analyse them and update the stories',
      request: { body: { required: true, content: { 'multipart/form-data': { schema: FileIngest } } } },
      responses: accepted,
    }),
    async (c) => {
      const { files } = c.req.valid('form');
      const list = Array.isArray(files) ? files : [files];
      const read = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      return c.json(jobs.startFiles(read), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/ingest/urls',
      summary: 'ingest pages or feeds by URL (through the private-address guard), then analyse them and update the stories',
      request: { body: { required: true, content: { 'application/json': { schema: UrlIngest } } } },
      responses: accepted,
    }),
    (c) => {
      const { urls, follow } = c.req.valid('json');
      return c.json(jobs.startUrls(urls, follow), 202);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/jobs/{id}', summary: "an ingest job's progress", request: { params: JobParam }, responses: { 200: { description: 'the job', content: { 'application/json': { schema: Job } } }, ...errorResponses } }),
    (c) => c.json(jobs.get(c.req.valid('param').id) ?? notFound(`job ${c.req.valid('param').id}`), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/jobs/{id}/events',
      summary: "an ingest job's progress as server-sent events (event `progress`, data: the job), closed when it ends",
      request: { params: JobParam },
      responses: { 200: { description: 'event stream', content: { 'text/event-stream': { schema: z.string() } } }, ...errorResponses },
    }),
    (c) => {
      const id = c.req.valid('param').id;
      const first = jobs.get(id) ?? notFound(`job ${id}`);
      return streamSSE(c, async (stream) => {
        const finished = (j: typeof first) => j.state === 'done' || j.state === 'failed';
        // Writes go out one after another, and the stream ends only once the last is written.
        let written: Promise<void> = Promise.resolve();
        let last = '';
        const send = (j: typeof first) => {
          const data = JSON.stringify(j);
          if (data !== last) {
            last = data;
            written = written.then(() => stream.writeSSE({ event: 'progress', data }));
          }
          return written;
        };
        await send(first);
        if (finished(first)) return;
        await new Promise<void>((resolve) => {
          const stop = jobs.subscribe(id, (j) => {
            const sent = send(j);
            if (finished(j)) {
              stop();
              void sent.then(resolve, resolve);
            }
          });
          stream.onAbort(() => {
            stop();
            resolve();
          });
        });
      }) as never;
    },
  );
}

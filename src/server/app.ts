// The HTTP API and the web UI over one store: routes from ./routes, the OpenAPI document generated
// from their schemas, the guards of ./security, and the built web assets.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { etag } from 'hono/etag';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Store } from '../store/store.js';
import type { Analyzer } from '../pipeline/analyse.js';
import { repoRoot } from '../paths.js';
import { NotFoundError, type ServerDeps } from './deps.js';
import { StoreCache } from './store-cache.js';
import { IngestJobs } from './jobs.js';
import { loopbackHostOnly, requireToken, sameOriginWrites, securityHeaders } from './security.js';
import { registerArticles } from './routes/articles.js';
import { registerEntities } from './routes/entities.js';
import { registerEvents } from './routes/events.js';
import { registerStories } from './routes/stories.js';
import { registerIngest } from './routes/ingest.js';

export interface AppOptions {
  store: Store;
  /** Required of every request when set; the server refuses to listen beyond loopback without one. */
  token?: string | null;
  /** Largest upload request, in bytes (all files together). */
  maxUploadBytes?: number;
  /** Largest single file or fetched page, in bytes. */
  maxBytes?: number;
  /** Let URL ingest reach private addresses (the CLI's --allow-private). */
  allowPrivate?: boolean;
  analyzer?: Analyzer;
  /** The built web UI (default: dist/web of the package). */
  webDir?: string;
}

export const DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024;
export const DEFAULT_WEB_DIR = join(repoRoot, 'dist', 'web');

export function createApp(o: AppOptions): { app: OpenAPIHono; deps: ServerDeps } {
  const cache = new StoreCache(o.store);
  const maxBytes = o.maxBytes ?? 10 * 1024 * 1024;
  const jobs = new IngestJobs(o.store, cache, { maxBytes, allowPrivate: !!o.allowPrivate, ...(o.analyzer ? { analyzer: o.analyzer } : {}) });
  const deps: ServerDeps = { store: o.store, cache, jobs };
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
        return c.json({ error: issues, status: 400 }, 400);
      }
    },
  });

  app.use('*', securityHeaders());
  app.use('*', o.token ? requireToken(o.token) : loopbackHostOnly());
  app.use('/api/*', sameOriginWrites());
  app.use('/api/ingest/*', bodyLimit({ maxSize: o.maxUploadBytes ?? DEFAULT_MAX_UPLOAD, onError: (c) => c.json({ error: `upload too large: more than ${o.maxUploadBytes ?? DEFAULT_MAX_UPLOAD} bytes`, status: 413 }, 413) }));
  // Read endpoints answer 304 when the client already holds this body (downloads and streams excepted).
  app.use('/api/*', async (c, next) => (c.req.method === 'GET' && !c.req.path.startsWith('/api/jobs/') ? etag()(c, next) : next()));

  registerArticles(app, deps);
  registerEntities(app, deps);
  registerEvents(app, deps);
  registerStories(app, deps);
  registerIngest(app, deps);
  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'Dossier', version: '0.1.0', description: 'Articles, entities, events, stories, reports and ingest over one Dossier store.' } });

  const webDir = o.webDir ?? DEFAULT_WEB_DIR;
  if (existsSync(webDir)) app.use('/assets/*', serveStatic({ root: webDir }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: `no route ${c.req.path}`, status: 404 }, 404);
    const index = join(webDir, 'index.html');
    if (!existsSync(index)) return c.text('The web UI is not built: run `npm run build` in the Dossier folder. The API is at /api and described at /openapi.json.', 503);
    return c.html(readFileSync(index, 'utf8'));
  });

  app.notFound((c) => c.json({ error: `no route ${c.req.method} ${c.req.path}`, status: 404 }, 404));
  app.onError((e, c) => {
    if (e instanceof NotFoundError) return c.json({ error: e.message, status: 404 }, 404);
    if (e instanceof HTTPException) return c.json({ error: e.message, status: e.status }, e.status);
    process.stderr.write(`dossier serve: ${c.req.method} ${c.req.path}: ${e.stack ?? e.message}\n`);
    return c.json({ error: 'internal error', status: 500 }, 500);
  });
  return { app, deps };
}

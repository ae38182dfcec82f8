// What every route reaches: the store, the cache of what is derived from it, the ingest jobs.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Store } from '../store/store.js';
import type { StoreCache } from './store-cache.js';
import type { IngestJobs } from './jobs.js';

export interface ServerDeps {
  store: Store;
  cache: StoreCache;
  jobs: IngestJobs;
}

export type Api = OpenAPIHono;

export function notFound(what: string): never {
  throw new NotFoundError(what);
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`no ${what}`);
    this.name = 'NotFoundError';
  }
}

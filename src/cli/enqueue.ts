// What `--enqueue` shares between commands: the queue and store of a PostgreSQL spec, and inputs
// made absolute (a worker on another machine or folder reads them by that path; URLs stay as given).
import { resolve } from 'node:path';
import type PgBoss from 'pg-boss';
import type { Store } from '../store/store.js';
import { isServerSpec } from '../store/open.js';

export function absoluteInput(input: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : resolve(input);
}

export async function enqueueOn<T>(spec: string, fn: (queue: PgBoss, store: Store) => Promise<T>): Promise<T> {
  if (!isServerSpec(spec)) throw new Error('--enqueue needs a PostgreSQL store (--db postgres://user@host/db): the queue lives in its database');
  const { PgStore } = await import('../store/postgres/pg-store.js');
  const { openQueue } = await import('../pipeline/queue.js');
  const store = await PgStore.open(spec, { max: 1 });
  const queue = await openQueue(spec);
  try {
    return await fn(queue, store);
  } finally {
    await queue.stop({ graceful: false, wait: true });
    await store.close();
  }
}

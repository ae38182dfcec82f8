// On a PostgreSQL store the watcher's new inputs become ingest jobs in the workers' queue.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { openQueue } from '../../src/pipeline/queue.js';
import { QueueSink } from '../../src/watch/queue-sink.js';
import { freshDatabase, pgUrl } from '../pg-database.js';

describe.skipIf(!pgUrl())('QueueSink', () => {
  it('enqueues one ingest job per new URL, with the fetch options, and takes the batch', async () => {
    const url = await freshDatabase();
    const queue = await openQueue(url);
    const sink = new QueueSink(queue, { maxBytes: 1000, fetch: { timeoutMs: 5000 } });
    const item = (u: string) => ({ url: u, source: 'https://example.org/feed.xml', key: u });
    const r = await sink.submit([item('https://example.org/a'), item('https://example.org/b'), item('https://example.org/a')]);
    await queue.stop({ graceful: false, wait: true });
    expect(r.failed).toEqual([]);
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const jobs = (await db.query(`SELECT data FROM pgboss.job WHERE name = 'dossier-ingest' ORDER BY created_on, data->>'input'`)).rows.map((x) => x.data as { input: string; options: { maxBytes: number } });
    await db.end();
    expect(jobs.map((j) => j.input).sort()).toEqual(['https://example.org/a', 'https://example.org/b']);
    expect(jobs.every((j) => j.options.maxBytes === 1000)).toBe(true);
  });
});

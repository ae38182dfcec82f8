// The sink of a watcher on a PostgreSQL store: each new input becomes an ingest job in the store's
// queue (src/pipeline/queue.ts), and `dossier worker`s fetch, analyse and place it. A batch is
// taken once its jobs are enqueued (the queue is durable); the watcher then moves on.
import type PgBoss from 'pg-boss';
import type { IngestOptions } from '../ingest/ingest.js';
import { enqueueInputs } from '../pipeline/queue.js';
import type { SinkResult, WatchInput, WatchSink } from './sink.js';

export class QueueSink implements WatchSink {
  constructor(
    private readonly queue: PgBoss,
    /** Travels with each job as data: plain values only (a worker fetches with its own fetcher). */
    private readonly ingest: IngestOptions = {},
  ) {}

  async submit(inputs: readonly WatchInput[]): Promise<SinkResult> {
    await enqueueInputs(this.queue, [...new Set(inputs.map((i) => i.url))], this.ingest);
    return { failed: [] };
  }
}

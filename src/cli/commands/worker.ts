// `dossier worker`: takes ingest, analysis and story jobs from the queue in a PostgreSQL store
// until stopped (src/pipeline/queue.ts); start as many as the load needs, on any machines.
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { dbOption } from '../common.js';
import { isServerSpec, printableSpec } from '../../store/open.js';
import { PgStore } from '../../store/postgres/pg-store.js';
import { openQueue, work } from '../../pipeline/queue.js';
import type { Analyzer } from '../../pipeline/analyse.js';

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`not a positive whole number: ${v}`);
  return n;
};

export function register(program: Command): void {
  program
    .command('worker')
    .description('take ingest, analysis and story jobs from the queue of a PostgreSQL store (dossier ingest/analyze --enqueue add them)')
    .addOption(dbOption())
    .option('--concurrency <n>', 'ingest and analysis jobs run at once by this worker', positive, 1)
    .option('--expire-seconds <n>', 'how long a job may run before it counts as abandoned and is retried', positive, 900)
    .action(async (o: { db: string; concurrency: number; expireSeconds: number }) => {
      if (!isServerSpec(o.db)) throw new Error('a worker takes its jobs from a PostgreSQL store: give --db postgres://user@host/db');
      const store = await PgStore.open(o.db, { max: 2 + 2 * o.concurrency });
      const queue = await openQueue(o.db, { expireSeconds: o.expireSeconds });
      let analyzer: Analyzer | null = null;
      const { defaultAnalyzer } = await import('../../pipeline/components.js');
      await work(queue, store, {
        concurrency: o.concurrency,
        // The models load once, when the first analysis job comes.
        analyzer: () => (analyzer ??= defaultAnalyzer()),
        onEvent: (ev) => {
          if (ev.kind === 'error') process.stderr.write(`error: ${ev.item}: ${ev.message}\n`);
        },
      });
      process.stderr.write(`dossier: worker on ${printableSpec(o.db)} waiting for jobs\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      // Jobs in hand finish first; the rest stay queued for the other workers.
      await queue.stop({ graceful: true, wait: true });
      await store.close();
    });
}

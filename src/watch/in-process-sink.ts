// The sink of a watcher running on one machine: each batch goes through `analyzeInputs` at once
// (ingest, analysis, the stories it touches, their reports), in this process.
import type { IngestOptions } from '../ingest/ingest.js';
import type { Analyzer } from '../pipeline/analyse.js';
import { analyzeInputs } from '../pipeline/analyze.js';
import { quiet, type PipelineListener } from '../pipeline/events.js';
import type { Store } from '../store/store.js';
import type { SinkResult, WatchInput, WatchSink } from './sink.js';

export interface InProcessSinkOptions {
  /** How pages are fetched: pass the watcher's politeness (`politeFetch`) so item pages wait their turn too. */
  ingest?: IngestOptions;
  /** Folder for the reports of the topics a batch changed; none: no reports. */
  reportDir?: string | null;
  /** Runs each batch, e.g. under the store's run lock, so a `dossier analyze` beside the watcher waits its turn. */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  onEvent?: PipelineListener;
}

export class InProcessSink implements WatchSink {
  /** Loaded at the first batch and kept: the models take most of a second to load. */
  private analyzer: Analyzer | undefined;

  constructor(
    private readonly store: Store,
    private readonly o: InProcessSinkOptions = {},
  ) {}

  async submit(inputs: readonly WatchInput[]): Promise<SinkResult> {
    const urls = [...new Set(inputs.map((i) => i.url))];
    const wanted = new Set(urls);
    const failed = new Map<string, string>();
    const onEvent = this.o.onEvent ?? quiet;
    this.analyzer ??= (await import('../pipeline/components.js')).defaultAnalyzer();
    const work = () =>
      analyzeInputs(this.store, urls, {
        ingest: this.o.ingest,
        reportDir: this.o.reportDir ?? null,
        analyzer: this.analyzer,
        onEvent: (ev) => {
          // The ingest names a failed input by the URL it was given: that input was not taken.
          if (ev.kind === 'error' && ev.stage === 'ingest' && wanted.has(ev.item)) failed.set(ev.item, ev.message);
          onEvent(ev);
        },
      });
    await (this.o.exclusive ? this.o.exclusive(work) : work());
    return { failed: [...failed].map(([url, message]) => ({ url, message })) };
  }
}

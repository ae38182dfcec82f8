// Ingest jobs: uploaded files or posted URLs go through analyzeInputs, the call behind
// `dossier analyze` (ingest, analysis, story update), one job at a time (one writer), with
// progress that clients poll or stream. Finished jobs are kept (the last 50) so that a late poll still finds the outcome.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { IngestOptions } from '../ingest/ingest.js';
import { analyzeInputs } from '../pipeline/analyze.js';
import type { PipelineEvent } from '../pipeline/events.js';
import type { Analyzer } from '../pipeline/analyse.js';
import type { Store } from '../store/store.js';
import type { StoreCache } from './store-cache.js';

export interface JobState {
  id: string;
  kind: 'files' | 'urls';
  state: 'queued' | 'running' | 'done' | 'failed';
  phase: string;
  done: number;
  total: number;
  stored: number;
  duplicates: number;
  failed: number;
  errors: { item: string; message: string }[];
  articleIds: number[];
  error: string | null;
}

export interface JobOptions {
  /** Largest single file or page, in bytes. */
  maxBytes: number;
  /** Fetch pages at private addresses too (the CLI's --allow-private; off unless the operator says so). */
  allowPrivate: boolean;
  /** The language and event layers; the pipeline loads the default ones when not given. */
  analyzer?: Analyzer;
}

type Listener = (job: JobState) => void;

/** Upload names become file names of our own: only the extension is kept, so no name reaches a path. */
function safeName(name: string, i: number): string {
  const ext = /\.(html?|xhtml|txt|jsonl|json|xml|rss|atom)$/i.exec(name)?.[0]?.toLowerCase() ?? '.txt';
  return `${String(i).padStart(4, '0')}${ext}`;
}

export class IngestJobs {
  private readonly jobs = new Map<string, JobState>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly cache: StoreCache,
    private readonly o: JobOptions,
  ) {}

  get(id: string): JobState | null {
    return this.jobs.get(id) ?? null;
  }

  /** Calls `fn` on every change of the job until the returned function is called. */
  subscribe(id: string, fn: Listener): () => void {
    const set = this.listeners.get(id) ?? this.listeners.set(id, new Set()).get(id)!;
    set.add(fn);
    return () => set.delete(fn);
  }

  startFiles(files: { name: string; bytes: Uint8Array }[]): JobState {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-upload-'));
    const names = new Map<string, string>();
    files.forEach((f, i) => {
      const path = join(dir, safeName(f.name, i));
      writeFileSync(path, f.bytes);
      names.set(path, f.name);
    });
    return this.start('files', [...names.keys()], { followLinks: false }, (item) => names.get(item) ?? item, () => rmSync(dir, { recursive: true, force: true }));
  }

  startUrls(urls: string[], follow: boolean): JobState {
    return this.start('urls', urls, { followLinks: follow }, (item) => item, () => {});
  }

  private start(kind: JobState['kind'], inputs: string[], opts: IngestOptions, label: (item: string) => string, cleanup: () => void): JobState {
    const job: JobState = { id: randomUUID(), kind, state: 'queued', phase: 'queued', done: 0, total: inputs.length, stored: 0, duplicates: 0, failed: 0, errors: [], articleIds: [], error: null };
    this.jobs.set(job.id, job);
    this.forgetOld();
    this.queue = this.queue.then(() =>
      this.run(job, inputs, opts, label)
        .catch((e: unknown) => {
          job.state = 'failed';
          job.error = e instanceof Error ? e.message : String(e);
        })
        .finally(() => {
          cleanup();
          this.emit(job);
        }),
    );
    return job;
  }

  private emit(job: JobState): void {
    for (const fn of this.listeners.get(job.id) ?? []) fn(job);
  }

  private async run(job: JobState, inputs: string[], opts: IngestOptions, label: (item: string) => string): Promise<void> {
    job.state = 'running';
    job.phase = 'ingest';
    this.emit(job);
    // The same call as `dossier analyze`, without the report folder: the server renders reports on request.
    const summary = await analyzeInputs(this.store, inputs, {
      ingest: { ...opts, maxBytes: this.o.maxBytes, fetch: { allowPrivate: this.o.allowPrivate, maxBytes: this.o.maxBytes } },
      reportDir: null,
      ...(this.o.analyzer ? { analyzer: this.o.analyzer } : {}),
      onEvent: (ev) => this.onPipeline(job, ev, label),
    });
    this.cache.bump();
    job.stored = summary.ingest?.stored ?? 0;
    job.duplicates = summary.ingest?.duplicates ?? 0;
    job.articleIds = summary.ingest?.articleIds ?? [];
    job.done = job.total;
    job.phase = 'done';
    job.state = 'done';
  }

  private onPipeline(job: JobState, ev: PipelineEvent, label: (item: string) => string): void {
    if (ev.kind === 'error') {
      job.failed++;
      job.errors.push({ item: label(ev.item), message: ev.message });
    } else if (ev.kind === 'progress') {
      if (ev.stage === 'ingest') {
        job.done = Math.min(job.total, ev.done);
        job.phase = 'ingest';
        // Articles already stored show in reads while the batch goes on.
        this.cache.bump();
      } else job.phase = `${ev.stage} ${ev.done}/${ev.total}`;
    } else if (ev.kind === 'note') job.phase = ev.stage;
    else return;
    this.emit(job);
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state === 'done' || j.state === 'failed');
    for (const j of finished.slice(0, Math.max(0, finished.length - 50))) {
      this.jobs.delete(j.id);
      this.listeners.delete(j.id);
    }
  }
}

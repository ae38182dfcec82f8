// The whole job in one call: ingest inputs into a store, analyse what is new, place it into
// stories, store the pages of the stories that changed and rewrite their topics' reports.
// `dossier analyze` is this function with its options parsed; a script or a server calls it the same way.
import { resolve } from 'node:path';
import type { IngestOptions } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
import { writeReportFolder } from '../views/report-folder.js';
import { storeStoryPages } from '../views/stored-views.js';
import { analysePending, ANALYSIS_VERSION } from './analyse-store.js';
import { placeNewArticles } from './stories.js';
import { ingestInto, type IngestSummary } from './ingest.js';
import { quiet, type PipelineListener } from './events.js';
import type { Analyzer } from './analyse.js';

export interface AnalyzeOptions {
  /** How files are read and pages fetched. */
  ingest?: IngestOptions;
  /** Re-analyse articles analysed before. */
  force?: boolean;
  /** Folder for the reports; none: no reports are written. */
  reportDir?: string | null;
  /** Rewrite every topic report, not only those of topics this run changed. */
  allReports?: boolean;
  /** The analyser to use; by default the full one, loaded only when there is something to analyse. */
  analyzer?: Analyzer;
  onEvent?: PipelineListener;
}

export interface AnalyzeSummary {
  ingest: IngestSummary | null;
  /** Articles analysed by this run. */
  analysed: number[];
  /** Articles placed into stories by this run. */
  placed: number[];
  /** Whether the stories were rebuilt from the start (no saved clusterer, or one of another version). */
  afresh: boolean;
  reportDir: string | null;
  reportsWritten: number;
}

export async function analyzeInputs(store: Store, inputs: string[], options: AnalyzeOptions = {}): Promise<AnalyzeSummary> {
  const onEvent = options.onEvent ?? quiet;
  const ingest = inputs.length > 0 ? await ingestInto(store, inputs, options.ingest, onEvent) : null;
  // The models take most of a second to load: not when the store holds nothing to analyse.
  const pending = (await store.articlesToAnalyse(ANALYSIS_VERSION, !!options.force)).length;
  const analyzer = pending > 0 ? (options.analyzer ?? (await import('./components.js')).defaultAnalyzer()) : null;
  const analysed = analyzer
    ? await analysePending(store, analyzer, {
        force: !!options.force,
        onProgress: (done, total, articleId) => onEvent({ kind: 'progress', stage: 'analyse', done, total, item: String(articleId) }),
      })
    : [];
  const update = await placeNewArticles(store, analysed, onEvent);
  const touched = [...update.placed, ...analysed];
  // The pages of the stories this run changed are built now, once, for the server and the reports to read.
  await storeStoryPages(store, update.afresh ? null : (await store.listStories(undefined, { articleIds: touched })).map((s) => s.id));
  let reportsWritten = 0;
  const reportDir = options.reportDir ? resolve(options.reportDir) : null;
  if (reportDir) {
    // Only the reports of topics that gained, lost or re-analysed articles are rebuilt (and any
    // missing from the folder): a run costs what it changed, not the size of the store.
    const changed = update.afresh || options.allReports ? null : new Set((await store.listStories('topic', { articleIds: touched })).map((t) => t.id));
    reportsWritten = await writeReportFolder(store, reportDir, changed);
  }
  return { ingest, analysed, placed: update.placed, afresh: update.afresh, reportDir, reportsWritten };
}

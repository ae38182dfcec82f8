// Dossier as a library: the stages the `dossier` command composes, for users' own pipelines.
// From files, pages and feeds to stored articles, their language and event layers, stories and
// reports; each part is also usable alone (extraction, time expressions, quotes, event coding).

// The whole job in one call, and its parts over a store.
export { analyzeInputs, type AnalyzeOptions, type AnalyzeSummary } from './pipeline/analyze.js';
export { ingestInto, type IngestSummary } from './pipeline/ingest.js';
export type { PipelineEvent, PipelineListener, PipelineStage } from './pipeline/events.js';
export { storiesJson } from './views/stories-json.js';

// Feeds and pages watched on a schedule (`dossier watch`), and the sink new items go to.
export { Watcher, type WatchOptions, type RoundSummary } from './watch/watcher.js';
export { InProcessSink, type InProcessSinkOptions } from './watch/in-process-sink.js';
export type { WatchSink, WatchInput, SinkResult } from './watch/sink.js';
export { HostGate, politeFetch } from './watch/politeness.js';
export { systemClock, type Clock } from './watch/clock.js';

// Articles: reading inputs and extracting pages.
export { Ingestor, type IngestEvent, type IngestOptions } from './ingest/ingest.js';
export { extractHtml, type HtmlOptions } from './ingest/html/index.js';
export type { DateValue, ExtractedArticle, SourceRef, BoilerplateItem } from './doc/article.js';

// The store.
export { openStore, SqliteStore } from './store/sqlite/sqlite-store.js';
export type * from './store/store.js';

// The language and event layers, per article and over the store.
export { defaultAnalyzer, defaultComponents, type AnalysisJob } from './pipeline/components.js';
export { createAnalyzer, type Analyzer, type Component, type AnalysableArticle, type AnalysisResult } from './pipeline/analyse.js';
export { analysePending, ANALYSIS_VERSION } from './pipeline/analyse-store.js';
export type * from './doc/layers.js';
export { splitSentences, tokenize } from './text/index.js';
export { findTimes } from './time/index.js';
export { findQuotes } from './quotes/index.js';
export { codeEvents, codeSentence, cameoInfo } from './events/index.js';

// Stories and what is made of them.
export { StoryClusterer } from './stories/cluster/clusterer.js';
export { updateStories } from './pipeline/stories.js';
export { buildStoryView } from './views/build-view.js';
export type { StoryView } from './views/view.js';
export { renderReport, type ReportFormat } from './views/report.js';
export { eventsToCsv, eventsToGdelt } from './views/events-table.js';
export { buildNetwork, networkToGraphml } from './views/graph.js';

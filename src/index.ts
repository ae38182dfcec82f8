// Dossier as a library: the stages the `dossier` command composes, for users' own pipelines.
// From files, pages and feeds to stored articles, their language and event layers, stories and
// reports; each part is also usable alone (extraction, time expressions, quotes, event coding).

// Articles: reading inputs and extracting pages.
export { Ingestor, type IngestEvent, type IngestOptions } from './ingest/ingest.js';
export { extractHtml, type HtmlOptions } from './ingest/html/index.js';
export type { DateValue, ExtractedArticle, SourceRef, BoilerplateItem } from './model.js';

// The store.
export { openStore, SqliteStore } from './store/sqlite/sqlite-store.js';
export type * from './store/store.js';

// The language and event layers, per article and over the store.
export { defaultAnalysers } from './analysis/default-analysers.js';
export { analyseArticle, type Analysers, type AnalysableArticle, type AnalysisResult } from './analysis/analyse.js';
export { analysePending, ANALYSIS_VERSION } from './analysis/pipeline.js';
export type { ArticleDoc } from './analysis/types.js';
export { splitSentences, tokenize } from './text/index.js';
export { findTimes } from './time/index.js';
export { findQuotes } from './quotes/index.js';
export { codeEvents, codeSentence, cameoInfo } from './events/index.js';

// Stories and what is made of them.
export { StoryClusterer } from './stories/cluster/clusterer.js';
export { updateStories } from './stories/pipeline.js';
export { buildStoryView } from './stories/build-view.js';
export type { StoryView } from './stories/view.js';
export { renderReport, type ReportFormat } from './stories/report.js';
export { eventsToCsv, eventsToGdelt } from './export/events-table.js';
export { buildNetwork, networkToGraphml } from './export/graph.js';

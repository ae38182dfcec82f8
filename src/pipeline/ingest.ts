// Ingest into a store: read inputs (files, folders, URLs, feeds, dumps) and store each article in
// its own transaction, so that a failure or a crash keeps every article finished before it.
import { Ingestor, type IngestOptions } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
import { quiet, type PipelineListener } from './events.js';
import { storeArticle } from './store-article.js';

export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  nearDuplicates: number;
  failed: number;
  warnings: number;
  /** Ids of the articles read (new and duplicate), in input order. */
  articleIds: number[];
}

export async function ingestInto(store: Store, inputs: string[], options: IngestOptions = {}, onEvent: PipelineListener = quiet): Promise<IngestSummary> {
  const ingestor = new Ingestor(options);
  const summary: IngestSummary = { read: 0, stored: 0, duplicates: 0, nearDuplicates: 0, failed: 0, warnings: 0, articleIds: [] };
  let done = 0;
  for await (const ev of ingestor.run(inputs)) {
    if (ev.kind === 'error') {
      summary.failed++;
      await store.recordError(ev.item, ev.message);
      onEvent({ kind: 'error', stage: 'ingest', item: ev.item, message: ev.message });
    } else if (ev.kind === 'warning') {
      summary.warnings++;
      onEvent({ kind: 'warning', stage: 'ingest', item: ev.item, message: ev.message });
    } else {
      summary.read++;
      try {
        const res = await storeArticle(store, ev.article);
        summary.articleIds.push(res.id);
        if (res.status === 'new') summary.stored++;
        else summary.duplicates++;
        if (res.nearDuplicates.length > 0) summary.nearDuplicates++;
      } catch (e) {
        summary.failed++;
        onEvent({ kind: 'error', stage: 'ingest', item: ev.item, message: `could not store: ${e instanceof Error ? e.message : String(e)}` });
      }
    }
    onEvent({ kind: 'progress', stage: 'ingest', done: ++done, total: Math.max(done, inputs.length), item: ev.item });
  }
  return summary;
}

// The whole pipeline on the seeds gives the same stories on PostgreSQL as on SQLite: the same
// topics and events with the same articles and headlines, and the same report, word for word.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { analyzeInputs } from '../../src/pipeline/analyze.js';
import { defaultAnalyzer } from '../../src/pipeline/components.js';
import { storiesJson } from '../../src/views/stories-json.js';
import { buildStoryView } from '../../src/views/build-view.js';
import { renderReport } from '../../src/views/report.js';
import { seedsDir } from '../../src/paths.js';
import { tempDir } from '../helpers.js';
import { freshPgStore, pgUrl } from '../pg-database.js';

async function outcome(store: Store) {
  await analyzeInputs(store, [seedsDir()], { analyzer: defaultAnalyzer() });
  const topics = await storiesJson(store);
  const reports: string[] = [];
  for (const t of topics) reports.push(renderReport((await buildStoryView(store, t.id))!, 'md'));
  const events = (await store.queryEvents({})).map((e) => `${e.articleId} ${e.cameo} ${e.source} ${e.target} ${e.date}`);
  await store.close();
  return { topics, reports, events };
}

const t = tempDir('dossier-parity-');
afterAll(() => t.cleanup());

describe.skipIf(!pgUrl())('the seeds on PostgreSQL and on SQLite', () => {
  it('give the same stories, events and reports', async () => {
    const lite = await outcome(openStore(join(t.dir, 'seeds.db')));
    const server = await outcome(await freshPgStore());
    expect(lite.topics.length).toBeGreaterThan(0);
    expect(lite.topics[0]!.events.length).toBeGreaterThan(1);
    expect(server.topics).toEqual(lite.topics);
    expect(server.events).toEqual(lite.events);
    expect(server.reports).toEqual(lite.reports);
  });
});

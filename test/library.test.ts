// Dossier used as a library, through the package's own entry point: the seeds from files to a
// report in a few calls, as a user's script would do it.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, seedsDir } from '../src/paths.js';
import { tempDir } from './helpers.js';

describe('the library entry point', () => {
  const t = tempDir('dossier-lib-');
  afterAll(() => t.cleanup());

  it('is where package.json says, once built', async () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; types: string };
    expect(existsSync(join(repoRoot, pkg.main))).toBe(true);
    expect(existsSync(join(repoRoot, pkg.types))).toBe(true);
  });

  it('takes the seeds from files to stories and a report', async () => {
    const lib = await import('../src/index.js');
    const store = lib.openStore(join(t.dir, 'lib.db'));
    try {
      const events: string[] = [];
      const run = await lib.analyzeInputs(store, [seedsDir()], { reportDir: join(t.dir, 'report'), onEvent: (e) => events.push(`${e.kind}:${e.stage}`) });
      expect(await store.countArticles()).toBe(5);
      expect(run.ingest?.stored).toBe(5);
      expect(run.analysed).toHaveLength(5);
      expect(run.placed).toHaveLength(5);
      expect(run.reportsWritten).toBe(1);
      expect(existsSync(join(t.dir, 'report', 'index.md'))).toBe(true);
      // Progress comes through the listener, stage by stage, never through the console.
      expect(events).toContain('progress:ingest');
      expect(events).toContain('progress:analyse');
      const [topic] = await store.listStories('topic');
      expect(topic?.articleIds).toHaveLength(5);
      const view = (await lib.buildStoryView(store, topic!.id))!;
      expect(view.events).toHaveLength(3);
      const md = lib.renderReport(view, 'md');
      expect(md).toContain('## Timeline');
      expect(md).toContain('## How the outlets told it');
      expect(lib.eventsToCsv((await store.queryEvents({}))).split('\n').length).toBeGreaterThan(10);
    } finally {
      await store.close();
    }
  });

  it('offers the layers one by one on plain text', async () => {
    const lib = await import('../src/index.js');
    const text = 'The minister said on Monday that "talks will resume," and Chile signed the accord.';
    expect(lib.splitSentences(text)).toHaveLength(1);
    expect(lib.findTimes(text, { date: '2021-03-03' }).map((x) => x.value)).toContain('2021-03-01');
    expect(lib.findQuotes(text).map((q) => q.text)).toContain('talks will resume,');
  });
});

// The whole pipeline on the seed articles against their hand annotation. Floors sit at what the
// pipeline reaches today, so that a regression in any layer shows here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyseSeeds, loadGold, scoreSeeds } from '../../src/bench/seeds-analysis.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers.js';

describe('seeds through the whole pipeline', () => {
  const t = tempDir();
  let store: SqliteStore;
  let score: Awaited<ReturnType<typeof scoreSeeds>>;
  beforeAll(async () => {
    store = await analyseSeeds(join(t.dir, 'seeds.db'));
    score = await scoreSeeds(store, loadGold());
  });
  afterAll(async () => {
    await store.close();
    t.cleanup();
  });

  it('groups the five articles into one topic holding three separate events', async () => {
    expect(score.topicOk).toBe(true);
    expect(score.eventsOk).toBe(true);
  });

  it('resolves aliases, spelling variants and metonyms to their entities', async () => {
    expect(score.aliasOk).toBeGreaterThanOrEqual(38);
    expect(score.nameVariants.join(' ')).toMatch(/Bagheri.*Baqeri|Baqeri.*Bagheri/);
  });

  it('finds every gold quote with the right speaker', async () => {
    expect(score.quoteFound).toBe(score.quoteTotal);
    expect(score.quoteSpeaker).toBe(score.quoteTotal);
  });

  it('codes the must events with their root code and actors', async () => {
    expect(score.mustOk).toBeGreaterThanOrEqual(9);
  });

  it('dates events of the undated article through its story, each by the weekday of its own sentence', async () => {
    expect(score.viaStory).toBe(2);
    expect(score.viaStoryOk).toBe(score.viaStory);
  });

  it('compares outlets within each happening: the spellings and quote wordings the gold lists per event', async () => {
    expect(score.perEvent.names).toBeGreaterThan(0);
    expect(score.perEvent.namesFound).toBe(score.perEvent.names);
    expect(score.perEvent.quotesFound).toBe(score.perEvent.quotes);
  });

  it('finds the article that contradicts itself (its dek sends the visitor elsewhere than its body)', async () => {
    expect(score.contradictions).toBeGreaterThanOrEqual(1);
  });

  it('infers the undated Damascus-visit article\'s date from its dated sibling, with evidence', async () => {
    const a = (await store.findByExternalId('001_ce89d911b5e9762c'))!;
    expect(a.published).toBeNull();
    expect(a.inferredPublished?.value).toMatch(/^2017-10-18\.\./);
    expect(a.inferredPublished?.evidence).toContain('000_796bc22caf6741c1');
  });
});

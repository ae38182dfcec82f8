import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterAndScore, loadEcbDev } from '../../../src/bench/clustering.js';
import { scoreOverOrders, shuffledOrders } from '../../../src/bench/clustering-orders.js';
import { seedsDir } from '../../../src/paths.js';
import { StoryClusterer } from '../../../src/stories/cluster/clusterer.js';
import { scorePartition } from '../../../src/stories/cluster/evaluate.js';
import type { ClusterDoc } from '../../../src/stories/cluster/types.js';

/** Seed articles in file order; a leading `date YYYY-MM-DD` token becomes the publication date. */
function seedDocs(): ClusterDoc[] {
  return readdirSync(seedsDir())
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      let text = readFileSync(join(seedsDir(), f), 'utf8');
      let published: string | null = null;
      const m = /^\s*date (\d{4}-\d{2}-\d{2})\s+/.exec(text);
      if (m) {
        published = m[1]!;
        text = text.slice(m[0].length);
      }
      return { id: f.replace(/\.txt$/, ''), text, published };
    });
}

function placement(c: StoryClusterer): Map<string, { topic: string; event: string }> {
  const out = new Map<string, { topic: string; event: string }>();
  for (const t of c.topics()) for (const e of t.events) for (const d of e.docIds) out.set(d, { topic: t.id, event: e.id });
  return out;
}

interface SeedStories {
  stories: { topic: { articles: string[] }; events: { articles: string[] }[] };
}

describe('StoryClusterer on the seed articles', () => {
  const gold = (JSON.parse(readFileSync(join(seedsDir(), '..', 'seeds.gold.json'), 'utf8')) as SeedStories).stories;
  const c = new StoryClusterer();
  for (const d of seedDocs()) c.add(d);
  const at = placement(c);
  const goldEvent = new Map<string, string>();
  gold.events.forEach((e, i) => e.articles.forEach((a) => goldEvent.set(a, String(i))));
  const systemEvent = new Map([...goldEvent.keys()].map((id) => [id, at.get(id)!.event]));

  it('puts all five in one topic', () => {
    expect(at.size).toBe(gold.topic.articles.length);
    expect(new Set([...at.values()].map((p) => p.topic)).size).toBe(1);
  });

  it('keeps the two reports of the 2020 agreement together', () => {
    const agreement = gold.events.find((e) => e.articles.length === 2 && e.articles.every((a) => !a.startsWith('000')))!;
    expect(new Set(agreement.articles.map((a) => at.get(a)!.event)).size).toBe(1);
  });

  it('splits the topic into events well enough (BCubed F1 against the hand annotation)', () => {
    // Measured 0.765 (2026-11-22): the agreement event also takes the Hatami visit (004), and
    // the two reports of the 2017 visit stay apart. See docs/benchmarks/clustering.md.
    expect(scorePartition(systemEvent, goldEvent).bcubed.f1).toBeGreaterThan(0.7);
  });

  // Known shortfall: at five articles the IDF weights cannot discount the shared vocabulary
  // (Iran, Syria, military, cooperation), and every seed scores 0.22..0.36 against every event.
  // Flip to `it` when the three events come out exactly.
  it.fails('finds exactly the three annotated events', () => {
    expect(scorePartition(systemEvent, goldEvent).bcubed.f1).toBe(1);
  });
});

describe('StoryClusterer on ECB+ dev (first 150 articles, file order)', () => {
  const articles = loadEcbDev(150);

  it('stays above a floor on both partitions, in the file order and on average over shuffled orders', () => {
    const s = clusterAndScore(articles);
    expect(s.topic.bcubed.f1).toBeGreaterThan(0.85); // measured 0.875 (2026-12-01, topic threshold 0.25)
    expect(s.event.bcubed.f1).toBeGreaterThan(0.82); // measured 0.847
    expect(s.event.pairwise.f1).toBeGreaterThan(0.7); // measured 0.744
    const shuffled = scoreOverOrders(shuffledOrders(articles, 4));
    expect(shuffled.topic.mean).toBeGreaterThan(85); // measured 88.2 (0.12 threshold: 88.0)
    expect(shuffled.event.mean).toBeGreaterThan(86); // measured 88.6
  });

  it('lets an article that names what an event names join it below the event threshold', () => {
    const orders = shuffledOrders(articles, 4);
    const named = scoreOverOrders(orders);
    const plain = scoreOverOrders(orders, { namedJoinThreshold: 0 });
    // Measured 2026-12-01: event mean 85.9 without the rule, 88.6 with it; topics unchanged (88.2).
    expect(named.event.mean).toBeGreaterThan(plain.event.mean + 1.5);
    expect(named.topic.mean).toBeGreaterThanOrEqual(plain.topic.mean - 0.5);
  });

  it('gives the same result after a JSON round trip of its state', () => {
    const straight = new StoryClusterer();
    const first = new StoryClusterer();
    const results: string[] = [];
    const resumedResults: string[] = [];
    for (const a of articles.slice(0, 100)) {
      straight.add({ id: a.id, text: a.text });
      first.add({ id: a.id, text: a.text });
    }
    const resumed = StoryClusterer.fromJSON(JSON.parse(JSON.stringify(first.toJSON())));
    expect(resumed.topics()).toEqual(straight.topics());
    for (const a of articles.slice(100)) {
      results.push(JSON.stringify(straight.add({ id: a.id, text: a.text })));
      resumedResults.push(JSON.stringify(resumed.add({ id: a.id, text: a.text })));
    }
    expect(resumedResults).toEqual(results);
    expect(resumed.topics()).toEqual(straight.topics());
  });

  it('reports where each article went and what changed', () => {
    const c = new StoryClusterer();
    const r1 = c.add({ id: articles[0]!.id, text: articles[0]!.text });
    expect(r1.changed).toEqual([r1.eventId, r1.topicId].sort());
    const again = c.add({ id: 'copy', text: articles[0]!.text });
    expect(again.eventId).toBe(r1.eventId);
    expect(c.topics()[0]!.docIds).toEqual([articles[0]!.id, 'copy']);
  });
});

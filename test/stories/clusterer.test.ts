import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterAndScore, loadEcbDev } from '../../src/bench/clustering.js';
import { seedsDir } from '../../src/paths.js';
import { StoryClusterer } from '../../src/stories/cluster/clusterer.js';
import type { ClusterDoc } from '../../src/stories/cluster/types.js';

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
      return { id: f.slice(0, 3), text, published };
    });
}

function placement(c: StoryClusterer): Map<string, { topic: string; event: string }> {
  const out = new Map<string, { topic: string; event: string }>();
  for (const t of c.topics()) for (const e of t.events) for (const d of e.docIds) out.set(d, { topic: t.id, event: e.id });
  return out;
}

describe('StoryClusterer on the seed articles', () => {
  const c = new StoryClusterer();
  for (const d of seedDocs()) c.add(d);
  const at = placement(c);
  const event = (id: string) => at.get(id)!.event;

  it('puts all five in one topic', () => {
    expect(new Set([...at.values()].map((p) => p.topic)).size).toBe(1);
    expect(at.size).toBe(5);
  });

  it('keeps the 2020 agreement (002, 003) together and apart from the visits', () => {
    expect(event('002')).toBe(event('003'));
    for (const visit of ['000', '001', '004']) expect(event(visit)).not.toBe(event('002'));
  });

  it('keeps the Hatami visit (004) apart from the Bagheri visit (000)', () => {
    expect(event('004')).not.toBe(event('000'));
    expect(event('004')).not.toBe(event('001'));
  });

  // Known shortfall: 001 spells the general 'Baqeri' and shares too little else with 000 at this
  // corpus size, so the 2017 visit splits in two. Flip to `it` when it comes right.
  it.fails('joins the two reports of the 2017 visit (000, 001)', () => {
    expect(event('000')).toBe(event('001'));
  });
});

describe('StoryClusterer on ECB+ dev (first 150 articles, file order)', () => {
  const articles = loadEcbDev(150);

  it('stays above a floor on both partitions', () => {
    const s = clusterAndScore(articles);
    expect(s.topic.bcubed.f1).toBeGreaterThan(0.9); // measured 0.947 (2026-11-22)
    expect(s.event.bcubed.f1).toBeGreaterThan(0.82); // measured 0.847
    expect(s.event.pairwise.f1).toBeGreaterThan(0.7); // measured 0.742
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

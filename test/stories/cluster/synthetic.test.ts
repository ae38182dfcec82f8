import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNTHETIC, SyntheticStream, mulberry32 } from '../../../src/bench/synthetic.js';
import { StoryClusterer } from '../../../src/stories/cluster/clusterer.js';

describe('synthetic article stream', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new SyntheticStream({ ...DEFAULT_SYNTHETIC, vocabulary: 2000 });
    const b = new SyntheticStream({ ...DEFAULT_SYNTHETIC, vocabulary: 2000 });
    const c = new SyntheticStream({ ...DEFAULT_SYNTHETIC, vocabulary: 2000, seed: 8 });
    const first = a.next();
    expect(b.next()).toEqual(first);
    expect(c.next().text).not.toBe(first.text);
    expect(first.text.split(/\s+/).length).toBeGreaterThan(DEFAULT_SYNTHETIC.words);
    expect(first.text.startsWith(first.published)).toBe(true);
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it('gives streams the clusterer can sort into their events', () => {
    const stream = new SyntheticStream({ ...DEFAULT_SYNTHETIC, vocabulary: 5000 });
    const clusterer = new StoryClusterer();
    const gold = new Map<string, string>();
    for (let i = 0; i < 300; i++) {
      const art = stream.next();
      gold.set(art.id, art.event);
      clusterer.add({ id: art.id, text: art.text, published: art.published });
    }
    const events = clusterer.topics().flatMap((t) => t.events);
    // About as many events as the stream has (measured 118 for 119), not one per article...
    expect(events.length).toBeLessThan(1.25 * new Set(gold.values()).size);
    // ...and each system event dominated by one synthetic event (measured purity 0.997).
    let agreeing = 0;
    for (const e of events) {
      const counts = new Map<string, number>();
      for (const d of e.docIds) counts.set(gold.get(d)!, (counts.get(gold.get(d)!) ?? 0) + 1);
      agreeing += Math.max(...counts.values());
    }
    expect(agreeing / gold.size).toBeGreaterThan(0.9);
  });
});

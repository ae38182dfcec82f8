// A copy of the clusters kept up to date from what each add reports as changed (as the story
// tables are) ends equal to the clusterer's full listing, through joins, new events and merges.
import { describe, expect, it } from 'vitest';
import { loadEcbDev } from '../../../src/bench/clustering.js';
import { StoryClusterer } from '../../../src/stories/cluster/clusterer.js';

interface Row {
  parent: string | null;
  docIds: string[];
}

function fullListing(c: StoryClusterer): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const t of c.topics()) {
    rows.set(t.id, { parent: null, docIds: [...t.docIds].sort() });
    for (const e of t.events) rows.set(e.id, { parent: t.id, docIds: [...e.docIds].sort() });
  }
  return rows;
}

describe('StoryClusterer.clustersNamed', () => {
  it('tells a copy everything it must rewrite, batch by batch', () => {
    const articles = loadEcbDev(200);
    const c = new StoryClusterer();
    const copy = new Map<string, Row>();
    let merged = 0;
    for (let i = 0; i < articles.length; i += 10) {
      const changed = new Set<string>();
      for (const a of articles.slice(i, i + 10)) for (const id of c.add({ id: a.id, text: a.text }).changed) changed.add(id);
      const now = c.clustersNamed(changed);
      for (const t of now.topics) copy.set(t.id, { parent: null, docIds: [...t.docIds].sort() });
      for (const e of now.events) copy.set(e.id, { parent: e.topicId, docIds: [...e.docIds].sort() });
      for (const id of now.gone) copy.delete(id);
      merged += now.gone.length;
    }
    // Merges happened, so the copy had clusters to drop and events to move.
    expect(merged).toBeGreaterThan(0);
    expect(copy).toEqual(fullListing(c));
  });

  it('reports an id it does not know as gone', () => {
    const c = new StoryClusterer();
    const placed = c.add({ id: 'a', text: 'Flood waters rose in the river town overnight.' });
    const now = c.clustersNamed([placed.topicId, placed.eventId, 't999', 'e999']);
    expect(now.topics.map((t) => t.id)).toEqual([placed.topicId]);
    expect(now.events.map((e) => [e.id, e.topicId, e.docIds])).toEqual([[placed.eventId, placed.topicId, ['a']]]);
    expect(now.gone).toEqual(['t999', 'e999']);
  });
});

// Ingestion of the five seed articles (read from ../shared at run time) against seeds.gold.json:
// metadata, boilerplate, and no body sentence lost.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSeeds, loadSeeds, lostBodySentences, normWs, runner, seedsGoldPath } from '../../src/bench/seeds.js';

describe.skipIf(!existsSync(seedsGoldPath()))('seed articles', () => {
  const seeds = loadSeeds();
  const articles = extractSeeds(seeds);

  it('finds all five seeds', () => {
    expect(seeds).toHaveLength(5);
  });

  it.each(seeds.map((s, i) => [s.id, i] as const))('%s: metadata matches the gold', (_id, i) => {
    const { gold } = seeds[i]!;
    const a = articles[i]!;
    expect(a.externalId).toBe(gold.id);
    expect(a.title).toBe(gold.title);
    expect(a.dek === null ? null : normWs(a.dek)).toBe(gold.dek === undefined || gold.dek === null ? null : normWs(gold.dek));
    expect(a.authors).toEqual(gold.authors);
    expect(a.outlet).toBe(gold.outlet);
    expect(a.url).toBe(gold.url);
    expect(a.published?.value ?? null).toBe(gold.published);
    expect(a.dateline).toBe(gold.dateline ?? null);
    // Every field found says which rule found it.
    for (const f of ['title', 'dek', 'outlet', 'url', 'published', 'dateline'] as const) {
      if (a[f] !== null) expect(a.provenance[f]).toMatch(/^text:/);
    }
    if (a.authors.length > 0) expect(a.provenance.authors).toMatch(/^text:/);
  });

  it.each(seeds.map((s, i) => [s.id, i] as const))('%s: boilerplate matches the gold and no body sentence is lost', (_id, i) => {
    const { gold, raw } = seeds[i]!;
    const a = articles[i]!;
    const removed = a.boilerplate.filter((b) => b.kind !== 'dateline').map((b) => normWs(b.text));
    expect(removed.sort()).toEqual(gold.boilerplate.map(normWs).sort());
    const text = normWs(a.text);
    for (const b of gold.boilerplate) expect(text).not.toContain(normWs(b));
    expect(lostBodySentences(raw, gold, a.text)).toEqual([]);
    expect(a.text).not.toMatch(/\n{3,}/);
    expect(a.text.split('\n\n').length).toBeGreaterThan(5);
  });

  it('the lost-sentence check does see missing text', () => {
    const { gold, raw } = seeds[0]!;
    const text = articles[0]!.text;
    const cut = text.split('\n\n').slice(1).join('\n\n');
    expect(lostBodySentences(raw, gold, cut).length).toBeGreaterThan(0);
  });

  it('the runner reports full marks for ingestion', async () => {
    const report = await runner.run({ args: [] });
    const row = (m: string) => report.rows.find((r) => r.metric === m)?.ours;
    expect(row('ingest: boilerplate precision')).toBe(1);
    expect(row('ingest: boilerplate recall')).toBe(1);
    expect(row('ingest: body sentences lost')).toBe(0);
    expect(row('ingest: boilerplate kind agreement')).toMatch(/^(\d+)\/\1$/);
    expect(row('ingest: title accuracy')).toBe('5/5');
    expect(report.notes ?? []).toEqual([]);
  });
});

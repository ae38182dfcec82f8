// The whole pipeline through the CLI on the seed articles: analyze, stories, story, report,
// entities, events exports, network, tag and code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedsDir } from '../../src/paths.js';
import { mdText } from '../../src/views/markdown.js';
import { openingWords } from '../../src/text/index.js';
import { dossier, tempDir } from '../helpers.js';



describe('dossier analyze on the seeds', () => {
  const t = tempDir();
  const db = join(t.dir, 'seeds.db');
  const out = join(t.dir, 'report');
  let run: ReturnType<typeof dossier>;
  beforeAll(() => {
    run = dossier(['analyze', seedsDir(), '--db', db, '--out', out, '--json']);
  });
  afterAll(() => t.cleanup());

  it('runs ingest to report in one command and lists topics with events and input ids', () => {
    expect(run.err).not.toMatch(/error:/);
    expect(run.code).toBe(0);
    const topics = JSON.parse(run.out) as { articles: string[]; events: { articles: string[] }[] }[];
    const all = topics.flatMap((x) => x.articles).sort();
    expect(all).toEqual(['000_796bc22caf6741c1', '001_ce89d911b5e9762c', '002_b0f815cac652afb8', '003_3c888469a57ef90e', '004_a3d8ef116fbc7c0a']);
    for (const topic of topics) expect(topic.events.flatMap((e) => e.articles).sort()).toEqual([...topic.articles].sort());
    // The index links each topic's report with its counts, as the stories list them.
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    for (const topic of topics) expect(index).toContain(`${topic.articles.length} articles, ${topic.events.length} event`);
  });

  it('writes self-contained reports with summary, timeline, actors, comparison, quotes and sources', () => {
    const md = readFileSync(join(out, 'story-1.md'), 'utf8');
    for (const h of ['## Summary', '## Timeline', '## Actors', '## How the outlets told it', '## Quotes', '## Sources']) expect(md).toContain(h);
    // Actors are named, with their code beside the name.
    expect(md).toMatch(/^\| Iran's military \(IRNMIL\) \| Syria[^|]* \(SYR[A-Z]*\) \|/m);
    // A seed with neither headline nor outlet is known by its opening words, not by its file name.
    const listed = JSON.parse(dossier(['articles', '--db', db, '--json']).out) as { id: number; externalId: string; title: string | null; outlet: string | null; published: string | null }[];
    const untitled = listed.find((a) => !a.title && !a.outlet)!;
    const shown = JSON.parse(dossier(['show', String(untitled.id), '--db', db, '--json']).out) as { text: string };
    // Sources are listed under the store's ids, the anchors the citations link to.
    expect(md).toContain(`- <a id="source-${untitled.id}"></a>**\\[${untitled.id}\\]** “${mdText(openingWords(shown.text) ?? '')}” — outlet unknown, ${mdText(untitled.published ?? 'date unknown')}`);
    expect(md).not.toContain(`** ${untitled.externalId}`);
    const html = dossier(['report', '1', '--db', db, '--format', 'html']).out;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    const json = JSON.parse(dossier(['report', '1', '--db', db, '--format', 'json']).out);
    expect(json).toHaveProperty('comparison.conflicts');
  });

  it('shows an article with its entities, times, quotes and events', () => {
    const a = JSON.parse(dossier(['show', '000_796bc22caf6741c1', '--db', db, '--json']).out);
    expect(a.mentions.some((m: { type: string; entity: string | null }) => m.type === 'PERSON' && m.entity)).toBe(true);
    expect(a.times.some((t: { resolved: boolean }) => t.resolved)).toBe(true);
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(a.events.length).toBeGreaterThan(0);
    expect(dossier(['show', '000_796bc22caf6741c1', '--db', db]).out).toMatch(/## quotes \(\d+\)/);
  });

  it('shows entities with their aliases, and one entity with roles and mentions', () => {
    const list = JSON.parse(dossier(['entities', '--db', db, '--type', 'PERSON', '--json']).out) as { id: number; aliases: { alias: string }[] }[];
    expect(list.length).toBeGreaterThan(3);
    const one = JSON.parse(dossier(['entity', String(list[0]!.id), '--db', db, '--json']).out);
    expect(one.mentionList.length).toBeGreaterThan(0);
  });

  it('exports events as JSON, CSV and the GDELT layout, and the network as GraphML', () => {
    const events = JSON.parse(dossier(['events', '--db', db, '--json']).out) as unknown[];
    expect(events.length).toBeGreaterThan(0);
    const csv = dossier(['events', '--db', db, '--format', 'csv']).out.trim().split('\n');
    expect(csv).toHaveLength(events.length + 1);
    const tsv = dossier(['events', '--db', db, '--format', 'gdelt']).out.trim().split('\n');
    expect(tsv[0]!.split('\t')).toHaveLength(61);
    expect(dossier(['network', '--db', db, '--format', 'graphml']).out).toContain('<graphml');
  });

  it('re-analyses everything with --force without doubling entity counts or moving stories', () => {
    const before = dossier(['entities', '--db', db, '--json']).out;
    const stories = dossier(['stories', '--db', db, '--json']).out;
    expect(dossier(['analyze', '--db', db, '--out', out, '--force']).code).toBe(0);
    expect(dossier(['entities', '--db', db, '--json']).out).toBe(before);
    expect(dossier(['stories', '--db', db, '--json']).out).toBe(stories);
  });

  it('tags and codes JSON lines on stdin, one output line per input line', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Chilean President Ana Ruiz visited Norway on Monday, officials said.', published: '2019-05-11' }),
      'not json',
      JSON.stringify({ id: 'b', tokens: ['Ana', 'Ruiz', 'met', 'Norwegian', 'officials', '.'] }),
    ].join('\n');
    const tagged = dossier(['tag'], input);
    const lines = tagged.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].times[0]).toMatchObject({ value: '2019-05-06' });
    expect(lines[0].entities.map((e: { text: string }) => e.text)).toEqual(expect.arrayContaining(['Ana Ruiz', 'Norway']));
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2].entities.find((e: { text: string }) => e.text === 'Ana Ruiz')).toMatchObject({ start: 0, end: 2 });
    expect(tagged.code).toBe(1);
    const coded = JSON.parse(dossier(['code'], input.split('\n')[0]).out.trim());
    expect(coded.id).toBe('a');
    expect(Array.isArray(coded.events)).toBe(true);
  });
});

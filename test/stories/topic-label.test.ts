// Story labels as `dossier stories` shows them: the most mentioned actors of a topic in English,
// the article's own title for a topic of one article or of articles the entity layer cannot read,
// and for an event whose coded acts do not name both actors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsDir } from '../../src/paths.js';
import { dossier, tempDir } from '../helpers.js';

interface Listed {
  headline: string;
  articles: string[];
  events: { headline: string; articles: string[] }[];
}

describe('topic labels', () => {
  const t = tempDir();
  let topics: Listed[] = [];
  beforeAll(() => {
    const db = join(t.dir, 'labels.db');
    const dump = join(t.dir, 'dump.jsonl');
    const rows = [
      {
        id: 'harbour',
        title: 'Harbour authority in Valparaíso approves new dredging budget',
        language: 'en',
        text: 'VALPARAÍSO, Chile — The harbour authority approved a dredging budget of 40 million pesos on Tuesday, its chairman Tomás Reyes said. The work will deepen the container berths before the winter storms.',
      },
      {
        id: 'zug',
        title: 'Nachtzug zwischen Wien und Zürich fährt wieder',
        language: 'de',
        text: 'Die Österreichischen Bundesbahnen nehmen den Nachtzug zwischen Wien und Zürich ab Dezember wieder auf. Die Fahrt dauert zehn Stunden, teilte ein Sprecher am Montag mit.',
      },
      {
        id: 'untitled',
        language: 'en',
        text: 'Heavy rain flooded the lower town overnight. Residents waited on roofs for boats until morning.',
      },
      {
        id: 'praise',
        title: 'Minister hails record harvest',
        language: 'en',
        text: 'The United States praised the record harvest on Monday. Farmers welcomed the news in 2022.',
      },
    ];
    writeFileSync(dump, rows.map((r) => JSON.stringify(r)).join('\n'));
    const r = dossier(['analyze', dump, seedsDir(), '--db', db, '--out', join(t.dir, 'report')]);
    if (r.code !== 0) throw new Error(r.err);
    topics = JSON.parse(dossier(['stories', '--json', '--db', db]).out) as Listed[];
  }, 60_000);
  afterAll(() => t.cleanup());

  it("labels a one-article topic with the article's title", () => {
    expect(topics.find((x) => x.articles.includes('harbour'))?.headline).toBe('Harbour authority in Valparaíso approves new dredging budget');
    expect(topics.find((x) => x.articles.includes('zug'))?.headline).toBe('Nachtzug zwischen Wien und Zürich fährt wieder');
  });

  it("names an event by its article's title when no coded act names both actors", () => {
    // 'The United States praised ...' is coded with no target: 'United States praises' names nothing.
    const praise = topics.find((x) => x.articles.includes('praise'))!;
    expect(praise.events.map((e) => e.headline)).toEqual(['Minister hails record harvest']);
  });

  it('labels the stories of an untitled article naming no actor by its opening words', () => {
    const flood = topics.find((x) => x.articles.includes('untitled'))!;
    expect(flood.headline).toBe('Heavy rain flooded the lower town overnight.');
    expect(flood.events.map((e) => e.headline)).toEqual(['Heavy rain flooded the lower town overnight.']);
  });

  it('labels a topic of several English articles by its most mentioned actors', () => {
    const seeds = topics.find((x) => x.articles.includes('000_796bc22caf6741c1'))!;
    expect(seeds.headline.split(' – ')).toEqual(expect.arrayContaining(['Syria', 'Iran']));
  });
});

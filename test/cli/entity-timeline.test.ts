// `dossier timeline` over a store built from two short articles written for this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dossier, tempDir } from '../helpers.js';

const A = `date 2021-03-04
Harbor Works opens new terminal

Maria Ostrander, the chief executive of Harbor Works, opened the company's new container terminal on Tuesday. Ostrander said the terminal would double the port's capacity by 2023. She thanked the city council for its support.
`;
const B = `date 2021-05-10
Harbor Works chief resigns

Maria Ostrander resigned as chief executive of Harbor Works on Monday. She had led the company since 2015. In 2012, Ostrander founded a small consulting firm in Baltimore.
`;

interface Out {
  entity: string;
  events: { order: number; date: string | null; mentions: { word: string; input: string }[] }[];
}

describe('dossier timeline', () => {
  const t = tempDir();
  const db = join(t.dir, 'tl.db');
  beforeAll(() => {
    const inputs = join(t.dir, 'in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'a.txt'), A);
    writeFileSync(join(inputs, 'b.txt'), B);
    dossier(['ingest', inputs, '--db', db]);
    dossier(['analyze', '--db', db, '--out', join(t.dir, 'report')]);
  });
  afterAll(() => t.cleanup());

  it("orders the person's events by date across both articles", () => {
    const run = dossier(['timeline', 'Maria Ostrander', '--db', db, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out) as Out;
    expect(out.entity).toBe('Maria Ostrander');
    const dateOf = (w: string) => out.events.find((e) => e.mentions.some((m) => m.word === w))?.date;
    expect(dateOf('founded')).toBe('2012');
    expect(dateOf('opened')).toBe('2021-03-02');
    expect(dateOf('resigned')).toBe('2021-05-10');
    const orders = out.events.filter((e) => e.order > 0).map((e) => e.date!);
    expect(orders).toEqual([...orders].sort());
    expect(new Set(out.events.flatMap((e) => e.mentions.map((m) => m.input))).size).toBe(2);
  });

  it('prints a table, and says so when a name has no events', () => {
    expect(dossier(['timeline', 'Maria Ostrander', '--db', db]).out).toMatch(/2021-05-10\s+resigned/);
    expect(dossier(['timeline', 'Nobody Here', '--db', db]).out).toMatch(/no events found for Nobody Here/);
  });
});

// Time evidence in story clustering: days the time layer resolved, and reports years apart.
// The articles are written for this test (an annual regatta in a made-up town).
import { describe, expect, it } from 'vitest';
import { StoryClusterer } from '../../../src/stories/cluster/clusterer.js';
import { epochDays, extractFeatures } from '../../../src/stories/features.js';

const REGATTA = [
  {
    id: 'a1',
    published: '2016-07-10',
    text: 'Kellsby harbour regatta: Mara Lindqvist takes the cup\nThe Kellsby harbour regatta ended on Sunday with a win for Mara Lindqvist, who sailed the 14-mile course in heavy wind. Some 3,200 spectators lined the harbour wall as 41 boats started. Organisers said the regatta, held every summer since 1962, raised money for the lifeboat station.',
  },
  {
    id: 'a2',
    published: '2016-07-11',
    text: 'Lindqvist wins in Kellsby\nMara Lindqvist won the annual Kellsby harbour regatta on Sunday after a close finish with the Harwell crew. Strong wind forced two boats out of the race. The lifeboat station, which the regatta supports, thanked the 3,200 spectators.',
  },
  {
    id: 'b1',
    published: '2020-07-12',
    text: 'Kellsby harbour regatta: Tomas Ferreira takes the cup\nThe Kellsby harbour regatta ended on Sunday with a win for Tomas Ferreira, who sailed the 14-mile course in light wind. Spectators lined the harbour wall as 37 boats started. Organisers said the regatta, held every summer since 1962, raised money for the lifeboat station.',
  },
  {
    id: 'b2',
    published: '2020-07-13',
    text: 'Ferreira first in Kellsby\nIn light wind on Sunday, Tomas Ferreira took the annual Kellsby harbour regatta, his first win there. About 2,800 people watched from the harbour wall; the lifeboat station receives the money the regatta raises.',
  },
];

function structure(c: StoryClusterer): string[][][] {
  return c.topics().map((t) => t.events.map((e) => [...e.docIds].sort()));
}

describe('time evidence', () => {
  it('reads the days the time layer resolved as dates, and the latest as an undated article’s time', () => {
    const f = extractFeatures({ text: 'The talks resumed on Tuesday and ended on Thursday.', dates: ['2019-05-07', '2019-05-09', 'XXXX-WXX-2', '2019'] });
    expect([...f.dates].sort()).toEqual(['2019-05-07', '2019-05-09']);
    expect(f.years.has(2019)).toBe(true);
    expect(f.time).toBe(epochDays('2019-05-09'));
    // A publication date stays the article's time.
    expect(extractFeatures({ text: 'x', published: '2019-05-10', dates: ['2019-05-07'] }).time).toBe(epochDays('2019-05-10'));
  });

  it('tells two editions of one recurring happening apart when their reports are years apart', () => {
    const dated = new StoryClusterer();
    for (const r of REGATTA) dated.add(r);
    expect(structure(dated)).toEqual([[['a1', 'a2'], ['b1', 'b2']]]);
    // The same reports with no dates share too much to be told apart...
    const undated = new StoryClusterer();
    for (const r of REGATTA) undated.add({ ...r, published: null });
    expect(structure(undated)).toEqual([[['a1', 'a2', 'b1', 'b2']]]);
    // ...and so do dated ones when no bound keeps a happening's reports within a year.
    const unbounded = new StoryClusterer({ happeningDays: 0 });
    for (const r of REGATTA) unbounded.add(r);
    expect(structure(unbounded)).toEqual([[['a1', 'a2', 'b1', 'b2']]]);
  });

  it('bounds a happening even for a near copy, and lets an undated report join on its words', () => {
    const c = new StoryClusterer();
    c.add(REGATTA[0]!);
    // The same report again, four years later: a copy in words, another edition in time.
    c.add({ ...REGATTA[0]!, id: 'copy', published: '2020-07-12' });
    // An undated report of the 2016 race: nothing bounds it, so its words decide.
    c.add({ ...REGATTA[1]!, published: null });
    expect(structure(c)).toEqual([[['a1', 'a2'], ['copy']]]);
    // The event keeps the dated span: the undated report widens nothing.
    const events = c.topics()[0]!.events;
    expect(events.find((e) => e.docIds.includes('a1'))).toMatchObject({ first: '2016-07-10', last: '2016-07-10' });
  });

  it('bounds the span of the whole event, not only the gap to its nearest report', () => {
    // Reports 200 days apart each: every step is within a year, the chain is not.
    const c = new StoryClusterer({ happeningDays: 365 });
    const days = ['2016-01-01', '2016-07-19', '2017-02-04'];
    days.forEach((published, i) => c.add({ ...REGATTA[0]!, id: `r${i}`, published }));
    const events = c.topics().flatMap((t) => t.events.map((e) => [...e.docIds].sort()));
    expect(events).toContainEqual(['r0', 'r1']);
    expect(events).toContainEqual(['r2']);
  });
});

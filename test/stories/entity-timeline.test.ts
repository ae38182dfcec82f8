// Entity timelines on short articles written for these tests: references to the entity, event
// words, dates from time expressions, tense and the narrative, and the order of the timeline.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/index.js';
import { eventWords } from '../../src/stories/event-words.js';
import { targetMatcher } from '../../src/stories/entity-forms.js';
import { timelineDate } from '../../src/stories/event-anchor.js';
import { entityTimeline } from '../../src/stories/entity-timeline.js';

const words = (s: string) => eventWords(tokenize(s)).map((w) => `${w.text}:${w.kind}:${w.tense}`);
const refs = (s: string, name: string, kind: 'PERSON' | 'ORG' | 'OTHER', previous = false) => {
  const toks = tokenize(s);
  return targetMatcher({ name, kind }).find(toks, previous).map((h) => `${s.slice(toks[h.start]!.start, toks[h.end - 1]!.end)}:${h.via}`);
};

describe('event words', () => {
  it('finds main verbs with their tense and leaves auxiliaries out', () => {
    expect(words('The council has approved the budget and will publish it.')).toEqual(['approved:verb:perfect', 'publish:verb:future']);
    expect(words('The ferry company currently sells tickets online.')).toEqual(['sells:verb:present']);
    expect(words('The mayor resigned after the vote.')).toEqual(['resigned:verb:past', 'vote:noun:noun']);
  });

  it('takes a present -s form as a verb after a known subject only, and never a name with inner capitals', () => {
    const toks = tokenize('Many Roadster owners want refunds, and the Roadster sells well.');
    const forms = (ends?: Set<number>) => eventWords(toks, ends).map((w) => w.text);
    expect(forms(new Set([9]))).toEqual(['sells']);
    expect(forms(new Set([9]))).not.toContain('owners');
    expect(words('Fans of iTunes complained.')).toEqual(['complained:verb:past']);
  });

  it('takes the tense of the whole auxiliary chain', () => {
    expect(words('The old ferry will be retired.')).toEqual(['retired:verb:future']);
    expect(words('She has been fighting the tax.')).toEqual(['fighting:verb:perfect']);
    expect(words('The port was closed.')).toEqual(['closed:verb:past']);
  });

  it("counts 'have' as an event only when it is the main verb", () => {
    expect(words('The new ferry has two decks.')).toEqual(['has:verb:present']);
    expect(words('The ferry has been repaired.')).toEqual(['repaired:verb:perfect']);
  });

  it('names event nouns after a determiner and skips adjectives after "to"', () => {
    expect(words('Since its launch the service grew quickly.')).toContain('launch:noun:noun');
    expect(words('The rise was due to considerable demand.')).toEqual(['rise:noun:noun', 'demand:noun:noun']);
  });
});

describe('references to the target', () => {
  it("finds a person's full name, surname and first name, not a longer name", () => {
    expect(refs('Maria Ostrander spoke; Ostrander left, and Maria waved.', 'Maria Ostrander', 'PERSON')).toEqual(['Maria Ostrander:name', 'Ostrander:partial', 'Maria:partial']);
    expect(refs('The Ostrander Foundation paid.', 'Maria Ostrander', 'PERSON')).toEqual([]);
  });

  it('takes plurals, an inserted capitalised word, swapped model names and the name\'s own noun', () => {
    expect(refs('Two Roadsters crashed.', 'Roadster', 'OTHER')).toEqual(['Roadsters:name']);
    expect(refs('The Harbor Grand Terminal opened; the terminal was busy.', 'Harbor terminal', 'OTHER')).toEqual(['Harbor Grand Terminal:name', 'the terminal:definite']);
    expect(refs('The 5G Roadster sold well.', 'Roadster 5G', 'OTHER')).toEqual(['5G Roadster:name']);
    expect(refs('The Roadster Club met.', 'Roadster', 'OTHER')).toEqual([]);
    expect(refs('The Roadster 5GS is new.', 'Roadster 5G', 'OTHER')).toEqual([]);
  });

  it('lets a pronoun continue the previous sentence about the entity', () => {
    expect(refs('He then left the room.', 'Maria Ostrander', 'PERSON', true)).toEqual(['He:pronoun']);
    expect(refs('He then left the room.', 'Maria Ostrander', 'PERSON', false)).toEqual([]);
    expect(refs('When the vote ended, she left.', 'Maria Ostrander', 'PERSON', true)).toEqual(['she:pronoun']);
    expect(refs('One year later she founded a firm.', 'Maria Ostrander', 'PERSON', true)).toEqual(['she:pronoun']);
    expect(refs('After Paul Rand left, she stayed.', 'Maria Ostrander', 'PERSON', true)).toEqual([]);
  });
});

describe('timeline dates', () => {
  it('brings TIMEX3 values to the precision a timeline shows', () => {
    expect(timelineDate('2021-03-02', null)).toBe('2021-03-02');
    expect(timelineDate('2021-03-02T10:00', null)).toBe('2021-03-02');
    expect(timelineDate('PRESENT_REF', '2021-05-10')).toBe('2021-05-10');
    expect(timelineDate('2006-W12', null)).toBe('2006-03');
    expect(timelineDate('2007-Q1', null)).toBe('2007');
    expect(timelineDate('PAST_REF', '2021-05-10')).toBeNull();
    expect(timelineDate('P3Y', null)).toBeNull();
  });
});

describe('entity timeline', () => {
  const a = {
    id: 'a',
    published: '2021-03-04',
    text: "Harbor Works opened a container terminal on Tuesday. Maria Ostrander, the chief executive, cut the ribbon. She thanked the council. The terminal handles ships from Asia.",
  };
  const b = {
    id: 'b',
    published: '2021-05-10',
    text: 'Maria Ostrander resigned as chief executive of Harbor Works on Monday. In 2012, Ostrander founded a consulting firm. Ostrander will join a bank.',
  };
  const tl = entityTimeline([a, b], { name: 'Maria Ostrander', kind: 'PERSON' });
  const at = (word: string) => tl.find((e) => e.mentions.some((m) => m.text === word));

  it('dates events by their own time expression, else by the narrative time of the article', () => {
    expect(at('resigned')?.date).toBe('2021-05-10');
    expect(at('founded')?.date).toBe('2012');
    // no date in their sentences: past tense takes the day the article last named (Tuesday)
    expect(at('cut')?.date).toBe('2021-03-02');
    expect(at('cut')?.mentions[0]?.dateFrom).toBe('narrative');
    expect(at('thanked')?.date).toBe('2021-03-02');
  });

  it('leaves a future event without a date unplaced, and keeps events of other subjects out', () => {
    expect(at('join')?.order).toBe(0);
    expect(at('join')?.date).toBeNull();
    expect(at('handles')).toBeUndefined();
  });

  it('orders the events by date, coarser dates first', () => {
    const placed = tl.filter((e) => e.order > 0);
    expect(placed.map((e) => e.date)).toEqual([...placed.map((e) => e.date)].sort());
    expect(at('founded')!.order).toBeLessThan(at('cut')!.order);
    expect(at('cut')!.order).toBeLessThan(at('resigned')!.order);
  });
});

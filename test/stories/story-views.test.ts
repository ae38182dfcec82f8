// Story views on small made-up stories: timeline merging, headlines, comparison, summaries, loaded terms.
import { describe, expect, it } from 'vitest';
import { actorless, buildTimeline, markDisputed, selfDirected } from '../../src/stories/timeline.js';
import { eventHeadline, pluralVerb, storyHeadline } from '../../src/stories/headline.js';
import { compareArticles, countedNoun, type ComparedArticle } from '../../src/stories/compare.js';
import { summarise } from '../../src/stories/summary.js';
import { findLoadedTerms } from '../../src/stories/loaded-terms.js';
import { openingWords } from '../../src/text/index.js';
import type { StoredEvent } from '../../src/store/store.js';

const names: Record<string, string> = { NORGOV: 'Norway', CHLGOV: 'Chile', PERMIL: "Peru's military" };
const namer = (code: string | null, text: string | null) => (code ? (names[code] ?? code) : text);

function ev(id: number, articleId: number, over: Partial<StoredEvent>): StoredEvent {
  return {
    id, articleId, field: 'text', start: 0, end: 10, sentence: `sentence ${id}`, cameo: '057', root: '05', plover: 'AGREE', quad: 1, goldstein: 8,
    source: 'NORGOV', sourceEntityId: null, sourceText: 'Norway', sourceKey: null, target: 'CHLGOV', targetEntityId: null, targetText: 'Chile', targetKey: null,
    date: '2021-03-15', dateEnd: null, dateResolved: true, location: null, modality: 'asserted', confidence: 0.9, trigger: 'signed',
    reciprocal: false, planned: null, confirmed: null, ...over,
  };
}

describe('timeline', () => {
  it('merges reports of one happening, keeps every source, orders by date and keeps background apart', async () => {
    const t = buildTimeline(
      [
        ev(1, 10, {}),
        ev(2, 11, { source: 'CHLGOV', target: 'NORGOV', date: '2021-03-16' }),
        ev(3, 11, { cameo: '042', root: '04', date: '2021-02-01', location: 'Santiago' }),
        ev(4, 12, { cameo: '190', root: '19', quad: 4, source: 'PERMIL', target: 'CHLGOV', date: '2011', modality: 'background' }),
        ev(5, 12, { cameo: '042', root: '04', date: null, dateResolved: false }),
      ],
      namer,
    );
    expect(t.entries.map((e) => [e.date, e.cameo, e.reports.map((r) => r.articleId)])).toEqual([
      ['2021-02-01', '042', [11, 12]],
      ['2021-03-15', '057', [10, 11]],
    ]);
    expect(t.entries[0]!.headline).toBe('Norway visits Chile in Santiago on 2021-02-01');
    expect(t.background).toHaveLength(1);
  });

  it('merges reports only inside one happening of a topic, so an undated report does not join another year', async () => {
    const events = [
      ev(1, 10, { cameo: '042', root: '04', date: '2017-10-18' }),
      ev(2, 11, { cameo: '042', root: '04', date: null, dateResolved: false }),
      ev(3, 20, { cameo: '042', root: '04', date: null, dateResolved: false }),
    ];
    const happening = new Map([[10, 1], [11, 1], [20, 2]]);
    const t = buildTimeline(events, namer, (a) => happening.get(a)!);
    expect(t.entries.map((e) => e.reports.map((r) => r.articleId))).toEqual([[10, 11], [20]]);
    // Without happenings (one event story), the undated reports merge with the dated one.
    expect(buildTimeline(events, namer).entries.map((e) => e.reports.map((r) => r.articleId))).toEqual([[10, 11, 20]]);
  });

  it('leaves out codings with no actor and actors acting on their own country, but keeps domestic conflict', async () => {
    const t = buildTimeline(
      [
        ev(1, 10, { source: null, target: null, sourceText: null, targetText: 'people', cameo: '180', root: '18' }),
        ev(2, 10, { source: 'NORGOV', target: 'NOR', cameo: '080', root: '08' }),
        ev(3, 10, { source: 'NORGOV', target: 'NORGOV', cameo: '080', root: '08' }),
        ev(4, 10, { source: 'NORGOV', target: 'NORREB', cameo: '190', root: '19' }),
      ],
      namer,
    );
    expect(t.entries.map((e) => e.reports[0]!.eventId)).toEqual([4]);
    expect(selfDirected({ source: 'SYRMIL', target: 'SYR' })).toBe(true);
    expect(selfDirected({ source: 'SYRGOV', target: 'SYRREB' })).toBe(false);
    expect(actorless({ source: null, sourceText: 'protesters', target: 'IRN' })).toBe(false);
    expect(actorless({ source: null, sourceText: null, target: 'IRN' })).toBe(true);
    expect(actorless({ source: 'IRN', sourceText: null, target: null })).toBe(false);
  });
});

describe('headlines', () => {
  it('writes who did what to whom, where and when, and says when a date is inferred or an act only planned', async () => {
    const base = ev(1, 1, {});
    expect(eventHeadline(base, namer)).toBe('Norway signs an agreement with Chile on 2021-03-15');
    expect(eventHeadline({ ...base, cameo: '072', root: '07', modality: 'intended', dateResolved: false }, namer)).toBe('plans: Norway provides military aid to Chile on 2021-03-15 (inferred)');
    expect(eventHeadline({ ...base, target: null, targetText: null, cameo: '010', root: '01', date: null }, namer)).toBe('Norway makes a statement');
    expect(eventHeadline({ ...base, date: '2022' }, namer)).toBe('Norway signs an agreement with Chile in 2022');
    expect(eventHeadline({ ...base, date: '2022-03', dateResolved: false }, namer)).toBe('Norway signs an agreement with Chile in 2022-03 (inferred)');
  });

  it('names a story as a news desk would: the person with their office, no date, no place said twice', async () => {
    const visit = ev(1, 1, { source: 'NORGOV', sourceText: 'the Norwegian Trade Minister Ola Berg', target: 'CHLGOV', targetText: 'Chile', cameo: '042', root: '04', location: 'Chile', date: '2021-03-15' });
    const people = (words: string) => words.includes('Ola Berg');
    expect(storyHeadline(visit, namer, people)).toBe('Norwegian Trade Minister Ola Berg visits Chile');
    // No person in the actor words: the country the code names, still without the date.
    expect(storyHeadline(visit, namer, () => false)).toBe('Norway visits Chile');
    expect(eventHeadline(visit, namer)).toBe('Norway visits Chile on 2021-03-15');
  });

  it('gives a plural subject a plural verb', async () => {
    const rebels = (code: string | null, text: string | null) => (code === 'LBNREB' ? 'rebels in Lebanon' : namer(code, text));
    expect(eventHeadline(ev(1, 1, { source: 'LBNREB', cameo: '190', root: '19', date: null }), rebels)).toBe('Rebels in Lebanon fight Chile');
    expect(eventHeadline(ev(1, 1, { source: null, sourceText: 'protesters', cameo: '141', root: '14', date: null }), namer)).toBe('Protesters protest against Chile');
    expect(eventHeadline(ev(1, 1, { source: null, sourceText: 'the press', cameo: '010', root: '01', date: null }), namer)).toBe('The press makes a statement on Chile');
    expect(pluralVerb('expresses intent to cooperate with')).toBe('express intent to cooperate with');
    expect(pluralVerb('accuses')).toBe('accuse');
  });
});

function art(articleId: number, over: Partial<ComparedArticle>): ComparedArticle {
  return { articleId, label: `a${articleId}`, outlet: `Outlet ${articleId}`, events: [], quotes: [], people: new Map(), numbers: [], loaded: [], ...over };
}

describe('outlet comparison', () => {
  it('finds shared and single-outlet facts, number conflicts, name variants, quote variants and self-contradictions', async () => {
    const agree = { root: '05', cameo: '057', source: 'NORGOV', target: 'CHLGOV', modality: 'asserted', field: 'text', sentence: 's', headline: 'Norway signs an agreement with Chile' };
    const c = compareArticles([
      art(1, {
        events: [agree],
        people: new Map([['PERSON:yusuf', { name: 'Karim Yusuf', forms: new Set(['Karim Yusuf', 'Yusuf']) }]]),
        numbers: [{ text: '1,200', value: 1200, what: 'person', noun: 'people', sentence: 'The quake killed 1,200 people.' }],
        quotes: [{ text: 'We will rebuild every school in the valley', speaker: 'Karim Yusuf', speakerKey: 'PERSON:yusuf', field: 'text' }],
      }),
      art(2, {
        events: [
          { ...agree, source: 'CHLGOV', target: 'NORGOV' },
          { ...agree, root: '04', cameo: '042', source: 'PERGOV', target: 'CHLGOV', field: 'dek', sentence: 'visiting Chile' },
          { ...agree, root: '04', cameo: '042', source: 'PERGOV', target: 'BOL', field: 'text', sentence: 'landed in Bolivia' },
        ],
        people: new Map([['PERSON:yusuf', { name: 'Karim Yusuf', forms: new Set(['Karim Youssef']) }]]),
        numbers: [{ text: '900', value: 900, what: 'person', noun: 'people', sentence: 'At least 900 people died.' }],
        quotes: [{ text: 'We are going to rebuild every school in this valley', speaker: 'Youssef', speakerKey: 'PERSON:yusuf', field: 'text' }],
      }),
    ]);
    expect(c.shared.map((f) => f.key)).toEqual(expect.arrayContaining(['event:05:CHL-NOR:fact', 'person:PERSON:yusuf']));
    expect(c.only[2]!.map((f) => f.key)).toContain('event:04:CHL-PER:fact');
    expect(c.conflicts.numbers).toEqual([expect.objectContaining({ what: 'people' })]);
    expect(c.conflicts.nameVariants[0]!.forms.map((f) => f.form).sort()).toEqual(['Karim Youssef', 'Karim Yusuf']);
    expect(c.conflicts.quoteVariants).toHaveLength(1);
    expect(c.conflicts.contradictions).toEqual([expect.objectContaining({ articles: [2] })]);
    expect(c.conflicts.contradictions[0]!.what).toBe('PERGOV is said to visit CHLGOV and BOL');
    expect(c.conflicts.contradictions[0]!.sides.map((x) => x.field)).toEqual(['dek', 'text']);
  });

  it('counts an event told with one actor missing as the same fact as the fully told one of that kind', async () => {
    const sign = { root: '05', cameo: '057', source: 'IRNGOV', target: 'SYRGOV', modality: 'asserted', field: 'text', sentence: 's', headline: 'Iran signs an agreement with Syria' };
    const c = compareArticles([
      art(1, { events: [{ ...sign, source: 'SYRGOV', target: null, headline: 'Syria signs an agreement' }, { ...sign, cameo: '051', target: null, headline: 'Iran praises' }] }),
      art(2, { events: [sign] }),
    ]);
    expect(c.shared.map((f) => [f.what, f.articles])).toEqual([['Iran signs an agreement with Syria', [1, 2]]]);
    // Praise is another act of the same root: it stays apart.
    expect(c.only[1]!.map((f) => f.what)).toEqual(['Iran praises']);
  });

  it('finds the counted noun after a number', async () => {
    const t = 'The war has killed more than 380,000 people and hundreds of armed militias fought.';
    expect(countedNoun(t, t.indexOf('380,000') + 7)).toEqual({ noun: 'people', lemma: 'person' });
    expect(countedNoun(t, t.indexOf('hundreds') + 8)).toEqual({ noun: 'militias', lemma: 'militia' });
    const u = 'Both countries sent two envoys; the two allies agreed.';
    expect(countedNoun(u, u.indexOf('two') + 3)?.lemma).toBe('envoy');
    expect(countedNoun(u, u.lastIndexOf('two') + 3)).toEqual({ noun: 'allies', lemma: 'ally' });
  });
});

describe('summaries', () => {
  it('picks central sentences, drops near repeats from other outlets and cites articles', async () => {
    const lines = summarise(
      [
        { articleId: 1, index: 0, text: 'Norway and Chile signed a fisheries agreement in Oslo on Monday, officials said.' },
        { articleId: 2, index: 0, text: 'Chile and Norway signed a fisheries agreement in Oslo on Monday, according to officials.' },
        { articleId: 2, index: 1, text: 'The agreement sets quotas for anchovy fishing off the Chilean coast for five years.' },
        { articleId: 1, index: 5, text: 'The weather in Oslo was mild for the time of year, with light rain.' },
      ],
      2,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]!.text).toMatch(/signed a fisheries agreement/);
    expect(lines[0]!.alsoIn).toHaveLength(1);
    expect(lines[1]!.text).toMatch(/quotas/);
  });

  it('gives each happening of a topic a line and tells them in story order', async () => {
    // The input lists the later happening (group 1) first, as an article order by id might.
    const sentences = [
      { articleId: 3, index: 0, text: 'A year later the Chilean fisheries minister visited Bergen to review the quotas.', group: 1 },
      { articleId: 1, index: 0, text: 'Norway and Chile signed a fisheries agreement in Oslo on Monday, officials said.', group: 0 },
      { articleId: 1, index: 1, text: 'The agreement sets anchovy quotas off the Chilean coast for five years, the ministers said.', group: 0 },
      { articleId: 2, index: 0, text: 'Chile and Norway signed a fisheries agreement in Oslo, setting anchovy quotas for five years.', group: 0 },
      { articleId: 2, index: 1, text: 'Norwegian trawlers will share the anchovy quotas under the agreement signed in Oslo.', group: 0 },
    ];
    const lines = summarise(sentences, 2);
    expect([1, 2]).toContain(lines[0]!.articleId);
    expect(lines.at(-1)!.articleId).toBe(3);
    expect(lines.filter((l) => l.articleId === 3)).toHaveLength(1);
    // Without happenings the lines keep the input's order.
    const ungrouped = summarise(sentences.map(({ group: _g, ...s }) => s), 3);
    expect(ungrouped[0]!.articleId).toBe(3);
  });
});

describe('disputed findings', () => {
  it('marks the timeline entries a contradiction rests on, and only those', async () => {
    const timeline = buildTimeline(
      [
        ev(1, 1, { source: 'NORGOV', target: 'CHLGOV', cameo: '042', root: '04', sentence: 'The Norwegian envoy flew to Chile.', date: null }),
        ev(2, 1, { source: 'NORGOV', target: 'PERMIL', cameo: '042', root: '04', sentence: 'The Norwegian envoy is visiting Peru.', date: null }),
        ev(3, 1, { source: 'CHLGOV', target: 'NORGOV', cameo: '057', root: '05', sentence: 'Chile signed the deal.', date: null }),
      ],
      namer,
    );
    markDisputed(timeline, [{ actor: 'NORGOV', what: 'Norway is said to visit Chile and Peru', sides: [{ articleId: 1, text: 'The Norwegian envoy flew to Chile.' }, { articleId: 1, text: 'The Norwegian envoy is visiting Peru.' }] }]);
    expect(timeline.entries.filter((e) => e.disputed).map((e) => e.headline).sort()).toEqual(['Norway visits Chile', "Norway visits Peru's military"]);
    expect(timeline.entries.find((e) => e.source === 'CHLGOV')!.disputed).toBeUndefined();
  });
});

describe('summaries of a topic told across its articles', () => {
  it('gives a happening one line for the news, citing every report, and at most one detail from a body', async () => {
    const sentences = [
      { articleId: 1, index: 0, text: 'Norway and Chile signed a fisheries pact in Oslo on Monday, officials said.', group: 0 },
      { articleId: 1, index: 1, text: 'Under the pact Norwegian trawlers may fish anchovy off the Chilean coast until 2030.', group: 0 },
      { articleId: 2, index: 0, text: 'Chile agreed to open its anchovy grounds to Norway in a deal sealed in the Norwegian capital.', group: 0 },
      { articleId: 2, index: 1, text: 'Environmental groups in Valparaiso protested that the quotas ignore collapsing stocks.', group: 0 },
      { articleId: 3, index: 0, text: 'The Chilean fisheries minister visited Bergen a year later to review the anchovy quotas.', group: 1 },
    ];
    const lines = summarise(sentences, 5);
    const first = lines.filter((l) => [1, 2].includes(l.articleId));
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(first.length).toBeLessThanOrEqual(2);
    // The news line stands for both reports' ledes; the other lede is not printed again.
    expect([first[0]!.articleId, ...first[0]!.alsoIn].sort()).toEqual([1, 2]);
    expect(lines.filter((l) => /signed a fisheries pact|agreed to open/.test(l.text))).toHaveLength(1);
    expect(lines.at(-1)!.articleId).toBe(3);
  });
});

describe('loaded terms', () => {
  it('tells the outlet\'s own voice from words inside quotations', () => {
    const text = 'The Mendoza regime jailed two reporters. "The terrorist gangs will be crushed," the general said. Rebel-backed groups denied it.';
    const uses = findLoadedTerms(text).map((u) => [u.text, u.voice]);
    expect(uses).toEqual([
      ['Mendoza regime', 'own'],
      ['terrorist', 'quoted'],
      ['Rebel-backed', 'own'],
    ]);
  });
});

describe('openingWords', () => {
  it('gives the first sentence, cut at a word near the limit', async () => {
    expect(openingWords('Rain fell. Then it stopped.')).toBe('Rain fell.');
    expect(openingWords('\n  Headless text without a stop')).toBe('Headless text without a stop');
    expect(openingWords('The council, meeting late on a wet Thursday evening in the old hall, voted against the plan.', 40)).toBe('The council, meeting late on a wet…');
    expect(openingWords('   ')).toBeNull();
  });
});

// The time layer on sentences written for these tests, with a fixed publication date:
// Saturday 21 October 2017.
import { describe, expect, it } from 'vitest';
import { findTimes, resolveRelative, type TimeRef } from '../../src/time/index.js';

const anchor = { date: '2017-10-21' };

function one(text: string, a: { date: string } | null = anchor): TimeRef {
  const found = findTimes(text, a);
  expect(found.length, JSON.stringify(found)).toBe(1);
  return found[0]!;
}

describe('findTimes with a publication date', () => {
  it('reads a bare weekday in past-tense news as the latest such day, without the preposition', () => {
    const r = one('The minister resigned on Wednesday after a vote in parliament.');
    expect(r.text).toBe('Wednesday');
    expect(r.value).toBe('2017-10-18');
    expect(r.granularity).toBe('day');
    expect(r.resolved).toBe(true);
    expect(r.anchorUsed).toBe('2017-10-21');
  });

  it('reads a weekday in a forward-looking clause as the next one', () => {
    expect(one('Talks will resume on Tuesday in the capital.').value).toBe('2017-10-24');
  });

  it('gives last week as an ISO week', () => {
    const r = one('Prices fell last week across the region.');
    expect(r.value).toBe('2017-W41');
    expect(r.granularity).toBe('week');
  });

  it('leaves hedges and a point modifier before a weekday outside the span, keeping the mod', () => {
    const hedged = one('The flight to the coast took about five hours in bad weather.');
    expect(hedged.text).toBe('five hours');
    expect(hedged.value).toBe('PT5H');
    expect(hedged.mod).toBe('APPROX');
    const day = one('Earlier Friday, the council met behind closed doors.');
    expect(day.text).toBe('Friday');
    expect(day.value).toBe('2017-10-20');
    expect(one('The plant opened almost two years ago near the river.').text).toBe('almost two years ago');
  });

  it('skips a sentence-opening "Now," used as a discourse marker', () => {
    expect(findTimes('The vote failed. Now, the party must choose a new leader.', anchor)).toEqual([]);
  });

  it('reads no time in a first name, an idiom or a part of day anchored by a following date', () => {
    expect(findTimes('The talks brought together Anna Berg and Jan Novak of the trade ministry.', anchor)).toEqual([]);
    expect(findTimes('For the two parties, high noon comes with the vote.', anchor)).toEqual([]);
    expect(one('He left home on the night of Oct. 13 without a word.').text).toBe('Oct. 13');
  });

  it('keeps the quantity modifier in the span and the mod', () => {
    const r = one('The firm was founded more than six years ago in a garage.');
    expect(r.text).toBe('more than six years ago');
    expect(r.value).toBe('2011');
    expect(r.mod).toBe('MORE_THAN');
  });

  it('reads full dates, durations and deictic words', () => {
    const refs = findTimes('The truce began on August 16, 2017 and held for two days. Now the town is quiet; it was recently flooded.', anchor);
    expect(refs.map((r) => [r.text, r.type, r.value])).toEqual([
      ['August 16, 2017', 'DATE', '2017-08-16'],
      ['two days', 'DURATION', 'P2D'],
      ['Now', 'DATE', 'PRESENT_REF'],
      ['recently', 'DATE', 'PAST_REF'],
    ]);
  });

  it('keeps the article in "the past 24 hours" and reads years, months and decades', () => {
    const refs = findTimes('Over the past 24 hours rescuers worked hard. Rules in force since 2011 changed this year and change again next month, unlike the 1990s.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['the past 24 hours', 'PT24H'],
      ['2011', '2011'],
      ['this year', '2017'],
      ['next month', '2017-11'],
      ['the 1990s', '199'],
    ]);
  });

  it('reads quarters, seasons and the year-ago comparison of earnings reports', () => {
    const refs = findTimes('Profit in the third quarter rose 5% from a year earlier. Last fall was wet; this summer was dry.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['the third quarter', '2017-Q3'],
      ['a year earlier', '2016-Q3'],
      ['Last fall', '2016-FA'],
      ['this summer', '2017-SU'],
    ]);
  });

  it('reads clock times with their day, and frequencies as SET', () => {
    const refs = findTimes('The blast came at 9:30 a.m. Friday. The ferry sails every Monday and Thursday nights, and the plant runs daily.', anchor);
    expect(refs.map((r) => [r.text, r.type, r.value])).toEqual([
      ['9:30 a.m. Friday', 'TIME', '2017-10-20T09:30'],
      ['every Monday', 'SET', 'XXXX-WXX-1'],
      ['Thursday nights', 'SET', 'XXXX-WXX-4TNI'],
      ['daily', 'SET', 'P1D'],
    ]);
  });

  it('resolves anaphoric points against the last date the text named', () => {
    const refs = findTimes('The vote was held on March 3, 2016. The following day, crowds gathered. In 2011 the party split, and later that year it lost.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['March 3, 2016', '2016-03-03'],
      ['The following day', '2016-03-04'],
      ['2011', '2011'],
      ['later that year', '2011'],
    ]);
  });

  it('reads a yearless date near publication: a few months ahead is this year, further ahead last year', () => {
    const [dec, nov] = findTimes('The dividend is payable Dec. 15. The boy was rescued Nov. 25.', { date: '2000-01-07' });
    expect(dec!.value).toBe('2000-12-15');
    expect(nov!.value).toBe('1999-11-25');
  });

  it('reads hyphenated and worded periods', () => {
    const refs = findTimes('The group split in mid-1996, after a boom through the nineties, and hopes to close the deal by year-end.', anchor);
    expect(refs.map((r) => [r.text, r.value, r.mod])).toEqual([
      ['mid-1996', '1996', 'MID'],
      ['the nineties', '199', null],
      ['year-end', '2017-12-31', 'END'],
    ]);
  });

  it('keeps the article in "the weeks ahead" and a direction word before a holiday', () => {
    const refs = findTimes('Traders expect calm in the weeks ahead. The ferry sank last Halloween; the fair opens next Christmas.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['the weeks ahead', 'PXW'],
      ['last Halloween', '2016-10-31'],
      ['next Christmas', '2017-12-25'],
    ]);
  });

  it('gives a date after "last" to the month-day rule, leaving "last" out', () => {
    const r = one('The plant closed last Aug. 14 after a fire.');
    expect(r.text).toBe('Aug. 14');
    expect(r.value).toBe('2017-08-14');
  });

  it('reads the last half of a year, the early summer, "the week" and hours told by the part of day', () => {
    const refs = findTimes('Sales slowed in the last half of 2016 after the early summer. For the week, shares fell. The boat left at 5 in the morning.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['the last half of 2016', '2016-H2'],
      ['the early summer', '2017-SU'],
      ['the week', '2017-W42'],
      ['5 in the morning', '2017-10-21T05:00'],
    ]);
    // 'the week of …' and 'the week before' name another week: not the current one.
    expect(findTimes('Crowds grew in the week before the vote.', anchor)).toEqual([]);
  });

  it('reads compound number words in durations', () => {
    const r = one('The craft has been passed on for more than three thousand years.');
    expect(r.text).toBe('more than three thousand years');
    expect(r.value).toBe('P3L');
    expect(r.mod).toBe('MORE_THAN');
  });

  it('reads unmeasured and vaguely counted spans: "for a while", "several quarters of", "the next couple of years"', () => {
    const refs = findTimes('The mill stood idle for a while after several quarters of losses; it may grow over the next couple of years.', anchor);
    expect(refs.map((r) => [r.text, r.type, r.value])).toEqual([
      ['a while', 'DURATION', 'PXX'],
      ['several quarters', 'DURATION', 'PXQ'],
      ['the next couple of years', 'DURATION', 'P2Y'],
    ]);
    // A counted number of quarters before 'of' is a fraction, not a time.
    expect(findTimes('Three quarters of the voters stayed home.', anchor)).toEqual([]);
  });

  it('marks the plural noun of a period bounded by an event, leaving the article out', () => {
    const refs = findTimes('Guards were doubled in the weeks before the trial. In the years that followed, the town grew.', anchor);
    expect(refs.map((r) => [r.text, r.type, r.value])).toEqual([
      ['weeks', 'DATE', 'XXXX-WXX'],
      ['years', 'DURATION', 'PXY'],
    ]);
  });

  it('gives the second day of "March 3 and 4" a TIMEX3 of its own, in the same month', () => {
    const refs = findTimes('The fair runs on March 3 and 4, 2016, and closes on May 9 to 12.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['March 3', '2016-03-03'],
      ['4, 2016', '2016-03-04'],
      ['May 9', '2017-05-09'],
      ['12', '2017-05-12'],
    ]);
  });

  it('lets a yearless month a few months ahead wrap into next year, unless the clause reports the past', () => {
    expect(one('The new plant opens in January.').value).toBe('2018-01');
    expect(one('The old plant opened in January.').value).toBe('2017-01');
    expect(one('Since the firm bought the mill in February, output doubled.').value).toBe('2017-02');
    // A year word pins the year; a month still running is the current one even when the clause looks ahead.
    expect(one('Talks began in February this year.').value).toBe('2017-02');
    expect(one('The offer will expire at the end of October.').value).toBe('2017-10');
  });

  it('counts "the following month" and "the previous year" from the last date named, not from publication', () => {
    const refs = findTimes('The mill closed in May 2014. The following month, workers protested; the previous year had been calm.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['May 2014', '2014-05'],
      ['The following month', '2014-06'],
      ['the previous year', '2013'],
    ]);
  });

  it('leaves the day of "that same day" open when the last date named is a month', () => {
    const refs = findTimes('The plant shut last March, and the union struck that same day.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['last March', '2017-03'],
      ['that same day', '2017-03-XX'],
    ]);
  });

  it('reads hyphenated lengths as durations, vague decades in years', () => {
    const refs = findTimes('The decades-long feud ended after a day-long meeting; the quarrel had gone on for decades.', anchor);
    expect(refs.map((r) => [r.text, r.type, r.value])).toEqual([
      ['decades-long', 'DURATION', 'PXY'],
      ['day-long', 'DURATION', 'P1D'],
      ['decades', 'DURATION', 'PXY'],
    ]);
  });

  it('reads a month used as an attribute after an article, but not a march or the modal', () => {
    const refs = findTimes('Under a June agreement the mill reopened. The March on the capital was peaceful.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([['June', '2017-06']]);
  });

  it('reads "one day" after a modal as an indefinite future, and as a length elsewhere', () => {
    expect(one('She hopes the town will one day host the games.')).toMatchObject({ text: 'one day', type: 'DATE', value: 'FUTURE_REF' });
    expect(one('The strike lasted one day.')).toMatchObject({ text: 'one day', type: 'DURATION', value: 'P1D' });
  });

  it('puts a clock time without a day of its own on the day under discussion', () => {
    const refs = findTimes('The dam broke on March 3, 2016. Water reached the town at 10:35 a.m., and more came at 9 a.m. tomorrow.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['March 3, 2016', '2016-03-03'],
      ['10:35 a.m.', '2016-03-03T10:35'],
      ['9 a.m. tomorrow', '2017-10-22T09:00'],
    ]);
    expect(one('The polls close at 8 p.m.').value).toBe('2017-10-21T20:00');
  });

  it("reads 'by year end' as the year with mod END, the attribute 'year-end' as the closing date", () => {
    const [noun, attr] = findTimes("The sale should close by year's end; year-end bonuses follow.", anchor);
    expect([noun!.text, noun!.value, noun!.mod]).toEqual(["year's end", '2017', 'END']);
    expect([attr!.text, attr!.value]).toEqual(['year-end', '2017-12-31']);
  });

  it('reads "the 2016 quarter" as the quarter under report in the year named, without moving the reference quarter', () => {
    const refs = findTimes('Profit rose in the third quarter, against a loss in the 2016 quarter, and was up from a year earlier.', anchor);
    expect(refs.map((r) => [r.text, r.value])).toEqual([
      ['the third quarter', '2017-Q3'],
      ['the 2016 quarter', '2016-Q3'],
      ['a year earlier', '2016-Q3'],
    ]);
  });

  it('does not take the modal "may", rates or titles for times', () => {
    expect(findTimes('Officials may act. Tickets cost $35 a night. He appeared on 60 Minutes.', anchor)).toEqual([]);
  });
});

describe('findTimes without a publication date', () => {
  it('keeps relative expressions unresolved with their relative form', () => {
    const [wed, week] = findTimes('The minister resigned on Wednesday. Prices fell last week.', null);
    expect(wed!.resolved).toBe(false);
    expect(wed!.value).toBe('XXXX-WXX-3');
    expect(wed!.relative).toEqual({ unit: 'weekday', weekday: 3, direction: 'past' });
    expect(week!.resolved).toBe(false);
    expect(week!.relative).toMatchObject({ unit: 'week', offset: -1 });
  });

  it('resolves them later with resolveRelative', () => {
    const [wed] = findTimes('The minister resigned on Wednesday.', null);
    const r = resolveRelative(wed!, anchor);
    expect(r.value).toBe('2017-10-18');
    expect(r.resolved).toBe(true);
    expect(r.anchorUsed).toBe('2017-10-21');
  });

  it('leaves absolute dates resolved', () => {
    const r = one('The truce began on August 16, 2017.', null);
    expect(r.resolved).toBe(true);
    expect(r.value).toBe('2017-08-16');
  });
});

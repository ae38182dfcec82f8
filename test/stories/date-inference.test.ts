import { describe, expect, it } from 'vitest';
import { inferDates } from '../../src/stories/date-inference.js';

const at = (text: string, value: string, resolved: boolean, start: number) => ({ text, value, resolved, start, end: start + text.length });

describe('date inference', () => {
  it('ties an undated article\'s weekday to the day a dated sibling resolved it, as a range with evidence', () => {
    const got = inferDates([
      { id: 1, label: 'article 1', published: '2019-05-11', times: [at('on Thursday', '2019-05-09', true, 10)] },
      { id: 2, label: 'article 2', published: null, times: [at('Thursday', 'XXXX-XX-XX', false, 5), at('last year', 'XXXX', false, 40)] },
    ]);
    expect(got).toEqual([
      {
        articleId: 2,
        value: '2019-05-09..2019-05-15',
        evidence: expect.stringContaining('article 1'),
        times: [{ text: 'Thursday', value: '2019-05-09', start: 5, end: 13 }],
      },
    ]);
  });

  it('reads the article\'s other weekdays in the week up to the latest day tied', () => {
    // Thursday 2019-05-09 is tied through the sibling; the article's Monday and Saturday come before it.
    const [got] = inferDates([
      { id: 1, label: 'article 1', published: '2019-05-11', times: [at('on Thursday', '2019-05-09', true, 10)] },
      { id: 2, label: 'article 2', published: null, times: [at('Monday', 'XXXX-WXX-1', false, 30), at('Thursday', 'XXXX-WXX-4', false, 5), at('Saturday', 'XXXX-WXX-6', false, 60)] },
    ]);
    expect(got!.times.map((t) => [t.text, t.value])).toEqual([
      ['Thursday', '2019-05-09'],
      ['Monday', '2019-05-06'],
      ['Saturday', '2019-05-04'],
    ]);
    expect(got!.evidence).toContain("'Monday', 'Saturday' read in the week up to 2019-05-09");
  });

  it('falls back to the dated siblings\' window, and infers nothing without any dated article', () => {
    expect(inferDates([
      { id: 1, label: 'a', published: '2019-05-11T10:00:00Z', times: [] },
      { id: 2, label: 'b', published: null, times: [] },
    ])[0]).toMatchObject({ articleId: 2, value: '2019-05-04..2019-05-18' });
    expect(inferDates([{ id: 2, label: 'b', published: null, times: [at('on Monday', 'XXXX-XX-XX', false, 0)] }])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { inferDates } from '../../src/stories/date-inference.js';

describe('date inference', () => {
  it('ties an undated article\'s weekday to the day a dated sibling resolved it, as a range with evidence', () => {
    const got = inferDates([
      { id: 1, label: 'article 1', published: '2019-05-11', times: [{ text: 'on Thursday', value: '2019-05-09', resolved: true }] },
      { id: 2, label: 'article 2', published: null, times: [{ text: 'Thursday', value: 'XXXX-XX-XX', resolved: false }, { text: 'last year', value: 'XXXX', resolved: false }] },
    ]);
    expect(got).toEqual([
      {
        articleId: 2,
        value: '2019-05-09..2019-05-15',
        evidence: expect.stringContaining('article 1'),
        times: [{ text: 'Thursday', value: '2019-05-09' }],
      },
    ]);
  });

  it('falls back to the dated siblings\' window, and infers nothing without any dated article', () => {
    expect(inferDates([
      { id: 1, label: 'a', published: '2019-05-11T10:00:00Z', times: [] },
      { id: 2, label: 'b', published: null, times: [] },
    ])[0]).toMatchObject({ articleId: 2, value: '2019-05-04..2019-05-18' });
    expect(inferDates([{ id: 2, label: 'b', published: null, times: [{ text: 'on Monday', value: 'XXXX-XX-XX', resolved: false }] }])).toEqual([]);
  });
});

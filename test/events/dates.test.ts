// Event dates from the time layer's expressions: own sentence first, else the actor's dated act in
// a neighbouring sentence about the same party. Texts, times and mentions written for these tests.
import { describe, expect, it } from 'vitest';
import { EventDater, type DatingMention, type DatingTime } from '../../src/events/dates.js';
import { splitSentences } from '../../src/text/index.js';

const text =
  'The talks came after Minister Ana Ruiz warned that Chile would not accept new tariffs. ' +
  '"Chile will answer," Ruiz said Tuesday after a meeting with Peruvian officials. ' +
  'Markets in Lima fell on Wednesday.';

const at = (w: string, from = 0) => text.indexOf(w, from);
const span = (w: string, key: string, from = 0): DatingMention => ({ start: at(w, from), end: at(w, from) + w.length, entityKey: key });
const times: DatingTime[] = [
  { start: at('Tuesday'), end: at('Tuesday') + 7, type: 'DATE', value: '2024-03-05' },
  { start: at('Wednesday'), end: at('Wednesday') + 9, type: 'DATE', value: '2024-03-06' },
];
const second = at('"Chile');
const mentions: DatingMention[] = [span('Ana Ruiz', 'PERSON:ana ruiz'), span('Chile', 'GPE:CHL'), span('Chile', 'GPE:CHL', second), span('Ruiz', 'PERSON:ana ruiz', second), span('Lima', 'GPE:PER')];
const warning = { start: 0, end: at('"Chile') - 1, at: at('warned'), source: 'CHLGOV', target: 'CHL', sourceKey: 'PERSON:ana ruiz', targetKey: 'GPE:CHL' };

describe('event dates', () => {
  it('takes the actor\'s dated act in the next sentence on the same party, marked as not its own', () => {
    const d = new EventDater(text, splitSentences(text), times, mentions, '2024-03-08').date(warning);
    expect(d).toEqual({ date: '2024-03-05', dateEnd: null, dateResolved: false, dateFrom: 'neighbour' });
  });

  it('prefers a date in the event\'s own sentence', () => {
    const own = { ...warning, start: at('Markets'), end: text.length, at: at('fell'), sourceKey: null, source: null };
    expect(new EventDater(text, splitSentences(text), times, mentions, null).date(own)).toMatchObject({ date: '2024-03-06', dateResolved: true, dateFrom: 'sentence' });
  });

  it('leaves the date open when the neighbour is about another party or the time is not the actor\'s', () => {
    const other = { ...warning, target: 'BRA', targetKey: 'GPE:BRA' };
    expect(new EventDater(text, splitSentences(text), times, mentions, '2024-03-08').date(other)).toEqual({ date: null, dateEnd: '2024-03-08', dateResolved: false, dateFrom: null });
    const stranger = { ...warning, source: 'ARG', sourceKey: 'PERSON:juan perez' };
    expect(new EventDater(text, splitSentences(text), times, mentions, null).date(stranger).date).toBeNull();
  });
});

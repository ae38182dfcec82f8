// Loaded words: a term an outlet only explains is a mention, not its own voice. Sentences written
// for this test.
import { describe, expect, it } from 'vitest';
import { findLoadedTerms } from '../../src/stories/loaded-terms.js';

const voices = (text: string) => findLoadedTerms(text).map((u) => `${u.text}:${u.voice}`);

describe('loaded terms', () => {
  it('counts a term in the outlet’s own sentence as its voice, and inside quotation marks as the speaker’s', () => {
    expect(voices('The regime shelled the town again on Monday.')).toEqual(['The regime:own']);
    expect(voices('The minister said the strikes hit “terrorist infrastructure” near the border.')).toEqual(['terrorist infrastructure:quoted']);
  });

  it('does not count a term the outlet only explains', () => {
    expect(voices('Martyr is the word the movement uses for any fighter killed in battle.')).toEqual(['Martyr:defined']);
    expect(voices('Thugs, a label the party gives its rivals’ supporters, appeared on its posters.')).toEqual(['Thugs:defined']);
    expect(voices('The statement denounced what it calls the axis of evil in the region.')).toEqual(['axis of evil:defined']);
    expect(voices('Observers criticised the so-called occupation forces for the raid.')).toEqual(['occupation forces:defined']);
  });

  it('still counts a use next to an explanation of another word', () => {
    expect(voices('The regime is what the opposition blames for the siege.')).toEqual(['The regime:own']);
  });
});

// Announced actions confirmed by a later definite noun ('... would attack X. The attack was ...'),
// on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { codeEvents } from '../../src/events/coder.js';

const coded = (text: string) => codeEvents({ id: 't', text, published: '2024-03-05' });
const confirmed = (text: string) => coded(text).filter((e) => e.confirmed);

describe('a definite event noun confirms an announced action', () => {
  it('turns a threat to attack into the attack, with the earlier actors, citing both sentences', () => {
    const text = 'On Friday, Egypt informed the mediators that it would attack Libyan positions. The attack came two days later.';
    const threat = coded(text).find((e) => e.root === '13');
    expect(threat).toMatchObject({ source: 'EGY', modality: 'intended', planned: '190' });
    const [e] = confirmed(text);
    expect(e).toMatchObject({ source: 'EGY', target: threat!.target, cameo: '190', plover: 'ASSAULT', modality: 'asserted' });
    expect(e!.confirmed!.sentences).toHaveLength(2);
    expect(text.slice(e!.start, e!.end)).toBe(text);
    expect(e!.confirmed!.by).toBe('The attack');
  });

  it('reads the force a warning announces in its complement', () => {
    const text = 'Egypt warned Libya that it would attack the camps. The attack came two days later.';
    const [warning] = coded(text);
    expect(warning).toMatchObject({ root: '13', source: 'EGY', target: 'LBY', planned: '190' });
    expect(confirmed(text).map((e) => `${e.source}>${e.target} ${e.cameo}`)).toEqual(['EGY>LBY 190']);
    expect(coded('Egypt warned Libya over the camps. The attack came two days later.').some((e) => e.confirmed)).toBe(false);
  });

  it('confirms a planned meeting both ways when the meeting is told as past', () => {
    const text = 'Chile and Peru plan to meet in Lima. The meeting ended without a statement.';
    expect(confirmed(text).map((e) => `${e.source}>${e.target} ${e.root}`).sort()).toEqual(['CHL>PER 04', 'PER>CHL 04']);
  });

  it('does not confirm a future, cancelled or negated action, nor one of another type', () => {
    expect(confirmed('Chile and Peru plan to meet in Lima. The meeting will open on Monday.')).toEqual([]);
    expect(confirmed('Turkey told the envoys it would attack Greek outposts. The attack was called off on Sunday.')).toEqual([]);
    expect(confirmed('Chile and Peru plan to meet in Lima. The attack was condemned.')).toEqual([]);
    expect(confirmed('Egypt said it would not attack Libyan positions. The attack was reported.')).toEqual([]);
  });

  it('does not confirm an announcement about other countries, or one too many sentences back', () => {
    expect(confirmed('Egypt informed the mediators that it would attack Libyan positions. The attack on Sudan was reported.')).toEqual([]);
    const far = 'Egypt informed the mediators that it would attack Libyan positions. Markets fell. Prices rose. The attack came later.';
    expect(confirmed(far)).toEqual([]);
  });
});

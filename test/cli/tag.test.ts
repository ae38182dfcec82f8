// `dossier tag` on lines we wrote: documents given by `doc`, tokens tagged as given, one output line
// per input line, a bad line reported in its place while the rest of its document is tagged.
import { describe, expect, it } from 'vitest';
import { dossier } from '../helpers.js';

interface Out {
  id?: string;
  line?: number;
  error?: string;
  entities?: { start: number; end: number; type: string; text: string; canonical: string | null }[];
  times?: unknown[];
  quotes?: unknown[];
}

const run = (lines: string[]) => {
  const r = dossier(['tag'], `${lines.join('\n')}\n`);
  return { code: r.code, out: r.out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Out) };
};

describe('dossier tag', () => {
  it('tags the lines of one document together, on the tokens given, and answers each line in order', () => {
    const { code, out } = run([
      JSON.stringify({ id: 's1', doc: 'd1', tokens: ['Police', 'said', 'B.', 'Okafor', 'arrived', 'in', 'Lisbon', 'on', 'Monday', '.'] }),
      'not json',
      JSON.stringify({ id: 's2', doc: 'd1', tokens: ['Okafor', 'said', 'Lisbon', 'was', 'calm', '.'] }),
      JSON.stringify({ id: 's3', doc: 'd2', text: 'Talks in Oslo ended.' }),
    ]);
    expect(code).toBe(1);
    expect(out.map((o) => o.id ?? o.line)).toEqual(['s1', 2, 's2', 's3']);
    expect(out[1]!.error).toBeTruthy();
    const first = out[0]!.entities!;
    // The initial stays one token, so the name is tokens 2..4 of the line as given.
    expect(first.find((e) => e.text === 'B. Okafor')).toMatchObject({ start: 2, end: 4, type: 'PERSON' });
    expect(first.find((e) => e.text === 'Lisbon')).toMatchObject({ start: 6, end: 7 });
    // The surname alone in the next line of the same document is the same person.
    const later = out[2]!.entities!.find((e) => e.text === 'Okafor');
    expect(later).toMatchObject({ start: 0, end: 1, type: 'PERSON' });
    expect(later!.canonical).toBe(first.find((e) => e.text === 'B. Okafor')!.canonical);
    expect(out[3]!.entities!.find((e) => e.text === 'Oslo')).toMatchObject({ start: 9, end: 13 });
    // Entities, times and quotes; no event coding.
    for (const o of [out[0]!, out[2]!, out[3]!]) expect(Object.keys(o).sort()).toEqual(['entities', 'id', 'quotes', 'times']);
  });

  it('writes nothing and succeeds on an empty input', () => {
    const r = dossier(['tag'], '');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });
});

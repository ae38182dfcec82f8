// JSON lines records: a record with no title reads like a text file (headline, date line and
// byline become metadata); a record's own fields win over what its text gives.
import { describe, expect, it } from 'vitest';
import { articleFromRecord } from '../../src/ingest/jsonl.js';

const source = { kind: 'jsonl' as const, location: '/dump.jsonl', line: 1 };

describe('JSON lines records', () => {
  it('takes the headline and a date line of an untitled text as metadata, not body text', () => {
    const a = articleFromRecord(
      {
        id: 'r1',
        text: 'Harbour authority approves dredging budget\nJuly 03 , 2013 6 : 22AM\nThe harbour authority approved a dredging budget of 40 million pesos on Tuesday, its chairman said.\nThe work will deepen the container berths before the winter storms arrive.',
      },
      source,
    );
    expect(a.externalId).toBe('r1');
    expect(a.title).toBe('Harbour authority approves dredging budget');
    expect(a.published).toMatchObject({ value: '2013-07-03', rule: 'text:date-line' });
    expect(a.text.startsWith('The harbour authority approved')).toBe(true);
    expect(a.provenance.text).toBe('jsonl:text');
  });

  it("keeps a titled record's text whole and its own date", () => {
    const text = 'Harbour authority approves dredging budget\nThe harbour authority approved a dredging budget of 40 million pesos on Tuesday, its chairman said.';
    const a = articleFromRecord({ title: 'Dredging approved', date: '2013-07-04', text }, source);
    expect(a.title).toBe('Dredging approved');
    expect(a.published?.value).toBe('2013-07-04');
    expect(a.text).toContain('Harbour authority approves dredging budget');
  });

  it("lets the record's date win over a date line in its text", () => {
    const a = articleFromRecord({ published: '2013-07-05', text: 'Dredging approved\nJuly 03, 2013\nThe harbour authority approved a dredging budget of 40 million pesos on Tuesday, its chairman said.' }, source);
    expect(a.published?.value).toBe('2013-07-05');
    expect(a.provenance.published).toBe('jsonl:published');
  });
});

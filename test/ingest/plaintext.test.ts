// Plain-text article parsing on made-up articles: header by shape, bylines, credit and source
// lines, datelines, leading date lines, and bodies that must come through whole.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHeader, hostLabel, isTitleShaped, outletFromHost, toUnits, extractPlainText } from '../../src/ingest/plaintext.js';
import { parseByline, parseCreditLine, parseSourceLine, splitDateline } from '../../src/ingest/byline.js';
import type { SourceRef } from '../../src/doc/article.js';
import { benchDir } from '../../src/paths.js';

const file = (name: string): SourceRef => ({ kind: 'file', location: `/data/in/${name}` });

const BODY = [
  'The harbour authority approved a new dredging budget on Monday, after two years of delays and a long dispute with the city council.',
  'Read the fine print and a different picture emerges: the money covers only the first of three phases.',
  '“We do not subscribe to the idea that the port can wait another year,” the mayor said after the vote.',
  'The vote passed.',
  'Engineers said the channel would be deepened by two metres before the autumn storms arrive.',
];

const WIRE = `Harbour Board Backs Dredging Plan After Long Delay

The authority's vote ends a two-year dispute over who pays for the deeper channel, but only funds the first phase.

By Jane Marlow and Tom Okafor, Harbour Gazette

OSLO, Norway — ${BODY[0]}

Sign up for our newsletter

${BODY[1]}

Dockworkers at the northern quay
Kari Lund / AP

${BODY[2]}

READ MORE: Ferry strike ends after three days of talks

${BODY[3]}

>> Why the river pilots went on strike >>

${BODY[4]}

Share on Facebook
Follow us on Twitter

Lena Berg contributed to this report.
Content retrieved from: https://www.harbourgazette.example/news/dredging-plan/.
`;

describe('extractPlainText on a wire-style article', () => {
  const a = extractPlainText(WIRE, file('042_harbour.txt'));

  it('reads headline, dek, byline, dateline, credit and source lines', () => {
    expect(a.externalId).toBe('042_harbour');
    expect(a.title).toBe('Harbour Board Backs Dredging Plan After Long Delay');
    expect(a.dek).toMatch(/^The authority's vote ends .* first phase\.$/);
    expect(a.authors).toEqual(['Jane Marlow', 'Tom Okafor', 'Lena Berg']);
    expect(a.outlet).toBe('Harbour Gazette');
    expect(a.url).toBe('https://www.harbourgazette.example/news/dredging-plan/');
    expect(a.dateline).toBe('OSLO, Norway');
    expect(a.provenance).toMatchObject({ title: 'text:headline-above-byline', dek: 'text:dek-above-byline', authors: 'text:byline', outlet: 'text:byline', url: 'text:source-line', dateline: 'text:dateline-caps' });
  });

  it('removes each kind of boilerplate and keeps every body paragraph', () => {
    expect(a.boilerplate.map((b) => b.kind)).toEqual(['dateline', 'byline', 'newsletter-promo', 'photo-caption', 'photo-credit', 'related-link', 'teaser', 'share-line', 'share-line', 'credit-line', 'source-line']);
    expect(a.text).toBe(BODY.join('\n\n'));
  });
});

describe('extractPlainText on other shapes', () => {
  it('reads a leading date line with the body going on on the same line, and no header', () => {
    const a = extractPlainText(`  date 2026-03-04 ${BODY[0]}\n\n${BODY[1]}\n\n${BODY[4]}`, file('x.txt'));
    expect(a.published).toEqual({ value: '2026-03-04', granularity: 'day', timezone: null, rule: 'text:date-line' });
    expect(a.boilerplate).toEqual([{ text: 'date 2026-03-04', kind: 'date-line', rule: 'text:date-line' }]);
    expect(a.title).toBeNull();
    expect(a.dek).toBeNull();
    expect(a.text).toBe([BODY[0], BODY[1], BODY[4]].join('\n\n'));
  });

  it('takes a sentence-like opening line above a dateline as the dek, with paragraphs one per line', () => {
    const dek = 'Port and city say the deal is needed ‘to keep ships coming’; the council has argued over the cost for two years';
    const text = `${dek}\nBERGEN, Norway — ${BODY[0]}\n${BODY[1]}\nThe Harbour Gazette staff contributed to this report.\nContent retrieved from: https://www.harbourgazette.example/x/.`;
    const a = extractPlainText(text, file('y.txt'));
    expect(a.title).toBeNull();
    expect(a.dek).toBe(dek);
    expect(a.dateline).toBe('BERGEN, Norway');
    expect(a.authors).toEqual(['The Harbour Gazette staff']);
    expect(a.outlet).toBe('The Harbour Gazette');
    expect(a.provenance.outlet).toBe('text:host-name-in-text');
    expect(a.text).toBe([BODY[0], BODY[1]].join('\n\n'));
  });

  it('leaves the outlet empty when the host name is not spelled in the text', () => {
    const a = extractPlainText(`${BODY[0]}\n\n${BODY[1]}\n\nContent retrieved from: https://www.portnews.example/a/`, file('z.txt'));
    expect(a.url).toBe('https://www.portnews.example/a/');
    expect(a.outlet).toBeNull();
  });

  it('keeps a title-like first sentence in the body when nothing marks a header', () => {
    const a = extractPlainText(`${BODY[0]}\n\n${BODY[3]}\n\n${BODY[1]}`, file('w.txt'));
    expect(a.title).toBeNull();
    expect(a.text.split('\n\n')).toHaveLength(3);
  });

  it('does not take a "By Tuesday" sentence for a byline nor a date-only line for a title', () => {
    const a = extractPlainText(`Tuesday, March 3, 2026\n\nBy Tuesday, the council had approved the plan.\n\n${BODY[0]}\n\n${BODY[1]}`, file('v.txt'));
    expect(a.title).toBeNull();
    expect(a.published?.value).toBe('2026-03-03');
    expect(a.authors).toEqual([]);
    expect(a.text).toContain('By Tuesday, the council had approved the plan.');
  });

  it('takes a dateline standing on its own line for the dateline, not the title', () => {
    const a = extractPlainText(`\n\nHAMMERFEST, Norway (AP) _\n\n${BODY[0]}\n\n${BODY[1]}\n\n${BODY[4]}`, file('t.txt'));
    expect(a.title).toBeNull();
    expect(a.dateline).toBe('HAMMERFEST, Norway');
    expect(a.boilerplate).toEqual([{ text: 'HAMMERFEST, Norway (AP) _', kind: 'dateline', rule: 'text:dateline-caps' }]);
    expect(a.text).toBe([BODY[0], BODY[1], BODY[4]].join('\n\n'));
  });

  it('joins hard-wrapped lines and lower-case continuations into paragraphs', () => {
    const wrapped = 'The harbour authority approved a new dredging budget on Monday,\nafter two years of delays and a long dispute with the city council\nover who should pay for the deeper channel and its upkeep.';
    expect(toUnits(`${wrapped}\n\nShort line\nAnother short line`)).toEqual([wrapped.replace(/\n/g, ' '), 'Short line', 'Another short line']);
    expect(toUnits('The cranes will\narrive in May.')).toEqual(['The cranes will arrive in May.']);
  });

  it('finds the headline below a date line', () => {
    const a = extractPlainText(`March 3, 2026\n\nHarbour Board Backs Dredging Plan\n\n${BODY[0]}\n\n${BODY[1]}`, file('r.txt'));
    expect(a.published?.value).toBe('2026-03-03');
    expect(a.title).toBe('Harbour Board Backs Dredging Plan');
    expect(a.boilerplate.map((b) => b.rule)).toEqual(['date-line:bare']);
  });

  it('takes an "updated" date for the modification date', () => {
    const a = extractPlainText(`updated 2026-03-05 ${BODY[0]}\n\n${BODY[1]}`, file('s.txt'));
    expect(a.published).toBeNull();
    expect(a.modified?.value).toBe('2026-03-05');
    expect(a.provenance.modified).toBe('text:date-line');
  });

  it('reads a labelled publication date inside the text', () => {
    const a = extractPlainText(`Harbour Board Backs Dredging Plan\n\nPublished: March 4, 2026\n\n${BODY[0]}\n\n${BODY[1]}`, file('u.txt'));
    expect(a.title).toBe('Harbour Board Backs Dredging Plan');
    expect(a.published?.value).toBe('2026-03-04');
    expect(a.text).toBe([BODY[0], BODY[1]].join('\n\n'));
  });
});

describe('line parsers', () => {
  it('reads bylines, credits and source lines', () => {
    expect(parseByline('By Batu Kaya, Coastal Daily News')).toEqual({ authors: ['Batu Kaya'], outlet: 'Coastal Daily News' });
    expect(parseByline('By Ana de la Cruz and Li Wei | Harbour Gazette')).toEqual({ authors: ['Ana de la Cruz', 'Li Wei'], outlet: 'Harbour Gazette' });
    expect(parseByline('By Mia Holm, Staff Writer')).toEqual({ authors: ['Mia Holm'], outlet: null });
    expect(parseByline('By Mia Holm | March 3, 2026')).toEqual({ authors: ['Mia Holm'], outlet: null });
    expect(parseByline('By the end of the week, most crews had left')).toBeNull();
    expect(parseByline('By March, Prices Rose')).toBeNull();
    expect(parseCreditLine('Lena Berg and Ola Nordmann contributed to this report.')).toEqual(['Lena Berg', 'Ola Nordmann']);
    expect(parseCreditLine('Higher fees contributed to the losses.')).toBeNull();
    expect(parseSourceLine('Content retrieved from: https://example.org/a/b.')).toBe('https://example.org/a/b');
    expect(parseSourceLine('The report is at https://example.org/a and was read widely.')).toBeNull();
  });

  it('splits datelines off wire copy only', () => {
    expect(splitDateline('GAZA CITY (AP) — Crowds gathered.')).toMatchObject({ dateline: 'GAZA CITY', rest: 'Crowds gathered.' });
    expect(splitDateline('Tromsø (Reuters) - Crowds gathered.')).toMatchObject({ dateline: 'Tromsø', rule: 'text:dateline-agency' });
    expect(splitDateline('US - the deal is off.')).toBeNull();
    expect(splitDateline('Crowds gathered — and then left.')).toBeNull();
  });

  it('knows headline shapes and host names', () => {
    expect(isTitleShaped('Iran, Norway draw closer with new port agreement')).toBe(true);
    expect(isTitleShaped('Tuesday, March 3, 2026')).toBe(false);
    expect(isTitleShaped('The vote passed.')).toBe(false);
    expect(hostLabel('https://www.harbour.co.uk/a')).toBe('harbour');
    expect(hostLabel('https://news.portgazette.com/a')).toBe('portgazette');
    expect(outletFromHost('Read the Port Gazette’s daily brief. Port Gazette staff', 'https://portgazette.com/')).toBe('Port Gazette');
    expect(findHeader(['A short title here', 'By Jane Marlow', 'Body.']).title).toBe('A short title here');
  });
});

// MEANTIME articles (CC BY 4.0, read at run time) open with their headline and a bare date line.
const MEANTIME = join(benchDir('timex'), 'meantime', 'timex.jsonl');
describe.skipIf(!existsSync(MEANTIME))('on the MEANTIME articles', () => {
  const docs = readFileSync(MEANTIME, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { doc_id: string; title: string; dct: string; text: string });

  it('finds the headline and the publication date, and keeps every other line in the body', () => {
    let titles = 0;
    let dates = 0;
    for (const d of docs) {
      const a = extractPlainText(d.text, { kind: 'jsonl', location: MEANTIME });
      if (a.title === d.title) titles++;
      if (a.published?.value === d.dct) dates++;
      const removed = new Set([a.title, ...a.boilerplate.map((b) => b.text)]);
      for (const line of d.text.split('\n').map((l) => l.trim())) {
        if (line !== '' && !removed.has(line)) expect(a.text).toContain(line);
      }
      expect(a.boilerplate.every((b) => b.kind === 'date-line')).toBe(true);
    }
    expect(docs.length).toBeGreaterThanOrEqual(30);
    expect(titles / docs.length).toBeGreaterThanOrEqual(0.95);
    expect(dates / docs.length).toBeGreaterThanOrEqual(0.95);
  });
});

// In-text boilerplate removal: each kind on made-up lines, bodies that must survive, and a
// conservativeness check on the AEB reference bodies (read from ../shared at run time).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LINE_RULES, NEIGHBOUR_RULES } from '../../src/lang/en/boilerplate-rules.js';
import { isHeadlineShaped, matchLine, removeBoilerplate } from '../../src/ingest/boilerplate.js';
import { benchDir } from '../../src/paths.js';
import { corpusScore, scorePage } from '../../src/bench/shingles.js';

const BODY_A = 'The harbour authority approved a new dredging budget on Monday, after two years of delays.';
const BODY_B = 'Engineers said the channel would be deepened by two metres before the autumn storms arrive.';

/** Each line is boilerplate of the given kind. */
const POSITIVE: [string, string][] = [
  ['Get the Harbour Gazette’s Morning Brief by email and never miss our top stories Free Sign Up', 'newsletter-promo'],
  ['Sign up for our newsletter', 'newsletter-promo'],
  ['Subscribe to the Weekly Ledger newsletter', 'newsletter-promo'],
  ['Want the best of the week in your inbox? Sign up here.', 'newsletter-promo'],
  ['Subscribe now', 'newsletter-promo'],
  ['READ MORE: Ferry strike ends after three days of talks', 'related-link'],
  ['Related: How the old lighthouse was saved', 'related-link'],
  ['Read  Port authority says new cranes will arrive in spring', 'related-link'],
  ['Read: Fishermen fear quota cuts as talks stall', 'related-link'],
  ['See also: Five bridges that changed the city', 'related-link'],
  ['>> Why the river pilots went on strike >>', 'teaser'],
  ['Harbour workers unload a cargo ship in Bergen, Norway, March 3, 2026.', 'photo-caption'],
  ['Fishing boats in Tromsø, 12 January 2025', 'photo-caption'],
  ['A crane lifts a container at the port on Tuesday. (AP Photo/Kari Lund)', 'photo-caption'],
  ['Caption: the new ferry terminal at dusk', 'photo-caption'],
  ['Kari Lund / AP', 'photo-credit'],
  ['Reuters/Mats Berg', 'photo-credit'],
  ['Photo: Mats Berg', 'photo-credit'],
  ['Photograph by Anna Vik/AFP via Getty Images', 'photo-credit'],
  ['(Reuters)', 'photo-credit'],
  ['Getty Images', 'photo-credit'],
  ['Share on Facebook', 'share-line'],
  ['Share this article', 'share-line'],
  ['Tweet | Email | Print', 'share-line'],
  ['Follow us on Twitter and Instagram', 'share-line'],
  ['By Jane Marlow and Tom Okafor, Harbour Gazette', 'byline'],
  ['By Jane Marlow', 'byline'],
  ['Lena Berg contributed to this report.', 'credit-line'],
  ['Harbour Gazette staff contributed to this report.', 'credit-line'],
  ['(Reporting by Lena Berg; Editing by Tom Okafor)', 'credit-line'],
  ['Content retrieved from: https://example.org/harbour-budget/.', 'source-line'],
  ['This article was originally published on The Harbour Review.', 'source-line'],
  ['Published: March 4, 2026', 'date-line'],
  ['Advertisement', 'other'],
  ['© 2026 Harbour Gazette. All rights reserved.', 'other'],
];

/** Each line is body text and must stay. */
const NEGATIVE: string[] = [
  'Read the statement closely and a different picture emerges, one of a port running out of money.',
  'Read aloud at the ceremony, the letter thanked the crews who kept the channel open.',
  '“We do not subscribe to the idea that the port can wait another year,” the mayor said.',
  'Subscribers to the ferry service will pay less from April, the operator said.',
  'The vote passed.',
  'By Tuesday, the council had approved the plan.',
  'By then, most of the crews had gone home.',
  'Get ready for delays, the operator warned commuters on Monday.',
  'Sign-up for the training course opens next week, officials said.',
  'The agreement was signed in Vienna on July 14, 2015.',
  'Photos taken by residents show the flooded quay.',
  'Related talks in Bergen ended without a deal.',
  'Share prices of the shipping group fell by 4 percent on Monday.',
  'Follow-up talks are planned for May.',
  'Copyright law was not part of the negotiations.',
  'AP reporters saw the ship leave the port.',
  'The minister said Reuters had reported the deal first.',
  'Watch crews worked through the night to secure the quay.',
  'Posted guards stood at every gate.',
  BODY_A,
];

describe('boilerplate rules', () => {
  it('every rule has a unique name and a kind', () => {
    const names = [...LINE_RULES, ...NEIGHBOUR_RULES].map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of LINE_RULES) expect(r.name.startsWith(r.kind) || r.name.split(':')[0] === r.kind).toBe(true);
  });

  it.each(POSITIVE)('removes %j as %s', (line, kind) => {
    const r = removeBoilerplate(`${BODY_A}\n\n${line}\n\n${BODY_B}`);
    expect(r.removed.map((x) => x.kind)).toEqual([kind]);
    expect(r.removed[0]?.text).toBe(line);
    expect(r.text).toBe(`${BODY_A}\n\n${BODY_B}`);
  });

  it.each(NEGATIVE.map((l) => [l]))('keeps body line %j', (line) => {
    expect(matchLine(line)).toBeNull();
    const r = removeBoilerplate(`${BODY_A}\n\n${line}\n\n${BODY_B}`);
    expect(r.removed).toEqual([]);
  });
});

describe('captions next to credits', () => {
  it('removes a short phrase directly above a credit, inside one paragraph', () => {
    const r = removeBoilerplate(`${BODY_A}\n\nDockworkers at the northern quay\nKari Lund / AP\n\n${BODY_B}`);
    expect(r.removed.map((x) => [x.kind, x.rule])).toEqual([
      ['photo-caption', 'photo-caption:above-credit'],
      ['photo-credit', 'photo-credit:name-slash-agency'],
    ]);
    expect(r.text).toBe(`${BODY_A}\n\n${BODY_B}`);
  });

  it('keeps a sentence above a credit and the line below it', () => {
    const text = `${BODY_A}\nKari Lund / AP\nThe new cranes\nwill arrive in May.\n\n${BODY_B}`;
    const r = removeBoilerplate(text);
    expect(r.removed.map((x) => x.text)).toEqual(['Kari Lund / AP']);
    expect(r.text).toBe(`${BODY_A}\nThe new cranes\nwill arrive in May.\n\n${BODY_B}`);
  });

  it('keeps a fragment that the next line continues in lower case', () => {
    const r = removeBoilerplate(`Shares of the shipping group\nPhoto: Mats Berg\nfell on Monday.`);
    expect(r.removed.map((x) => x.kind)).toEqual(['photo-credit']);
  });
});

describe('shape helpers', () => {
  it('tells headlines from sentences', () => {
    expect(isHeadlineShaped('Port authority says new cranes will arrive in spring')).toBe(true);
    expect(isHeadlineShaped("Minister: 'we will not wait another year'")).toBe(true);
    expect(isHeadlineShaped('the cranes arrive')).toBe(false);
    expect(isHeadlineShaped('The cranes arrived. The workers cheered.')).toBe(false);
    expect(isHeadlineShaped('Two words')).toBe(false);
  });

  it('keeps paragraph structure and drops empty paragraphs', () => {
    const r = removeBoilerplate(`${BODY_A}\n\n\nAdvertisement\n\n${BODY_B}\nThe vote passed.`);
    expect(r.text).toBe(`${BODY_A}\n\n${BODY_B}\nThe vote passed.`);
  });
});

// Reference bodies of real articles hold almost no boilerplate: whatever the pass removes from them
// must be tiny, and page furniture in extractor outputs must go while the reference text stays.
const AEB = benchDir('aeb');
describe.skipIf(!existsSync(join(AEB, 'ground-truth.json')))('on the AEB reference bodies', () => {
  const gold = JSON.parse(readFileSync(join(AEB, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

  it('removes almost nothing from the 181 gold bodies', () => {
    let total = 0;
    let removed = 0;
    for (const v of Object.values(gold)) {
      const r = removeBoilerplate(v.articleBody);
      total += v.articleBody.length;
      removed += r.removed.reduce((n, x) => n + x.text.length, 0);
      // Whatever is removed is short furniture, never a paragraph of prose.
      for (const x of r.removed) expect(x.text.length).toBeLessThan(250);
    }
    expect(total).toBeGreaterThan(500_000);
    expect(removed / total).toBeLessThan(0.001);
  });

  const output = (system: string): Record<string, string> => {
    const path = join(AEB, 'published-output', `${system}.json.gz`);
    const raw = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as { output?: Record<string, { articleBody?: string }> };
    return Object.fromEntries(Object.entries(raw.output ?? {}).map(([id, v]) => [id, v.articleBody ?? '']));
  };

  /** The AEB scorer of the benchmark runner, over every page of the ground truth. */
  const score = (pred: Record<string, string>): { p: number; r: number; f1: number } => {
    const c = corpusScore(Object.entries(gold).map(([id, g]) => scorePage(pred[id] ?? '', g.articleBody)));
    return { p: c.precision, r: c.recall, f1: c.f1 };
  };

  it('raises the AEB F1 of published extractor outputs, losing almost no recall', () => {
    for (const system of ['readability_js', 'trafilatura']) {
      const before = output(system);
      const after = Object.fromEntries(Object.entries(before).map(([id, t]) => [id, removeBoilerplate(t).text]));
      const [b, a] = [score(before), score(after)];
      if (system === 'readability_js') expect(b.f1).toBeCloseTo(0.947, 3);
      expect(a.f1).toBeGreaterThan(b.f1);
      expect(a.p).toBeGreaterThan(b.p);
      expect(b.r - a.r).toBeLessThan(0.002);
    }
  });

  it('removes furniture from an extractor output without cutting reference text', () => {
    let inGold = 0;
    let furniture = 0;
    for (const [id, text] of Object.entries(output('readability_js'))) {
      const body = norm(gold[id]?.articleBody ?? '');
      for (const x of removeBoilerplate(text).removed) {
        if (body.includes(norm(x.text))) inGold++;
        else furniture++;
      }
    }
    expect(furniture).toBeGreaterThan(50);
    expect(inGold / (inGold + furniture)).toBeLessThan(0.05);
  });
});

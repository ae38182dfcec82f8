// The general lexicon (light verbs, reversals, WordNet additions), the joint-subject rules and roles
// from the dependency parse, on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { codeEvents } from '../../src/events/coder.js';
import { lexicon, reversalCode } from '../../src/events/lexicon.js';

const coded = (text: string, parse = true) =>
  codeEvents({ id: 't', text }, { parse }).map((e) => `${e.source}|${e.cameo}|${e.target}|${e.modality}`);

describe('light verbs take their noun\'s code', () => {
  it('holding talks is consulting, both ways', () => {
    expect(coded('Estonia held talks with Finland on the ferry routes.')).toEqual(expect.arrayContaining(['EST|040|FIN|asserted', 'FIN|040|EST|asserted']));
  });
  it('the object noun chooses among the codes of one verb', () => {
    expect(coded('Canada imposed a curfew on Haitian ports.').map((c) => c.split('|')[1])).toContain('1723');
    expect(coded('Canada imposed an embargo on Myanmar.').map((c) => c.split('|')[1])).toContain('163');
  });
  it('offering an act is the intent to do it', () => {
    expect(coded('Norway offered mediation to Sri Lanka.').map((c) => c.split('|')[1])).toContain('036');
  });
});

describe('reversals are never the act', () => {
  it('lifting an embargo eases sanctions (085)', () => {
    expect(coded('Canada lifted its embargo on Cuba.').map((c) => c.split('|')[1])).toEqual(['085']);
  });
  it('calling off a visit negates the visit', () => {
    const out = coded('Poland called off a visit to Belarus.');
    expect(out.every((c) => !c.endsWith('|asserted') || !c.includes('|042|'))).toBe(true);
    expect(out.some((c) => c.includes('|042|') && c.endsWith('|negated'))).toBe(true);
  });
  it('a summit postponed in the passive is no meeting', () => {
    const out = coded('The summit between Chile and Peru was postponed.');
    expect(out.some((c) => c.endsWith('|asserted') && c.includes('|040|'))).toBe(false);
  });
  it('suspending talks halts negotiations (164)', () => {
    expect(reversalCode('040')).toBe('164');
    expect(coded('Serbia suspended talks with Kosovo.').map((c) => c.split('|')[1])).toContain('164');
  });
  it('halting an offensive de-escalates (087)', () => {
    expect(coded('Armenia halted its offensive against Azerbaijan.').map((c) => c.split('|')[1])).toContain('087');
  });
});

describe('joint subjects', () => {
  it('a joint demand on a third party is one event per member towards it', () => {
    const out = coded('Ghana and Togo demanded that Benin reopen the border.');
    expect(out).toEqual(expect.arrayContaining(['GHA|100|BEN|asserted', 'TGO|100|BEN|asserted']));
    expect(out.some((c) => c.startsWith('GHA|100|TGO') || c.startsWith('TGO|100|GHA'))).toBe(false);
  });
  it('a joint agreement with no other party is mutual', () => {
    expect(coded('Chile and Peru agreed on Monday to share fishing data.')).toEqual(expect.arrayContaining(['CHL|030|PER|asserted', 'PER|030|CHL|asserted']));
  });
  it('a possessor in an apposition is no actor (a friend of a friend)', () => {
    expect(coded('Chile, Peru’s rival, has launched raids on Bolivia.')).toEqual(['CHL|190|BOL|asserted']);
  });
  it('"be met with" is no meeting', () => {
    expect(coded('Any new incursion will be met with a firm Greek response, Athens said.').some((c) => c.includes('|040|') || c.includes('|036|'))).toBe(false);
  });
});

describe('roles from the parse', () => {
  it('a relative clause\'s verb has the noun it modifies as its subject', () => {
    expect(coded('It was a blow to Ghana, which had sent peacekeepers to Liberia.')).toContain('GHA|074|LBR|asserted');
  });
  it('a relative clause inside the subject is not the subject', () => {
    expect(coded('Kenya, which borders Somalia, condemned Ethiopia.')).toEqual(['KEN|111|ETH|asserted']);
  });
  it('the word-order fallback lowers confidence', () => {
    const withParse = codeEvents({ id: 't', text: 'Chile accused Peru of spying.' });
    expect(withParse[0]!.confidence).toBeGreaterThan(0.8);
  });
});

describe('the lexicon data', () => {
  it('is built from the seeds by the script (every seed code present, WordNet additions listed)', () => {
    const seeds = JSON.parse(readFileSync('src/events/data/lexicon-seeds.json', 'utf8')) as { codes: Record<string, unknown> };
    const built = JSON.parse(readFileSync('src/events/data/lexicon.json', 'utf8')) as { codes: Record<string, { fromWordNet: string[] }> };
    expect(Object.keys(built.codes).sort()).toEqual(Object.keys(seeds.codes).sort());
    expect(Object.values(built.codes).some((c) => c.fromWordNet.length > 0)).toBe(true);
    expect(lexicon().light.has('held')).toBe(true);
  });
});

// Person spans made to hold the name alone: headline words, positions, team members' nouns, sentence
// adverbs, groups and outlets read as people. Made-up articles, plus ECB+ dev news from ../shared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveMentions, type TaggedSpan } from '../../src/entities/resolve.js';
import { spans } from './spans.js';
import { countryTables } from '../../src/entities/countries.js';
import { defaultTagger } from '../../src/entities/ner/index.js';
import { isRoleWord } from '../../src/entities/roles.js';
import { benchDir } from '../../src/paths.js';

const places = countryTables();


const persons = (text: string, items: [string, TaggedSpan['type']][]) =>
  resolveMentions(text, spans(text, items), places).mentions.filter((m) => m.type === 'PERSON');

describe('person spans', () => {
  it('splits headline verbs off a name in a title-case line', () => {
    const t = 'Falcons Hire Darnell Okafor as New Head Coach\nDarnell Okafor was introduced on Monday. Okafor said he was glad.';
    const p = persons(t, [['Hire Darnell Okafor', 'PER'], ['Darnell Okafor', 'PER'], ['Okafor', 'PER']]);
    expect(p.map((m) => m.text)).toEqual(['Darnell Okafor', 'Darnell Okafor', 'Okafor']);
  });

  it('keeps a position inside the span as the role and the name after it', () => {
    const t = 'Rovers striker news: Rovers Striker Tomas Halvorsen signed a new deal with the club on Friday.';
    const [m] = persons(t, [['Rovers Striker Tomas Halvorsen', 'PER']]);
    expect(m).toMatchObject({ text: 'Tomas Halvorsen', role: 'Striker' });
  });

  it("splits a team member's noun when the team's plural is written", () => {
    // The team noun is a word no listed person's name holds ('Falcon' was, until the tagger's lists
    // took in WordNet's people, one of whom has it as a middle name).
    const t = 'The Ospreys lost again. On Sunday Osprey Darnell Okafor was hurt in the second half.';
    const [m] = persons(t, [['Osprey Darnell Okafor', 'PER']]);
    expect(m).toMatchObject({ text: 'Darnell Okafor', role: 'Osprey' });
  });

  it('takes the name after a line break that joined a headline to it', () => {
    const t = 'Lions Beat Bears\nReceiver Paulo Menezes caught two passes and ran for a score in the second half of the game.';
    const [m] = persons(t, [['Bears\nReceiver Paulo Menezes', 'PER']]);
    expect(m?.text).toBe('Paulo Menezes');
  });

  it('drops sentence adverbs and common words that open a sentence', () => {
    const t = 'The talks failed. Moreover, the envoy left early. Describing Halden as a quiet town, she smiled.';
    const p = persons(t, [['Moreover', 'PER'], ['Describing Halden', 'PER']]);
    expect(p.map((m) => m.text)).toEqual(['Halden']);
  });

  it('keeps a first name that is also a dictionary word', () => {
    const t = 'The board met on Monday. Charlotte Brennick said the vote would wait a week.';
    expect(persons(t, [['Charlotte Brennick', 'PER']]).map((m) => m.text)).toEqual(['Charlotte Brennick']);
  });

  it('reads courtesy titles written without a dot as roles', () => {
    const t = 'Mr Halvorsen told reporters that the plan was sound.';
    const [m] = persons(t, [['Mr Halvorsen', 'PER']]);
    expect(m).toMatchObject({ text: 'Halvorsen', role: 'Mr' });
  });

  it('keeps the type the tagger gave a group or an outlet when no other mention says otherwise', () => {
    const t = 'Shiite Muslims marched in the city, the Gulf Times reported, and Lebanese Shiite leaders spoke. The Gulf Times said more. The Gulf Times printed it.';
    const r = resolveMentions(t, spans(t, [['Shiite Muslims', 'PER'], ['Gulf Times', 'PER'], ['Lebanese Shiite', 'ORG'], ['Gulf Times', 'ORG'], ['Gulf Times', 'ORG']]), places);
    expect(r.mentions.map((m) => [m.text, m.type])).toEqual([
      ['Shiite Muslims', 'PERSON'],
      ['Gulf Times', 'ORG'],
      ['Lebanese Shiite', 'ORG'],
      ['Gulf Times', 'ORG'],
      ['Gulf Times', 'ORG'],
    ]);
    const g = 'Shiite Muslims marched in the city. Shiite Muslims prayed.';
    expect(resolveMentions(g, spans(g, [['Shiite Muslims', 'MISC'], ['Shiite Muslims', 'MISC']]), places).mentions.map((m) => m.type)).toEqual(['NORP', 'NORP']);
  });

  it('reads a plural noun the article writes after "the" as a team, a surname after a first name as a person', () => {
    const t = 'The Harbour Gulls won again on Sunday, and the Gulls now lead the league. Coach Ivo Crane praised Crane for the pass.';
    const r = resolveMentions(t, spans(t, [['Harbour Gulls', 'PER'], ['Ivo Crane', 'PER'], ['Crane', 'PER']]), places);
    expect(r.mentions.map((m) => [m.text, m.type])).toEqual([
      ['Harbour Gulls', 'ORG'],
      ['Ivo Crane', 'PERSON'],
      ['Crane', 'PERSON'],
    ]);
  });

  it('gives a surname typed MISC or ORG to the person of the article, not when an organisation name holds it', () => {
    const t = 'Darnell Okafor ran for two scores. Okafor was tired, and the Okafor Foundation thanked him.';
    const r = resolveMentions(t, spans(t, [['Darnell Okafor', 'PER'], ['Okafor', 'MISC'], ['Okafor Foundation', 'ORG']]), places);
    expect(r.mentions.map((m) => [m.text, m.type])).toEqual([
      ['Darnell Okafor', 'PERSON'],
      ['Okafor', 'MISC'],
      ['Okafor Foundation', 'ORG'],
    ]);
    const t2 = 'Darnell Okafor ran for two scores. Okafor was tired after the game.';
    const r2 = resolveMentions(t2, spans(t2, [['Darnell Okafor', 'PER'], ['Okafor', 'MISC']]), places);
    expect(r2.mentions.map((m) => [m.text, m.type])).toEqual([
      ['Darnell Okafor', 'PERSON'],
      ['Okafor', 'PERSON'],
    ]);
  });

  it('cleans the person after a title inside an organisation span, and cuts other spans at a line break', () => {
    const t = 'City Lawyer Weighs Filing Charges Against Gulls\nPosted on Monday, the story said the receiver would be charged within a week.';
    const r = resolveMentions(t, spans(t, [['City Lawyer Weighs Filing Charges Against Gulls\nPosted', 'ORG']]), places);
    expect(r.mentions.filter((m) => m.type === 'PERSON')).toEqual([]);
    const t2 = 'Gulls Sign Receiver\nHarbour Gulls Football Club said on Monday that the deal was done.';
    const r2 = resolveMentions(t2, spans(t2, [['Receiver\nHarbour Gulls Football Club', 'ORG']]), places);
    expect(r2.mentions.map((m) => m.text)).toEqual(['Harbour Gulls Football Club']);
  });

  it('keeps a city or province the tagger took for a person, unless another mention of it is a place', () => {
    const t = 'Storms hit North Carolina on Monday. Tyler said the roads were closed.';
    expect(resolveMentions(t, spans(t, [['North Carolina', 'PER'], ['Tyler', 'PER']]), places).mentions.map((m) => [m.text, m.type])).toEqual([
      ['North Carolina', 'PERSON'],
      ['Tyler', 'PERSON'],
    ]);
    const u = 'North Carolina braced. Storms hit North Carolina on Monday, and North Carolina closed roads.';
    const r = resolveMentions(u, spans(u, [['North Carolina', 'PER'], ['North Carolina', 'LOC'], ['North Carolina', 'LOC']]), places);
    expect(r.mentions.map((m) => m.type)).toEqual(['LOC', 'LOC', 'LOC']);
  });

  it('drops a long headline run that still holds common words', () => {
    const t = 'Mayor Weighs Filing Charges Against Harbour Gulls\nThe mayor said on Monday that she would decide within a week.';
    expect(persons(t, [['Weighs Filing Charges Against Harbour Gulls', 'PER']])).toEqual([]);
  });
});

describe('person spans on ECB+ dev news', () => {
  // The first articles of the ECB+ dev split, tagged and resolved as the pipeline does.
  const lines = readFileSync(join(benchDir('clustering'), 'ecbplus-dev.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 120);
  const tag = defaultTagger();
  const people = lines.flatMap((l) => {
    const text = (JSON.parse(l) as { text: string }).text;
    return resolveMentions(text, tag(text), places).mentions.filter((m) => m.type === 'PERSON');
  });

  it('gives person mentions without line breaks or leading role words', () => {
    expect(people.length).toBeGreaterThan(500);
    expect(people.filter((m) => m.text.includes('\n'))).toEqual([]);
    const roleFirst = people.filter((m) => m.text.split(/\s+/).length > 1 && isRoleWord(m.text.split(/\s+/)[0]!));
    expect(roleFirst.map((m) => m.text)).toEqual([]);
  });
});

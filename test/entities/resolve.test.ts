// Entity resolution on made-up articles: roles, metonymy, demonyms, partial and variant names.
import { describe, expect, it } from 'vitest';
import { resolveMentions, type TaggedSpan } from '../../src/entities/resolve.js';
import { spans } from './spans.js';
import { countryTables } from '../../src/entities/countries.js';
import { EntityRegistry } from '../../src/entities/registry.js';

const places = countryTables();


describe('resolution within an article', () => {
  const text =
    'Norwegian Defence Minister Lena Haugland arrived in Oslo on Monday. Oslo said the talks went well, and Haugland, ' +
    'the country\'s top defence official, met Chilean officials. Santiago later praised the Nordic state.';
  const r = resolveMentions(text, spans(text, [['Lena Haugland', 'PER'], ['Oslo', 'LOC'], ['Oslo', 'LOC'], ['Haugland', 'PER'], ['Chilean', 'MISC'], ['Santiago', 'LOC']]), places);
  const byText = (t: string, nth = 0) => r.mentions.filter((m) => m.text === t)[nth]!;

  it('strips the role, keeps it with the person, and takes the country from the demonym before it', () => {
    const p = r.entities.find((e) => e.type === 'PERSON')!;
    expect(p).toMatchObject({ name: 'Lena Haugland', country: 'NOR', sector: 'GOV' });
    expect([...p.roles]).toEqual(['Defence Minister']);
    expect(byText('Haugland').entityKey).toBe(p.key);
  });

  it('tells a capital used as an actor from a capital as a place', () => {
    expect(byText('Oslo', 0)).toMatchObject({ metonymy: false, entityKey: 'GPE:NOR:oslo' });
    expect(byText('Oslo', 1)).toMatchObject({ metonymy: true, entityKey: 'GPE:NOR' });
    expect(byText('Santiago')).toMatchObject({ metonymy: true, entityKey: 'GPE:CHL' });
  });

  it('links demonyms to their country', () => {
    expect(byText('Chilean')).toMatchObject({ type: 'NORP', entityKey: 'GPE:CHL' });
    expect(byText('Norwegian')).toMatchObject({ type: 'NORP', entityKey: 'GPE:NOR' });
  });

  it('resolves an epithet from the table', () => {
    const t = 'The Kremlin rejected the plan.';
    const m = resolveMentions(t, [], places).mentions[0]!;
    expect(m).toMatchObject({ text: 'The Kremlin', metonymy: true, entityKey: 'GPE:RUS' });
  });

  it('splits a title inside an organisation span into the person it names', () => {
    const t = 'On Tuesday, Chile Foreign Minister Pablo Reyes flew home after the talks ended early.';
    const m = resolveMentions(t, spans(t, [['Chile Foreign Minister Pablo Reyes', 'ORG']]), places).mentions;
    expect(m.map((x) => [x.text, x.type])).toEqual([
      ['Chile', 'GPE'],
      ['Pablo Reyes', 'PERSON'],
    ]);
  });
});

describe('organisations by short forms, descriptors and typos', () => {
  const text =
    'The IDF said its jets struck a depot near the border. Hours later the Israeli army reported calm, ' +
    'and a statement by the IIDF said patrols would continue. Its account was carried by state news agency SANA ' +
    'and by the Tasnim news agency.';
  const r = resolveMentions(text, spans(text, [['IDF', 'ORG'], ['IIDF', 'ORG'], ['SANA', 'ORG'], ['Tasnim', 'ORG']]), places);
  const byText = (t: string) => r.mentions.find((m) => m.text === t);

  it('puts a known acronym, its typo and "<demonym> army" under the national armed forces', () => {
    const key = byText('IDF')?.entityKey;
    expect(key).toBe('ORG:ISR:armed forces');
    expect(byText('Israeli army')?.entityKey).toBe(key);
    expect(byText('IIDF')?.entityKey).toBe(key);
    expect(r.entities.find((e) => e.key === key)).toMatchObject({ name: 'Israel Defense Forces', country: 'ISR', sector: 'MIL' });
  });

  it('reads an outlet descriptor before a name as its role, and an outlet head after it as part of the mention', () => {
    expect(byText('SANA')).toMatchObject({ role: 'state news agency', type: 'ORG' });
    const tasnim = byText('Tasnim news agency');
    expect(tasnim).toBeDefined();
    expect(r.entities.find((e) => e.key === tasnim!.entityKey)).toMatchObject({ country: 'IRN', sector: 'MED' });
  });

  it('gives an unknown outlet named after a descriptor the media sector, and merges no unrelated acronyms', () => {
    const t = 'The report ran in the local daily Norte Hoy. The ABC and the ABBA groups met.';
    const d = resolveMentions(t, spans(t, [['Norte Hoy', 'ORG'], ['ABC', 'ORG'], ['ABBA', 'ORG']]), places);
    const norte = d.mentions.find((m) => m.text === 'Norte Hoy')!;
    expect(norte.role).toBe('local daily');
    expect(d.entities.find((e) => e.key === norte.entityKey)?.sector).toBe('MED');
    const abc = d.mentions.find((m) => m.text === 'ABC')!.entityKey;
    expect(d.mentions.find((m) => m.text === 'ABBA')!.entityKey).not.toBe(abc);
  });
});

describe('a description before a name', () => {
  it('gives the person the country of a role description set before the name by a comma', () => {
    const t = 'The chief of staff of Chile\'s navy, Adm. Rosa Ibarra, signed the pact. The mayor of the town, Juan Soto, left.';
    const r = resolveMentions(t, spans(t, [['Rosa Ibarra', 'PER'], ['Juan Soto', 'PER']]), places);
    expect(r.entities.find((e) => e.name === 'Rosa Ibarra')).toMatchObject({ country: 'CHL' });
    expect(r.entities.find((e) => e.name === 'Juan Soto')?.country).toBeNull();
  });
});

describe('tagger slips', () => {
  it('takes a name tagged as an unknown place for the person of the article who bears it', () => {
    const t = 'General Tomas Varga arrived on Monday. Varga met the mayor of Tarnow.';
    const r = resolveMentions(t, spans(t, [['Tomas Varga', 'PER'], ['Varga', 'LOC'], ['Tarnow', 'LOC']]), places);
    const person = r.entities.find((e) => e.type === 'PERSON')!;
    expect(r.mentions.filter((m) => m.entityKey === person.key).map((m) => m.text)).toEqual(['Tomas Varga', 'Varga']);
    expect(r.mentions.find((m) => m.text === 'Tarnow')).toMatchObject({ type: 'LOC' });
    expect(r.entities.some((e) => e.key === 'LOC:varga')).toBe(false);
  });
});

describe('resolution across articles', () => {
  it('merges transliteration variants and partial names of one person, and keeps namesakes apart', () => {
    const reg = new EntityRegistry();
    const doc = (t: string, names: string[]) => resolveMentions(t, spans(t, names.map((n) => [n, 'PER'] as [string, TaggedSpan['type']])), places).entities;
    const a = doc('General Yusuf al-Haddad met Omar Haddad.', ['Yusuf al-Haddad', 'Omar Haddad']);
    const b = doc('Youssef Hadad spoke.', ['Youssef Hadad']);
    const c = doc('Haddad left.', ['Haddad']);
    const keys = [...a, ...b, ...c].map((e) => reg.add(e, 'x').key);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[1]).not.toBe(keys[0]);
    expect(reg.get(keys[0]!)!.aliases.has('Youssef Hadad')).toBe(true);
  });

  it('gives a name read as a person once to the organisation other articles name far more often', () => {
    const reg = new EntityRegistry();
    const orgDoc = (t: string) => resolveMentions(t, spans(t, [['Quillbright', 'ORG'], ['Quillbright', 'ORG'], ['Quillbright', 'ORG']]), places).entities;
    const org = orgDoc('Quillbright sold chips. Quillbright grew, and Quillbright hired.').map((e) => reg.add(e, 'a'))[0]!;
    orgDoc('Quillbright sold chips. Quillbright grew, and Quillbright hired.').forEach((e) => reg.add(e, 'b'));
    const t = 'Quillbright denied the report on Monday.';
    const person = resolveMentions(t, spans(t, [['Quillbright', 'PER']]), places).entities.find((e) => e.type === 'PERSON')!;
    expect(reg.add(person, 'c').key).toBe(org.key);
    // An organisation named only three times does not take the name.
    const reg2 = new EntityRegistry();
    const few = orgDoc('Quillbright sold chips. Quillbright grew, and Quillbright hired.').map((e) => reg2.add(e, 'a'))[0]!;
    expect(reg2.add(person, 'c').key).not.toBe(few.key);
  });
});

// Quote finding on made-up sentences: every cue form, pronouns, split and continued quotations,
// nested quotes, apostrophes that are not quotation marks, and text with no quotation at all.
import { describe, expect, it } from 'vitest';
import { findQuotes, type Quote } from '../../src/quotes/index.js';
import { sentencesWithTokens } from '../../src/text/index.js';

function only(text: string): Quote {
  const qs = findQuotes(text);
  expect(qs).toHaveLength(1);
  return qs[0]!;
}

describe('cue after the quotation', () => {
  it('takes a name before the verb', () => {
    const q = only('“The bridge will open in May,” Mayor Tom Elkins said on Friday.');
    expect(q.text).toBe('The bridge will open in May,');
    expect(q.speaker?.text).toBe('Mayor Tom Elkins');
    expect(q).toMatchObject({ cue: 'said', cueType: 'verb', partial: false, via: null });
  });

  it('takes a name after the verb', () => {
    const q = only('“We have no money left,” said Finance Director Ana Lopez, speaking to reporters.');
    expect(q.speaker?.text).toBe('Finance Director Ana Lopez');
    expect(q.cue).toBe('said');
  });

  it('takes a nominal speaker', () => {
    const q = only('“Repairs start next week,” a council spokeswoman told the Harbour Gazette.');
    expect(q.speaker?.text).toBe('a council spokeswoman');
    expect(q.cue).toBe('told');
  });

  it('skips an apposition between speaker and verb', () => {
    const q = only('“The tide is too high,” Elkins, the harbour master, warned.');
    expect(q.speaker?.text).toBe('Elkins');
    expect(q.cue).toBe('warned');
  });

  it('reads "according to" as the speaker when nothing else speaks', () => {
    const q = only('“Traffic fell by a third in the first month,” according to the city transport office.');
    expect(q.speaker?.text).toBe('the city transport office');
    expect(q.cueType).toBe('according-to');
  });

  it('reads "according to" as the relay when a verb names the speaker', () => {
    const q = only('“The ferry is safe,” Captain Ruth Byrne said, according to the Coastal Herald.');
    expect(q.speaker?.text).toBe('Captain Ruth Byrne');
    expect(q.via?.text).toBe('Coastal Herald');
  });

  it('reads "a statement by X said"', () => {
    const q = only('“Any further delay is unacceptable,” a statement by the Dock Workers Union said.');
    expect(q.speaker?.text).toBe('Dock Workers Union');
    expect(q.cueType).toBe('statement');
    expect(q.cue).toBe('a statement by … said');
  });

  it('reads "the broadcaster quoted X as saying" with the broadcaster as relay', () => {
    const q = only('“We will rebuild the pier,” the broadcaster quoted port chief Lars Holm as saying.');
    expect(q.speaker?.text).toBe('Lars Holm');
    expect(q.via?.text).toBe('the broadcaster');
    expect(q.cueType).toBe('quoted-as-saying');
  });

  it('reads "X was quoted as saying"', () => {
    const q = only('“Nobody told us anything,” Nadia Berg was quoted as saying.');
    expect(q.speaker?.text).toBe('Nadia Berg');
    expect(q.cueType).toBe('quoted-as-saying');
  });

  it('takes the name after descriptors in an inverted cue', () => {
    expect(only('“That is not what the report says,” said a visibly angry Carla Mendes, the board’s treasurer.').speaker?.text).toBe('Carla Mendes');
    expect(only('“The river was ours,” declared a former governor, Piet de Wit, in 1990.').speaker?.text).toBe('Piet de Wit');
  });

  it('takes the name that stands alone between commas', () => {
    const q = only('Union Chief Executive, Sean Rooney, said: “The members will not accept this.”');
    expect(q.speaker?.text).toBe('Sean Rooney');
  });

  it('keeps a question and its cue in one sentence', () => {
    const q = only('“Why did nobody warn us?” Nadia Berg asked the council.');
    expect(q.speaker?.text).toBe('Nadia Berg');
    expect(q.cue).toBe('asked');
  });

  it('reads an inverted cue later in the sentence', () => {
    const q = only('There is “no reason at all to close the ferry route” this winter, said Ruth Byrne.');
    expect(q.speaker?.text).toBe('Ruth Byrne');
  });

  it('finds a reporting clause at the end of the sentence', () => {
    const q = only('The talks covered fishing quotas, “which have been the main sticking point for years” in the region, state radio Nordvox reported.');
    expect(q.speaker?.text).toBe('Nordvox');
    expect(q.partial).toBe(true);
  });
});

describe('cue before the quotation', () => {
  it('makes a partial quotation from "X said that … “…”"', () => {
    const q = only('Mayor Tom Elkins said on Friday that the aim of the plan is to “keep the harbour open all year.”');
    expect(q.speaker?.text).toBe('Mayor Tom Elkins');
    expect(q.partial).toBe(true);
  });

  it('reads "Y quoted X as saying that … “…”" with Y as relay', () => {
    const q = only('The Coastal Herald quoted Elkins as saying that the town must “stop waiting for the capital.”');
    expect(q.speaker?.text).toBe('Elkins');
    expect(q.via?.text).toBe('Coastal Herald');
    expect(q.cue).toBe('quoted … as saying');
  });

  it('reads "On Tuesday X told Y that … “…”" without the date words', () => {
    const q = only('On Tuesday Governor Ella Marsh told the harbour board that the money was gone, and that “the board needs to accept that.”');
    expect(q.speaker?.text).toBe('Governor Ella Marsh');
    expect(q.cue).toBe('told');
  });

  it('reads a colon cue and a verb with a colon', () => {
    expect(only('Elkins: “We are not leaving.”')).toMatchObject({ cueType: 'colon', partial: false });
    const q = only('Elkins told reporters: “We are not leaving.”');
    expect(q).toMatchObject({ cue: 'told', partial: false });
    expect(q.speaker?.text).toBe('Elkins');
  });

  it('reads a colon that closes the paragraph before the quotation', () => {
    const q = only('Governor Ella Marsh said:\n\n“The harbour stays open for every boat in town.”');
    expect(q.speaker?.text).toBe('Governor Ella Marsh');
  });

  it('reads a document speaker with "saying"', () => {
    const q = only('The agency published a short statement saying the deal aims to “protect the fishing fleet from foreign trawlers.”');
    expect(q.speaker?.text).toBe('a short statement');
    expect(q.cueType).toBe('statement');
  });

  it('reads "according to X, who said … “…”"', () => {
    const q = only('The cuts will hurt, according to Nadia Berg, who said at a meeting that they are “part of a slow betrayal.”');
    expect(q.speaker?.text).toBe('Nadia Berg');
  });

  it('keeps the subject of coordinated verbs', () => {
    const qs = findQuotes('Berg noted that the port is the town’s “only real employer” and, in a remark aimed at the council, said that its members “are dreaming and must wake up soon.”');
    expect(qs).toHaveLength(2);
    for (const q of qs) expect(q.speaker?.text).toBe('Berg');
  });
});

describe('pronouns and context', () => {
  it('resolves "he said" to the nearest person before it', () => {
    const text = 'Port director Lars Holm met the mayor on Monday.\n\nHolm later said the town would never sell the docks.\n\n“We cannot accept a sale of the docks to anyone,” he said.';
    const q = only(text);
    expect(q.pronoun).toBe('he');
    expect(q.speaker?.text).toBe('Holm');
    expect(q.speaker!.start).toBe(text.indexOf('Holm later'));
  });

  it('prefers a person mention and copies its entity id', () => {
    const text = 'Dana Ruiz spoke for an hour.\n\n“The plan is dead,” she said.';
    const q = findQuotes(text, { mentions: [{ start: 0, end: 9, type: 'PERSON', entityId: 'P:dana-ruiz' }] })[0]!;
    expect(q.speaker).toEqual({ text: 'Dana Ruiz', start: 0, end: 9, entityId: 'P:dana-ruiz' });
  });

  it('snaps a speaker phrase to the mention inside it', () => {
    const text = '“We will appeal,” said Port Director Dana Ruiz.';
    const at = text.indexOf('Dana');
    const q = findQuotes(text, { mentions: [{ start: at, end: at + 9, type: 'PERSON', entityId: 'P1' }] })[0]!;
    expect(q.speaker).toEqual({ text: 'Dana Ruiz', start: at, end: at + 9, entityId: 'P1' });
  });

  it('resolves "it said" to an organisation speaker and leaves "they said" without one alone', () => {
    const qs = findQuotes('“Fares will rise,” the ferry company said on Monday.\n\nLater on, “the timetable stays as it is,” it said.');
    expect(qs[1]!.pronoun).toBe('it');
    expect(qs[1]!.speaker?.text).toBe('the ferry company');
    const lone = only('They said: “We will be back next spring with more boats.”');
    expect(lone).toMatchObject({ pronoun: 'They', speaker: null, cue: 'said' });
  });

  it('does not take an organisation name for a person', () => {
    const text = 'The Harbour Clinic said it was full.\n\n“We have no beds left,” she said.';
    expect(only(text).speaker).toBeNull();
  });

  it('gives both parts of a split quotation one speaker', () => {
    const qs = findQuotes('Judge Mira Kovac closed the hearing. “The evidence is thin,” she said, “and the witnesses are worse.”');
    expect(qs.map((q) => q.text)).toEqual(['The evidence is thin,', 'and the witnesses are worse.']);
    for (const q of qs) expect(q.speaker?.text).toBe('Judge Mira Kovac');
    expect(qs[1]!.partial).toBe(false);
  });

  it('carries the speaker to a cue-less quotation in the next sentence', () => {
    const qs = findQuotes('“We came to listen,” Ana Lopez said, pointing at the crowd. “Nobody else did.”');
    expect(qs).toHaveLength(2);
    expect(qs[1]!.speaker?.text).toBe('Ana Lopez');
    expect(qs[1]!.cueType).toBe('none');
  });

  it('joins a quotation continued in the next paragraph', () => {
    const text = '“The first thing we did was count the boats.\n\n“Then we counted the people,” Ruth Byrne said.';
    const qs = findQuotes(text);
    expect(qs.map((q) => q.text)).toEqual(['The first thing we did was count the boats.', 'Then we counted the people,']);
    for (const q of qs) expect(q.speaker?.text).toBe('Ruth Byrne');
  });
});

describe('marks', () => {
  it('keeps a quote inside a quote as part of the outer one', () => {
    const q = only('“He called our offer ‘a total insult’ and walked out,” Elkins said.');
    expect(q.text).toBe('He called our offer ‘a total insult’ and walked out,');
  });

  it('reads straight double quotes', () => {
    const q = only('"The water is clean again," the health office said.');
    expect(q.speaker?.text).toBe('the health office');
  });

  it('reads single quotes in a headline without taking apostrophes for marks', () => {
    const q = only("Harbour's mayor says town will 'never sell the docks' to Elkins's firm");
    expect(q.text).toBe('never sell the docks');
    expect(q.partial).toBe(true);
  });

  it('finds nothing in apostrophes alone', () => {
    expect(findQuotes("The council's plan and the drivers' union's objection were discussed, officials' notes show.")).toEqual([]);
    expect(findQuotes('The council’s plan met the union’s objection; the workers’ vote comes in ’98 terms.')).toEqual([]);
  });

  it('finds nothing in a sentence with no quotation', () => {
    expect(findQuotes('The mayor said on Friday that the bridge would open in May.')).toEqual([]);
  });

  it('drops scare quotes and quoted terms without a speaker', () => {
    expect(findQuotes('Critics call the scheme a “corridor” for smugglers, and officials use the term “transit zone” for it.')).toEqual([]);
  });

  it('drops titles of works', () => {
    expect(findQuotes('Her book “The Long Road Home” came out in 2004, and the play “Salt and Stone Together” followed.')).toEqual([]);
  });

  it('keeps offsets of the words without the marks', () => {
    const text = 'Intro line.\n\n“Open the gates now,” Elkins said.';
    const q = only(text);
    expect(text.slice(q.start, q.end)).toBe('Open the gates now,');
  });
});

describe('sentences from the document layer', () => {
  const text = '“We close at noon. Nobody stays late!” the 52-year-old caretaker’s assistant said.\nThen she left.';

  it('joins the document sentences a quotation spans, and reads a hyphenated number and a possessive as words of the speaker', () => {
    const sentences = sentencesWithTokens(text);
    expect(sentences.length).toBeGreaterThan(2);
    const given = findQuotes(text, { sentences });
    expect(given).toEqual(findQuotes(text));
    expect(given).toHaveLength(1);
    expect(given[0]!.text).toBe('We close at noon. Nobody stays late!');
    expect(given[0]!.speaker?.text).toBe('the 52-year-old caretaker’s assistant');
  });
});

describe('cues from the parse', () => {
  it('takes the subject of a speech verb the word patterns miss', () => {
    const q = only('“We played hard all night and never gave up,” Riverside coach Tom Hale said.');
    expect(q.speaker?.text).toBe('Tom Hale');
    expect(q).toMatchObject({ cue: 'said', cueType: 'verb' });
  });

  it('attributes no quoted term inside the reporter\'s sentence, and no verb beyond another quotation', () => {
    const term = findQuotes('The agency released the update, known as a “rapid emergency measure for the network,” on Friday, officials said.');
    expect(term.every((q) => q.speaker === null)).toBe(true);
  });
});

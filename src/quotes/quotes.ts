// Quotations and their speakers. One pass finds the quotation marks, one splits sentences around
// them, and each quotation is then attributed from the reporter's words of its own sentence. What
// has no cue of its own takes its speaker from context: the earlier quotation of the same sentence,
// the other parts of a quotation split over paragraphs, or the quotation of the sentence just before
// ('“…,” X said. “…”'). 'he said' points to the nearest person before it.
import { attribute, colonCue, isPartial, type Attribution, type CueType } from './attribution.js';
import { PERSON_PRONOUNS } from '../lang/en/quote-words.js';
import { findMarks, type MarkSpan } from './marks.js';
import type { Phrase } from './phrases.js';
import { personBefore, personCandidates, snapSpeaker, sortMentions, type MentionInput, type SpeakerSpan } from './speakers.js';
import { buildSentences, type Sentence } from './units.js';
import { sentencesWithTokens, type TokenizedSentence } from '../text/index.js';
import { parseCue } from './parse-cue.js';

export type { CueType } from './attribution.js';
export type { MentionInput, SpeakerSpan } from './speakers.js';

export interface Quote {
  /** Offsets of the quoted words, without the quotation marks. */
  start: number;
  end: number;
  text: string;
  /** A fragment inside the reporter's sentence ('against “Zionist-American schemes,”'). */
  partial: boolean;
  speaker: SpeakerSpan | null;
  /** The cue words ('said', 'quoted … as saying', 'according to'); empty when the speaker came from context. */
  cue: string;
  cueType: CueType;
  /** Who relayed the words ('SANA' in 'SANA quoted Bagheri as saying'). */
  via: { text: string; start: number; end: number } | null;
  /** The pronoun of the cue when the speaker was resolved through it ('he'). */
  pronoun?: string;
}

export interface FindQuotesOptions {
  /** Entity mentions (from the NER layer): speakers snap to them and take their entity id. */
  mentions?: MentionInput[];
  /** The text's sentences and tokens (the document's sentence layer); made here when absent. */
  sentences?: readonly TokenizedSentence[];
}

interface Draft {
  mark: MarkSpan;
  sentence: number;
  partial: boolean;
  attribution: Attribution | null;
  /** Where the attribution came from when it is borrowed. */
  borrowed: boolean;
  speaker: SpeakerSpan | null;
  pronoun?: string;
}

/** Quotations shorter than this with no speaker are scare quotes or terms ('the term “takfiri”'). */
const MIN_WORDS_WITHOUT_SPEAKER = 4;

export function findQuotes(text: string, opts: FindQuotesOptions = {}): Quote[] {
  const marks = findMarks(text);
  const docSentences = opts.sentences ?? sentencesWithTokens(text);
  const sentences = buildSentences(text, marks, docSentences);
  const mentions = sortMentions(opts.mentions ?? []);
  const persons = personCandidates(sentences, mentions);
  const drafts = attributeAll(text, sentences, marks);
  // A whole quotation the word patterns leave unattributed may still have a cue the parse finds.
  for (const d of drafts) if (!d.attribution && !d.partial) d.attribution = parseCue(sentences[d.sentence]!, d.mark, marks, docSentences);
  shareWithinGroups(drafts);

  const out: Quote[] = [];
  let previous: Draft | null = null;
  for (const d of drafts) {
    if (!d.attribution && previous?.speaker) {
      const sameSentence = previous.sentence === d.sentence;
      const nextSentence = previous.sentence === d.sentence - 1 && !d.partial;
      if (sameSentence || nextSentence) {
        d.attribution = sameSentence ? previous.attribution : { speaker: null, cue: '', cueType: 'none', via: null };
        d.speaker = previous.speaker;
        d.pronoun = previous.pronoun;
        d.borrowed = true;
      }
    }
    if (d.attribution && !d.borrowed) resolveSpeaker(text, d, mentions, persons, previous);
    if (d.speaker) previous = d;
    const quote = toQuote(text, d);
    if (keep(quote)) out.push(quote);
  }
  return out;
}

/** A draft per quotation with the attribution its own sentence gives. */
function attributeAll(text: string, sentences: Sentence[], marks: MarkSpan[]): Draft[] {
  const drafts: Draft[] = [];
  sentences.forEach((s, si) => {
    s.units.forEach((u, qi) => {
      if (u.kind !== 'quote' || u.quote === undefined) return;
      const mark = marks[u.quote]!;
      let attribution = attribute(s.units, qi);
      // 'X said:' closing the sentence before a quotation that opens its own.
      if (!attribution && qi === 0 && si > 0) attribution = colonCue(sentences[si - 1]!.units);
      const partial = isPartial(s.units, qi, text.slice(mark.start, mark.end));
      drafts.push({ mark, sentence: si, partial, attribution, borrowed: false, speaker: null });
    });
  });
  return drafts;
}

/** Parts of one quotation split over paragraphs share the first attribution any of them has. */
function shareWithinGroups(drafts: Draft[]): void {
  const byGroup = new Map<number, Draft>();
  for (const d of drafts) if (d.attribution && !byGroup.has(d.mark.group)) byGroup.set(d.mark.group, d);
  for (const d of drafts) {
    const owner = byGroup.get(d.mark.group);
    if (!d.attribution && owner) d.attribution = owner.attribution;
  }
}

function resolveSpeaker(text: string, d: Draft, mentions: MentionInput[], persons: ReturnType<typeof personCandidates>, previous: Draft | null): void {
  const phrase: Phrase | null = d.attribution!.speaker;
  if (!phrase) return;
  if (phrase.kind !== 'pronoun') {
    d.speaker = snapSpeaker(text, phrase, mentions);
    return;
  }
  const pronoun = text.slice(phrase.start, phrase.end);
  d.pronoun = pronoun;
  if (PERSON_PRONOUNS.has(pronoun.toLowerCase())) {
    const person = personBefore(persons, phrase.start);
    if (person) {
      d.speaker = snapSpeaker(text, person, mentions);
      return;
    }
  }
  // 'it said', 'they said': the previous speaker, when it is not a person. Otherwise unresolved.
  const prev = previous?.speaker;
  const prevIsPerson = prev ? personBefore(persons, prev.end)?.start === prev.start : false;
  d.speaker = prev && !PERSON_PRONOUNS.has(pronoun.toLowerCase()) && (!prevIsPerson || pronoun.toLowerCase() === 'we') ? prev : null;
}

function toQuote(text: string, d: Draft): Quote {
  const a = d.attribution;
  let via = a?.via ? { text: text.slice(a.via.start, a.via.end), start: a.via.start, end: a.via.end } : null;
  if (via && d.speaker && via.start < d.speaker.end && d.speaker.start < via.end) via = null;
  return {
    start: d.mark.start,
    end: d.mark.end,
    text: text.slice(d.mark.start, d.mark.end),
    partial: d.partial,
    speaker: d.speaker,
    cue: a?.cue ?? '',
    cueType: a?.cueType ?? 'none',
    via: d.borrowed && a?.cueType === 'none' ? null : via,
    ...(d.pronoun ? { pronoun: d.pronoun } : {}),
  };
}

/**
 * Scare quotes and quoted terms are not quotations: short, and either unattributed or a fragment;
 * nor are titles of works ('“The Future of Work”'), which are fragments in title case.
 */
function keep(q: Quote): boolean {
  const tokens = q.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const words = tokens.length;
  if (words === 0) return false;
  if ((q.partial || !q.speaker) && words >= 2 && isTitleCase(tokens)) return false;
  if (!q.speaker) return words >= MIN_WORDS_WITHOUT_SPEAKER;
  return words >= 2 || !q.partial;
}

/** Every word of four letters or more is capitalised ('Electronic Markets and Electronic Hierarchies'). */
function isTitleCase(tokens: string[]): boolean {
  const long = tokens.filter((t) => /\p{L}{4,}/u.test(t));
  return long.length > 0 && long.every((t) => /^[^\p{L}]*\p{Lu}/u.test(t));
}

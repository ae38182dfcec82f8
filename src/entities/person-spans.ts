// A person span from the tagger made to hold the name alone. The tagger glues words to a name that
// capitals alone make look like one: headline words ('Sixers Hire Maurice Cheeks'), a sentence's
// first word ('Describing Yida as ...'), a team or title before a position ('Saints RB Reggie Bush'),
// a team member's noun ('Charger Vincent Jackson' beside 'Chargers'), and it takes sentence adverbs
// ('Moreover') and group words ('Sunni Muslims') for names. Each rule reads the article itself
// (lines in title case, sentence starts, how a word is written elsewhere) and the lexicon.
import type { Lexicon } from './lexicon.js';
import { isRoleWord, roleSector } from './roles.js';
import { isGroupPhrase } from './groups.js';

export interface PersonSpan {
  start: number;
  end: number;
  /** Words split off the name's start that describe the person ('RB', 'Charger'). */
  role?: string;
}

/** What the article says about where capitals mean nothing, computed once per text. */
export interface ArticleShape {
  text: string;
  /** [start, end) of each line written in title case (a headline or a headline-like line). */
  titleLines: [number, number][];
  /** Lower-cased words written in lower case somewhere in the text. */
  lowerWords: Set<string>;
  /** Lower-cased words written capitalised mid-sentence outside title-case lines. */
  midCapitalised: Set<string>;
  /** The person spans of the article, with their texts. */
  persons: { start: number; end: number; text: string }[];
}

/** Words that open a sentence as adverbs or connectives and are never a name on their own. */
const DISCOURSE = new Set(
  ('however moreover meanwhile furthermore nevertheless nonetheless additionally also still thus hence indeed instead ' +
    'otherwise likewise besides consequently therefore accordingly earlier later previously subsequently finally ' +
    'ultimately overall altogether elsewhere afterwards afterward initially currently recently yesterday today tomorrow ' +
    'unfortunately fortunately apparently obviously clearly notably importantly regardless')
    .split(' '),
);
const NAME_SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

function isTitleCaseLine(line: string): boolean {
  const long = line.match(/\p{L}{4,}/gu) ?? [];
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.75;
}

/** Sentence start: only quotes, brackets or dashes between `pos` and a line start or a sentence end. */
export function sentenceInitial(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && /[\s"“‘'([—–-]/u.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?:;]/.test(text[i]!);
}

export function articleShape(text: string, personSpans: { start: number; end: number }[]): ArticleShape {
  const titleLines: [number, number][] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (isTitleCaseLine(line)) titleLines.push([at, at + line.length]);
    at += line.length + 1;
  }
  const inTitle = (p: number) => titleLines.some(([a, b]) => p >= a && p < b);
  const lowerWords = new Set<string>();
  const midCapitalised = new Set<string>();
  for (const m of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const w = m[0];
    const p = m.index ?? 0;
    if (/^\p{Ll}/u.test(w)) lowerWords.add(w.toLowerCase());
    else if (!inTitle(p) && !sentenceInitial(text, p)) midCapitalised.add(w.toLowerCase());
  }
  return { text, titleLines, lowerWords, midCapitalised, persons: personSpans.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) })) };
}

function inTitleLine(shape: ArticleShape, pos: number): boolean {
  return shape.titleLines.some(([a, b]) => pos >= a && pos < b);
}

interface Word {
  w: string;
  start: number;
  end: number;
}

function wordsOf(text: string, start: number, end: number): Word[] {
  return [...text.slice(start, end).matchAll(/\S+/g)].map((m) => ({ w: m[0], start: start + (m.index ?? 0), end: start + (m.index ?? 0) + m[0].length }));
}

/** A word whose capital its place explains: a title-case line, or the start of a sentence. */
function placeCapitalised(shape: ArticleShape, word: Word): boolean {
  return inTitleLine(shape, word.start) || sentenceInitial(shape.text, word.start);
}

/** A common word capitalised only by its place, never a name word in this article. */
function capitalisedCommonWord(shape: ArticleShape, lex: Lexicon, word: Word): boolean {
  const lw = word.w.toLowerCase();
  if (lex.personWord(word.w) || shape.midCapitalised.has(lw)) return false;
  return placeCapitalised(shape, word) && (lex.commonWord(word.w) || shape.lowerWords.has(lw));
}

/** A team member's noun: the word's plural is written capitalised in the article ('Charger' / 'Chargers'). */
function teamMemberNoun(shape: ArticleShape, lex: Lexicon, word: Word): boolean {
  if (lex.personWord(word.w) || !/^\p{Lu}\p{Ll}+$/u.test(word.w)) return false;
  return new RegExp(`(?<!\\p{L})${word.w}s(?!\\p{L})`, 'u').test(shape.text);
}

/** The rest of the span is a name the article writes on its own, and the span's own form is written once. */
function suffixStandsAlone(shape: ArticleShape, lex: Lexicon, words: Word[], i: number): boolean {
  if (words.length - i - 1 < 2 || lex.personWord(words[i]!.w) || shape.midCapitalised.has(words[i]!.w.toLowerCase())) return false;
  const rest = words.slice(i + 1).map((x) => x.w).join(' ');
  const full = words.slice(i).map((x) => x.w).join(' ');
  return shape.persons.some((p) => p.text === rest) && shape.persons.filter((p) => p.text === full).length <= 1;
}

/**
 * The name inside a person span, a role split off its start, or null when the span names no person
 * ('Moreover'). Group names go elsewhere (see `personSpanKind`).
 */
export function refinePersonSpan(shape: ArticleShape, lex: Lexicon, span: { start: number; end: number }): PersonSpan | null {
  const { text } = shape;
  // A span across a line break joins a headline to the next line: each side is read on its own and
  // the longer name kept (the later one on a tie: a headline's last word is seldom the name).
  const raw = text.slice(span.start, span.end);
  if (raw.includes('\n')) {
    let best: PersonSpan | null = null;
    let at = span.start;
    for (const part of raw.split('\n')) {
      const r = part.trim() ? refinePersonSpan(shape, lex, { start: at, end: at + part.length }) : null;
      const size = (x: PersonSpan | null) => (x ? text.slice(x.start, x.end).split(/\s+/).length : 0);
      if (r && size(r) >= size(best)) best = r;
      at += part.length + 1;
    }
    return best;
  }
  let words = wordsOf(text, span.start, span.end);
  if (words.length === 0) return null;
  const roles: string[] = [];
  // A title or position inside the span: the name is what follows it ('Saints RB Reggie Bush').
  for (let k = words.length - 2; k >= 1; k--) {
    if (!isRoleWord(words[k]!.w) || !roleSector(words[k]!.w)) continue;
    const tail = words.slice(k + 1);
    if (!tail.every((t) => /^\p{Lu}/u.test(t.w)) || tail.every((t) => NAME_SUFFIX.test(t.w))) continue;
    let j = k;
    while (j > 0 && isRoleWord(words[j - 1]!.w)) j--;
    roles.push(words.slice(j, k + 1).map((x) => x.w).join(' '));
    words = tail;
    break;
  }
  // Leading words that are no part of the name.
  let stripped = false;
  while (words.length > 1) {
    const w = words[0]!;
    if (isRoleWord(w.w)) break; // the role splitter keeps these as the role
    if (teamMemberNoun(shape, lex, w)) roles.push(w.w);
    else if (!capitalisedCommonWord(shape, lex, w) && !suffixStandsAlone(shape, lex, words, 0)) break;
    // An initial left alone ('Raj K') says the first word was the name.
    if (words.length === 2 && words[1]!.w.replace(/\./g, '').length <= 2) break;
    words = words.slice(1);
    stripped = true;
  }
  // What is left is common words only ('Drunk Driver', 'Moreover'): no name, unless the article
  // writes it as part of another person's name.
  const common = (w: Word) => lex.commonWord(w.w) && !lex.personWord(w.w) && !shape.midCapitalised.has(w.w.toLowerCase());
  if ((stripped || placeCapitalised(shape, words[0]!)) && words.every(common) && !words[words.length - 1]!.w.endsWith('.')) {
    const form = words.map((x) => x.w).join(' ');
    const re = new RegExp(`(?<!\\p{L})${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u');
    const elsewhere = shape.persons.some((p) => (p.end <= span.start || p.start >= span.end) && p.text !== form && re.test(p.text));
    if (!elsewhere) return null;
  }
  if (words.length === 1 && DISCOURSE.has(words[0]!.w.toLowerCase()) && placeCapitalised(shape, words[0]!)) return null;
  // A long run in a headline line that still holds common words is headline, not a name
  // ('Weighs Filing DUI Charges Against Chargers').
  if (words.length >= 4 && inTitleLine(shape, words[0]!.start) && words.some((x) => common(x) && !NAME_SUFFIX.test(x.w))) return null;
  const out: PersonSpan = { start: words[0]!.start, end: words[words.length - 1]!.end };
  if (roles.length) out.role = roles.join(' ');
  return out;
}

/** Words that name a news outlet inside a name ('Al Akhbar', 'Gulf Times'). */
const OUTLET_WORD = /^(akhbar|ahram|jazeera|arabiya|times|post|news|herald|gazette|tribune|journal|telegraph|chronicle|daily|agency|radio|tv|television|magazine|weekly|press|observer|courier|inquirer|bulletin)$/i;

/**
 * A team or a body named by a plural noun, as the article writes it with 'the' ('the Tar Heels',
 * 'the Saints' beside 'New Orleans Saints'): the last word is the plural of a common noun and the
 * article writes it after 'the'. A surname is not written so ('the Woods' is rare).
 */
function pluralBody(text: string, lex: Lexicon, words: string[]): boolean {
  const last = words[words.length - 1]!;
  if (!/^\p{Lu}\p{Ll}+s$/u.test(last) || lex.personWord(last) || !lex.commonWord(last.slice(0, -1)) && !lex.commonWord(last.replace(/ies$/, 'y'))) return false;
  if (!new RegExp(`(?<!\\p{L})[Tt]he\\s+(?:\\p{Lu}\\p{L}*\\s+)?${last}(?!\\p{L})`, 'u').test(text)) return false;
  // A first name before the word anywhere in the article makes it a surname ('Maurice Cheeks').
  for (const m of text.matchAll(new RegExp(`(\\p{Lu}[\\p{L}'’.-]*)\\s+${last}(?!\\p{L})`, 'gu'))) if (lex.personWord(m[1]!)) return false;
  return true;
}

/** What a person span names when it is no person: a group of people, an outlet, or a team. */
export function personSpanKind(text: string, lex: Lexicon, span: { start: number; end: number }): 'person' | 'group' | 'outlet' | 'team' {
  const raw = text.slice(span.start, span.end);
  if (isGroupPhrase(raw)) return 'group';
  const words = raw.split(/\s+/);
  if (words.length >= 2 && words.slice(1).some((w) => OUTLET_WORD.test(w) && !lex.personWord(w))) return 'outlet';
  if (pluralBody(text, lex, words)) return 'team';
  return 'person';
}

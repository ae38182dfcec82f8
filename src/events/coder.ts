// The event coder: for each sentence, the first event pattern whose subject is an actor gives
// the event; its source is the actor before the trigger (or after 'by' in the passive), its
// target the first actor after it; modality recodes intentions as intents (03) or threats (13).
import { spansWithin } from '../text/span-index.js';
import { sentencesWithTokens, type Token, type TokenizedSentence } from '../text/index.js';
import { findAtoms, findChunks, memberCode, type ActorChunk, type ActorMember, type Atom } from './actors.js';
import { cameoInfo, intentCode, mobilizeCode } from './cameo.js';
import { modalityOf, SAY_VERBS } from './modality.js';
import { findTriggers, type PatternMatch } from './patterns.js';
import { andClause, clauseBoundary, firstBoundary, isVerbal, relativeClauses, splitLaterSubjects } from './clauses.js';
import { findPluralAnaphor, likeliestPair, pairChunk, pairOf, remember, type Discourse } from './anaphora.js';
import { CONFIRM_WINDOW, confirmedEvents } from './confirm.js';
import { chunkOfPhrase, parseOf, rolesAt, type Parse } from './roles.js';
import type { CodedEvent, ContextMention, EventContext, EventInput, Modality } from './types.js';

/** Words that open an introductory phrase ('With the signing of ..., X agreed'). */
const INTRO = new Set(['with', 'under', 'in', 'after', 'following', 'on', 'despite', 'amid', 'during', 'before']);
const PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'of', 'with', 'for', 'against', 'by', 'on', 'into', 'near', 'throughout', 'between', 'toward', 'towards', 'over', 'about']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const MILITARY = new Set(['MIL']);
const CROWD = new Set(['CVL', 'EDU', 'LAB', 'REF', 'AGR', 'OPP', 'CRM']);

interface Role {
  chunk: ActorChunk | null;
}

/** Prepositions that make a following 'the <event noun>' a topic: 'a blackout on the withdrawal', 'talks about the attack'. */
const TOPIC_PREPOSITIONS = new Set(['on', 'about', 'over', 'into', 'concerning', 'regarding']);

/** An event noun governed by a topic preposition and a determiner names what is spoken of, not an event. */
function topicNoun(words: string[], m: PatternMatch): boolean {
  const step = m.pattern.steps[0] as { verbal: Set<string> };
  if (step.verbal.has(words[m.start]!)) return false;
  if (!['the', 'a', 'an', 'its', 'their'].includes(words[m.start - 1] ?? '')) return false;
  if (TOPIC_PREPOSITIONS.has(words[m.start - 2] ?? '')) return true;
  // 'the necessity of the withdrawal', 'a call for a ceasefire': the act is wanted, not done.
  return ['of', 'for'].includes(words[m.start - 2] ?? '') && WANTING.has(words[m.start - 3] ?? '');
}

/** Nouns that make an event noun after 'of' or 'for' an act wanted or feared, not one that happened. */
const WANTING = new Set(['necessity', 'need', 'call', 'calls', 'demand', 'demands', 'prospect', 'possibility', 'threat', 'risk', 'fear', 'fears', 'plan', 'plans', 'hope', 'hopes', 'appeal', 'appeals', 'request', 'requests']);

function parenDepth(words: string[]): number[] {
  const out: number[] = [];
  let d = 0;
  for (const w of words) {
    if (w === '(') d++;
    out.push(d);
    if (w === ')' && d > 0) d--;
  }
  return out;
}

function isPassive(words: string[], m: PatternMatch): boolean {
  const w = words[m.start]!;
  // A verb's participle: from a {verb} step, or a participle written out ('charged ... with').
  const first = m.pattern.steps[0] as { verbal: Set<string> };
  if (!first.verbal.has(w) && !/ed$/.test(w)) return false;
  if (!/(ed|en|wn|ught|ld|nt|ck|ut|ot)$/.test(w)) return false;
  const prev = words[m.start - 1];
  const prev2 = words[m.start - 2];
  // 'terrorism supported by regional powers': a participle with its agent after a noun is a passive too.
  const reduced = /ed$/.test(w) && words[m.end] === 'by' && prev !== undefined && !SUBJECT_PRONOUNS.has(prev);
  return reduced || (prev !== undefined && BE.has(prev)) || (prev2 !== undefined && BE.has(prev2) && /ly$/.test(prev ?? ''));
}

const LEAD_IN = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'some', 'all']);

/** The word before a chunk, looking past articles and unknown capitalised words ('of the Mediterranean Cyprus'). */
function precededByPreposition(words: string[], chunk: ActorChunk): boolean {
  const first = chunk.members[0]?.start ?? chunk.start;
  for (let i = first - 1; i >= Math.max(0, first - 4); i--) {
    const w = words[i]!;
    if (PREPOSITIONS.has(w)) return true;
    if (!LEAD_IN.has(w) && !/^[A-Z]/.test(w)) return false;
  }
  return false;
}

const POSSESSIVE = new Set(["'s", "'"]);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our']);

/** A chunk that can be an event's target: one that names a country or body, or armed groups and opposition. */
function canBeTarget(tokens: Token[], words: string[], c: ActorChunk, atoms: Atom[]): boolean {
  if (c.members.some((m) => m.hasOwnCountry)) return true;
  if (POSSESSIVE_PRONOUNS.has(words[c.start - 1] ?? '')) return false;
  // A title before a name ('President Laurent Gbagbo') is a person of the domestic government.
  const titled =
    (/^\p{Lu}/u.test(tokens[c.end]?.text ?? '') && !FUNCTION_START.has(words[c.end] ?? '')) ||
    tokens.slice(c.start, c.end).some((t, k) => k > 0 && /^\p{Lu}/u.test(t.text) && !atoms.some((a) => c.start + k >= a.start && c.start + k < a.end));
  if (titled || c.members.some((m) => m.sector === 'REB' || m.sector === 'OPP' || m.sector === 'UAF')) return true;
  // 'accused the government', 'attacked the army': a definite institution is the domestic one.
  return words[(c.members[0]?.start ?? c.start) - 1] === 'the' && c.members.every((m) => m.sector !== null && INSTITUTIONS.has(m.sector));
}

/** Restrictions on a population: coercion (17) and blockade (191). */
const RESTRICTIONS = /^(17|191)/;
const INSTITUTIONS = new Set(['GOV', 'MIL', 'COP', 'LEG', 'JUD']);

/** A people noun right after the verb ('arrested 12 protesters') is its object even without a country. */
function isDirectObject(words: string[], m: PatternMatch, c: ActorChunk): boolean {
  if (!c.members.some((x) => x.sector && PEOPLE.has(x.sector))) return false;
  const between = words.slice(m.end, c.members[0]?.start ?? c.start);
  return between.length <= 4 && between.every((w) => /^[\d,]+$/.test(w) || OBJECT_LEAD.has(w));
}

const PEOPLE = new Set(['CVL', 'EDU', 'LAB', 'REF', 'CRM', 'MED', 'REL', 'AGR']);
const OBJECT_LEAD = new Set(['the', 'a', 'an', 'some', 'several', 'dozens', 'hundreds', 'thousands', 'scores', 'of', 'more', 'than', 'at', 'least', 'about', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

const FUNCTION_START = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'and']);

const CLAUSE_BREAKS = new Set([';', 'according', 'without', 'whose', 'which', 'who', 'as', 'after', 'while', 'because', 'although', 'though', 'before', 'following', 'when']);

/** Where the target search stops: ';', 'according to', or a trailing attribution (', officials said'). */
function targetLimit(words: string[], from: number): number {
  for (let i = from; i < words.length; i++) {
    const w = words[i]!;
    if (CLAUSE_BREAKS.has(w)) return i;
    // '... will not allow this," the minister said': the quotation, and its target, end at the closing mark.
    if (w === ',' && CLOSING_QUOTES.has(words[i + 1] ?? '')) return i;
    if (w === ',' && words.length - i <= 14 && words.slice(i + 1).some((x) => SAY_VERBS.has(x))) return i;
  }
  return words.length;
}

const CLOSING_QUOTES = new Set(['”', '"', "''"]);
const OPENING_QUOTES = new Set(['“', '"', '``']);
const RELATIVE = new Set(['which', 'who']);

/**
 * 'Norway, which had offered to mediate, ...': a trigger inside a non-restrictive relative clause has
 * the clause's antecedent as its subject (the actor just before ', which').
 */
function relativeAntecedent(words: string[], chunks: ActorChunk[], at: number): ActorChunk | null {
  for (let k = at - 1; k >= Math.max(1, at - 12); k--) {
    const w = words[k]!;
    if (w === ',' || w === ';' || CLOSING_QUOTES.has(w)) return null;
    if (RELATIVE.has(w) && words[k - 1] === ',') {
      if (chunks.some((c) => c.start > k && c.end <= at && !precededByPreposition(words, c))) return null;
      return chunks.find((c) => c.end === k - 1) ?? null;
    }
  }
  return null;
}

/**
 * '"We will help them," the general said': a first-person subject inside a quotation is its
 * speaker, the actor right after the closing mark (before or after the verb of saying).
 */
function quotedSpeaker(words: string[], chunks: ActorChunk[], at: number): ActorChunk | null {
  let open = -1;
  for (let k = at - 1; k >= 0; k--) {
    if (OPENING_QUOTES.has(words[k]!)) {
      open = k;
      break;
    }
    if (words[k] === '”') return null;
  }
  if (open < 0 || !words.slice(open + 1, at).some((w) => w === 'we' || w === 'i')) return null;
  const close = words.findIndex((w, k) => k > at && CLOSING_QUOTES.has(w));
  if (close < 0) return null;
  const speaker = chunks.find((c) => c.start > close && c.start <= close + 4);
  return speaker && words.slice(close + 1, speaker.end + 3).some((w) => SAY_VERBS.has(w)) ? speaker : null;
}

/**
 * 'signed an agreement that commits Iran ...', 'the visit ... follows talks that X held': a relative
 * 'that' after the trigger's noun starts a clause of its own, whose actors are not the event's.
 */
function relativeLimit(words: string[], m: PatternMatch, limit: number): number {
  const last = m.pattern.steps[m.pattern.steps.length - 1];
  const nounEnd = last?.kind === 'word' && !last.verbal.has(words[m.end - 1] ?? '');
  for (let i = m.end; i < limit; i++) {
    if (words[i] !== 'that') continue;
    if (i === m.end ? nounEnd || !isVerbal(words, m) : !isVerbal(words, m) && !SAY_VERBS.has(words[i - 1]!)) return i;
  }
  return limit;
}

function sourceBefore(words: string[], chunks: ActorChunk[], at: number): ActorChunk | null {
  const left = chunks.filter((c) => c.end <= at);
  for (let k = left.length - 1; k >= 0; k--) {
    const c = left[k]!;
    if (precededByPreposition(words, c)) continue;
    // 'Pakistan, a key U.S. ally, refused': the apposition is not the subject.
    // '..., a rights group protested': a chunk the verb follows with no comma between is the subject.
    const prev = left[k - 1];
    if (prev && isApposition(words, prev, c) && words.slice(c.end, at).includes(',')) continue;
    return c;
  }
  return left[left.length - 1] ?? null;
}

function isApposition(words: string[], prev: ActorChunk, c: ActorChunk): boolean {
  if (words[prev.end] !== ',') return false;
  const between = words.slice(prev.end + 1, c.members[0]?.start ?? c.start);
  return between.every((w) => LEAD_IN.has(w) || /^[a-z]+$/.test(w)) && between.length <= 4;
}

const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
const AUX = new Set(['will', 'would', 'could', 'should', 'might', 'may', 'can', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'not', "n't", 'also', 'still', 'again', 'to', 'no', 'longer', 'never', 'ready', 'willing', 'prepared', 'plans', 'planned', 'intends', 'wants']);

/** 'X said it would attack': a pronoun subject of a complement clause stands for the matrix subject. */
function pronounSubject(words: string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 6); i--) {
    const w = words[i]!;
    if (SUBJECT_PRONOUNS.has(w)) return i > 0;
    if (!AUX.has(w)) return false;
  }
  return false;
}

/** 'X was indicted by the court and will resign': a verb after 'and' (past its auxiliaries) shares the sentence's subject. */
function coordinatedPredicate(words: string[], at: number): boolean {
  let i = at - 1;
  while (i > 0 && (AUX.has(words[i]!) || /ly$/.test(words[i]!))) i--;
  return i > 0 && words[i] === 'and';
}

/**
 * 'The Vietnamese minister said Vietnam is committed to ...': a country's own official speaking for
 * it is the actor (VNMGOV), not the bare country.
 */
function officialSpeaker(words: string[], chunks: ActorChunk[], subject: ActorChunk | null): ActorChunk | null {
  const m = subject?.members.length === 1 ? subject.members[0]! : null;
  if (!subject || !m || m.sector || m.capitalOnly || !m.hasOwnCountry) return null;
  const speaker = matrixSubject(words, chunks, subject.start);
  const s = speaker?.members.length === 1 ? speaker.members[0]! : null;
  if (!speaker || !s || s.sector !== 'GOV' || speaker === subject) return null;
  if (!words.slice(speaker.end, subject.start).some((w) => SAY_VERBS.has(w))) return null;
  return (s.country ?? fallbackCountry(chunks, s.start)) === m.country ? speaker : null;
}

/** The sentence's subject: its first actor not governed by a preposition, before `at`. */
function matrixSubject(words: string[], chunks: ActorChunk[], at: number): ActorChunk | null {
  return chunks.find((c) => c.end <= at && !precededByPreposition(words, c)) ?? null;
}

/** A sector-only actor takes the country of the sentence's nearest actor that has one. */
function fallbackCountry(chunks: ActorChunk[], near: number, exclude: ActorChunk | null = null): string | null {
  let best: { d: number; c: string } | null = null;
  for (const ch of chunks)
    for (const m of ch.members) {
      if (ch === exclude && m.hasOwnCountry) continue;
      if (!m.country || m.country === 'IGO' || m.country === 'NGO' || m.country === 'IMG') continue;
      // Earlier mentions first: 'Russian aircraft including helicopter gunships killed Afghans'.
      const d = m.start < near ? near - m.start : 1000 + m.start - near;
      if (!best || d < best.d) best = { d, c: m.country };
    }
  return best?.c ?? null;
}

/** `other` is the event's other participant: a sector-only actor does not borrow its country ('The minister is visiting Israel'). */
function codesOf(chunk: ActorChunk | null, asSubject: boolean, chunks: ActorChunk[], domestic: string | null = null, other: ActorChunk | null = null): { code: string | null; member: ActorMember | null }[] {
  if (!chunk) return [{ code: null, member: null }];
  const out = chunk.members.map((m) => ({ code: memberCode(m, asSubject, domestic ?? fallbackCountry(chunks, m.start, other)), member: m }));
  return out.length ? out : [{ code: null, member: null }];
}

function recode(code: string, spec: PatternMatch['pattern']['spec'], sourceSector: string | null, cues: ReturnType<typeof modalityOf>): string {
  let c = code;
  if (spec.military && sourceSector && MILITARY.has(sourceSector)) c = spec.military;
  if (spec.crowd && sourceSector && CROWD.has(sourceSector)) c = spec.crowd;
  if (spec.keep || cues.modality === 'negated') return c;
  const root = Number(c.slice(0, 2));
  if (cues.unless && root >= 3 && root <= 9) return '130';
  if (cues.prepared && root >= 18) return mobilizeCode(c);
  if (cues.modality === 'intended' || cues.modality === 'conditional') return intentCode(c);
  return c;
}

function textOf(tokens: Token[], text: string, chunk: ActorChunk | null, m: ActorMember | null): string | null {
  if (!chunk) return null;
  const a = m ?? chunk.members[0];
  if (!a) return null;
  return text.slice(tokens[a.start]!.start, tokens[a.end - 1]!.end);
}

/**
 * The gazetteer already reads a mention's words as well as the mention's code does: a curated entry
 * (body, armed group, leader, epithet) overlaps it, or its own atoms name the same country and
 * sector ('Hungarian' in 'Hungarian and Romanian officials', 'Ghanaians' as people acted upon).
 */
function gazetteerKnows(atoms: Atom[], m: Atom): boolean {
  const over = atoms.filter((a) => a.start < m.end && m.start < a.end);
  if (!over.length) return false;
  if (over.some((a) => a.kind === 'code')) return true;
  const countries = new Set(over.map((a) => a.country).filter((c) => c));
  if (countries.size !== 1 || !countries.has(m.country)) return false;
  return m.sector === null || over.some((a) => a.sector === m.sector) || m.sector === 'GOV';
}

/** Mentions the language layer resolved to an actor code replace the gazetteer's atoms they overlap, unless the gazetteer knows them as well. */
function withMentions(tokens: Token[], atoms: Atom[], mentions: ContextMention[]): Atom[] {
  const extra: Atom[] = [];
  for (const m of mentions) {
    if (!m.code) continue;
    const first = tokens.findIndex((t) => t.end > m.start);
    if (first < 0 || tokens[first]!.start >= m.end) continue;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
    const atom: Atom = { start: first, end: last + 1, kind: 'code', country: m.code.slice(0, 3), sector: m.code.length > 3 ? m.code.slice(3, 6) : null };
    if (!gazetteerKnows(atoms, atom)) extra.push(atom);
  }
  if (!extra.length) return atoms;
  const kept = atoms.filter((a) => !extra.some((e) => a.start < e.end && e.start < a.end));
  return [...kept, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * Codes one sentence. `discourse` carries what earlier sentences of the same text named, so that
 * 'The two agreed' stands for the last pair of actors; it is updated with this sentence's pair.
 */
export function codeSentence(
  text: string,
  span: TokenizedSentence,
  published: string | null,
  mentions: ContextMention[] = [],
  discourse: Discourse = { pairs: [] },
  useParse = true,
): CodedEvent[] {
  const { tokens } = span;
  const words = tokens.map((t) => t.text.toLowerCase().replace(/’/g, "'"));
  const atoms = withMentions(tokens, findAtoms(tokens), mentions);
  // Actors inside parentheses ('Hizbollah (Party of God)') are glosses, not participants.
  const depth = parenDepth(words);
  const chunks = withAnaphor(words, findChunks(tokens, atoms).filter((c) => depth[c.start] === 0), discourse);
  let parsed: Parse | null = null;
  const parse = () => (useParse ? (parsed ??= parseOf(tokens)) : null);
  const events = codeClauses({ text, span, published, tokens, words, atoms, chunks, parse });
  remember(discourse, pairOf(events, lastPair(words, chunks, chunks.length)));
  return events;
}

/**
 * The codes of the last chunk among the first `before` that holds two or more distinct actors,
 * preferring a subject or a 'between' pair to one governed by another preposition ('a message to
 * the Americans and Israelis').
 */
function lastPair(words: string[], chunks: ActorChunk[], before: number): string[] | null {
  let fallback: string[] | null = null;
  for (let k = Math.min(before, chunks.length) - 1; k >= 0; k--) {
    const c = chunks[k]!;
    if (c.members.length < 2) continue;
    const codes = [...new Set(codesOf(c, true, chunks).map((x) => x.code).filter((x): x is string => x !== null))];
    if (codes.length < 2) continue;
    const first = c.members[0]!.start;
    if (!precededByPreposition(words, c) || words[first - 1] === 'between' || words[first - 2] === 'between') return codes;
    fallback ??= codes;
  }
  return fallback;
}

/** Replaces a plural anaphor ('the two', 'both sides') by the pair it stands for: this sentence's earlier one, else the text's. */
function withAnaphor(words: string[], chunks: ActorChunk[], discourse: Discourse): ActorChunk[] {
  const anaphor = findPluralAnaphor(words);
  if (!anaphor) return chunks;
  const named = new Set(chunks.flatMap((c) => c.members.map((m) => m.country ?? '')));
  const antecedent = lastPair(words, chunks, chunks.filter((c) => c.end <= anaphor.start).length) ?? likeliestPair(discourse, named);
  if (!antecedent) return chunks;
  const kept = chunks.filter((c) => c.end <= anaphor.start || c.start >= anaphor.end);
  return [...kept, pairChunk(anaphor, antecedent)].sort((a, b) => a.start - b.start);
}

function codeClauses(p: Parsed): CodedEvent[] {
  const { tokens, words } = p;
  let chunks = p.chunks;
  const inChunk = (i: number) => chunks.some((c) => i >= c.start && i < c.end);
  // A capitalised verb inside a sentence is part of a name or a heading ('Free Sign Up'), not an action.
  const capitalisedVerb = (m: PatternMatch) => m.start > 0 && /^\p{Lu}/u.test(tokens[m.start]!.text) && isVerbal(words, m);
  const found = findTriggers(words).filter((m) => !inChunk(m.start) && !capitalisedVerb(m) && !topicNoun(words, m) && cameoInfo(m.pattern.spec.code)?.plover && !notAVerb(p, m));
  // A non-restrictive relative clause (', who arrived in Amman,') is background to the main clause.
  const relative = relativeClauses(words);
  const outside = found.filter((m) => !relative[m.start]);
  const triggers = outside.length ? outside : found;
  if (!triggers.length) return [];
  if (outside.length) chunks = chunks.filter((c) => !relative[c.start]);
  const anchored = (m: PatternMatch) => m.pattern.spec.role === 'deontic' || isPassive(words, m) || chunks.some((c) => c.end <= m.start);
  const firstComma = words.indexOf(',');
  const introductory = (m: PatternMatch) => INTRO.has(words[0]!) && firstComma > m.start;
  const main = triggers.find((m) => anchored(m) || (!introductory(m) && m.start <= 8 && !triggers.some((o) => o !== m && anchored(o) && o.start < m.start))) ?? triggers[0]!;
  chunks = splitLaterSubjects(words, chunks, triggers, main.end);
  const clause: Parsed = { ...p, chunks };
  // A second clause ('..., but was still refusing ...', '... and the two agreed') is its own event,
  // its subject the first one's unless it names one.
  const boundary = firstBoundary(clauseBoundary(words, main.end), andClause(words, chunks, triggers, main.end));
  const first = codeTrigger(clause, main, 0, null, boundary < 0 ? words.length : boundary, triggers);
  if (boundary < 0) return first.events;
  const next = triggers.find((m) => m.start > boundary && isVerbal(words, m));
  if (!next) return first.events;
  return dedupe([...first.events, ...codeTrigger(clause, next, boundary, first.source).events]);
}

/** A lexicon verb the parse reads as another part of speech ('the finance minister'). */
function notAVerb(p: Parsed, m: PatternMatch): boolean {
  if (!m.pattern.spec.lexicon) return false;
  const tree = p.parse();
  return tree !== null && tree.upos[m.start] !== 'VERB';
}

interface Parsed {
  text: string;
  span: { start: number; end: number };
  published: string | null;
  tokens: Token[];
  words: string[];
  atoms: Atom[];
  chunks: ActorChunk[];
  /** The sentence's dependency parse, computed on first use (sentences with no trigger are not parsed); null when roles come from word order alone. */
  parse: () => Parse | null;
}

function codeTrigger(p: Parsed, main: PatternMatch, from: number, inherited: ActorChunk | null, until = p.words.length, triggers: PatternMatch[] = []): { events: CodedEvent[]; source: ActorChunk | null } {
  const { text, span, published, tokens, words, atoms } = p;
  const chunks = from > 0 ? p.chunks.filter((c) => c.start > from) : p.chunks;
  const spec = main.pattern.spec;
  let source: Role = { chunk: null };
  let target: Role = { chunk: null };
  let speakerBeforeSource = false;
  /** Whether the source came from the nearest-name rules rather than the parse. */
  let fallback = false;
  const limit = Math.min(until, targetLimit(words, main.end));
  if (spec.role === 'deontic') {
    const t = sourceBefore(words, chunks, main.start);
    target = { chunk: t };
    const s = t ? chunks.find((c) => c.end <= t.start && !precededByPreposition(words, c)) ?? null : null;
    source = { chunk: s };
  } else if (isPassive(words, main)) {
    // 'The envoy was summoned': the pattern's object is the subject, the actor it belongs to (if any) the target.
    const objectAt = main.objectAt;
    // A reduced passive ('terrorism supported by ...') is about the noun just before it, if that is an actor.
    const reduced = !BE.has(words[main.start - 1] ?? '') && !BE.has(words[main.start - 2] ?? '');
    const subject = reduced ? (chunks.find((c) => c.end === main.start) ?? null) : sourceBefore(words, chunks, main.start);
    target = { chunk: objectAt === undefined ? subject : (chunks.find((c) => objectAt >= c.start && objectAt < c.end) ?? null) };
    const by = agentMarker(words, main.end, limit);
    source = { chunk: by >= 0 ? (chunks.find((c) => c.start > by && c.start <= by + 3) ?? null) : null };
    // 'Sanctions were imposed on Iraq by the UN': with no actor as subject, the target follows the verb.
    if (!target.chunk) target = { chunk: chunks.find((c) => c.start >= main.end && c.start < (by >= 0 ? by : limit) && PASSIVE_TARGET.has(words[(c.members[0]?.start ?? c.start) - 1] ?? '') && canBeTarget(tokens, words, c, atoms)) ?? null };
  } else {
    const sharedSubject = pronounSubject(words, main.start) || coordinatedPredicate(words, main.start);
    // The parse first; the word-order rules where it names no actor (then with lower confidence).
    const tree = p.parse();
    const roles = tree ? rolesAt(tree, words, main.start) : { source: null, targets: [], passive: false };
    const parsedSource = tree ? chunkOfPhrase(tree, chunks, roles.source) : null;
    // The parse's object or oblique, when it is an actor that can be acted on (not 'its troops').
    const parsedTarget =
      roles.targets.map((k) => (tree ? chunkOfPhrase(tree, chunks, k) : null)).find((c) => c && c !== parsedSource && (canBeTarget(tokens, words, c, atoms) || isDirectObject(words, main, c))) ?? null;
    if (!parsedSource) fallback = true;
    const subject =
      parsedSource ??
      relativeAntecedent(words, chunks, main.start) ??
      quotedSpeaker(words, chunks, main.start) ??
      (sharedSubject ? matrixSubject(words, chunks, main.start) : null) ??
      sourceBefore(words, chunks, main.start) ??
      inherited;
    source = { chunk: officialSpeaker(words, chunks, subject) ?? subject };
    // An event noun alone ('the visit by ...') has its participants in its own phrase, a few words on.
    const nounLimit = isVerbal(words, main) ? relativeLimit(words, main, limit) : Math.min(relativeLimit(words, main, limit), main.end + 8);
    target = {
      chunk:
        parsedTarget ??
        chunks.find((c, k, all) => c.start > main.start && c.start < nounLimit && c !== source.chunk && (canBeTarget(tokens, words, c, atoms) || isDirectObject(words, main, c) || (all.findIndex((x) => x.start > main.start) === k && c.members.every((m) => m.sector !== null && PEOPLE.has(m.sector))))) ?? null,
    };
    // 'Croatia is abusing refugees, a rights group charged': a complaint or demand written as a trailing
    // attribution is about the reported clause's subject.
    if (!target.chunk && source.chunk && TRAILING_ROOTS.has(spec.code.slice(0, 2)) && trailingAttribution(words, source.chunk, main)) {
      const sc = source.chunk;
      target = { chunk: chunks.find((c) => c.end <= sc.start && !precededByPreposition(words, c)) ?? null };
    }
    if (source.chunk) {
      const sc = source.chunk;
      speakerBeforeSource = chunks.some((c) => c.end <= sc.start) && words.slice(0, sc.start).some((w) => SAY_VERBS.has(w));
    }
  }
  const cues = modalityOf(words, source.chunk && source.chunk.end <= main.start ? source.chunk.end : 0, main.start, main.end, speakerBeforeSource);
  // 'cancelled the visit': the act reversed is coded negated, never as done.
  if (spec.negate) cues.modality = 'negated';
  // A visitor comes from elsewhere: a sector-only visitor does not take the host's country.
  const armed = source.chunk !== null && source.chunk.end <= main.start && armedAction(tokens, words, source.chunk.end);
  const sources = codesOf(source.chunk, true, chunks, null, spec.code === '042' ? target.chunk : null).map((x) =>
    armed && x.code && x.code.length === 3 ? { ...x, code: `${x.code}MIL` } : x,
  );
  // 'Israel, Iran's enemy, ...': a possessor beside other members names whose the phrase is, not an actor.
  if (sources.length > 1) {
    const owners = sources.filter((x) => x.member && POSSESSIVE.has(words[x.member.end] ?? ''));
    if (owners.length && owners.length < sources.length) sources.splice(0, sources.length, ...sources.filter((x) => !owners.includes(x)));
  }
  const sourceCountry = source.chunk?.members.find((m) => m.country && m.country.length === 3 && !['IGO', 'NGO', 'IMG'].includes(m.country))?.country ?? null;
  // A borrowed country that makes the target the source itself ('the Egyptian minister met the king') is unknown.
  const found = codesOf(target.chunk, false, chunks, sourceCountry).map((t) => {
    if (t.member && !t.member.hasOwnCountry && t.code && sources.some((x) => x.code === t.code)) return { code: null, member: t.member };
    // A city under curfew, ban or blockade stands for its residents.
    if (t.member?.capitalOnly && t.code?.length === 3 && RESTRICTIONS.test(spec.code)) return { ...t, code: `${t.code}CVL` };
    return t;
  });
  // 'The allies signed an agreement that commits Iran ...': one of several sources is not their target.
  const own = new Set(sources.map((x) => x.code));
  const others = sources.length > 1 ? found.filter((t) => !t.code || !own.has(t.code)) : found;
  const targets = others.length ? others : [{ code: null, member: null }];
  const code = recode(spec.code, spec, armed ? 'MIL' : (sources[0]?.member?.sector ?? null), cues);
  const info = cameoInfo(code) ?? cameoInfo(spec.code);
  if (!info?.plover) return { events: [], source: source.chunk };
  const finalCode = cameoInfo(code) ? code : spec.code;
  // What an intent or threat announces, were it carried out ('would attack' -> 190), for a later 'the attack'.
  const planned =
    cues.modality === 'intended' || cues.modality === 'conditional'
      ? recode(spec.code, spec, armed ? 'MIL' : (sources[0]?.member?.sector ?? null), { modality: 'asserted', unless: false, prepared: false })
      : finalCode.startsWith('13')
        ? threatenedForce(words, triggers, main.end, until)
        : null;
  const trigger = text.slice(tokens[main.start]!.start, tokens[main.end - 1]!.end);
  const date = published ? published.slice(0, 10) : null;
  const location = locationOf(tokens, words, atoms, text);
  const base = (s: (typeof sources)[number], t: (typeof targets)[number], chunkS: ActorChunk | null, chunkT: ActorChunk | null, reciprocal: boolean): CodedEvent => ({
    source: s.code,
    target: t.code,
    sourceText: textOf(tokens, text, chunkS, s.member),
    targetText: textOf(tokens, text, chunkT, t.member),
    cameo: finalCode,
    root: info.root,
    plover: info.plover!,
    quad: info.quad,
    goldstein: info.goldstein,
    modality: cues.modality as Modality,
    date,
    location,
    start: span.start,
    end: span.end,
    trigger,
    confidence: confidenceOf(s.code, t.code, cues.modality, fallback),
    ...(reciprocal ? { reciprocal: true } : {}),
    ...(planned && planned !== finalCode && cameoInfo(planned)?.plover ? { planned } : {}),
  });
  const events: CodedEvent[] = [];
  const hasTarget = targets.some((t) => t.code);
  const targetNear = target.chunk !== null && target.chunk.start - main.end <= 3;
  // 'A and B held talks in Algiers': after two parties, a place after 'in' or 'at' is the venue.
  const venue = target.chunk !== null && ['in', 'at'].includes(words[(target.chunk.members[0]?.start ?? 0) - 1] ?? '');
  if (sources.length > 1 && ((spec.symmetric && (!hasTarget || !targetNear || venue)) || (spec.mutual && (!hasTarget || !targetNear)))) {
    // 'A and B met', 'A and B agreed': only a symmetric or mutual act has each member act on the other.
    for (const a of sources) for (const b of sources) if (a !== b && a.code !== b.code) events.push(base(a, b, source.chunk, source.chunk, true));
  } else {
    for (const s of sources) for (const t of targets) {
      // Of several sources, the one whose own country is the target does not act on itself.
      if (sources.length > 1 && s.code && t.code && s.code.slice(0, 3) === t.code.slice(0, 3)) continue;
      events.push(base(s, t, source.chunk, target.chunk, !!spec.symmetric));
      if (spec.symmetric && s.code && t.code) events.push(base(t, s, target.chunk, source.chunk, true));
    }
  }
  // An actor does not act on itself ('the minister vowed that the minister's country ...'); an event
  // with neither actor tells an analyst nothing about who did what.
  return { events: dedupe(events.filter((e) => (e.source || e.target) && e.source !== e.target)), source: source.chunk };
}

/** Complaints and demands (10, 11) that a trailing attribution may carry. */
const TRAILING_ROOTS = new Set(['10', '11']);
const TRAILING_TAIL = new Set(['here', 'today', 'yesterday', 'on', 'in', 'a', 'the', 'statement', 'late', 'earlier', 'also', 'again', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'night', 'morning', 'week', 'last', '.', '!']);

/** ', <actor> <verb> [here] [on Friday].': the source follows a comma and the verb ends the sentence. */
function trailingAttribution(words: string[], source: ActorChunk, m: PatternMatch): boolean {
  if (source.end > m.start || m.start - source.end > 1) return false;
  let i = source.start - 1;
  while (i >= 0 && LEAD_IN.has(words[i]!)) i--;
  if (words[i] !== ',' || i < 2) return false;
  return words.slice(m.end).every((w) => TRAILING_TAIL.has(w));
}

/** Prepositions that bring in a passive's target when its subject is no actor ('imposed on Iraq', 'sent to Haiti'). */
const PASSIVE_TARGET = new Set(['on', 'upon', 'against', 'to', 'toward', 'towards']);

const FIGHTS = new Set(['clash', 'clashes', 'fighting', 'battle', 'battles', 'gunfight', 'firefight', 'skirmish', 'skirmishes']);

/** Where a passive's agent is introduced: 'by', or 'with' after a fight ('were killed in clashes with rebels'); -1 if none. */
function agentMarker(words: string[], from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (words[i] === 'by' || (words[i] === 'with' && FIGHTS.has(words[i - 1] ?? ''))) return i;
  return -1;
}

/**
 * 'Egypt warned Libya that it would attack': a threat's complement names the force it announces
 * (a 18-20 trigger after 'will'/'would'), kept as the threat's `planned` action.
 */
function threatenedForce(words: string[], triggers: PatternMatch[], from: number, until: number): string | null {
  for (const t of triggers) {
    if (t.start < from || t.start >= until || !isVerbal(words, t)) continue;
    const root = Number(t.pattern.spec.code.slice(0, 2));
    if (root < 18) continue;
    const before = words.slice(Math.max(from, t.start - 3), t.start);
    if (before.some((w) => w === 'will' || w === 'would')) return t.pattern.spec.code;
  }
  return null;
}

/** Nouns of armed action: 'US air strikes killed ...' names the country's military as the actor. */
const ARMED_ACTIONS = new Set(['attacks', 'attack', 'strikes', 'airstrikes', 'airstrike', 'raids', 'raid', 'shelling', 'bombing', 'bombings', 'bombardment', 'missiles', 'missile', 'rockets', 'drones', 'drone', 'offensive']);

/** A subject actor followed (past capitalised names: 'US Predator attacks') by a noun of armed action. */
function armedAction(tokens: Token[], words: string[], at: number): boolean {
  let i = at;
  while (i < at + 2 && /^\p{Lu}/u.test(tokens[i]?.text ?? '')) i++;
  if (words[i] === 'air' || words[i] === 'drone' || words[i] === 'missile') i++;
  return ARMED_ACTIONS.has(words[i] ?? '');
}

function confidenceOf(source: string | null, target: string | null, modality: Modality, fallback: boolean): number {
  let c = 0.4 + (source ? 0.3 : 0) + (target ? 0.2 : 0);
  if (modality !== 'asserted') c -= 0.1;
  if (fallback && source) c -= 0.15;
  return Math.round(c * 100) / 100;
}

/** The first country or capital written after 'in' ('in Damascus'), as the event's place. */
function locationOf(tokens: Token[], words: string[], atoms: ReturnType<typeof findAtoms>, text: string): string | null {
  for (const a of atoms) if ((a.kind === 'capital' || a.kind === 'country') && words[a.start - 1] === 'in') return text.slice(tokens[a.start]!.start, tokens[a.end - 1]!.end);
  return null;
}

function dedupe(events: CodedEvent[]): CodedEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const k = `${e.source}|${e.target}|${e.cameo}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Codes every sentence of a text. */
export function codeEvents(input: EventInput, ctx?: EventContext): CodedEvent[] {
  const out: CodedEvent[] = [];
  const mentions = ctx?.mentions ?? [];
  const discourse: Discourse = { pairs: [] };
  // Intents and threats of the last sentences, which a later 'the attack' may confirm.
  let announced: { event: CodedEvent; sentence: number }[] = [];
  let index = 0;
  const within = spansWithin(mentions);
  for (const span of ctx?.sentences ?? sentencesWithTokens(input.text)) {
    const inSpan = within(span.start, span.end);
    const events = codeSentence(input.text, span, input.published ?? null, inSpan, discourse, ctx?.parse ?? true);
    out.push(...events);
    const confirmed = confirmedEvents(input.text, span, index, announced);
    if (confirmed.length) {
      out.push(...confirmed);
      // One announcement is confirmed once.
      announced = announced.filter((a) => !confirmed.some((c) => c.start === a.event.start && c.source === a.event.source && c.target === a.event.target));
    }
    announced = [...announced.filter((a) => index - a.sentence < CONFIRM_WINDOW), ...events.filter((e) => e.planned).map((event) => ({ event, sentence: index }))];
    index++;
  }
  return out;
}

/** The fields of an event in the scriptable output of `dossier code`. */
export function eventFields(e: {
  source: string | null;
  target: string | null;
  cameo: string;
  plover: string | null;
  quad: number | null;
  goldstein: number | null;
  modality: string;
  date: string | null;
  location: string | null;
  start: number;
  end: number;
}) {
  const { source, target, cameo, plover, quad, goldstein, modality, date, location, start, end } = e;
  return { source, target, cameo, plover, quad, goldstein, modality, date, location, start, end };
}

/** `dossier code`: one JSON line {id, text, published?} in, one {id, events} line out. */
export function codeJsonLine(line: string): string {
  const rec = JSON.parse(line) as { id?: unknown; text?: unknown; published?: unknown };
  const id = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : '';
  const text = typeof rec.text === 'string' ? rec.text : '';
  const published = typeof rec.published === 'string' ? rec.published : null;
  const events = codeEvents({ id, text, published }).map(eventFields);
  return JSON.stringify({ id, events });
}
